from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.work_item_create_type import WorkItemCreateType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkItemCreate")


@_attrs_define
class WorkItemCreate:
    """
    Attributes:
        type_ (WorkItemCreateType):
        reference (str): Shown to the customer, e.g. T-004211.
        customer_id (UUID):
        external_id (None | str | Unset):
        title (None | str | Unset):
        contract_id (None | Unset | UUID): The contract its time is billed under: one of its customer's contracts, or of
            a contact's parent company. Null: the customer's default contract, if any.
    """

    type_: WorkItemCreateType
    reference: str
    customer_id: UUID
    external_id: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    contract_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        reference = self.reference

        customer_id = str(self.customer_id)

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        elif isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "reference": reference,
                "customer_id": customer_id,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if title is not UNSET:
            field_dict["title"] = title
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WorkItemCreateType(d.pop("type"))

        reference = d.pop("reference")

        customer_id = UUID(d.pop("customer_id"))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

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

        work_item_create = cls(
            type_=type_,
            reference=reference,
            customer_id=customer_id,
            external_id=external_id,
            title=title,
            contract_id=contract_id,
        )

        return work_item_create
