from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.time_entry_update_status_type_0 import TimeEntryUpdateStatusType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="TimeEntryUpdate")


@_attrs_define
class TimeEntryUpdate:
    """
    Attributes:
        external_id (None | str | Unset):
        work_item_id (None | Unset | UUID):
        employee_id (None | str | Unset):
        employee_name (None | str | Unset):
        started_at (datetime.datetime | None | Unset):
        hours (None | str | Unset):
        product_id (None | Unset | UUID):
        status (None | TimeEntryUpdateStatusType0 | Unset):
        billable (bool | None | Unset):
        note (None | str | Unset):
    """

    external_id: None | str | Unset = UNSET
    work_item_id: None | Unset | UUID = UNSET
    employee_id: None | str | Unset = UNSET
    employee_name: None | str | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    hours: None | str | Unset = UNSET
    product_id: None | Unset | UUID = UNSET
    status: None | TimeEntryUpdateStatusType0 | Unset = UNSET
    billable: bool | None | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        work_item_id: None | str | Unset
        if isinstance(self.work_item_id, Unset):
            work_item_id = UNSET
        elif isinstance(self.work_item_id, UUID):
            work_item_id = str(self.work_item_id)
        else:
            work_item_id = self.work_item_id

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

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        hours: None | str | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, TimeEntryUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

        billable: bool | None | Unset
        if isinstance(self.billable, Unset):
            billable = UNSET
        else:
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

        def _parse_work_item_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                work_item_id_type_0 = UUID(data)

                return work_item_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        work_item_id = _parse_work_item_id(d.pop("work_item_id", UNSET))

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

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_hours(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

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

        def _parse_status(data: object) -> None | TimeEntryUpdateStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = TimeEntryUpdateStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeEntryUpdateStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_billable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        billable = _parse_billable(d.pop("billable", UNSET))

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
