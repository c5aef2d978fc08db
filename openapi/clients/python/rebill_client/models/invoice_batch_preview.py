from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.preview_credit_note import PreviewCreditNote
    from ..models.preview_invoice import PreviewInvoice
    from ..models.totals import Totals
    from ..models.unbilled_time import UnbilledTime


T = TypeVar("T", bound="InvoiceBatchPreview")


@_attrs_define
class InvoiceBatchPreview:
    """
    Attributes:
        invoices (list[PreviewInvoice]):
        unbilled_times (list[UnbilledTime]):
        customers_without_times (list[UUID]):
        customers_excluded (list[UUID]): The customers of the selection that `exclude_customer_ids` leaves out (as
            billing targets).
        credit_notes (list[PreviewCreditNote]): The credit notes the batch would make: one per customer whose
            adjustments bill fewer hours than were billed. `totals` cover `invoices` only.
        totals (Totals):
    """

    invoices: list[PreviewInvoice]
    unbilled_times: list[UnbilledTime]
    customers_without_times: list[UUID]
    customers_excluded: list[UUID]
    credit_notes: list[PreviewCreditNote]
    totals: Totals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoices = []
        for invoices_item_data in self.invoices:
            invoices_item = invoices_item_data.to_dict()
            invoices.append(invoices_item)

        unbilled_times = []
        for unbilled_times_item_data in self.unbilled_times:
            unbilled_times_item = unbilled_times_item_data.to_dict()
            unbilled_times.append(unbilled_times_item)

        customers_without_times = []
        for customers_without_times_item_data in self.customers_without_times:
            customers_without_times_item = str(customers_without_times_item_data)
            customers_without_times.append(customers_without_times_item)

        customers_excluded = []
        for customers_excluded_item_data in self.customers_excluded:
            customers_excluded_item = str(customers_excluded_item_data)
            customers_excluded.append(customers_excluded_item)

        credit_notes = []
        for credit_notes_item_data in self.credit_notes:
            credit_notes_item = credit_notes_item_data.to_dict()
            credit_notes.append(credit_notes_item)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoices": invoices,
                "unbilled_times": unbilled_times,
                "customers_without_times": customers_without_times,
                "customers_excluded": customers_excluded,
                "credit_notes": credit_notes,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preview_credit_note import PreviewCreditNote  # noqa: PLC0415
        from ..models.preview_invoice import PreviewInvoice  # noqa: PLC0415
        from ..models.totals import Totals  # noqa: PLC0415
        from ..models.unbilled_time import UnbilledTime  # noqa: PLC0415

        d = dict(src_dict)
        invoices = []
        _invoices = d.pop("invoices")
        for invoices_item_data in _invoices:
            invoices_item = PreviewInvoice.from_dict(invoices_item_data)

            invoices.append(invoices_item)

        unbilled_times = []
        _unbilled_times = d.pop("unbilled_times")
        for unbilled_times_item_data in _unbilled_times:
            unbilled_times_item = UnbilledTime.from_dict(unbilled_times_item_data)

            unbilled_times.append(unbilled_times_item)

        customers_without_times = []
        _customers_without_times = d.pop("customers_without_times")
        for customers_without_times_item_data in _customers_without_times:
            customers_without_times_item = UUID(customers_without_times_item_data)

            customers_without_times.append(customers_without_times_item)

        customers_excluded = []
        _customers_excluded = d.pop("customers_excluded")
        for customers_excluded_item_data in _customers_excluded:
            customers_excluded_item = UUID(customers_excluded_item_data)

            customers_excluded.append(customers_excluded_item)

        credit_notes = []
        _credit_notes = d.pop("credit_notes")
        for credit_notes_item_data in _credit_notes:
            credit_notes_item = PreviewCreditNote.from_dict(credit_notes_item_data)

            credit_notes.append(credit_notes_item)

        totals = Totals.from_dict(d.pop("totals"))

        invoice_batch_preview = cls(
            invoices=invoices,
            unbilled_times=unbilled_times,
            customers_without_times=customers_without_times,
            customers_excluded=customers_excluded,
            credit_notes=credit_notes,
            totals=totals,
        )

        invoice_batch_preview.additional_properties = d
        return invoice_batch_preview

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
