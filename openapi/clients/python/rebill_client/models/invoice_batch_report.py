from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.created_credit_note import CreatedCreditNote
    from ..models.created_invoice import CreatedInvoice
    from ..models.failed_customer import FailedCustomer
    from ..models.invoice_with_reasons import InvoiceWithReasons
    from ..models.report_counts import ReportCounts
    from ..models.totals import Totals
    from ..models.unbilled_time import UnbilledTime


T = TypeVar("T", bound="InvoiceBatchReport")


@_attrs_define
class InvoiceBatchReport:
    """
    Attributes:
        batch_id (UUID):
        status (str):
        invoices_created (list[CreatedInvoice]):
        invoices_not_validated (list[InvoiceWithReasons]):
        invoices_not_sent (list[InvoiceWithReasons]):
        unbilled_times (list[UnbilledTime]):
        customers_without_times (list[UUID]):
        customers_excluded (list[UUID]):
        credit_notes_created (list[CreatedCreditNote]):
        customers_failed (list[FailedCustomer]):
        counts (ReportCounts): The exact size of each selection, however many of its items the report shows.
        truncated (bool): true when a selection holds more items than the report shows (the first 1,000); page through
            it at `/report/{selection}`.
        totals (Totals):
    """

    batch_id: UUID
    status: str
    invoices_created: list[CreatedInvoice]
    invoices_not_validated: list[InvoiceWithReasons]
    invoices_not_sent: list[InvoiceWithReasons]
    unbilled_times: list[UnbilledTime]
    customers_without_times: list[UUID]
    customers_excluded: list[UUID]
    credit_notes_created: list[CreatedCreditNote]
    customers_failed: list[FailedCustomer]
    counts: ReportCounts
    truncated: bool
    totals: Totals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = str(self.batch_id)

        status = self.status

        invoices_created = []
        for invoices_created_item_data in self.invoices_created:
            invoices_created_item = invoices_created_item_data.to_dict()
            invoices_created.append(invoices_created_item)

        invoices_not_validated = []
        for invoices_not_validated_item_data in self.invoices_not_validated:
            invoices_not_validated_item = invoices_not_validated_item_data.to_dict()
            invoices_not_validated.append(invoices_not_validated_item)

        invoices_not_sent = []
        for invoices_not_sent_item_data in self.invoices_not_sent:
            invoices_not_sent_item = invoices_not_sent_item_data.to_dict()
            invoices_not_sent.append(invoices_not_sent_item)

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

        credit_notes_created = []
        for credit_notes_created_item_data in self.credit_notes_created:
            credit_notes_created_item = credit_notes_created_item_data.to_dict()
            credit_notes_created.append(credit_notes_created_item)

        customers_failed = []
        for customers_failed_item_data in self.customers_failed:
            customers_failed_item = customers_failed_item_data.to_dict()
            customers_failed.append(customers_failed_item)

        counts = self.counts.to_dict()

        truncated = self.truncated

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batch_id": batch_id,
                "status": status,
                "invoices_created": invoices_created,
                "invoices_not_validated": invoices_not_validated,
                "invoices_not_sent": invoices_not_sent,
                "unbilled_times": unbilled_times,
                "customers_without_times": customers_without_times,
                "customers_excluded": customers_excluded,
                "credit_notes_created": credit_notes_created,
                "customers_failed": customers_failed,
                "counts": counts,
                "truncated": truncated,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.created_credit_note import CreatedCreditNote  # noqa: PLC0415
        from ..models.created_invoice import CreatedInvoice  # noqa: PLC0415
        from ..models.failed_customer import FailedCustomer  # noqa: PLC0415
        from ..models.invoice_with_reasons import InvoiceWithReasons  # noqa: PLC0415
        from ..models.report_counts import ReportCounts  # noqa: PLC0415
        from ..models.totals import Totals  # noqa: PLC0415
        from ..models.unbilled_time import UnbilledTime  # noqa: PLC0415

        d = dict(src_dict)
        batch_id = UUID(d.pop("batch_id"))

        status = d.pop("status")

        invoices_created = []
        _invoices_created = d.pop("invoices_created")
        for invoices_created_item_data in _invoices_created:
            invoices_created_item = CreatedInvoice.from_dict(invoices_created_item_data)

            invoices_created.append(invoices_created_item)

        invoices_not_validated = []
        _invoices_not_validated = d.pop("invoices_not_validated")
        for invoices_not_validated_item_data in _invoices_not_validated:
            invoices_not_validated_item = InvoiceWithReasons.from_dict(invoices_not_validated_item_data)

            invoices_not_validated.append(invoices_not_validated_item)

        invoices_not_sent = []
        _invoices_not_sent = d.pop("invoices_not_sent")
        for invoices_not_sent_item_data in _invoices_not_sent:
            invoices_not_sent_item = InvoiceWithReasons.from_dict(invoices_not_sent_item_data)

            invoices_not_sent.append(invoices_not_sent_item)

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

        credit_notes_created = []
        _credit_notes_created = d.pop("credit_notes_created")
        for credit_notes_created_item_data in _credit_notes_created:
            credit_notes_created_item = CreatedCreditNote.from_dict(credit_notes_created_item_data)

            credit_notes_created.append(credit_notes_created_item)

        customers_failed = []
        _customers_failed = d.pop("customers_failed")
        for customers_failed_item_data in _customers_failed:
            customers_failed_item = FailedCustomer.from_dict(customers_failed_item_data)

            customers_failed.append(customers_failed_item)

        counts = ReportCounts.from_dict(d.pop("counts"))

        truncated = d.pop("truncated")

        totals = Totals.from_dict(d.pop("totals"))

        invoice_batch_report = cls(
            batch_id=batch_id,
            status=status,
            invoices_created=invoices_created,
            invoices_not_validated=invoices_not_validated,
            invoices_not_sent=invoices_not_sent,
            unbilled_times=unbilled_times,
            customers_without_times=customers_without_times,
            customers_excluded=customers_excluded,
            credit_notes_created=credit_notes_created,
            customers_failed=customers_failed,
            counts=counts,
            truncated=truncated,
            totals=totals,
        )

        invoice_batch_report.additional_properties = d
        return invoice_batch_report

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
