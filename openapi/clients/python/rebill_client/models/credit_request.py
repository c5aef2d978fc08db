from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditRequest")


@_attrs_define
class CreditRequest:
    """`POST /v1/invoices/{id}/credit`: credit what remains uncredited of a validated invoice.

    Attributes:
        reason (None | str | Unset): Why the invoice is credited; printed on the credit note. Absent: none is printed.
        release_time (bool | Unset): true: the invoice's time entries become billable again (their `invoice_id` is null)
            and a later batch bills them at that day's prices. Default: False.
        send (bool | Unset): true: the credit note is emailed, with its PDF, to the customer's first email address.
            Default: False.
    """

    reason: None | str | Unset = UNSET
    release_time: bool | Unset = False
    send: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        release_time = self.release_time

        send = self.send

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason
        if release_time is not UNSET:
            field_dict["release_time"] = release_time
        if send is not UNSET:
            field_dict["send"] = send

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        release_time = d.pop("release_time", UNSET)

        send = d.pop("send", UNSET)

        credit_request = cls(
            reason=reason,
            release_time=release_time,
            send=send,
        )

        return credit_request
