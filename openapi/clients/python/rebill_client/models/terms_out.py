from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TermsOut")


@_attrs_define
class TermsOut:
    """
    Attributes:
        bank_details (None | str | Unset):
        conditions_of_sale (None | str | Unset):
        payment_terms_days (int | None | Unset):
        late_payment_penalties (None | str | Unset):
        early_payment_discount (None | str | Unset):
    """

    bank_details: None | str | Unset = UNSET
    conditions_of_sale: None | str | Unset = UNSET
    payment_terms_days: int | None | Unset = UNSET
    late_payment_penalties: None | str | Unset = UNSET
    early_payment_discount: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_details: None | str | Unset
        if isinstance(self.bank_details, Unset):
            bank_details = UNSET
        else:
            bank_details = self.bank_details

        conditions_of_sale: None | str | Unset
        if isinstance(self.conditions_of_sale, Unset):
            conditions_of_sale = UNSET
        else:
            conditions_of_sale = self.conditions_of_sale

        payment_terms_days: int | None | Unset
        if isinstance(self.payment_terms_days, Unset):
            payment_terms_days = UNSET
        else:
            payment_terms_days = self.payment_terms_days

        late_payment_penalties: None | str | Unset
        if isinstance(self.late_payment_penalties, Unset):
            late_payment_penalties = UNSET
        else:
            late_payment_penalties = self.late_payment_penalties

        early_payment_discount: None | str | Unset
        if isinstance(self.early_payment_discount, Unset):
            early_payment_discount = UNSET
        else:
            early_payment_discount = self.early_payment_discount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bank_details is not UNSET:
            field_dict["bank_details"] = bank_details
        if conditions_of_sale is not UNSET:
            field_dict["conditions_of_sale"] = conditions_of_sale
        if payment_terms_days is not UNSET:
            field_dict["payment_terms_days"] = payment_terms_days
        if late_payment_penalties is not UNSET:
            field_dict["late_payment_penalties"] = late_payment_penalties
        if early_payment_discount is not UNSET:
            field_dict["early_payment_discount"] = early_payment_discount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_bank_details(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_details = _parse_bank_details(d.pop("bank_details", UNSET))

        def _parse_conditions_of_sale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        conditions_of_sale = _parse_conditions_of_sale(d.pop("conditions_of_sale", UNSET))

        def _parse_payment_terms_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        payment_terms_days = _parse_payment_terms_days(d.pop("payment_terms_days", UNSET))

        def _parse_late_payment_penalties(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        late_payment_penalties = _parse_late_payment_penalties(d.pop("late_payment_penalties", UNSET))

        def _parse_early_payment_discount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        early_payment_discount = _parse_early_payment_discount(d.pop("early_payment_discount", UNSET))

        terms_out = cls(
            bank_details=bank_details,
            conditions_of_sale=conditions_of_sale,
            payment_terms_days=payment_terms_days,
            late_payment_penalties=late_payment_penalties,
            early_payment_discount=early_payment_discount,
        )

        terms_out.additional_properties = d
        return terms_out

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
