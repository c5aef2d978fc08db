from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportCounts")


@_attrs_define
class ReportCounts:
    """The exact size of each selection, however many of its items the report shows.

    Attributes:
        invoices_created (int):
        invoices_not_validated (int):
        invoices_not_sent (int):
        unbilled_times (int):
        customers_without_times (int):
        customers_excluded (int):
        credit_notes_created (int):
        customers_failed (int):
    """

    invoices_created: int
    invoices_not_validated: int
    invoices_not_sent: int
    unbilled_times: int
    customers_without_times: int
    customers_excluded: int
    credit_notes_created: int
    customers_failed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoices_created = self.invoices_created

        invoices_not_validated = self.invoices_not_validated

        invoices_not_sent = self.invoices_not_sent

        unbilled_times = self.unbilled_times

        customers_without_times = self.customers_without_times

        customers_excluded = self.customers_excluded

        credit_notes_created = self.credit_notes_created

        customers_failed = self.customers_failed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoices_created": invoices_created,
                "invoices_not_validated": invoices_not_validated,
                "invoices_not_sent": invoices_not_sent,
                "unbilled_times": unbilled_times,
                "customers_without_times": customers_without_times,
                "customers_excluded": customers_excluded,
                "credit_notes_created": credit_notes_created,
                "customers_failed": customers_failed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invoices_created = d.pop("invoices_created")

        invoices_not_validated = d.pop("invoices_not_validated")

        invoices_not_sent = d.pop("invoices_not_sent")

        unbilled_times = d.pop("unbilled_times")

        customers_without_times = d.pop("customers_without_times")

        customers_excluded = d.pop("customers_excluded")

        credit_notes_created = d.pop("credit_notes_created")

        customers_failed = d.pop("customers_failed")

        report_counts = cls(
            invoices_created=invoices_created,
            invoices_not_validated=invoices_not_validated,
            invoices_not_sent=invoices_not_sent,
            unbilled_times=unbilled_times,
            customers_without_times=customers_without_times,
            customers_excluded=customers_excluded,
            credit_notes_created=credit_notes_created,
            customers_failed=customers_failed,
        )

        report_counts.additional_properties = d
        return report_counts

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
