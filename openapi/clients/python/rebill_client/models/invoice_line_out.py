from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvoiceLineOut")


@_attrs_define
class InvoiceLineOut:
    """
    Attributes:
        id (UUID):
        description (str):
        product_id (UUID):
        quantity (str):
        unit (str):
        unit_price (str):
        amount (str):
        tax_rate (str):
        time_entry_ids (list[UUID]):
        late (bool): Made from late time: ready time dated before the invoice's period that no earlier batch billed.
        time_entry_external_ids (list[None | str]): The `external_id` of each time entry, in the order of
            `time_entry_ids` (null for an entry that has none).
    """

    id: UUID
    description: str
    product_id: UUID
    quantity: str
    unit: str
    unit_price: str
    amount: str
    tax_rate: str
    time_entry_ids: list[UUID]
    late: bool
    time_entry_external_ids: list[None | str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        description = self.description

        product_id = str(self.product_id)

        quantity = self.quantity

        unit = self.unit

        unit_price = self.unit_price

        amount = self.amount

        tax_rate = self.tax_rate

        time_entry_ids = []
        for time_entry_ids_item_data in self.time_entry_ids:
            time_entry_ids_item = str(time_entry_ids_item_data)
            time_entry_ids.append(time_entry_ids_item)

        late = self.late

        time_entry_external_ids = []
        for time_entry_external_ids_item_data in self.time_entry_external_ids:
            time_entry_external_ids_item: None | str
            time_entry_external_ids_item = time_entry_external_ids_item_data
            time_entry_external_ids.append(time_entry_external_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "description": description,
                "product_id": product_id,
                "quantity": quantity,
                "unit": unit,
                "unit_price": unit_price,
                "amount": amount,
                "tax_rate": tax_rate,
                "time_entry_ids": time_entry_ids,
                "late": late,
                "time_entry_external_ids": time_entry_external_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        description = d.pop("description")

        product_id = UUID(d.pop("product_id"))

        quantity = d.pop("quantity")

        unit = d.pop("unit")

        unit_price = d.pop("unit_price")

        amount = d.pop("amount")

        tax_rate = d.pop("tax_rate")

        time_entry_ids = []
        _time_entry_ids = d.pop("time_entry_ids")
        for time_entry_ids_item_data in _time_entry_ids:
            time_entry_ids_item = UUID(time_entry_ids_item_data)

            time_entry_ids.append(time_entry_ids_item)

        late = d.pop("late")

        time_entry_external_ids = []
        _time_entry_external_ids = d.pop("time_entry_external_ids")
        for time_entry_external_ids_item_data in _time_entry_external_ids:

            def _parse_time_entry_external_ids_item(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            time_entry_external_ids_item = _parse_time_entry_external_ids_item(time_entry_external_ids_item_data)

            time_entry_external_ids.append(time_entry_external_ids_item)

        invoice_line_out = cls(
            id=id,
            description=description,
            product_id=product_id,
            quantity=quantity,
            unit=unit,
            unit_price=unit_price,
            amount=amount,
            tax_rate=tax_rate,
            time_entry_ids=time_entry_ids,
            late=late,
            time_entry_external_ids=time_entry_external_ids,
        )

        invoice_line_out.additional_properties = d
        return invoice_line_out

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
