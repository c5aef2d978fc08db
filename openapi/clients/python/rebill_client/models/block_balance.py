from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BlockBalance")


@_attrs_define
class BlockBalance:
    """
    Attributes:
        contract_id (UUID):
        hours_consumed (str):
        hours_remaining (str): The contract's block balance after the batch.
    """

    contract_id: UUID
    hours_consumed: str
    hours_remaining: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        hours_consumed = self.hours_consumed

        hours_remaining = self.hours_remaining

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "hours_consumed": hours_consumed,
                "hours_remaining": hours_remaining,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        hours_consumed = d.pop("hours_consumed")

        hours_remaining = d.pop("hours_remaining")

        block_balance = cls(
            contract_id=contract_id,
            hours_consumed=hours_consumed,
            hours_remaining=hours_remaining,
        )

        block_balance.additional_properties = d
        return block_balance

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
