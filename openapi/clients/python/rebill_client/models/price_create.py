from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PriceCreate")


@_attrs_define
class PriceCreate:
    """
    Attributes:
        customer_id (UUID):
        product_id (UUID):
        unit_price (str):
        external_id (None | str | Unset):
    """

    customer_id: UUID
    product_id: UUID
    unit_price: str
    external_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        product_id = str(self.product_id)

        unit_price = self.unit_price

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
                "product_id": product_id,
                "unit_price": unit_price,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        product_id = UUID(d.pop("product_id"))

        unit_price = d.pop("unit_price")

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        price_create = cls(
            customer_id=customer_id,
            product_id=product_id,
            unit_price=unit_price,
            external_id=external_id,
        )

        return price_create
