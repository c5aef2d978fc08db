from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.time_rounding_out_mode import TimeRoundingOutMode

T = TypeVar("T", bound="TimeRoundingOut")


@_attrs_define
class TimeRoundingOut:
    """
    Attributes:
        increment_minutes (int):
        mode (TimeRoundingOutMode):
        minimum_minutes (int):
    """

    increment_minutes: int
    mode: TimeRoundingOutMode
    minimum_minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        increment_minutes = self.increment_minutes

        mode = self.mode.value

        minimum_minutes = self.minimum_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "increment_minutes": increment_minutes,
                "mode": mode,
                "minimum_minutes": minimum_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        increment_minutes = d.pop("increment_minutes")

        mode = TimeRoundingOutMode(d.pop("mode"))

        minimum_minutes = d.pop("minimum_minutes")

        time_rounding_out = cls(
            increment_minutes=increment_minutes,
            mode=mode,
            minimum_minutes=minimum_minutes,
        )

        time_rounding_out.additional_properties = d
        return time_rounding_out

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
