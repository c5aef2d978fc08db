"""An invoice's PDF. A validated invoice's document is rendered once and stored: every later read
and every email carries those same bytes. A draft's is rendered on demand, marked DRAFT, never kept."""

import asyncio
import hashlib
import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db import session_scope
from app.einvoicing.document import EInvoice, build
from app.einvoicing.facturx import facturx_pdf
from app.einvoicing.ubl import ubl_xml
from app.errors import Conflict
from app.invoices.pdf import SELLER_FIELDS, render_invoice_pdf
from app.invoices.service import to_out
from app.kit.repository import where_given
from app.models import Customer, Invoice, InvoiceDocument, TenantSettings


async def _credited_numbers(session: AsyncSession, invoice: Invoice) -> list[str]:
    if not invoice.credited_invoice_ids:
        return []
    return list((await session.scalars(
        select(Invoice.number).where(Invoice.tenant_id == invoice.tenant_id, Invoice.id.in_(invoice.credited_invoice_ids))
        .order_by(Invoice.number))).all())


def seller_of(settings: TenantSettings) -> dict:
    """The seller's identity as documents print it (the PDF, Factur-X, UBL)."""
    return {key: getattr(settings, key) for key in SELLER_FIELDS}


async def render(session: AsyncSession, invoice: Invoice) -> bytes:
    data = (await to_out(session, [invoice]))[0]
    # A credit note prints the numbers of the invoices it credits.
    data["credited_invoice_numbers"] = await _credited_numbers(session, invoice)
    settings = await session.get(TenantSettings, invoice.tenant_id)
    seller = seller_of(settings)
    # WeasyPrint is CPU-bound and synchronous: keep the event loop free for other requests.
    return await asyncio.to_thread(render_invoice_pdf, data, seller)


async def _einvoice_source(session: AsyncSession, invoice: Invoice) -> tuple[EInvoice, TenantSettings]:
    if invoice.status == "draft":
        # SPEC §12: a draft has no number nor issue date, and may still change.
        raise Conflict("A draft has no e-invoice: validate it first.", code="invoice_not_validated")
    data = (await to_out(session, [invoice]))[0]
    settings = await session.get(TenantSettings, invoice.tenant_id)
    emails = await session.scalar(select(Customer.emails).where(Customer.tenant_id == invoice.tenant_id,
                                                                Customer.id == invoice.customer_id))
    return build(data, seller_of(settings), buyer_email=(emails or [None])[0],
                 credited_invoice_numbers=await _credited_numbers(session, invoice)), settings


async def invoice_ubl(session: AsyncSession, invoice: Invoice) -> bytes:
    """The invoice as UBL 2.1 (Peppol BIS Billing 3.0) XML."""
    document, _ = await _einvoice_source(session, invoice)
    return ubl_xml(document)


async def invoice_facturx(session: AsyncSession, invoice: Invoice) -> bytes:
    """The invoice's PDF (the stored one) with its CII XML embedded: a Factur-X EN 16931 PDF/A-3.
    Made on each request from the stored PDF and the invoice, which never change once validated."""
    document, settings = await _einvoice_source(session, invoice)
    pdf = await invoice_pdf(session, invoice)
    return await asyncio.to_thread(facturx_pdf, pdf, document, language=settings.language)


async def invoice_pdf(session: AsyncSession, invoice: Invoice) -> bytes:
    if invoice.status == "draft":
        return await render(session, invoice)
    stored = select(InvoiceDocument.pdf).where(InvoiceDocument.invoice_id == invoice.id)
    if (pdf := await session.scalar(stored)) is not None:
        return pdf
    # Whoever stores the document holds the invoice's row lock first (a read, a send, the batch's
    # renderer alike): the document's foreign key check takes a share lock on that row, and taking
    # them in another order deadlocks. The second comes after the first and finds its document.
    await session.execute(select(Invoice.id).where(Invoice.id == invoice.id).with_for_update())
    if (pdf := await session.scalar(stored)) is not None:
        return pdf
    pdf = await render(session, invoice)
    await session.execute(insert(InvoiceDocument).values(
        invoice_id=invoice.id, tenant_id=invoice.tenant_id, pdf=pdf, sha256=hashlib.sha256(pdf).hexdigest())
        .on_conflict_do_nothing())
    return await session.scalar(stored)


async def render_missing(sessionmaker: async_sessionmaker[AsyncSession], *, batch_id: uuid.UUID | None = None,
                         invoice_id: uuid.UUID | None = None) -> int:
    """Store the PDF of each validated invoice (of a batch, or one) that has none; one invoice per
    transaction, so memory stays flat and a crash loses at most one rendering."""
    rendered = 0
    while True:
        async with session_scope(sessionmaker) as session:
            invoice = await session.scalar(where_given(
                select(Invoice).where(Invoice.status.in_(("validated", "credited")), ~select(InvoiceDocument.invoice_id).where(
                    InvoiceDocument.invoice_id == Invoice.id).exists()),
                (Invoice.batch_id, batch_id), (Invoice.id, invoice_id)).order_by(Invoice.id).limit(1)
                .with_for_update(skip_locked=True))
            if invoice is None:
                return rendered
            await invoice_pdf(session, invoice)
            rendered += 1
