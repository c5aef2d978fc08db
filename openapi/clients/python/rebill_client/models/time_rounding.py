from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.time_rounding_increment_minutes import TimeRoundingIncrementMinutes
from ..models.time_rounding_mode import TimeRoundingMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="TimeRounding")


@_attrs_define
class TimeRounding:
    """How each time entry's billed quantity is rounded; `hours_worked` keeps what was worked.

    Attributes:
        increment_minutes (TimeRoundingIncrementMinutes):
        mode (TimeRoundingMode): `up`, `down`, or `nearest` (a half goes up).
        minimum_minutes (int | Unset): Applied after rounding: an entry is billed at least this long. Default: 0.
    """

    increment_minutes: TimeRoundingIncrementMinutes
    mode: TimeRoundingMode
    minimum_minutes: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        increment_minutes = self.increment_minutes.value

        mode = self.mode.value

        minimum_minutes = self.minimum_minutes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "increment_minutes": increment_minutes,
                "mode": mode,
            }
        )
        if minimum_minutes is not UNSET:
            field_dict["minimum_minutes"] = minimum_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        increment_minutes = TimeRoundingIncrementMinutes(d.pop("increment_minutes"))

        mode = TimeRoundingMode(d.pop("mode"))

        minimum_minutes = d.pop("minimum_minutes", UNSET)

        time_rounding = cls(
            increment_minutes=increment_minutes,
            mode=mode,
            minimum_minutes=minimum_minutes,
        )

        return time_rounding
