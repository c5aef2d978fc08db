from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="FortnightlyCycle")


@_attrs_define
class FortnightlyCycle:
    """Fortnights: one ends on `ends_on`, the others every 14 days before and after it.

    Attributes:
        kind (Literal['fortnightly']):
        ends_on (datetime.date): Any date on which a fortnight ends.
    """

    kind: Literal["fortnightly"]
    ends_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        ends_on = self.ends_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "ends_on": ends_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["fortnightly"], d.pop("kind"))
        if kind != "fortnightly":
            raise ValueError(f"kind must match const 'fortnightly', got '{kind}'")

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        fortnightly_cycle = cls(
            kind=kind,
            ends_on=ends_on,
        )

        return fortnightly_cycle
