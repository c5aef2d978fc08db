from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProductOut")


@_attrs_define
class ProductOut:
    """
    Attributes:
        id (UUID):
        external_id (None | str):
        code (str):
        name (str):
        description (None | str):
        unit (str):
        unit_price (str):
        tax_rate (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    external_id: None | str
    code: str
    name: str
    description: None | str
    unit: str
    unit_price: str
    tax_rate: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        external_id: None | str
        external_id = self.external_id

        code = self.code

        name = self.name

        description: None | str
        description = self.description

        unit = self.unit

        unit_price = self.unit_price

        tax_rate: None | str
        tax_rate = self.tax_rate

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "external_id": external_id,
                "code": code,
                "name": name,
                "description": description,
                "unit": unit,
                "unit_price": unit_price,
                "tax_rate": tax_rate,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        code = d.pop("code")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        unit = d.pop("unit")

        unit_price = d.pop("unit_price")

        def _parse_tax_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tax_rate = _parse_tax_rate(d.pop("tax_rate"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        product_out = cls(
            id=id,
            external_id=external_id,
            code=code,
            name=name,
            description=description,
            unit=unit,
            unit_price=unit_price,
            tax_rate=tax_rate,
            created_at=created_at,
            updated_at=updated_at,
        )

        product_out.additional_properties = d
        return product_out

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
