from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.accounting_out_tax_types import AccountingOutTaxTypes


T = TypeVar("T", bound="AccountingOut")


@_attrs_define
class AccountingOut:
    """
    Attributes:
        account_code (None | str | Unset):
        tax_types (AccountingOutTaxTypes | Unset):
    """

    account_code: None | str | Unset = UNSET
    tax_types: AccountingOutTaxTypes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_code: None | str | Unset
        if isinstance(self.account_code, Unset):
            account_code = UNSET
        else:
            account_code = self.account_code

        tax_types: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tax_types, Unset):
            tax_types = self.tax_types.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if account_code is not UNSET:
            field_dict["account_code"] = account_code
        if tax_types is not UNSET:
            field_dict["tax_types"] = tax_types

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accounting_out_tax_types import AccountingOutTaxTypes  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_account_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_code = _parse_account_code(d.pop("account_code", UNSET))

        _tax_types = d.pop("tax_types", UNSET)
        tax_types: AccountingOutTaxTypes | Unset
        if isinstance(_tax_types, Unset):
            tax_types = UNSET
        else:
            tax_types = AccountingOutTaxTypes.from_dict(_tax_types)

        accounting_out = cls(
            account_code=account_code,
            tax_types=tax_types,
        )

        accounting_out.additional_properties = d
        return accounting_out

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
