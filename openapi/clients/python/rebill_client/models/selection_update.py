from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SelectionUpdate")


@_attrs_define
class SelectionUpdate:
    """Only the fields sent change; null clears external_id, the others cannot be null.

    Attributes:
        external_id (None | str | Unset):
        name (str | Unset): Leading and trailing white space is removed.
        customer_ids (list[UUID] | Unset): Replaces the whole list ([] empties it).
    """

    external_id: None | str | Unset = UNSET
    name: str | Unset = UNSET
    customer_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        name = self.name

        customer_ids: list[str] | Unset = UNSET
        if not isinstance(self.customer_ids, Unset):
            customer_ids = []
            for customer_ids_item_data in self.customer_ids:
                customer_ids_item = str(customer_ids_item_data)
                customer_ids.append(customer_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if name is not UNSET:
            field_dict["name"] = name
        if customer_ids is not UNSET:
            field_dict["customer_ids"] = customer_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        name = d.pop("name", UNSET)

        _customer_ids = d.pop("customer_ids", UNSET)
        customer_ids: list[UUID] | Unset = UNSET
        if _customer_ids is not UNSET:
            customer_ids = []
            for customer_ids_item_data in _customer_ids:
                customer_ids_item = UUID(customer_ids_item_data)

                customer_ids.append(customer_ids_item)

        selection_update = cls(
            external_id=external_id,
            name=name,
            customer_ids=customer_ids,
        )

        return selection_update
