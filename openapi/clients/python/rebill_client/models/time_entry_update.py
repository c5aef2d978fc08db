from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.time_entry_update_status import TimeEntryUpdateStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="TimeEntryUpdate")


@_attrs_define
class TimeEntryUpdate:
    """Only the fields sent change; null clears external_id, employee_id, employee_name, product_id
    or note, the others cannot be null.

        Attributes:
            external_id (None | str | Unset):
            work_item_id (UUID | Unset):
            employee_id (None | str | Unset):
            employee_name (None | str | Unset):
            started_at (datetime.datetime | Unset): RFC 3339, with an offset; years 1900 to 9998.
            hours (str | Unset):
            product_id (None | Unset | UUID):
            status (TimeEntryUpdateStatus | Unset):
            billable (bool | Unset):
            note (None | str | Unset):
    """

    external_id: None | str | Unset = UNSET
    work_item_id: UUID | Unset = UNSET
    employee_id: None | str | Unset = UNSET
    employee_name: None | str | Unset = UNSET
    started_at: datetime.datetime | Unset = UNSET
    hours: str | Unset = UNSET
    product_id: None | Unset | UUID = UNSET
    status: TimeEntryUpdateStatus | Unset = UNSET
    billable: bool | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        work_item_id: str | Unset = UNSET
        if not isinstance(self.work_item_id, Unset):
            work_item_id = str(self.work_item_id)

        employee_id: None | str | Unset
        if isinstance(self.employee_id, Unset):
            employee_id = UNSET
        else:
            employee_id = self.employee_id

        employee_name: None | str | Unset
        if isinstance(self.employee_name, Unset):
            employee_name = UNSET
        else:
            employee_name = self.employee_name

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        hours = self.hours

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        billable = self.billable

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if work_item_id is not UNSET:
            field_dict["work_item_id"] = work_item_id
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if employee_name is not UNSET:
            field_dict["employee_name"] = employee_name
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if hours is not UNSET:
            field_dict["hours"] = hours
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if status is not UNSET:
            field_dict["status"] = status
        if billable is not UNSET:
            field_dict["billable"] = billable
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        _work_item_id = d.pop("work_item_id", UNSET)
        work_item_id: UUID | Unset
        if isinstance(_work_item_id, Unset):
            work_item_id = UNSET
        else:
            work_item_id = UUID(_work_item_id)

        def _parse_employee_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_id = _parse_employee_id(d.pop("employee_id", UNSET))

        def _parse_employee_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_name = _parse_employee_name(d.pop("employee_name", UNSET))

        _started_at = d.pop("started_at", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)

        hours = d.pop("hours", UNSET)

        def _parse_product_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        _status = d.pop("status", UNSET)
        status: TimeEntryUpdateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TimeEntryUpdateStatus(_status)

        billable = d.pop("billable", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        time_entry_update = cls(
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
        )

        return time_entry_update
