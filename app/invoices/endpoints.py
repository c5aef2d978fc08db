"""HTTP routes for invoices."""

import uuid
from typing import Annotated

from fastapi import Depends, Query, Response, status
from fastapi.responses import JSONResponse

from app.delivery import outbox
from app.deps import SessionDep, SettingsDep, TenantDep
from app.errors import problems
from app.invoices import credit, documents, payments, service
from app.invoices.schemas import (CreditRequest, InvoiceOut, InvoiceStatus, InvoiceType, PaymentCreate, PaymentOut,
                                  PaymentStatus)
from app.kit.downloads import file_response
from app.kit.idempotency import IdempotencyKeyHeader
from app.kit.schemas import CalendarDate
from app.kit.pagination import (CreatedPageParams, Page, created_keys, created_page_params, make_page,
                                make_page_converted)
from app.kit.repository import get_owned
from app.kit.routing import ResourceRouter
from app.models import Invoice, TenantSettings

router = ResourceRouter(prefix="/v1/invoices", tags=["invoices"])


@router.get("", responses=problems(422))
async def list_invoices(session: SessionDep, tenant_id: TenantDep,
                        page: Annotated[CreatedPageParams, Depends(created_page_params)],
                        batch_id: uuid.UUID | None = None, customer_id: uuid.UUID | None = None,
                        status: InvoiceStatus | None = None,
                        type: Annotated[InvoiceType | None, Query(
                            description="`invoice` or `credit_note`: one kind of document only.")] = None,
                        payment_status: PaymentStatus | None = None,
                        exported: Annotated[bool | None, Query(
                            description="true: only invoices an export carried; false: only the others.")] = None,
                        issued_from: Annotated[CalendarDate | None, Query(
                            description="First issue date, inclusive.")] = None,
                        issued_to: Annotated[CalendarDate | None, Query(
                            description="Last issue date, inclusive.")] = None,
                        ) -> Page[InvoiceOut]:
    """Invoices and credit notes, a page at a time, newest first (by `created_at`) unless `order=asc`,
    optionally of one batch, one customer, one status, one type, one payment status, exported or not,
    issued within dates (drafts have no issue date: a date filter leaves them out)."""
    rows = await service.list_invoices(session, tenant_id=tenant_id, page=page, batch_id=batch_id,
                                       customer_id=customer_id, status=status, type=type,
                                       payment_status=payment_status, exported=exported,
                                       issued_from=issued_from, issued_to=issued_to)
    return await make_page_converted(rows, page, lambda invoices: service.to_out(session, invoices),
                                     keys=created_keys)


@router.get("/{invoice_id}", responses=problems(404))
async def get_invoice(invoice_id: str, session: SessionDep, tenant_id: TenantDep) -> InvoiceOut:
    """One invoice with its lines, taxes, totals, terms and delivery status."""
    invoice = await get_owned(session, Invoice, tenant_id, invoice_id)
    return (await service.to_out(session, [invoice]))[0]


@router.post("/{invoice_id}/validate", responses=problems(404, 409, 422))
async def validate_invoice(invoice_id: str, session: SessionDep, tenant_id: TenantDep) -> InvoiceOut:
    """Make a draft final: numbered, dated, immutable."""
    invoice = await service.validate_invoice(session, tenant_id=tenant_id, invoice_id=invoice_id)
    return (await service.to_out(session, [invoice]))[0]


_PDF = {200: {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
              "description": "The invoice as a PDF document."}}


