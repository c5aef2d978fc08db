from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contract_out_kind import ContractOutKind

if TYPE_CHECKING:
    from ..models.block_out import BlockOut
    from ..models.time_rounding_out import TimeRoundingOut


T = TypeVar("T", bound="ContractOut")


@_attrs_define
class ContractOut:
    """
    Attributes:
        id (UUID):
        external_id (None | str):
        customer_id (UUID):
        name (str):
        kind (ContractOutKind):
        product_id (None | UUID):
        starts_on (datetime.date):
        ends_on (datetime.date | None):
        taxable (bool):
        time_rounding (None | TimeRoundingOut):
        overage_unit_price (None | str):
        retainer_amount (None | str):
        included_hours (None | str):
        blocks (list[BlockOut]): block_hours only (empty otherwise), in the order they were added.
        hours_purchased (str): The sum of the blocks' hours.
        hours_used (str): Block hours consumed by invoices (overage is not counted).
        hours_remaining (str): hours_purchased − hours_used.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    external_id: None | str
    customer_id: UUID
    name: str
    kind: ContractOutKind
    product_id: None | UUID
    starts_on: datetime.date
    ends_on: datetime.date | None
    taxable: bool
    time_rounding: None | TimeRoundingOut
    overage_unit_price: None | str
    retainer_amount: None | str
    included_hours: None | str
    blocks: list[BlockOut]
    hours_purchased: str
    hours_used: str
    hours_remaining: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.time_rounding_out import TimeRoundingOut  # noqa: PLC0415

        id = str(self.id)

        external_id: None | str
        external_id = self.external_id

        customer_id = str(self.customer_id)

        name = self.name

        kind = self.kind.value

        product_id: None | str
        if isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        starts_on = self.starts_on.isoformat()

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        taxable = self.taxable

        time_rounding: dict[str, Any] | None
        if isinstance(self.time_rounding, TimeRoundingOut):
            time_rounding = self.time_rounding.to_dict()
        else:
            time_rounding = self.time_rounding

        overage_unit_price: None | str
        overage_unit_price = self.overage_unit_price

        retainer_amount: None | str
        retainer_amount = self.retainer_amount

        included_hours: None | str
        included_hours = self.included_hours

        blocks = []
        for blocks_item_data in self.blocks:
            blocks_item = blocks_item_data.to_dict()
            blocks.append(blocks_item)

        hours_purchased = self.hours_purchased

        hours_used = self.hours_used

        hours_remaining = self.hours_remaining

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "external_id": external_id,
                "customer_id": customer_id,
                "name": name,
                "kind": kind,
                "product_id": product_id,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "taxable": taxable,
                "time_rounding": time_rounding,
                "overage_unit_price": overage_unit_price,
                "retainer_amount": retainer_amount,
                "included_hours": included_hours,
                "blocks": blocks,
                "hours_purchased": hours_purchased,
                "hours_used": hours_used,
                "hours_remaining": hours_remaining,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.block_out import BlockOut  # noqa: PLC0415
        from ..models.time_rounding_out import TimeRoundingOut  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        customer_id = UUID(d.pop("customer_id"))

        name = d.pop("name")

        kind = ContractOutKind(d.pop("kind"))

        def _parse_product_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        product_id = _parse_product_id(d.pop("product_id"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        taxable = d.pop("taxable")

        def _parse_time_rounding(data: object) -> None | TimeRoundingOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                time_rounding_type_0 = TimeRoundingOut.from_dict(data)

                return time_rounding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeRoundingOut, data)

        time_rounding = _parse_time_rounding(d.pop("time_rounding"))

        def _parse_overage_unit_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        overage_unit_price = _parse_overage_unit_price(d.pop("overage_unit_price"))

        def _parse_retainer_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        retainer_amount = _parse_retainer_amount(d.pop("retainer_amount"))

        def _parse_included_hours(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        included_hours = _parse_included_hours(d.pop("included_hours"))

        blocks = []
        _blocks = d.pop("blocks")
        for blocks_item_data in _blocks:
            blocks_item = BlockOut.from_dict(blocks_item_data)

            blocks.append(blocks_item)

        hours_purchased = d.pop("hours_purchased")

        hours_used = d.pop("hours_used")

        hours_remaining = d.pop("hours_remaining")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        contract_out = cls(
            id=id,
            external_id=external_id,
            customer_id=customer_id,
            name=name,
            kind=kind,
            product_id=product_id,
            starts_on=starts_on,
            ends_on=ends_on,
            taxable=taxable,
            time_rounding=time_rounding,
            overage_unit_price=overage_unit_price,
            retainer_amount=retainer_amount,
            included_hours=included_hours,
            blocks=blocks,
            hours_purchased=hours_purchased,
            hours_used=hours_used,
            hours_remaining=hours_remaining,
            created_at=created_at,
            updated_at=updated_at,
        )

        contract_out.additional_properties = d
        return contract_out

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
