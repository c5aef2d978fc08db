from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BlockOut")


@_attrs_define
class BlockOut:
    """
    Attributes:
        id (UUID):
        hours (str):
        price (str):
        purchased_on (datetime.date):
        invoice_id (None | UUID): The invoice that billed the block; null until a batch does.
        created_at (datetime.datetime):
    """

    id: UUID
    hours: str
    price: str
    purchased_on: datetime.date
    invoice_id: None | UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        hours = self.hours

        price = self.price

        purchased_on = self.purchased_on.isoformat()

        invoice_id: None | str
        if isinstance(self.invoice_id, UUID):
            invoice_id = str(self.invoice_id)
        else:
            invoice_id = self.invoice_id

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "hours": hours,
                "price": price,
                "purchased_on": purchased_on,
                "invoice_id": invoice_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        hours = d.pop("hours")

        price = d.pop("price")

        purchased_on = datetime.date.fromisoformat(d.pop("purchased_on"))

        def _parse_invoice_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoice_id_type_0 = UUID(data)

                return invoice_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        invoice_id = _parse_invoice_id(d.pop("invoice_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        block_out = cls(
            id=id,
            hours=hours,
            price=price,
            purchased_on=purchased_on,
            invoice_id=invoice_id,
            created_at=created_at,
        )

        block_out.additional_properties = d
        return block_out

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
