from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Address")


@_attrs_define
class Address:
    """
    Attributes:
        line1 (str):
        postal_code (str):
        city (str):
        country (str):
        line2 (None | str | Unset):
    """

    line1: str
    postal_code: str
    city: str
    country: str
    line2: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        line1 = self.line1

        postal_code = self.postal_code

        city = self.city

        country = self.country

        line2: None | str | Unset
        if isinstance(self.line2, Unset):
            line2 = UNSET
        else:
            line2 = self.line2

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "line1": line1,
                "postal_code": postal_code,
                "city": city,
                "country": country,
            }
        )
        if line2 is not UNSET:
            field_dict["line2"] = line2

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line1 = d.pop("line1")

        postal_code = d.pop("postal_code")

        city = d.pop("city")

        country = d.pop("country")

        def _parse_line2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line2 = _parse_line2(d.pop("line2", UNSET))

        address = cls(
            line1=line1,
            postal_code=postal_code,
            city=city,
            country=country,
            line2=line2,
        )

        return address
