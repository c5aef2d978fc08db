from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.time_entry_out_adjustment_status_type_0 import TimeEntryOutAdjustmentStatusType0
from ..models.time_entry_out_status import TimeEntryOutStatus

T = TypeVar("T", bound="TimeEntryOut")


@_attrs_define
class TimeEntryOut:
    """
    Attributes:
        id (UUID):
        external_id (None | str):
        work_item_id (UUID):
        employee_id (None | str):
        employee_name (None | str):
        started_at (datetime.datetime): Always given in UTC, whatever offset it was sent with.
        hours (str): More than 0, except on an adjustment (0: the time should not have been billed).
        product_id (None | UUID):
        status (TimeEntryOutStatus):
        billable (bool):
        note (None | str):
        invoice_id (None | UUID):
        invoice_line_id (None | UUID):
        adjusts_id (None | UUID): For an adjustment: the entry it adjusts (always an original, never another
            adjustment).
        adjustment_status (None | TimeEntryOutAdjustmentStatusType0): null on ordinary entries. On an adjustment:
            `pending` until a batch bills or settles it, then `settled`; `superseded` when a later adjustment of the same
            entry replaced it before that (never billed).
        superseded (bool): Replaced by an adjustment before being billed: never billed.
        corrected_invoice_id (None | UUID): For an adjustment of time billed on a validated invoice: that invoice. A
            batch settles the adjustment against the line that billed the time instead of billing it as an ordinary entry.
            null when the adjustment replaces time never billed.
        corrected_invoice_line_id (None | UUID): The line of `corrected_invoice_id` corrected.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    external_id: None | str
    work_item_id: UUID
    employee_id: None | str
    employee_name: None | str
    started_at: datetime.datetime
    hours: str
    product_id: None | UUID
    status: TimeEntryOutStatus
    billable: bool
    note: None | str
    invoice_id: None | UUID
    invoice_line_id: None | UUID
    adjusts_id: None | UUID
    adjustment_status: None | TimeEntryOutAdjustmentStatusType0
    superseded: bool
    corrected_invoice_id: None | UUID
    corrected_invoice_line_id: None | UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        external_id: None | str
        external_id = self.external_id

        work_item_id = str(self.work_item_id)

        employee_id: None | str
        employee_id = self.employee_id

        employee_name: None | str
        employee_name = self.employee_name

        started_at = self.started_at.isoformat()

        hours = self.hours

        product_id: None | str
        if isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        status = self.status.value

        billable = self.billable

        note: None | str
        note = self.note

        invoice_id: None | str
        if isinstance(self.invoice_id, UUID):
            invoice_id = str(self.invoice_id)
        else:
            invoice_id = self.invoice_id

        invoice_line_id: None | str
        if isinstance(self.invoice_line_id, UUID):
            invoice_line_id = str(self.invoice_line_id)
        else:
            invoice_line_id = self.invoice_line_id

        adjusts_id: None | str
        if isinstance(self.adjusts_id, UUID):
            adjusts_id = str(self.adjusts_id)
        else:
            adjusts_id = self.adjusts_id

        adjustment_status: None | str
        if isinstance(self.adjustment_status, TimeEntryOutAdjustmentStatusType0):
            adjustment_status = self.adjustment_status.value
        else:
            adjustment_status = self.adjustment_status

        superseded = self.superseded

        corrected_invoice_id: None | str
        if isinstance(self.corrected_invoice_id, UUID):
            corrected_invoice_id = str(self.corrected_invoice_id)
        else:
            corrected_invoice_id = self.corrected_invoice_id

        corrected_invoice_line_id: None | str
        if isinstance(self.corrected_invoice_line_id, UUID):
            corrected_invoice_line_id = str(self.corrected_invoice_line_id)
        else:
            corrected_invoice_line_id = self.corrected_invoice_line_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "external_id": external_id,
                "work_item_id": work_item_id,
                "employee_id": employee_id,
                "employee_name": employee_name,
                "started_at": started_at,
                "hours": hours,
                "product_id": product_id,
                "status": status,
                "billable": billable,
                "note": note,
                "invoice_id": invoice_id,
                "invoice_line_id": invoice_line_id,
                "adjusts_id": adjusts_id,
                "adjustment_status": adjustment_status,
                "superseded": superseded,
                "corrected_invoice_id": corrected_invoice_id,
                "corrected_invoice_line_id": corrected_invoice_line_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        work_item_id = UUID(d.pop("work_item_id"))

        def _parse_employee_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        employee_id = _parse_employee_id(d.pop("employee_id"))

        def _parse_employee_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        employee_name = _parse_employee_name(d.pop("employee_name"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        hours = d.pop("hours")

        def _parse_product_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        product_id = _parse_product_id(d.pop("product_id"))

        status = TimeEntryOutStatus(d.pop("status"))

        billable = d.pop("billable")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        def _parse_invoice_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoice_id_type_0 = UUID(data)

                return invoice_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        invoice_id = _parse_invoice_id(d.pop("invoice_id"))

        def _parse_invoice_line_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoice_line_id_type_0 = UUID(data)

                return invoice_line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        invoice_line_id = _parse_invoice_line_id(d.pop("invoice_line_id"))

        def _parse_adjusts_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adjusts_id_type_0 = UUID(data)

                return adjusts_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        adjusts_id = _parse_adjusts_id(d.pop("adjusts_id"))

        def _parse_adjustment_status(data: object) -> None | TimeEntryOutAdjustmentStatusType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adjustment_status_type_0 = TimeEntryOutAdjustmentStatusType0(data)

                return adjustment_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeEntryOutAdjustmentStatusType0, data)

        adjustment_status = _parse_adjustment_status(d.pop("adjustment_status"))

        superseded = d.pop("superseded")

        def _parse_corrected_invoice_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                corrected_invoice_id_type_0 = UUID(data)

                return corrected_invoice_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        corrected_invoice_id = _parse_corrected_invoice_id(d.pop("corrected_invoice_id"))

        def _parse_corrected_invoice_line_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                corrected_invoice_line_id_type_0 = UUID(data)

                return corrected_invoice_line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        corrected_invoice_line_id = _parse_corrected_invoice_line_id(d.pop("corrected_invoice_line_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        time_entry_out = cls(
            id=id,
            external_id=external_id,
            work_item_id=work_item_id,
            employee_id=employee_id,
            employee_name=employee_name,
            started_at=started_at,
            hours=hours,
            product_id=product_id,
            status=status,
            billable=billable,
            note=note,
            invoice_id=invoice_id,
            invoice_line_id=invoice_line_id,
            adjusts_id=adjusts_id,
            adjustment_status=adjustment_status,
            superseded=superseded,
            corrected_invoice_id=corrected_invoice_id,
            corrected_invoice_line_id=corrected_invoice_line_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        time_entry_out.additional_properties = d
        return time_entry_out

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
