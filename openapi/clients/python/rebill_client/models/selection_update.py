from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SelectionUpdate")


@_attrs_define
class SelectionUpdate:
    """
    Attributes:
        external_id (None | str | Unset):
        name (None | str | Unset):
        customer_ids (list[UUID] | None | Unset): Replaces the whole list.
    """

    external_id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    customer_ids: list[UUID] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        customer_ids: list[str] | None | Unset
        if isinstance(self.customer_ids, Unset):
            customer_ids = UNSET
        elif isinstance(self.customer_ids, list):
            customer_ids = []
            for customer_ids_type_0_item_data in self.customer_ids:
                customer_ids_type_0_item = str(customer_ids_type_0_item_data)
                customer_ids.append(customer_ids_type_0_item)

        else:
            customer_ids = self.customer_ids

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_customer_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                customer_ids_type_0 = []
                _customer_ids_type_0 = data
                for customer_ids_type_0_item_data in _customer_ids_type_0:
                    customer_ids_type_0_item = UUID(customer_ids_type_0_item_data)

                    customer_ids_type_0.append(customer_ids_type_0_item)

                return customer_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        customer_ids = _parse_customer_ids(d.pop("customer_ids", UNSET))

        selection_update = cls(
            external_id=external_id,
            name=name,
            customer_ids=customer_ids,
        )

        return selection_update
