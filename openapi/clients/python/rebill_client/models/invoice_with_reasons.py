from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reason import Reason


T = TypeVar("T", bound="InvoiceWithReasons")


@_attrs_define
class InvoiceWithReasons:
    """
    Attributes:
        invoice_id (UUID):
        customer_id (UUID):
        customer_external_id (None | str): The customer's `external_id`; null when it has none.
        reasons (list[Reason]):
    """

    invoice_id: UUID
    customer_id: UUID
    customer_external_id: None | str
    reasons: list[Reason]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice_id = str(self.invoice_id)

        customer_id = str(self.customer_id)

        customer_external_id: None | str
        customer_external_id = self.customer_external_id

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice_id": invoice_id,
                "customer_id": customer_id,
                "customer_external_id": customer_external_id,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reason import Reason  # noqa: PLC0415

        d = dict(src_dict)
        invoice_id = UUID(d.pop("invoice_id"))

        customer_id = UUID(d.pop("customer_id"))

        def _parse_customer_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_external_id = _parse_customer_external_id(d.pop("customer_external_id"))

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = Reason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        invoice_with_reasons = cls(
            invoice_id=invoice_id,
            customer_id=customer_id,
            customer_external_id=customer_external_id,
            reasons=reasons,
        )

        invoice_with_reasons.additional_properties = d
        return invoice_with_reasons

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
