from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonthlyCycle")


@_attrs_define
class MonthlyCycle:
    """Calendar months (the default).

    Attributes:
        kind (Literal['monthly']):
    """

    kind: Literal["monthly"]

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["monthly"], d.pop("kind"))
        if kind != "monthly":
            raise ValueError(f"kind must match const 'monthly', got '{kind}'")

        monthly_cycle = cls(
            kind=kind,
        )

        return monthly_cycle
