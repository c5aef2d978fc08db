from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payment_create_method import PaymentCreateMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentCreate")


@_attrs_define
class PaymentCreate:
    """`POST /v1/invoices/{id}/payments`: a payment received, or (negative amount) a refund made.

    Attributes:
        amount (str): In the invoice's currency, at most its minor unit. Positive: a payment, at most `amount_due`
            (more: 422 `overpayment`). Negative: a refund, at most what was paid (more: 422 `refund_exceeds_paid`). Zero is
            refused.
        paid_on (datetime.date): The day the money moved.
        method (PaymentCreateMethod):
        reference (None | str | Unset): The bank's or the processor's reference.
    """

    amount: str
    paid_on: datetime.date
    method: PaymentCreateMethod
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        paid_on = self.paid_on.isoformat()

        method = self.method.value

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "paid_on": paid_on,
                "method": method,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        method = PaymentCreateMethod(d.pop("method"))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        payment_create = cls(
            amount=amount,
            paid_on=paid_on,
            method=method,
            reference=reference,
        )

        return payment_create
