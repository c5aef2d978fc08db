from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.batch_links import BatchLinks
    from ..models.progress import Progress


T = TypeVar("T", bound="InvoiceBatchOut")


@_attrs_define
class InvoiceBatchOut:
    """
    Attributes:
        id (UUID):
        status (str):
        title (str):
        selection_id (None | UUID):
        customer_ids (list[UUID] | None):
        source_type (None | str):
        period_start (datetime.date | None):
        period_end (datetime.date | None):
        cutoff_date (datetime.date | None):
        include_late_time (bool):
        exclude_customer_ids (list[UUID]):
        show_employee_names (bool):
        validate (bool):
        send (bool):
        product_mandatory (bool):
        run_at (datetime.datetime):
        notify_email (None | str):
        invoice_per (str):
        line_grouping (str):
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
        progress (Progress):
        links (BatchLinks):
    """

    id: UUID
    status: str
    title: str
    selection_id: None | UUID
    customer_ids: list[UUID] | None
    source_type: None | str
    period_start: datetime.date | None
    period_end: datetime.date | None
    cutoff_date: datetime.date | None
    include_late_time: bool
    exclude_customer_ids: list[UUID]
    show_employee_names: bool
    validate: bool
    send: bool
    product_mandatory: bool
    run_at: datetime.datetime
    notify_email: None | str
    invoice_per: str
    line_grouping: str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    progress: Progress
    links: BatchLinks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status

        title = self.title

        selection_id: None | str
        if isinstance(self.selection_id, UUID):
            selection_id = str(self.selection_id)
        else:
            selection_id = self.selection_id

        customer_ids: list[str] | None
        if isinstance(self.customer_ids, list):
            customer_ids = []
            for customer_ids_type_0_item_data in self.customer_ids:
                customer_ids_type_0_item = str(customer_ids_type_0_item_data)
                customer_ids.append(customer_ids_type_0_item)

        else:
            customer_ids = self.customer_ids

        source_type: None | str
        source_type = self.source_type

        period_start: None | str
        if isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        period_end: None | str
        if isinstance(self.period_end, datetime.date):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        cutoff_date: None | str
        if isinstance(self.cutoff_date, datetime.date):
            cutoff_date = self.cutoff_date.isoformat()
        else:
            cutoff_date = self.cutoff_date

        include_late_time = self.include_late_time

        exclude_customer_ids = []
        for exclude_customer_ids_item_data in self.exclude_customer_ids:
            exclude_customer_ids_item = str(exclude_customer_ids_item_data)
            exclude_customer_ids.append(exclude_customer_ids_item)

        show_employee_names = self.show_employee_names

        validate = self.validate

        send = self.send

        product_mandatory = self.product_mandatory

        run_at = self.run_at.isoformat()

        notify_email: None | str
        notify_email = self.notify_email

        invoice_per = self.invoice_per

        line_grouping = self.line_grouping

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        progress = self.progress.to_dict()

        links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "title": title,
                "selection_id": selection_id,
                "customer_ids": customer_ids,
                "source_type": source_type,
                "period_start": period_start,
                "period_end": period_end,
                "cutoff_date": cutoff_date,
                "include_late_time": include_late_time,
                "exclude_customer_ids": exclude_customer_ids,
                "show_employee_names": show_employee_names,
                "validate": validate,
                "send": send,
                "product_mandatory": product_mandatory,
                "run_at": run_at,
                "notify_email": notify_email,
                "invoice_per": invoice_per,
                "line_grouping": line_grouping,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
                "progress": progress,
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_links import BatchLinks  # noqa: PLC0415
        from ..models.progress import Progress  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = d.pop("status")

        title = d.pop("title")

        def _parse_selection_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                selection_id_type_0 = UUID(data)

                return selection_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        selection_id = _parse_selection_id(d.pop("selection_id"))

        def _parse_customer_ids(data: object) -> list[UUID] | None:
            if data is None:
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
            return cast(list[UUID] | None, data)

        customer_ids = _parse_customer_ids(d.pop("customer_ids"))

        def _parse_source_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_type = _parse_source_type(d.pop("source_type"))

        def _parse_period_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_start = _parse_period_start(d.pop("period_start"))

        def _parse_period_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.date.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_end = _parse_period_end(d.pop("period_end"))

        def _parse_cutoff_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cutoff_date_type_0 = datetime.date.fromisoformat(data)

                return cutoff_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        cutoff_date = _parse_cutoff_date(d.pop("cutoff_date"))

        include_late_time = d.pop("include_late_time")

        exclude_customer_ids = []
        _exclude_customer_ids = d.pop("exclude_customer_ids")
        for exclude_customer_ids_item_data in _exclude_customer_ids:
            exclude_customer_ids_item = UUID(exclude_customer_ids_item_data)

            exclude_customer_ids.append(exclude_customer_ids_item)

        show_employee_names = d.pop("show_employee_names")

        validate = d.pop("validate")

        send = d.pop("send")

        product_mandatory = d.pop("product_mandatory")

        run_at = datetime.datetime.fromisoformat(d.pop("run_at"))

        def _parse_notify_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notify_email = _parse_notify_email(d.pop("notify_email"))

        invoice_per = d.pop("invoice_per")

        line_grouping = d.pop("line_grouping")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        progress = Progress.from_dict(d.pop("progress"))

        links = BatchLinks.from_dict(d.pop("links"))

        invoice_batch_out = cls(
            id=id,
            status=status,
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
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            progress=progress,
            links=links,
        )

        invoice_batch_out.additional_properties = d
        return invoice_batch_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
