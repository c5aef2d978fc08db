from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContractDetails")


@_attrs_define
class ContractDetails:
    """What an invoice bills under one contract: the batch details a person checks before running.

    Attributes:
        contract_id (UUID):
        name (str):
        kind (str):
        hours_worked (str):
        covered_hours (str):
        billed_hours (str):
        block_hours_remaining (None | str): `block_hours`: the block balance after the batch; null for other kinds.
        retainer_included_hours_left (None | str): `retainer`: the included hours of the cycle left after this invoice;
            null for other kinds.
    """

    contract_id: UUID
    name: str
    kind: str
    hours_worked: str
    covered_hours: str
    billed_hours: str
    block_hours_remaining: None | str
    retainer_included_hours_left: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        name = self.name

        kind = self.kind

        hours_worked = self.hours_worked

        covered_hours = self.covered_hours

        billed_hours = self.billed_hours

        block_hours_remaining: None | str
        block_hours_remaining = self.block_hours_remaining

        retainer_included_hours_left: None | str
        retainer_included_hours_left = self.retainer_included_hours_left

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "name": name,
                "kind": kind,
                "hours_worked": hours_worked,
                "covered_hours": covered_hours,
                "billed_hours": billed_hours,
                "block_hours_remaining": block_hours_remaining,
                "retainer_included_hours_left": retainer_included_hours_left,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        name = d.pop("name")

        kind = d.pop("kind")

        hours_worked = d.pop("hours_worked")

        covered_hours = d.pop("covered_hours")

        billed_hours = d.pop("billed_hours")

        def _parse_block_hours_remaining(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        block_hours_remaining = _parse_block_hours_remaining(d.pop("block_hours_remaining"))

        def _parse_retainer_included_hours_left(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        retainer_included_hours_left = _parse_retainer_included_hours_left(d.pop("retainer_included_hours_left"))

        contract_details = cls(
            contract_id=contract_id,
            name=name,
            kind=kind,
            hours_worked=hours_worked,
            covered_hours=covered_hours,
            billed_hours=billed_hours,
            block_hours_remaining=block_hours_remaining,
            retainer_included_hours_left=retainer_included_hours_left,
        )

        contract_details.additional_properties = d
        return contract_details

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
