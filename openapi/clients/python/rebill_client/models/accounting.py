from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.accounting_tax_types import AccountingTaxTypes


T = TypeVar("T", bound="Accounting")


@_attrs_define
class Accounting:
    """How exports to accounting software fill their codes (SPEC §12).

    Attributes:
        account_code (None | str | Unset): The sales account written as Xero's AccountCode, e.g. "706"; null: left
            empty.
        tax_types (AccountingTaxTypes | Unset): By tax rate: the tax type written as Xero's TaxType and QuickBooks' Item
            Tax Code, e.g. {"20.00": "20% (VAT on Income)"}. A rate not listed is written as the rate followed by `%`.
    """

    account_code: None | str | Unset = UNSET
    tax_types: AccountingTaxTypes | Unset = UNSET

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

        field_dict.update({})
        if account_code is not UNSET:
            field_dict["account_code"] = account_code
        if tax_types is not UNSET:
            field_dict["tax_types"] = tax_types

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accounting_tax_types import AccountingTaxTypes  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_account_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_code = _parse_account_code(d.pop("account_code", UNSET))

        _tax_types = d.pop("tax_types", UNSET)
        tax_types: AccountingTaxTypes | Unset
        if isinstance(_tax_types, Unset):
            tax_types = UNSET
        else:
            tax_types = AccountingTaxTypes.from_dict(_tax_types)

        accounting = cls(
            account_code=account_code,
            tax_types=tax_types,
        )

        return accounting
