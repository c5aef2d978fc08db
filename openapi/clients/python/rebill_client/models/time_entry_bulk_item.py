from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.time_entry_bulk_item_status import TimeEntryBulkItemStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="TimeEntryBulkItem")


@_attrs_define
class TimeEntryBulkItem:
    """Names its work item by `work_item_id` or `work_item_external_id` (exactly one), and its product,
    if any, by `product_id` or `product_external_id` (not both). An item with `adjusts_external_id` or
    `adjusts_id` is an adjustment of that entry (SPEC §10): the fields it does not give are the
    original's (work item, started_at, employee, product, billable, note), it is approved, and its
    hours may be 0.

        Attributes:
            hours (str): More than 0; 0 is allowed on an adjustment only.
            external_id (str): Leading and trailing white space is removed.
            employee_id (None | str | Unset):
            employee_name (None | str | Unset):
            started_at (datetime.datetime | None | Unset): ISO 8601 with an offset. Required, except on an adjustment
                (default: the original's).
            status (TimeEntryBulkItemStatus | Unset):  Default: TimeEntryBulkItemStatus.DRAFT.
            billable (bool | None | Unset): Defaults to true for ticket time, false otherwise.
            note (None | str | Unset):
            adjusts_id (None | Unset | UUID): The entry this item adjusts, by id.
            adjusts_external_id (None | str | Unset): The entry this item adjusts, by external_id (an earlier item of the
                same push counts).
            work_item_id (None | Unset | UUID):
            work_item_external_id (None | str | Unset):
            product_id (None | Unset | UUID):
            product_external_id (None | str | Unset):
    """

    hours: str
    external_id: str
    employee_id: None | str | Unset = UNSET
    employee_name: None | str | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    status: TimeEntryBulkItemStatus | Unset = TimeEntryBulkItemStatus.DRAFT
    billable: bool | None | Unset = UNSET
    note: None | str | Unset = UNSET
    adjusts_id: None | Unset | UUID = UNSET
    adjusts_external_id: None | str | Unset = UNSET
    work_item_id: None | Unset | UUID = UNSET
    work_item_external_id: None | str | Unset = UNSET
    product_id: None | Unset | UUID = UNSET
    product_external_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        hours = self.hours

        external_id = self.external_id

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

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

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

        adjusts_id: None | str | Unset
        if isinstance(self.adjusts_id, Unset):
            adjusts_id = UNSET
        elif isinstance(self.adjusts_id, UUID):
            adjusts_id = str(self.adjusts_id)
        else:
            adjusts_id = self.adjusts_id

        adjusts_external_id: None | str | Unset
        if isinstance(self.adjusts_external_id, Unset):
            adjusts_external_id = UNSET
        else:
            adjusts_external_id = self.adjusts_external_id

        work_item_id: None | str | Unset
        if isinstance(self.work_item_id, Unset):
            work_item_id = UNSET
        elif isinstance(self.work_item_id, UUID):
            work_item_id = str(self.work_item_id)
        else:
            work_item_id = self.work_item_id

        work_item_external_id: None | str | Unset
        if isinstance(self.work_item_external_id, Unset):
            work_item_external_id = UNSET
        else:
            work_item_external_id = self.work_item_external_id

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        product_external_id: None | str | Unset
        if isinstance(self.product_external_id, Unset):
            product_external_id = UNSET
        else:
            product_external_id = self.product_external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hours": hours,
                "external_id": external_id,
            }
        )
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if employee_name is not UNSET:
            field_dict["employee_name"] = employee_name
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if status is not UNSET:
            field_dict["status"] = status
        if billable is not UNSET:
            field_dict["billable"] = billable
        if note is not UNSET:
            field_dict["note"] = note
        if adjusts_id is not UNSET:
            field_dict["adjusts_id"] = adjusts_id
        if adjusts_external_id is not UNSET:
            field_dict["adjusts_external_id"] = adjusts_external_id
        if work_item_id is not UNSET:
            field_dict["work_item_id"] = work_item_id
        if work_item_external_id is not UNSET:
            field_dict["work_item_external_id"] = work_item_external_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if product_external_id is not UNSET:
            field_dict["product_external_id"] = product_external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hours = d.pop("hours")

        external_id = d.pop("external_id")

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

        _status = d.pop("status", UNSET)
        status: TimeEntryBulkItemStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TimeEntryBulkItemStatus(_status)

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

        def _parse_adjusts_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adjusts_id_type_0 = UUID(data)

                return adjusts_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        adjusts_id = _parse_adjusts_id(d.pop("adjusts_id", UNSET))

        def _parse_adjusts_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        adjusts_external_id = _parse_adjusts_external_id(d.pop("adjusts_external_id", UNSET))

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

        def _parse_work_item_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        work_item_external_id = _parse_work_item_external_id(d.pop("work_item_external_id", UNSET))

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

        def _parse_product_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_external_id = _parse_product_external_id(d.pop("product_external_id", UNSET))

        time_entry_bulk_item = cls(
            hours=hours,
            external_id=external_id,
            employee_id=employee_id,
            employee_name=employee_name,
            started_at=started_at,
            status=status,
            billable=billable,
            note=note,
            adjusts_id=adjusts_id,
            adjusts_external_id=adjusts_external_id,
            work_item_id=work_item_id,
            work_item_external_id=work_item_external_id,
            product_id=product_id,
            product_external_id=product_external_id,
        )

        return time_entry_bulk_item
