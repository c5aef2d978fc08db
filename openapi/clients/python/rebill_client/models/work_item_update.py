from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.work_item_update_type import WorkItemUpdateType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkItemUpdate")


@_attrs_define
class WorkItemUpdate:
    """Only the fields sent change; null clears external_id, title or contract_id, the others cannot
    be null.

        Attributes:
            external_id (None | str | Unset):
            type_ (WorkItemUpdateType | Unset):
            reference (str | Unset): Leading and trailing white space is removed.
            title (None | str | Unset):
            customer_id (UUID | Unset):
            contract_id (None | Unset | UUID): The contract its time is billed under: one of its customer's contracts, or of
                a contact's parent company. Null: the customer's default contract, if any.
    """

    external_id: None | str | Unset = UNSET
    type_: WorkItemUpdateType | Unset = UNSET
    reference: str | Unset = UNSET
    title: None | str | Unset = UNSET
    customer_id: UUID | Unset = UNSET
    contract_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        reference = self.reference

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        customer_id: str | Unset = UNSET
        if not isinstance(self.customer_id, Unset):
            customer_id = str(self.customer_id)

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        elif isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

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
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id

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

        _type_ = d.pop("type", UNSET)
        type_: WorkItemUpdateType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = WorkItemUpdateType(_type_)

        reference = d.pop("reference", UNSET)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _customer_id = d.pop("customer_id", UNSET)
        customer_id: UUID | Unset
        if isinstance(_customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = UUID(_customer_id)

        def _parse_contract_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)

                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))

        work_item_update = cls(
            external_id=external_id,
            type_=type_,
            reference=reference,
            title=title,
            customer_id=customer_id,
            contract_id=contract_id,
        )

        return work_item_update
