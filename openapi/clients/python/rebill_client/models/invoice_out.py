from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_out_payment_status import InvoiceOutPaymentStatus
from ..models.invoice_out_status import InvoiceOutStatus
from ..models.invoice_out_type import InvoiceOutType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bill_to_out import BillToOut
    from ..models.delivery import Delivery
    from ..models.invoice_line_out import InvoiceLineOut
    from ..models.reason import Reason
    from ..models.tax_out import TaxOut
    from ..models.terms_out import TermsOut


T = TypeVar("T", bound="InvoiceOut")


@_attrs_define
class InvoiceOut:
    """
    Attributes:
        id (UUID):
        type_ (InvoiceOutType): `invoice`, or `credit_note`: a document that credits invoices, with positive amounts and
            its own number sequence (`credit_note_number_prefix`).
        number (None | str):
        status (InvoiceOutStatus): `draft`, `validated` (numbered, immutable), or `credited`: a validated invoice that
            credit notes have credited in full. Its content never changes.
        customer_id (UUID):
        customer_external_id (None | str): The customer's `external_id`; null when it has none.
        batch_id (None | UUID):
        bill_to (BillToOut):
        title (str):
        subtitle (str):
        period_start (datetime.date | None): The period the invoice bills (printed as its subtitle).
        period_end (datetime.date | None):
        issue_date (datetime.date | None):
        due_date (datetime.date | None):
        currency (str):
        lines (list[InvoiceLineOut]):
        taxes (list[TaxOut]):
        untaxed_amount (str):
        tax_amount (str):
        total (str):
        credited_invoice_ids (list[UUID]): On a credit note: the invoices it credits; empty on an invoice.
        credited_amount (str): On an invoice: how much of its total credit notes have credited; the invoice is
            `credited` once it reaches the total. Always 0 on a credit note.
        amount_paid (str): What was paid, net of refunds.
        amount_due (str): `total` − `credited_amount` − `amount_paid`: negative when a credit note came after a payment
            (the customer is owed a refund). On a credit note, which is never paid: its total, what it gives back.
        payment_status (InvoiceOutPaymentStatus): `unpaid`, `partially_paid`, `paid` (nothing is due and something was
            paid), or `refunded` (paid, then refunded in full).
        exported_at (datetime.datetime | None): When an export first carried the invoice; null: never exported.
        terms (TermsOut):
        not_validated_reasons (list[Reason]):
        sent_at (datetime.datetime | None):
        delivery (Delivery):
        created_at (datetime.datetime):
        contract_id (None | Unset | UUID): Made by a batch with `invoice_per` `contract`: the contract it invoices
            (null: the time outside any contract, or one consolidated invoice).
        credit_reason (None | str | Unset): On a credit note made by hand: why.
    """

    id: UUID
    type_: InvoiceOutType
    number: None | str
    status: InvoiceOutStatus
    customer_id: UUID
    customer_external_id: None | str
    batch_id: None | UUID
    bill_to: BillToOut
    title: str
    subtitle: str
    period_start: datetime.date | None
    period_end: datetime.date | None
    issue_date: datetime.date | None
    due_date: datetime.date | None
    currency: str
    lines: list[InvoiceLineOut]
    taxes: list[TaxOut]
    untaxed_amount: str
    tax_amount: str
    total: str
    credited_invoice_ids: list[UUID]
    credited_amount: str
    amount_paid: str
    amount_due: str
    payment_status: InvoiceOutPaymentStatus
    exported_at: datetime.datetime | None
    terms: TermsOut
    not_validated_reasons: list[Reason]
    sent_at: datetime.datetime | None
    delivery: Delivery
    created_at: datetime.datetime
    contract_id: None | Unset | UUID = UNSET
    credit_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_.value

        number: None | str
        number = self.number

        status = self.status.value

        customer_id = str(self.customer_id)

        customer_external_id: None | str
        customer_external_id = self.customer_external_id

        batch_id: None | str
        if isinstance(self.batch_id, UUID):
            batch_id = str(self.batch_id)
        else:
            batch_id = self.batch_id

        bill_to = self.bill_to.to_dict()

        title = self.title

        subtitle = self.subtitle

        period_start: None | str
        if isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        period_end: None | str
        if isinstance(self.period_end, datetime.date):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        issue_date: None | str
        if isinstance(self.issue_date, datetime.date):
            issue_date = self.issue_date.isoformat()
        else:
            issue_date = self.issue_date

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        currency = self.currency

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        taxes = []
        for taxes_item_data in self.taxes:
            taxes_item = taxes_item_data.to_dict()
            taxes.append(taxes_item)

        untaxed_amount = self.untaxed_amount

        tax_amount = self.tax_amount

        total = self.total

        credited_invoice_ids = []
        for credited_invoice_ids_item_data in self.credited_invoice_ids:
            credited_invoice_ids_item = str(credited_invoice_ids_item_data)
            credited_invoice_ids.append(credited_invoice_ids_item)

        credited_amount = self.credited_amount

        amount_paid = self.amount_paid

        amount_due = self.amount_due

        payment_status = self.payment_status.value

        exported_at: None | str
        if isinstance(self.exported_at, datetime.datetime):
            exported_at = self.exported_at.isoformat()
        else:
            exported_at = self.exported_at

        terms = self.terms.to_dict()

        not_validated_reasons = []
        for not_validated_reasons_item_data in self.not_validated_reasons:
            not_validated_reasons_item = not_validated_reasons_item_data.to_dict()
            not_validated_reasons.append(not_validated_reasons_item)

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        delivery = self.delivery.to_dict()

        created_at = self.created_at.isoformat()

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        elif isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        credit_reason: None | str | Unset
        if isinstance(self.credit_reason, Unset):
            credit_reason = UNSET
        else:
            credit_reason = self.credit_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "number": number,
                "status": status,
                "customer_id": customer_id,
                "customer_external_id": customer_external_id,
                "batch_id": batch_id,
                "bill_to": bill_to,
                "title": title,
                "subtitle": subtitle,
                "period_start": period_start,
                "period_end": period_end,
                "issue_date": issue_date,
                "due_date": due_date,
                "currency": currency,
                "lines": lines,
                "taxes": taxes,
                "untaxed_amount": untaxed_amount,
                "tax_amount": tax_amount,
                "total": total,
                "credited_invoice_ids": credited_invoice_ids,
                "credited_amount": credited_amount,
                "amount_paid": amount_paid,
                "amount_due": amount_due,
                "payment_status": payment_status,
                "exported_at": exported_at,
                "terms": terms,
                "not_validated_reasons": not_validated_reasons,
                "sent_at": sent_at,
                "delivery": delivery,
                "created_at": created_at,
            }
        )
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if credit_reason is not UNSET:
            field_dict["credit_reason"] = credit_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bill_to_out import BillToOut  # noqa: PLC0415
        from ..models.delivery import Delivery  # noqa: PLC0415
        from ..models.invoice_line_out import InvoiceLineOut  # noqa: PLC0415
        from ..models.reason import Reason  # noqa: PLC0415
        from ..models.tax_out import TaxOut  # noqa: PLC0415
        from ..models.terms_out import TermsOut  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = InvoiceOutType(d.pop("type"))

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        status = InvoiceOutStatus(d.pop("status"))

        customer_id = UUID(d.pop("customer_id"))

        def _parse_customer_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_external_id = _parse_customer_external_id(d.pop("customer_external_id"))

        def _parse_batch_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_id_type_0 = UUID(data)

                return batch_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        batch_id = _parse_batch_id(d.pop("batch_id"))

        bill_to = BillToOut.from_dict(d.pop("bill_to"))

        title = d.pop("title")

        subtitle = d.pop("subtitle")

        def _parse_period_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_start = _parse_period_start(d.pop("period_start"))

        def _parse_period_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.date.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_end = _parse_period_end(d.pop("period_end"))

        def _parse_issue_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_date_type_0 = datetime.date.fromisoformat(data)

                return issue_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        issue_date = _parse_issue_date(d.pop("issue_date"))

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

        currency = d.pop("currency")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = InvoiceLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        taxes = []
        _taxes = d.pop("taxes")
        for taxes_item_data in _taxes:
            taxes_item = TaxOut.from_dict(taxes_item_data)

            taxes.append(taxes_item)

        untaxed_amount = d.pop("untaxed_amount")

        tax_amount = d.pop("tax_amount")

        total = d.pop("total")

        credited_invoice_ids = []
        _credited_invoice_ids = d.pop("credited_invoice_ids")
        for credited_invoice_ids_item_data in _credited_invoice_ids:
            credited_invoice_ids_item = UUID(credited_invoice_ids_item_data)

            credited_invoice_ids.append(credited_invoice_ids_item)

        credited_amount = d.pop("credited_amount")

        amount_paid = d.pop("amount_paid")

        amount_due = d.pop("amount_due")

        payment_status = InvoiceOutPaymentStatus(d.pop("payment_status"))

        def _parse_exported_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                exported_at_type_0 = datetime.datetime.fromisoformat(data)

                return exported_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        exported_at = _parse_exported_at(d.pop("exported_at"))

        terms = TermsOut.from_dict(d.pop("terms"))

        not_validated_reasons = []
        _not_validated_reasons = d.pop("not_validated_reasons")
        for not_validated_reasons_item_data in _not_validated_reasons:
            not_validated_reasons_item = Reason.from_dict(not_validated_reasons_item_data)

            not_validated_reasons.append(not_validated_reasons_item)

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        delivery = Delivery.from_dict(d.pop("delivery"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

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

        def _parse_credit_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit_reason = _parse_credit_reason(d.pop("credit_reason", UNSET))

        invoice_out = cls(
            id=id,
            type_=type_,
            number=number,
            status=status,
            customer_id=customer_id,
            customer_external_id=customer_external_id,
            batch_id=batch_id,
            bill_to=bill_to,
            title=title,
            subtitle=subtitle,
            period_start=period_start,
            period_end=period_end,
            issue_date=issue_date,
            due_date=due_date,
            currency=currency,
            lines=lines,
            taxes=taxes,
            untaxed_amount=untaxed_amount,
            tax_amount=tax_amount,
            total=total,
            credited_invoice_ids=credited_invoice_ids,
            credited_amount=credited_amount,
            amount_paid=amount_paid,
            amount_due=amount_due,
            payment_status=payment_status,
            exported_at=exported_at,
            terms=terms,
            not_validated_reasons=not_validated_reasons,
            sent_at=sent_at,
            delivery=delivery,
            created_at=created_at,
            contract_id=contract_id,
            credit_reason=credit_reason,
        )

        invoice_out.additional_properties = d
        return invoice_out

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
