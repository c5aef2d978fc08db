from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FailedCustomer")


@_attrs_define
class FailedCustomer:
    """
    Attributes:
        customer_id (UUID):
        customer_external_id (None | str): The customer's `external_id`; null when it has none.
        error (None | str):
    """

    customer_id: UUID
    customer_external_id: None | str
    error: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        customer_external_id: None | str
        customer_external_id = self.customer_external_id

        error: None | str
        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "customer_external_id": customer_external_id,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        def _parse_customer_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_external_id = _parse_customer_external_id(d.pop("customer_external_id"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        failed_customer = cls(
            customer_id=customer_id,
            customer_external_id=customer_external_id,
            error=error,
        )

        failed_customer.additional_properties = d
        return failed_customer

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
