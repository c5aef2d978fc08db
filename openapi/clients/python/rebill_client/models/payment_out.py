from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_out_method import PaymentOutMethod

T = TypeVar("T", bound="PaymentOut")


@_attrs_define
class PaymentOut:
    """
    Attributes:
        id (UUID):
        invoice_id (UUID):
        amount (str): Negative for a refund.
        paid_on (datetime.date):
        method (PaymentOutMethod):
        reference (None | str):
        created_at (datetime.datetime):
    """

    id: UUID
    invoice_id: UUID
    amount: str
    paid_on: datetime.date
    method: PaymentOutMethod
    reference: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        invoice_id = str(self.invoice_id)

        amount = self.amount

        paid_on = self.paid_on.isoformat()

        method = self.method.value

        reference: None | str
        reference = self.reference

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "invoice_id": invoice_id,
                "amount": amount,
                "paid_on": paid_on,
                "method": method,
                "reference": reference,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        invoice_id = UUID(d.pop("invoice_id"))

        amount = d.pop("amount")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        method = PaymentOutMethod(d.pop("method"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        payment_out = cls(
            id=id,
            invoice_id=invoice_id,
            amount=amount,
            paid_on=paid_on,
            method=method,
            reference=reference,
            created_at=created_at,
        )

        payment_out.additional_properties = d
        return payment_out

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