@router.get("/{invoice_id}/pdf", response_class=Response, responses={**_PDF, **problems(404)})
async def get_invoice_pdf(invoice_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """The invoice's PDF: for a validated invoice, the very document that was (or will be) sent;
    a draft's is rendered now and marked DRAFT."""
    invoice = await get_owned(session, Invoice, tenant_id, invoice_id)
    pdf = await documents.invoice_pdf(session, invoice)
    return file_response(pdf, "application/pdf", f"{invoice.number or f'draft-{invoice.id}'}.pdf")


_FACTURX = {200: {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
                  "description": "The invoice as a Factur-X (EN 16931 profile) PDF/A-3 with its CII XML embedded."}}
_UBL = {200: {"content": {"application/xml": {"schema": {"type": "string"}}},
              "description": "The invoice as UBL 2.1 XML (Peppol BIS Billing 3.0): an Invoice, or a CreditNote."}}


@router.get("/{invoice_id}/facturx", response_class=Response, responses={**_FACTURX, **problems(404, 409)})
async def get_invoice_facturx(invoice_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """The invoice as a Factur-X document: its PDF (PDF/A-3) with the EN 16931 data embedded as
    `factur-x.xml` (UN/CEFACT CII, profile EN 16931; type code 380 for an invoice, 381 for a credit
    note). A draft answers 409 `invoice_not_validated`."""
    invoice = await get_owned(session, Invoice, tenant_id, invoice_id)
    return file_response(await documents.invoice_facturx(session, invoice), "application/pdf",
                       f"{invoice.number}-facturx.pdf")


@router.get("/{invoice_id}/ubl", response_class=Response, responses={**_UBL, **problems(404, 409)})
async def get_invoice_ubl(invoice_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """The invoice as UBL 2.1 XML following Peppol BIS Billing 3.0: an `Invoice` (type code 380), or a
    `CreditNote` (381) for a credit note. A draft answers 409 `invoice_not_validated`."""
    invoice = await get_owned(session, Invoice, tenant_id, invoice_id)
    return file_response(await documents.invoice_ubl(session, invoice), "application/xml", f"{invoice.number}.xml",
                       disposition="attachment")


@router.post("/{invoice_id}/send", status_code=status.HTTP_202_ACCEPTED, responses=problems(404, 409, 422))
async def send_invoice(invoice_id: str, session: SessionDep, tenant_id: TenantDep,
                       app_settings: SettingsDep) -> InvoiceOut:
    """Email a validated invoice, with its PDF, to the customer's first email address. The answer
    comes before the mail server's: follow `delivery.status` (pending, then sent or failed)."""
    sender = outbox.sender_of(await session.get(TenantSettings, tenant_id), app_settings.smtp_from)
    invoice = await outbox.request_invoice_email(session, tenant_id=tenant_id, invoice_id=invoice_id, sender=sender)
    return (await service.to_out(session, [invoice]))[0]


@router.delete("/{invoice_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409))
async def delete_invoice(invoice_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """Delete a draft; its time entries become billable again. A validated invoice answers 409."""
    await service.delete_draft(session, tenant_id=tenant_id, invoice_id=invoice_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{invoice_id}/credit", status_code=status.HTTP_201_CREATED, response_model=InvoiceOut,
             responses=problems(404, 409, 422))
async def credit_invoice(
    invoice_id: str, body: CreditRequest, session: SessionDep, tenant_id: TenantDep, app_settings: SettingsDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    """Credit what remains uncredited of a validated invoice, in full: the answer is the validated credit
    note (type `credit_note`, numbered in its own sequence), whose lines repeat the invoice's lines less
    what earlier credit notes credited. The invoice's `credited_amount` grows and its status becomes
    `credited`. A draft, a credit note, or an invoice with nothing left to credit answers 409
    (`invoice_not_validated`, `credit_note_not_creditable`, `nothing_to_credit`). With `release_time`,
    the invoice's time entries become billable again. The same Idempotency-Key with the same body
    answers the first response and creates nothing; with another body, 409."""
    sender = outbox.sender_of(await session.get(TenantSettings, tenant_id), app_settings.smtp_from)
    answer_status, body_out = await credit.credit_invoice(session, tenant_id=tenant_id, invoice_id=invoice_id,
                                                          request=body, idempotency_key=idempotency_key,
                                                          sender=sender)
    return JSONResponse(body_out, status_code=answer_status)


@router.post("/{invoice_id}/payments", status_code=status.HTTP_201_CREATED, response_model=PaymentOut,
             responses=problems(404, 409, 422))
async def record_payment(
    invoice_id: str, body: PaymentCreate, session: SessionDep, tenant_id: TenantDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    """Record a payment of a validated invoice, or a refund (negative amount). The invoice's `amount_paid`,
    `amount_due` and `payment_status` follow; event `invoice.paid` when nothing is due any more. A draft
    answers 409 `invoice_not_validated`, a credit note 409 `credit_note_not_payable`; more than is due 422
    `overpayment`; a refund of more than was paid 422 `refund_exceeds_paid`. The same Idempotency-Key with
    the same body answers the first response and records nothing; with another body, 409."""
    answer_status, body_out = await payments.record_payment(session, tenant_id=tenant_id, invoice_id=invoice_id,
                                                             request=body, idempotency_key=idempotency_key)
    return JSONResponse(body_out, status_code=answer_status)


@router.get("/{invoice_id}/payments", responses=problems(404, 422))
async def list_payments(invoice_id: str, session: SessionDep, tenant_id: TenantDep,
                        page: Annotated[CreatedPageParams, Depends(created_page_params)]) -> Page[PaymentOut]:
    """The invoice's payments and refunds, newest first unless `order=asc`."""
    rows = await payments.list_payments(session, tenant_id=tenant_id, invoice_id=invoice_id, page=page)
    return make_page(rows, page, keys=created_keys)
