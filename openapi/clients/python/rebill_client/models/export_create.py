from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.export_create_format import ExportCreateFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExportCreate")


@_attrs_define
class ExportCreate:
    """What to export: exactly one of `batch_id`, `invoice_ids`, or a range of issue dates
    (`issued_from` and/or `issued_to`, inclusive).

        Attributes:
            format_ (ExportCreateFormat): `csv` (Rebill's columns, invoices and credit notes), `xero` (Xero's sales-invoice
                import template) or `quickbooks` (QuickBooks Online's invoice import); the last two carry invoices only.
            batch_id (None | Unset | UUID): The invoices and credit notes of this batch.
            invoice_ids (list[UUID] | None | Unset): These invoices, in this order.
            issued_from (datetime.date | None | Unset): First issue date, inclusive.
            issued_to (datetime.date | None | Unset): Last issue date, inclusive.
    """

    format_: ExportCreateFormat
    batch_id: None | Unset | UUID = UNSET
    invoice_ids: list[UUID] | None | Unset = UNSET
    issued_from: datetime.date | None | Unset = UNSET
    issued_to: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_.value

        batch_id: None | str | Unset
        if isinstance(self.batch_id, Unset):
            batch_id = UNSET
        elif isinstance(self.batch_id, UUID):
            batch_id = str(self.batch_id)
        else:
            batch_id = self.batch_id

        invoice_ids: list[str] | None | Unset
        if isinstance(self.invoice_ids, Unset):
            invoice_ids = UNSET
        elif isinstance(self.invoice_ids, list):
            invoice_ids = []
            for invoice_ids_type_0_item_data in self.invoice_ids:
                invoice_ids_type_0_item = str(invoice_ids_type_0_item_data)
                invoice_ids.append(invoice_ids_type_0_item)

        else:
            invoice_ids = self.invoice_ids

        issued_from: None | str | Unset
        if isinstance(self.issued_from, Unset):
            issued_from = UNSET
        elif isinstance(self.issued_from, datetime.date):
            issued_from = self.issued_from.isoformat()
        else:
            issued_from = self.issued_from

        issued_to: None | str | Unset
        if isinstance(self.issued_to, Unset):
            issued_to = UNSET
        elif isinstance(self.issued_to, datetime.date):
            issued_to = self.issued_to.isoformat()
        else:
            issued_to = self.issued_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "format": format_,
            }
        )
        if batch_id is not UNSET:
            field_dict["batch_id"] = batch_id
        if invoice_ids is not UNSET:
            field_dict["invoice_ids"] = invoice_ids
        if issued_from is not UNSET:
            field_dict["issued_from"] = issued_from
        if issued_to is not UNSET:
            field_dict["issued_to"] = issued_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        format_ = ExportCreateFormat(d.pop("format"))

        def _parse_batch_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_id_type_0 = UUID(data)

                return batch_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        batch_id = _parse_batch_id(d.pop("batch_id", UNSET))

        def _parse_invoice_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                invoice_ids_type_0 = []
                _invoice_ids_type_0 = data
                for invoice_ids_type_0_item_data in _invoice_ids_type_0:
                    invoice_ids_type_0_item = UUID(invoice_ids_type_0_item_data)

                    invoice_ids_type_0.append(invoice_ids_type_0_item)

                return invoice_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        invoice_ids = _parse_invoice_ids(d.pop("invoice_ids", UNSET))

        def _parse_issued_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_from_type_0 = datetime.date.fromisoformat(data)

                return issued_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        issued_from = _parse_issued_from(d.pop("issued_from", UNSET))

        def _parse_issued_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_to_type_0 = datetime.date.fromisoformat(data)

                return issued_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        issued_to = _parse_issued_to(d.pop("issued_to", UNSET))

        export_create = cls(
            format_=format_,
            batch_id=batch_id,
            invoice_ids=invoice_ids,
            issued_from=issued_from,
            issued_to=issued_to,
        )

        return export_create
