from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.export_out_format import ExportOutFormat
from ..models.export_out_status import ExportOutStatus

if TYPE_CHECKING:
    from ..models.skipped import Skipped


T = TypeVar("T", bound="ExportOut")


@_attrs_define
class ExportOut:
    """
    Attributes:
        id (UUID):
        format_ (ExportOutFormat):
        status (ExportOutStatus): `pending` while a worker writes the file, then `ready` (download it from `file_url`)
            or `failed`.
        invoice_count (int): The invoices (and credit notes) the file carries.
        skipped (list[Skipped]):
        batch_id (None | UUID):
        invoice_ids (list[UUID] | None): The invoice ids asked for, when they were.
        issued_from (datetime.date | None):
        issued_to (datetime.date | None):
        line_count (int | None): Rows of the file below its header, once ready.
        error (None | str): Why it failed, when it did.
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        file_url (str): Where the file is downloaded once ready.
    """

    id: UUID
    format_: ExportOutFormat
    status: ExportOutStatus
    invoice_count: int
    skipped: list[Skipped]
    batch_id: None | UUID
    invoice_ids: list[UUID] | None
    issued_from: datetime.date | None
    issued_to: datetime.date | None
    line_count: int | None
    error: None | str
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    file_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        format_ = self.format_.value

        status = self.status.value

        invoice_count = self.invoice_count

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)

        batch_id: None | str
        if isinstance(self.batch_id, UUID):
            batch_id = str(self.batch_id)
        else:
            batch_id = self.batch_id

        invoice_ids: list[str] | None
        if isinstance(self.invoice_ids, list):
            invoice_ids = []
            for invoice_ids_type_0_item_data in self.invoice_ids:
                invoice_ids_type_0_item = str(invoice_ids_type_0_item_data)
                invoice_ids.append(invoice_ids_type_0_item)

        else:
            invoice_ids = self.invoice_ids

        issued_from: None | str
        if isinstance(self.issued_from, datetime.date):
            issued_from = self.issued_from.isoformat()
        else:
            issued_from = self.issued_from

        issued_to: None | str
        if isinstance(self.issued_to, datetime.date):
            issued_to = self.issued_to.isoformat()
        else:
            issued_to = self.issued_to

        line_count: int | None
        line_count = self.line_count

        error: None | str
        error = self.error

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        file_url = self.file_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "format": format_,
                "status": status,
                "invoice_count": invoice_count,
                "skipped": skipped,
                "batch_id": batch_id,
                "invoice_ids": invoice_ids,
                "issued_from": issued_from,
                "issued_to": issued_to,
                "line_count": line_count,
                "error": error,
                "created_at": created_at,
                "finished_at": finished_at,
                "file_url": file_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.skipped import Skipped  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        format_ = ExportOutFormat(d.pop("format"))

        status = ExportOutStatus(d.pop("status"))

        invoice_count = d.pop("invoice_count")

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in _skipped:
            skipped_item = Skipped.from_dict(skipped_item_data)

            skipped.append(skipped_item)

        def _parse_batch_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_id_type_0 = UUID(data)

                return batch_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        batch_id = _parse_batch_id(d.pop("batch_id"))

        def _parse_invoice_ids(data: object) -> list[UUID] | None:
            if data is None:
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
            return cast(list[UUID] | None, data)

        invoice_ids = _parse_invoice_ids(d.pop("invoice_ids"))

        def _parse_issued_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_from_type_0 = datetime.date.fromisoformat(data)

                return issued_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        issued_from = _parse_issued_from(d.pop("issued_from"))

        def _parse_issued_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_to_type_0 = datetime.date.fromisoformat(data)

                return issued_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        issued_to = _parse_issued_to(d.pop("issued_to"))

        def _parse_line_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        line_count = _parse_line_count(d.pop("line_count"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

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

        file_url = d.pop("file_url")

        export_out = cls(
            id=id,
            format_=format_,
            status=status,
            invoice_count=invoice_count,
            skipped=skipped,
            batch_id=batch_id,
            invoice_ids=invoice_ids,
            issued_from=issued_from,
            issued_to=issued_to,
            line_count=line_count,
            error=error,
            created_at=created_at,
            finished_at=finished_at,
            file_url=file_url,
        )

        export_out.additional_properties = d
        return export_out

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
