from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.work_item_update_type_type_0 import WorkItemUpdateTypeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkItemUpdate")


@_attrs_define
class WorkItemUpdate:
    """
    Attributes:
        external_id (None | str | Unset):
        type_ (None | Unset | WorkItemUpdateTypeType0):
        reference (None | str | Unset):
        title (None | str | Unset):
        customer_id (None | Unset | UUID):
    """

    external_id: None | str | Unset = UNSET
    type_: None | Unset | WorkItemUpdateTypeType0 = UNSET
    reference: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    customer_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, WorkItemUpdateTypeType0):
            type_ = self.type_.value
        else:
            type_ = self.type_

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        elif isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if reference is not UNSET:
            field_dict["reference"] = reference
        if title is not UNSET:
            field_dict["title"] = title
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id

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

        def _parse_type_(data: object) -> None | Unset | WorkItemUpdateTypeType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = WorkItemUpdateTypeType0(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkItemUpdateTypeType0, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_customer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)

                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        work_item_update = cls(
            external_id=external_id,
            type_=type_,
            reference=reference,
            title=title,
            customer_id=customer_id,
        )

        return work_item_update
