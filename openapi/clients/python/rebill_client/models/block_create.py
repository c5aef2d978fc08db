from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BlockCreate")


@_attrs_define
class BlockCreate:
    """
    Attributes:
        hours (str):
        price (str):
        purchased_on (datetime.date): The first batch whose period ends on or after it invoices it.
    """

    hours: str
    price: str
    purchased_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        hours = self.hours

        price = self.price

        purchased_on = self.purchased_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hours": hours,
                "price": price,
                "purchased_on": purchased_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hours = d.pop("hours")

        price = d.pop("price")

        purchased_on = datetime.date.fromisoformat(d.pop("purchased_on"))

        block_create = cls(
            hours=hours,
            price=price,
            purchased_on=purchased_on,
        )

        return block_create
