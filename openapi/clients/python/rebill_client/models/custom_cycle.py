from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="CustomCycle")


@_attrs_define
class CustomCycle:
    """A cycle ends on each listed date and starts the day after the previous one; the first listed
    date's cycle has no start (a cut-off on it bills all ready time up to it).

        Attributes:
            kind (Literal['custom']):
            ends_on_dates (list[datetime.date]): Stored in date order, each date once.
    """

    kind: Literal["custom"]
    ends_on_dates: list[datetime.date]

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        ends_on_dates = []
        for ends_on_dates_item_data in self.ends_on_dates:
            ends_on_dates_item = ends_on_dates_item_data.isoformat()
            ends_on_dates.append(ends_on_dates_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "ends_on_dates": ends_on_dates,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["custom"], d.pop("kind"))
        if kind != "custom":
            raise ValueError(f"kind must match const 'custom', got '{kind}'")

        ends_on_dates = []
        _ends_on_dates = d.pop("ends_on_dates")
        for ends_on_dates_item_data in _ends_on_dates:
            ends_on_dates_item = datetime.date.fromisoformat(ends_on_dates_item_data)

            ends_on_dates.append(ends_on_dates_item)

        custom_cycle = cls(
            kind=kind,
            ends_on_dates=ends_on_dates,
        )

        return custom_cycle
