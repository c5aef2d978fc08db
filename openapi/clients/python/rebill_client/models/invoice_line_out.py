from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceLineOut")


@_attrs_define
class InvoiceLineOut:
    """
    Attributes:
        id (UUID):
        description (str):
        product_id (UUID):
        quantity (str): The hours billed: the hours worked, rounded by the time's `time_rounding` (it may round a short
            time down to 0.00, which is then billed at nothing).
        unit (str):
        unit_price (str):
        amount (str):
        tax_rate (str):
        time_entry_ids (list[UUID]):
        hours_worked (str): The hours worked, before rounding; `quantity` is the hours billed: the time rounded by its
            contract's `time_rounding`, else its customer's. Equal to `quantity` on lines that settle adjustments and on
            credit notes.
        contract_id (None | UUID): The contract the time was billed under; null without one.
        covered (bool): Covered by the contract's prepaid blocks or retainer (billed at 0.00).
        late (bool): Made from late time: ready time dated before the invoice's period that no earlier batch billed.
        time_entry_external_ids (list[None | str]): The `external_id` of each time entry, in the order of
            `time_entry_ids` (null for an entry that has none).
        credited_invoice_id (None | Unset | UUID): On a credit note's line: the invoice this line credits; null on an
            invoice's line.
        released (bool | Unset): On a credited invoice's line: true once a credit note released its time entries, which
            are billable again. The line itself never changes. Default: False.
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
    hours_worked: str
    contract_id: None | UUID
    covered: bool
    late: bool
    time_entry_external_ids: list[None | str]
    credited_invoice_id: None | Unset | UUID = UNSET
    released: bool | Unset = False
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

        hours_worked = self.hours_worked

        contract_id: None | str
        if isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        covered = self.covered

        late = self.late

        time_entry_external_ids = []
        for time_entry_external_ids_item_data in self.time_entry_external_ids:
            time_entry_external_ids_item: None | str
            time_entry_external_ids_item = time_entry_external_ids_item_data
            time_entry_external_ids.append(time_entry_external_ids_item)

        credited_invoice_id: None | str | Unset
        if isinstance(self.credited_invoice_id, Unset):
            credited_invoice_id = UNSET
        elif isinstance(self.credited_invoice_id, UUID):
            credited_invoice_id = str(self.credited_invoice_id)
        else:
            credited_invoice_id = self.credited_invoice_id

        released = self.released

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
                "hours_worked": hours_worked,
                "contract_id": contract_id,
                "covered": covered,
                "late": late,
                "time_entry_external_ids": time_entry_external_ids,
            }
        )
        if credited_invoice_id is not UNSET:
            field_dict["credited_invoice_id"] = credited_invoice_id
        if released is not UNSET:
            field_dict["released"] = released

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

        hours_worked = d.pop("hours_worked")

        def _parse_contract_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)

                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))

        covered = d.pop("covered")

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

        def _parse_credited_invoice_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                credited_invoice_id_type_0 = UUID(data)

                return credited_invoice_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        credited_invoice_id = _parse_credited_invoice_id(d.pop("credited_invoice_id", UNSET))

        released = d.pop("released", UNSET)

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
            hours_worked=hours_worked,
            contract_id=contract_id,
            covered=covered,
            late=late,
            time_entry_external_ids=time_entry_external_ids,
            credited_invoice_id=credited_invoice_id,
            released=released,
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
