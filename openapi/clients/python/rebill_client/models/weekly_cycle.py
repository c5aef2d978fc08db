from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.weekly_cycle_week_ends_on import WeeklyCycleWeekEndsOn

T = TypeVar("T", bound="WeeklyCycle")


@_attrs_define
class WeeklyCycle:
    """Weeks ending on `week_ends_on`.

    Attributes:
        kind (Literal['weekly']):
        week_ends_on (WeeklyCycleWeekEndsOn):
    """

    kind: Literal["weekly"]
    week_ends_on: WeeklyCycleWeekEndsOn

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        week_ends_on = self.week_ends_on.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "week_ends_on": week_ends_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["weekly"], d.pop("kind"))
        if kind != "weekly":
            raise ValueError(f"kind must match const 'weekly', got '{kind}'")

        week_ends_on = WeeklyCycleWeekEndsOn(d.pop("week_ends_on"))

        weekly_cycle = cls(
            kind=kind,
            week_ends_on=week_ends_on,
        )

        return weekly_cycle
