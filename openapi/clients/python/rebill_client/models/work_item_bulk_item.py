from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.work_item_bulk_item_type import WorkItemBulkItemType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkItemBulkItem")


@_attrs_define
class WorkItemBulkItem:
    """Names its customer by `customer_id` or `customer_external_id`, exactly one of them, and
    optionally its contract by `contract_id` or `contract_external_id`.

        Attributes:
            external_id (str): Leading and trailing white space is removed.
            type_ (WorkItemBulkItemType):
            reference (str): Leading and trailing white space is removed.
            title (None | str | Unset):
            customer_id (None | Unset | UUID):
            customer_external_id (None | str | Unset):
            contract_id (None | Unset | UUID): The contract its time is billed under: one of its customer's contracts, or of
                a contact's parent company. Null: the customer's default contract, if any.
            contract_external_id (None | str | Unset):
    """

    external_id: str
    type_: WorkItemBulkItemType
    reference: str
    title: None | str | Unset = UNSET
    customer_id: None | Unset | UUID = UNSET
    customer_external_id: None | str | Unset = UNSET
    contract_id: None | Unset | UUID = UNSET
    contract_external_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        type_ = self.type_.value

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

        customer_external_id: None | str | Unset
        if isinstance(self.customer_external_id, Unset):
            customer_external_id = UNSET
        else:
            customer_external_id = self.customer_external_id

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        elif isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        contract_external_id: None | str | Unset
        if isinstance(self.contract_external_id, Unset):
            contract_external_id = UNSET
        else:
            contract_external_id = self.contract_external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "external_id": external_id,
                "type": type_,
                "reference": reference,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if customer_external_id is not UNSET:
            field_dict["customer_external_id"] = customer_external_id
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if contract_external_id is not UNSET:
            field_dict["contract_external_id"] = contract_external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        external_id = d.pop("external_id")

        type_ = WorkItemBulkItemType(d.pop("type"))

        reference = d.pop("reference")

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

        def _parse_customer_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_external_id = _parse_customer_external_id(d.pop("customer_external_id", UNSET))

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

        def _parse_contract_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_external_id = _parse_contract_external_id(d.pop("contract_external_id", UNSET))

        work_item_bulk_item = cls(
            external_id=external_id,
            type_=type_,
            reference=reference,
            title=title,
            customer_id=customer_id,
            customer_external_id=customer_external_id,
            contract_id=contract_id,
            contract_external_id=contract_external_id,
        )

        return work_item_bulk_item
