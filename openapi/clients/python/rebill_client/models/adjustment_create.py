from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AdjustmentCreate")


@_attrs_define
class AdjustmentCreate:
    """An adjustment of a time entry (SPEC §10). The fields not given are the original's.

    Attributes:
        hours (str): The hours that should have been recorded, up to 2 places; "0.00": the time should not have been
            billed at all.
        note (None | str | Unset): Absent: the original's note.
        external_id (None | str | Unset):
        employee_id (None | str | Unset): Absent: the original's.
        employee_name (None | str | Unset): Absent: the original's.
        started_at (datetime.datetime | None | Unset): Absent: the original's.
        product_id (None | Unset | UUID): Absent: the original's. Time already billed is settled at the price and tax
            rate of the line that billed it, whatever the product.
    """

    hours: str
    note: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    employee_id: None | str | Unset = UNSET
    employee_name: None | str | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    product_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        hours = self.hours

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
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

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hours": hours,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if employee_name is not UNSET:
            field_dict["employee_name"] = employee_name
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if product_id is not UNSET:
            field_dict["product_id"] = product_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hours = d.pop("hours")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

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

        adjustment_create = cls(
            hours=hours,
            note=note,
            external_id=external_id,
            employee_id=employee_id,
            employee_name=employee_name,
            started_at=started_at,
            product_id=product_id,
        )

        return adjustment_create
