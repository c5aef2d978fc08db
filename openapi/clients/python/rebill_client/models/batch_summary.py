from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.totals import Totals


T = TypeVar("T", bound="BatchSummary")


@_attrs_define
class BatchSummary:
    """
    Attributes:
        invoices_created (int):
        invoices_not_validated (int):
        invoices_not_sent (int):
        unbilled_times (int):
        customers_without_times (int):
        totals (Totals):
    """

    invoices_created: int
    invoices_not_validated: int
    invoices_not_sent: int
    unbilled_times: int
    customers_without_times: int
    totals: Totals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoices_created = self.invoices_created

        invoices_not_validated = self.invoices_not_validated

        invoices_not_sent = self.invoices_not_sent

        unbilled_times = self.unbilled_times

        customers_without_times = self.customers_without_times

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoices_created": invoices_created,
                "invoices_not_validated": invoices_not_validated,
                "invoices_not_sent": invoices_not_sent,
                "unbilled_times": unbilled_times,
                "customers_without_times": customers_without_times,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.totals import Totals  # noqa: PLC0415

        d = dict(src_dict)
        invoices_created = d.pop("invoices_created")

        invoices_not_validated = d.pop("invoices_not_validated")

        invoices_not_sent = d.pop("invoices_not_sent")

        unbilled_times = d.pop("unbilled_times")

        customers_without_times = d.pop("customers_without_times")

        totals = Totals.from_dict(d.pop("totals"))

        batch_summary = cls(
            invoices_created=invoices_created,
            invoices_not_validated=invoices_not_validated,
            invoices_not_sent=invoices_not_sent,
            unbilled_times=unbilled_times,
            customers_without_times=customers_without_times,
            totals=totals,
        )

        batch_summary.additional_properties = d
        return batch_summary

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
