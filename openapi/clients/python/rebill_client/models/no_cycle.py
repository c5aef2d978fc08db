from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="NoCycle")


@_attrs_define
class NoCycle:
    """Not date-based: a batch with a cut-off date bills all the customer's ready time.

    Attributes:
        kind (Literal['none']):
    """

    kind: Literal["none"]

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
        kind = cast(Literal["none"], d.pop("kind"))
        if kind != "none":
            raise ValueError(f"kind must match const 'none', got '{kind}'")

        no_cycle = cls(
            kind=kind,
        )

        return no_cycle
