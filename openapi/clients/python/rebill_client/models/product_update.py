from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProductUpdate")


@_attrs_define
class ProductUpdate:
    """Only the fields sent change; null clears external_id, description or tax_rate (the tenant's
    or customer's rate applies), the others cannot be null.

        Attributes:
            external_id (None | str | Unset):
            code (str | Unset): Leading and trailing white space is removed.
            name (str | Unset): Leading and trailing white space is removed.
            description (None | str | Unset):
            unit (str | Unset): Leading and trailing white space is removed.
            unit_price (str | Unset):
            tax_rate (None | str | Unset):
    """

    external_id: None | str | Unset = UNSET
    code: str | Unset = UNSET
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    unit: str | Unset = UNSET
    unit_price: str | Unset = UNSET
    tax_rate: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        code = self.code

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        unit = self.unit

        unit_price = self.unit_price

        tax_rate: None | str | Unset
        if isinstance(self.tax_rate, Unset):
            tax_rate = UNSET
        else:
            tax_rate = self.tax_rate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if code is not UNSET:
            field_dict["code"] = code
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if unit is not UNSET:
            field_dict["unit"] = unit
        if unit_price is not UNSET:
            field_dict["unit_price"] = unit_price
        if tax_rate is not UNSET:
            field_dict["tax_rate"] = tax_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        code = d.pop("code", UNSET)

        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        unit = d.pop("unit", UNSET)

        unit_price = d.pop("unit_price", UNSET)

        def _parse_tax_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_rate = _parse_tax_rate(d.pop("tax_rate", UNSET))

        product_update = cls(
            external_id=external_id,
            code=code,
            name=name,
            description=description,
            unit=unit,
            unit_price=unit_price,
            tax_rate=tax_rate,
        )

        return product_update
