from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CreatedInvoice")


@_attrs_define
class CreatedInvoice:
    """
    Attributes:
        invoice_id (UUID):
        customer_id (UUID):
        customer_external_id (None | str): The customer's `external_id`; null when it has none.
        number (None | str):
        status (str):
        total (str):
        currency (str):
    """

    invoice_id: UUID
    customer_id: UUID
    customer_external_id: None | str
    number: None | str
    status: str
    total: str
    currency: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice_id = str(self.invoice_id)

        customer_id = str(self.customer_id)

        customer_external_id: None | str
        customer_external_id = self.customer_external_id

        number: None | str
        number = self.number

        status = self.status

        total = self.total

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice_id": invoice_id,
                "customer_id": customer_id,
                "customer_external_id": customer_external_id,
                "number": number,
                "status": status,
                "total": total,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invoice_id = UUID(d.pop("invoice_id"))

        customer_id = UUID(d.pop("customer_id"))

        def _parse_customer_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_external_id = _parse_customer_external_id(d.pop("customer_external_id"))

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        status = d.pop("status")

        total = d.pop("total")

        currency = d.pop("currency")

        created_invoice = cls(
            invoice_id=invoice_id,
            customer_id=customer_id,
            customer_external_id=customer_external_id,
            number=number,
            status=status,
            total=total,
            currency=currency,
        )

        created_invoice.additional_properties = d
        return created_invoice

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
