from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.currency_totals import CurrencyTotals


T = TypeVar("T", bound="Totals")


@_attrs_define
class Totals:
    """
    Attributes:
        customers (int):
        invoices (int):
        hours (str):
        by_currency (list[CurrencyTotals]):
    """

    customers: int
    invoices: int
    hours: str
    by_currency: list[CurrencyTotals]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customers = self.customers

        invoices = self.invoices

        hours = self.hours

        by_currency = []
        for by_currency_item_data in self.by_currency:
            by_currency_item = by_currency_item_data.to_dict()
            by_currency.append(by_currency_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customers": customers,
                "invoices": invoices,
                "hours": hours,
                "by_currency": by_currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.currency_totals import CurrencyTotals  # noqa: PLC0415

        d = dict(src_dict)
        customers = d.pop("customers")

        invoices = d.pop("invoices")

        hours = d.pop("hours")

        by_currency = []
        _by_currency = d.pop("by_currency")
        for by_currency_item_data in _by_currency:
            by_currency_item = CurrencyTotals.from_dict(by_currency_item_data)

            by_currency.append(by_currency_item)

        totals = cls(
            customers=customers,
            invoices=invoices,
            hours=hours,
            by_currency=by_currency,
        )

        totals.additional_properties = d
        return totals

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
