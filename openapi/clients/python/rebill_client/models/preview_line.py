from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PreviewLine")


@_attrs_define
class PreviewLine:
    """
    Attributes:
        time_entry_id (None | UUID): The time entry billed; null on a block line and on the overage part of an entry
            split across a block's balance (its covered part names the entry).
        time_entry_external_id (None | str): The time entry's `external_id`; null when it has none.
        product_id (UUID):
        description (str):
        quantity (str): The hours billed: the hours worked, rounded by the time's `time_rounding` (it may round a short
            time down to 0.00, which is then billed at nothing).
        unit (str):
        unit_price (str):
        amount (str):
        tax_rate (str):
        hours_worked (str): The hours worked, before rounding; `quantity` is the hours billed: the time rounded by its
            contract's `time_rounding`, else its customer's. Equal to `quantity` on lines that settle adjustments and on
            credit notes.
        contract_id (None | UUID): The contract the time was billed under; null without one.
        covered (bool): Covered by the contract's prepaid blocks or retainer (billed at 0.00).
        late (bool): Made from late time: ready time dated before the invoice's period that no earlier batch billed.
        time_entry_ids (list[UUID] | Unset): Every time entry the line bills: its one entry, all those of a grouped
            line, or the entry whose overage part it bills; empty on a block or retainer line.
        credited_invoice_id (None | Unset | UUID): On a credit note's line: the invoice it credits. A line that settles
            an adjustment names the adjustment in `time_entry_id`.
    """

    time_entry_id: None | UUID
    time_entry_external_id: None | str
    product_id: UUID
    description: str
    quantity: str
    unit: str
    unit_price: str
    amount: str
    tax_rate: str
    hours_worked: str
    contract_id: None | UUID
    covered: bool
    late: bool
    time_entry_ids: list[UUID] | Unset = UNSET
    credited_invoice_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        time_entry_id: None | str
        if isinstance(self.time_entry_id, UUID):
            time_entry_id = str(self.time_entry_id)
        else:
            time_entry_id = self.time_entry_id

        time_entry_external_id: None | str
        time_entry_external_id = self.time_entry_external_id

        product_id = str(self.product_id)

        description = self.description

        quantity = self.quantity

        unit = self.unit

        unit_price = self.unit_price

        amount = self.amount

        tax_rate = self.tax_rate

        hours_worked = self.hours_worked

        contract_id: None | str
        if isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        covered = self.covered

        late = self.late

        time_entry_ids: list[str] | Unset = UNSET
        if not isinstance(self.time_entry_ids, Unset):
            time_entry_ids = []
            for time_entry_ids_item_data in self.time_entry_ids:
                time_entry_ids_item = str(time_entry_ids_item_data)
                time_entry_ids.append(time_entry_ids_item)

        credited_invoice_id: None | str | Unset
        if isinstance(self.credited_invoice_id, Unset):
            credited_invoice_id = UNSET
        elif isinstance(self.credited_invoice_id, UUID):
            credited_invoice_id = str(self.credited_invoice_id)
        else:
            credited_invoice_id = self.credited_invoice_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "time_entry_id": time_entry_id,
                "time_entry_external_id": time_entry_external_id,
                "product_id": product_id,
                "description": description,
                "quantity": quantity,
                "unit": unit,
                "unit_price": unit_price,
                "amount": amount,
                "tax_rate": tax_rate,
                "hours_worked": hours_worked,
                "contract_id": contract_id,
                "covered": covered,
                "late": late,
            }
        )
        if time_entry_ids is not UNSET:
            field_dict["time_entry_ids"] = time_entry_ids
        if credited_invoice_id is not UNSET:
            field_dict["credited_invoice_id"] = credited_invoice_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_time_entry_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                time_entry_id_type_0 = UUID(data)

                return time_entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        time_entry_id = _parse_time_entry_id(d.pop("time_entry_id"))

        def _parse_time_entry_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        time_entry_external_id = _parse_time_entry_external_id(d.pop("time_entry_external_id"))

        product_id = UUID(d.pop("product_id"))

        description = d.pop("description")

        quantity = d.pop("quantity")

        unit = d.pop("unit")

        unit_price = d.pop("unit_price")

        amount = d.pop("amount")

        tax_rate = d.pop("tax_rate")

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

        _time_entry_ids = d.pop("time_entry_ids", UNSET)
        time_entry_ids: list[UUID] | Unset = UNSET
        if _time_entry_ids is not UNSET:
            time_entry_ids = []
            for time_entry_ids_item_data in _time_entry_ids:
                time_entry_ids_item = UUID(time_entry_ids_item_data)

                time_entry_ids.append(time_entry_ids_item)

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

        preview_line = cls(
            time_entry_id=time_entry_id,
            time_entry_external_id=time_entry_external_id,
            product_id=product_id,
            description=description,
            quantity=quantity,
            unit=unit,
            unit_price=unit_price,
            amount=amount,
            tax_rate=tax_rate,
            hours_worked=hours_worked,
            contract_id=contract_id,
            covered=covered,
            late=late,
            time_entry_ids=time_entry_ids,
            credited_invoice_id=credited_invoice_id,
        )

        preview_line.additional_properties = d
        return preview_line

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
