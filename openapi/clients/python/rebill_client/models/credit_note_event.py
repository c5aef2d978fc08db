from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.invoice_out import InvoiceOut


T = TypeVar("T", bound="CreditNoteEvent")


@_attrs_define
class CreditNoteEvent:
    """
    Attributes:
        id (str):
        created (datetime.datetime):
        type_ (Literal['credit_note.validated']):
        data (InvoiceOut):
    """

    id: str
    created: datetime.datetime
    type_: Literal["credit_note.validated"]
    data: InvoiceOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created = self.created.isoformat()

        type_ = self.type_

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created": created,
                "type": type_,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_out import InvoiceOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        created = datetime.datetime.fromisoformat(d.pop("created"))

        type_ = cast(Literal["credit_note.validated"], d.pop("type"))
        if type_ != "credit_note.validated":
            raise ValueError(f"type must match const 'credit_note.validated', got '{type_}'")

        data = InvoiceOut.from_dict(d.pop("data"))

        credit_note_event = cls(
            id=id,
            created=created,
            type_=type_,
            data=data,
        )

        credit_note_event.additional_properties = d
        return credit_note_event

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
