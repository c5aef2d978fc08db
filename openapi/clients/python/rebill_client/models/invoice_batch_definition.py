from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.invoice_batch_definition_invoice_per import InvoiceBatchDefinitionInvoicePer
from ..models.invoice_batch_definition_line_grouping import InvoiceBatchDefinitionLineGrouping
from ..models.invoice_batch_definition_source_type_type_0 import InvoiceBatchDefinitionSourceTypeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceBatchDefinition")


@_attrs_define
class InvoiceBatchDefinition:
    """Exactly one of `selection_id` and `customer_ids`; exactly one of the period (`period_start`
    and `period_end`, the end not before the start) and `cutoff_date`.

        Attributes:
            title (str): The common object written on every invoice of the batch.
            selection_id (None | Unset | UUID):
            customer_ids (list[UUID] | None | Unset):
            source_type (InvoiceBatchDefinitionSourceTypeType0 | None | Unset): Only time on this kind of work item.
            period_start (datetime.date | None | Unset): With `period_end`: the inclusive local dates whose time every
                customer is billed for. Give either the period or `cutoff_date`.
            period_end (datetime.date | None | Unset):
            cutoff_date (datetime.date | None | Unset): Instead of a period: each customer is billed for its last complete
                billing cycle ending on or before this date (see the customer's `billing_cycle`), plus its late time (ready time
                dated before that cycle that no batch billed). Time after the cycle's end waits for the next one.
            include_late_time (bool | Unset): With a period: also bill the ready time dated before `period_start` that no
                batch billed (its lines are marked `late`). With `cutoff_date`, late time is always billed. Default: False.
            exclude_customer_ids (list[UUID] | Unset): Customers left out of this batch (a contact stands for the company it
                is billed to); their time waits for another batch. The report lists them in `customers_excluded`.
            show_employee_names (bool | Unset):  Default: False.
            validate (bool | Unset): true: invoices are made final (numbered, immutable). Default: False.
            send (bool | Unset): true: each validated invoice is emailed with its PDF. Default: False.
            product_mandatory (bool | Unset):  Default: False.
            run_at (datetime.datetime | None | Unset): At most 24 hours ahead; absent: now.
            notify_email (None | str | Unset):
            invoice_per (InvoiceBatchDefinitionInvoicePer | Unset): `customer`: one consolidated invoice per customer;
                `contract`: one invoice per contract, plus one for the time outside any contract. Default:
                InvoiceBatchDefinitionInvoicePer.CUSTOMER.
            line_grouping (InvoiceBatchDefinitionLineGrouping | Unset): `entry`: a line per time entry; `work_item`: a line
                per work item, product, unit price, tax rate and covered flag; `product`: a line per product, unit price, tax
                rate and covered flag. A grouped line's quantity is the sum of its entries' billed hours, its amount that sum ×
                unit price rounded once. Default: InvoiceBatchDefinitionLineGrouping.ENTRY.
    """

    title: str
    selection_id: None | Unset | UUID = UNSET
    customer_ids: list[UUID] | None | Unset = UNSET
    source_type: InvoiceBatchDefinitionSourceTypeType0 | None | Unset = UNSET
    period_start: datetime.date | None | Unset = UNSET
    period_end: datetime.date | None | Unset = UNSET
    cutoff_date: datetime.date | None | Unset = UNSET
    include_late_time: bool | Unset = False
    exclude_customer_ids: list[UUID] | Unset = UNSET
    show_employee_names: bool | Unset = False
    validate: bool | Unset = False
    send: bool | Unset = False
    product_mandatory: bool | Unset = False
    run_at: datetime.datetime | None | Unset = UNSET
    notify_email: None | str | Unset = UNSET
    invoice_per: InvoiceBatchDefinitionInvoicePer | Unset = InvoiceBatchDefinitionInvoicePer.CUSTOMER
    line_grouping: InvoiceBatchDefinitionLineGrouping | Unset = InvoiceBatchDefinitionLineGrouping.ENTRY

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        selection_id: None | str | Unset
        if isinstance(self.selection_id, Unset):
            selection_id = UNSET
        elif isinstance(self.selection_id, UUID):
            selection_id = str(self.selection_id)
        else:
            selection_id = self.selection_id

        customer_ids: list[str] | None | Unset
        if isinstance(self.customer_ids, Unset):
            customer_ids = UNSET
        elif isinstance(self.customer_ids, list):
            customer_ids = []
            for customer_ids_type_0_item_data in self.customer_ids:
                customer_ids_type_0_item = str(customer_ids_type_0_item_data)
                customer_ids.append(customer_ids_type_0_item)

        else:
            customer_ids = self.customer_ids

        source_type: None | str | Unset
        if isinstance(self.source_type, Unset):
            source_type = UNSET
        elif isinstance(self.source_type, InvoiceBatchDefinitionSourceTypeType0):
            source_type = self.source_type.value
        else:
            source_type = self.source_type

        period_start: None | str | Unset
        if isinstance(self.period_start, Unset):
            period_start = UNSET
        elif isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        period_end: None | str | Unset
        if isinstance(self.period_end, Unset):
            period_end = UNSET
        elif isinstance(self.period_end, datetime.date):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        cutoff_date: None | str | Unset
        if isinstance(self.cutoff_date, Unset):
            cutoff_date = UNSET
        elif isinstance(self.cutoff_date, datetime.date):
            cutoff_date = self.cutoff_date.isoformat()
        else:
            cutoff_date = self.cutoff_date

        include_late_time = self.include_late_time

        exclude_customer_ids: list[str] | Unset = UNSET
        if not isinstance(self.exclude_customer_ids, Unset):
            exclude_customer_ids = []
            for exclude_customer_ids_item_data in self.exclude_customer_ids:
                exclude_customer_ids_item = str(exclude_customer_ids_item_data)
                exclude_customer_ids.append(exclude_customer_ids_item)

        show_employee_names = self.show_employee_names

        validate = self.validate

        send = self.send

        product_mandatory = self.product_mandatory

        run_at: None | str | Unset
        if isinstance(self.run_at, Unset):
            run_at = UNSET
        elif isinstance(self.run_at, datetime.datetime):
            run_at = self.run_at.isoformat()
        else:
            run_at = self.run_at

        notify_email: None | str | Unset
        if isinstance(self.notify_email, Unset):
            notify_email = UNSET
        else:
            notify_email = self.notify_email

        invoice_per: str | Unset = UNSET
        if not isinstance(self.invoice_per, Unset):
            invoice_per = self.invoice_per.value

        line_grouping: str | Unset = UNSET
        if not isinstance(self.line_grouping, Unset):
            line_grouping = self.line_grouping.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if selection_id is not UNSET:
            field_dict["selection_id"] = selection_id
        if customer_ids is not UNSET:
            field_dict["customer_ids"] = customer_ids
        if source_type is not UNSET:
            field_dict["source_type"] = source_type
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if cutoff_date is not UNSET:
            field_dict["cutoff_date"] = cutoff_date
        if include_late_time is not UNSET:
            field_dict["include_late_time"] = include_late_time
        if exclude_customer_ids is not UNSET:
            field_dict["exclude_customer_ids"] = exclude_customer_ids
        if show_employee_names is not UNSET:
            field_dict["show_employee_names"] = show_employee_names
        if validate is not UNSET:
            field_dict["validate"] = validate
        if send is not UNSET:
            field_dict["send"] = send
        if product_mandatory is not UNSET:
            field_dict["product_mandatory"] = product_mandatory
        if run_at is not UNSET:
            field_dict["run_at"] = run_at
        if notify_email is not UNSET:
            field_dict["notify_email"] = notify_email
        if invoice_per is not UNSET:
            field_dict["invoice_per"] = invoice_per
        if line_grouping is not UNSET:
            field_dict["line_grouping"] = line_grouping

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        def _parse_selection_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                selection_id_type_0 = UUID(data)

                return selection_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        selection_id = _parse_selection_id(d.pop("selection_id", UNSET))

        def _parse_customer_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                customer_ids_type_0 = []
                _customer_ids_type_0 = data
                for customer_ids_type_0_item_data in _customer_ids_type_0:
                    customer_ids_type_0_item = UUID(customer_ids_type_0_item_data)

                    customer_ids_type_0.append(customer_ids_type_0_item)

                return customer_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        customer_ids = _parse_customer_ids(d.pop("customer_ids", UNSET))

        def _parse_source_type(data: object) -> InvoiceBatchDefinitionSourceTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_type_0 = InvoiceBatchDefinitionSourceTypeType0(data)

                return source_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvoiceBatchDefinitionSourceTypeType0 | None | Unset, data)

        source_type = _parse_source_type(d.pop("source_type", UNSET))

        def _parse_period_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_start = _parse_period_start(d.pop("period_start", UNSET))

        def _parse_period_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.date.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_end = _parse_period_end(d.pop("period_end", UNSET))

        def _parse_cutoff_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cutoff_date_type_0 = datetime.date.fromisoformat(data)

                return cutoff_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        cutoff_date = _parse_cutoff_date(d.pop("cutoff_date", UNSET))

        include_late_time = d.pop("include_late_time", UNSET)

        _exclude_customer_ids = d.pop("exclude_customer_ids", UNSET)
        exclude_customer_ids: list[UUID] | Unset = UNSET
        if _exclude_customer_ids is not UNSET:
            exclude_customer_ids = []
            for exclude_customer_ids_item_data in _exclude_customer_ids:
                exclude_customer_ids_item = UUID(exclude_customer_ids_item_data)

                exclude_customer_ids.append(exclude_customer_ids_item)

        show_employee_names = d.pop("show_employee_names", UNSET)

        validate = d.pop("validate", UNSET)

        send = d.pop("send", UNSET)

        product_mandatory = d.pop("product_mandatory", UNSET)

        def _parse_run_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                run_at_type_0 = datetime.datetime.fromisoformat(data)

                return run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        run_at = _parse_run_at(d.pop("run_at", UNSET))

        def _parse_notify_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notify_email = _parse_notify_email(d.pop("notify_email", UNSET))

        _invoice_per = d.pop("invoice_per", UNSET)
        invoice_per: InvoiceBatchDefinitionInvoicePer | Unset
        if isinstance(_invoice_per, Unset):
            invoice_per = UNSET
        else:
            invoice_per = InvoiceBatchDefinitionInvoicePer(_invoice_per)

        _line_grouping = d.pop("line_grouping", UNSET)
        line_grouping: InvoiceBatchDefinitionLineGrouping | Unset
        if isinstance(_line_grouping, Unset):
            line_grouping = UNSET
        else:
            line_grouping = InvoiceBatchDefinitionLineGrouping(_line_grouping)

        invoice_batch_definition = cls(
            title=title,
            selection_id=selection_id,
            customer_ids=customer_ids,
            source_type=source_type,
            period_start=period_start,
            period_end=period_end,
            cutoff_date=cutoff_date,
            include_late_time=include_late_time,
            exclude_customer_ids=exclude_customer_ids,
            show_employee_names=show_employee_names,
            validate=validate,
            send=send,
            product_mandatory=product_mandatory,
            run_at=run_at,
            notify_email=notify_email,
            invoice_per=invoice_per,
            line_grouping=line_grouping,
        )

        return invoice_batch_definition
