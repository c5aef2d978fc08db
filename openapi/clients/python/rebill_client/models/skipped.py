from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.skipped_reason import SkippedReason

T = TypeVar("T", bound="Skipped")


@_attrs_define
class Skipped:
    """
    Attributes:
        invoice_id (UUID):
        reason (SkippedReason): `draft`: not validated, never exported; `credit_note_not_supported_by_format`: a credit
            note, which `xero` and `quickbooks` files do not carry.
    """

    invoice_id: UUID
    reason: SkippedReason
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice_id = str(self.invoice_id)

        reason = self.reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice_id": invoice_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invoice_id = UUID(d.pop("invoice_id"))

        reason = SkippedReason(d.pop("reason"))

        skipped = cls(
            invoice_id=invoice_id,
            reason=reason,
        )

        skipped.additional_properties = d
        return skipped

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
