from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SelectionOut")


@_attrs_define
class SelectionOut:
    """
    Attributes:
        id (UUID):
        external_id (None | str):
        name (str):
        customer_ids (list[UUID]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    external_id: None | str
    name: str
    customer_ids: list[UUID]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        external_id: None | str
        external_id = self.external_id

        name = self.name

        customer_ids = []
        for customer_ids_item_data in self.customer_ids:
            customer_ids_item = str(customer_ids_item_data)
            customer_ids.append(customer_ids_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "external_id": external_id,
                "name": name,
                "customer_ids": customer_ids,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        name = d.pop("name")

        customer_ids = []
        _customer_ids = d.pop("customer_ids")
        for customer_ids_item_data in _customer_ids:
            customer_ids_item = UUID(customer_ids_item_data)

            customer_ids.append(customer_ids_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        selection_out = cls(
            id=id,
            external_id=external_id,
            name=name,
            customer_ids=customer_ids,
            created_at=created_at,
            updated_at=updated_at,
        )

        selection_out.additional_properties = d
        return selection_out

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
