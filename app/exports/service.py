"""Exports (SPEC §12): `POST /v1/exports` decides which invoices an export carries and which it skips
(and why), in the request's transaction, and queues the job after commit; the job (`write_file`)
streams the invoices' lines from PostgreSQL through the format's row writer into `export_chunks`,
a chunk at a time, so that a worker's memory does not grow with the file; the API streams the chunks
back the same way.

The job runs in one transaction holding the export's row lock: killed half-way, it leaves nothing
behind and the export stays `pending`; a copy running at the same time skips it. PostgreSQL is the
record: the sweeper queues again (with a fresh job id) any export pending for longer than
`LOST_AFTER` that no job holds. Services never commit."""

import csv
import io
import logging
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

from sqlalchemy import ARRAY, Uuid, and_, bindparam, delete, func, insert, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db import session_scope
from app.errors import Conflict, FieldError, InvalidInput
from app.exports.formats import CREDIT_NOTE_NOT_SUPPORTED, FORMATS, INVOICES_ONLY
from app.exports.schemas import ExportCreate, ExportOut
from app.kit import idempotency
from app.kit.json_answers import decimal_text as money
from app.kit.pagination import CreatedPageParams
from app.kit.repository import fetch_created_page, get_owned
from app.models import Export, ExportChunk, Invoice, InvoiceBatch, TenantSettings
from app.queue import enqueue_after_commit

log = logging.getLogger("rebill.exports")

WRITE_TASK = "write_export"
# A chunk of the file: small enough that a worker holds little, large enough that a 100,000-line
# file is a few hundred rows.
CHUNK_BYTES = 256 * 1024
# Lines read from PostgreSQL at a time (a server-side cursor).
LINES_PER_FETCH = 2000
# An export pending this long with no job holding it is queued again by the sweeper.
LOST_AFTER = timedelta(seconds=30)
# A job that fails (not killed: an error it caught) this many times marks its export failed.
MAX_ATTEMPTS = 3


def _job_id(export_id: uuid.UUID, now: datetime | None = None) -> str:
    return f"export:{export_id}" if now is None else f"export:{export_id}:{now:%Y%m%d%H%M%S}"


async def create_export_once(session: AsyncSession, *, tenant_id: uuid.UUID, request: ExportCreate,
                             idempotency_key: str | None) -> tuple[int, dict]:
    """(HTTP status, the export as JSON); with an Idempotency-Key, the first answer for that key (a
    client that lost the answer asks again without making a second export)."""
    async def make() -> dict:
        return ExportOut.of(await create_export(session, tenant_id=tenant_id, request=request)).model_dump(mode="json")

    return await idempotency.answer_once(
        session, tenant_id=tenant_id, key=idempotency_key, status=202, make=make,
        digest=idempotency.request_digest("create_export", body=request.model_dump(mode="json")))


async def create_export(session: AsyncSession, *, tenant_id: uuid.UUID, request: ExportCreate) -> Export:
    given = [name for name, value in (("batch_id", request.batch_id), ("invoice_ids", request.invoice_ids),
                                      ("issued_from", request.issued_from or request.issued_to)) if value is not None]
    if len(given) != 1:
        fields = given or ["batch_id", "invoice_ids", "issued_from"]
        raise InvalidInput("Give exactly one of batch_id, invoice_ids, or issued_from/issued_to.",
                           errors=[FieldError(field=name, code="one_selection",
                                              message="give exactly one of batch_id, invoice_ids, or "
                                                      "issued_from/issued_to") for name in fields])
    if request.issued_from and request.issued_to and request.issued_to < request.issued_from:
        raise InvalidInput.field("issued_to", "must not be before issued_from")

    documents = select(Invoice.id, Invoice.status, Invoice.type).where(Invoice.tenant_id == tenant_id)
    if request.batch_id is not None:
        if await session.scalar(select(InvoiceBatch.id).where(InvoiceBatch.tenant_id == tenant_id,
                                                              InvoiceBatch.id == request.batch_id)) is None:
            raise InvalidInput.field("batch_id", f"no such batch: {request.batch_id}", code="unknown_reference")
        rows = (await session.execute(documents.where(Invoice.batch_id == request.batch_id)
                                      .order_by(Invoice.issue_date, Invoice.number, Invoice.created_at, Invoice.id))).all()
    elif request.invoice_ids is not None:
        asked = list(dict.fromkeys(request.invoice_ids))
        found = {row.id: row for row in (await session.execute(documents.where(Invoice.id.in_(asked)))).all()}
        missing = [FieldError(field=f"invoice_ids[{n}]", code="unknown_reference", message=f"no such invoice: {i}")
                   for n, i in enumerate(request.invoice_ids) if i not in found]
        if missing:
            raise InvalidInput("; ".join(f"{e.field}: {e.message}" for e in missing[:10]), code="unknown_reference",
                               errors=missing)
        rows = [found[i] for i in asked]
    else:
        # A draft has no issue date yet: the range takes in the drafts made in it (the tenant's days),
        # so that they are listed as skipped rather than silently left out.
        timezone = await session.scalar(select(TenantSettings.timezone).where(TenantSettings.tenant_id == tenant_id))
        made_on = func.date(func.timezone(timezone or "UTC", Invoice.created_at))
        issued, made = [Invoice.issue_date.is_not(None)], [Invoice.status == "draft"]
        if request.issued_from:
            issued.append(Invoice.issue_date >= request.issued_from)
            made.append(made_on >= request.issued_from)
        if request.issued_to:
            issued.append(Invoice.issue_date <= request.issued_to)
            made.append(made_on <= request.issued_to)
        stmt = documents.where(or_(and_(*issued), and_(*made)))
        rows = (await session.execute(stmt.order_by(Invoice.issue_date.nulls_last(), Invoice.number,
                                                    Invoice.created_at, Invoice.id))).all()

    carried, skipped = [], []
    for row in rows:
        if row.status == "draft":
            skipped.append({"invoice_id": str(row.id), "reason": "draft"})
        elif row.type == "credit_note" and request.format in INVOICES_ONLY:
            skipped.append({"invoice_id": str(row.id), "reason": CREDIT_NOTE_NOT_SUPPORTED})
        else:
            carried.append(row.id)
    export = Export(tenant_id=tenant_id, format=request.format, batch_id=request.batch_id,
                    requested_invoice_ids=request.invoice_ids, issued_from=request.issued_from,
                    issued_to=request.issued_to, invoice_ids=carried, invoice_count=len(carried), skipped=skipped)
    session.add(export)
    await session.flush()
    enqueue_after_commit(session, WRITE_TASK, str(export.id), job_id=_job_id(export.id))
    return export


async def list_exports(session: AsyncSession, *, tenant_id: uuid.UUID, page: CreatedPageParams) -> list[Export]:
    return await fetch_created_page(session, select(Export).where(Export.tenant_id == tenant_id), Export, page)


async def ready_export(session: AsyncSession, *, tenant_id: uuid.UUID, export_id: str) -> Export:
    """The export, if its file can be read: 409 `export_not_ready` while pending, `export_failed`."""
    export = await get_owned(session, Export, tenant_id, export_id)
    if export.status == "pending":
        raise Conflict("The export's file is being written; ask again when its status is ready.",
                       code="export_not_ready")
    if export.status == "failed":
        raise Conflict(f"The export failed: {export.error}", code="export_failed")
    return export


async def file_chunks(sessionmaker: async_sessionmaker[AsyncSession], export_id: uuid.UUID) -> AsyncIterator[bytes]:
    """The file, a chunk per query: the response streams as it reads."""
    seq = 0
    while True:
        async with sessionmaker() as session:
            data = await session.scalar(select(ExportChunk.data).where(ExportChunk.export_id == export_id,
                                                                      ExportChunk.seq == seq))
        if data is None:
            return
        yield data
        seq += 1


# The lines of the export's invoices in the file's order (its invoices' order, then the lines'),
# with what every format needs of the invoice, the customer, the product and the time entries. The
# JSON columns are read as the texts the formats need: decoding the invoice's bill_to and terms for
# each of its lines cost more than the rest of the row; decimals come as the texts the API writes
# (at least two places, more only when the value has them: app/kit/money.py `format_decimal`), which
# PostgreSQL writes in a fraction of the time Python takes.
_LINES = text(f"""
SELECT i.number, i.type, i.issue_date, i.due_date, i.currency, i.title, i.period_end,
       {money("i.untaxed_amount")} AS untaxed_amount, {money("i.tax_amount")} AS tax_amount,
       {money("i.total")} AS total, i.batch_id::text AS batch_id,
       i.bill_to ->> 'name' AS customer_name, i.bill_to -> 'address' ->> 'line1' AS address_line1,
       i.bill_to -> 'address' ->> 'line2' AS address_line2, i.bill_to -> 'address' ->> 'city' AS city,
       i.bill_to -> 'address' ->> 'postal_code' AS postal_code, i.bill_to -> 'address' ->> 'country' AS country,
       (i.terms ->> 'payment_terms_days')::int AS payment_terms_days,
       c.external_id AS customer_external_id, c.emails[1] AS email,
       p.code AS product_code, p.name AS product_name,
       l.position, l.description, {money("l.quantity")} AS quantity, l.unit, {money("l.unit_price")} AS unit_price,
       {money("l.amount")} AS amount, {money("l.tax_rate")} AS tax_rate,
       (SELECT array_agg(te.external_id ORDER BY u.n)
        FROM unnest(coalesce(l.time_entry_ids, array_remove(ARRAY[l.time_entry_id], NULL))) WITH ORDINALITY u(id, n)
        JOIN time_entries te ON te.id = u.id) AS time_entry_external_ids
FROM unnest(:invoices) WITH ORDINALITY AS chosen(invoice_id, n)
JOIN invoices i ON i.id = chosen.invoice_id
JOIN customers c ON c.id = i.customer_id
JOIN invoice_lines l ON l.invoice_id = i.id
JOIN products p ON p.id = l.product_id
ORDER BY chosen.n, l.position
""").bindparams(bindparam("invoices", type_=ARRAY(Uuid)))


class _ChunkWriter:
    """A csv writer whose text is cut into chunks of about CHUNK_BYTES, each written to the database
    as soon as it is full."""

    def __init__(self, session: AsyncSession, export_id: uuid.UUID) -> None:
        self.session, self.export_id = session, export_id
        self.buffer = io.StringIO()
        self.rows = csv.writer(self.buffer, lineterminator="\r\n")
        self.seq = 0

    async def write(self, row: list[str]) -> None:
        self.rows.writerow(row)
        if self.buffer.tell() >= CHUNK_BYTES:
            await self.flush()

    async def flush(self) -> None:
        data = self.buffer.getvalue().encode()
        if data:
            await self.session.execute(insert(ExportChunk).values(export_id=self.export_id, seq=self.seq, data=data))
            self.seq += 1
        self.buffer.seek(0)
        self.buffer.truncate()


async def write_file(sessionmaker: async_sessionmaker[AsyncSession], export_id: uuid.UUID) -> str:
    """Write a pending export's file and make it ready; what it did. Safe to run twice."""
    try:
        return await _write_file(sessionmaker, export_id)
    except Exception as exc:  # noqa: BLE001  (recorded; the sweeper tries again until MAX_ATTEMPTS)
        log.warning("export %s failed: %r", export_id, exc)
        async with session_scope(sessionmaker) as session:
            export = await session.scalar(select(Export).where(Export.id == export_id, Export.status == "pending")
                                          .with_for_update(skip_locked=True))
            if export is None:
                return "failed elsewhere"
            export.attempts += 1
            export.error = repr(exc)[:500]
            if export.attempts >= MAX_ATTEMPTS:
                export.status, export.finished_at = "failed", datetime.now(UTC)
        return "error"


async def _write_file(sessionmaker: async_sessionmaker[AsyncSession], export_id: uuid.UUID) -> str:
    async with session_scope(sessionmaker) as session, sessionmaker() as reads:
        # SKIP LOCKED: a copy of this job already writing it keeps it; this one leaves.
        export = await session.scalar(select(Export).where(Export.id == export_id, Export.status == "pending")
                                      .with_for_update(skip_locked=True))
        if export is None:
            return "not pending"
        accounting = await session.scalar(select(TenantSettings.accounting)
                                          .where(TenantSettings.tenant_id == export.tenant_id)) or {}
        columns, row_of = FORMATS[export.format]
        await session.execute(delete(ExportChunk).where(ExportChunk.export_id == export.id))
        out = _ChunkWriter(session, export.id)
        await out.write(list(columns))
        lines = 0
        # yield_per given with the execution (not on the text() statement, where it was ignored and
        # the whole result buffered) makes it a server-side cursor read LINES_PER_FETCH rows at a time.
        # PostgreSQL's JIT compiled this query for seconds (its cost estimate is large, its run is not).
        await reads.execute(text("SET LOCAL jit = off"))
        result = await reads.stream(_LINES, {"invoices": list(export.invoice_ids)},
                                    execution_options={"yield_per": LINES_PER_FETCH})
        async for partition in result.mappings().partitions(LINES_PER_FETCH):
            for line in partition:
                await out.write(row_of(line, accounting))
            lines += len(partition)
        await result.close()
        await out.flush()
        now = datetime.now(UTC)
        await session.execute(update(Invoice).where(Invoice.tenant_id == export.tenant_id,
                                                    Invoice.id.in_(export.invoice_ids), Invoice.exported_at.is_(None))
                              .values(exported_at=now).execution_options(synchronize_session=False))
        await session.execute(update(Export).where(Export.id == export.id).values(
            status="ready", line_count=lines, finished_at=now, error=None))
        return "ready"


_LOST = text("""
UPDATE exports SET requested_at = now()
WHERE id IN (SELECT id FROM exports WHERE status = 'pending' AND requested_at < now() - make_interval(secs => :after)
             FOR UPDATE SKIP LOCKED)
RETURNING id""")


async def requeue_lost(sessionmaker: async_sessionmaker[AsyncSession], redis) -> int:
    """Queue again, with a fresh job id (arq keeps the old one's result), every export pending for longer
    than LOST_AFTER that no job is writing (a writing job holds its row lock)."""
    async with session_scope(sessionmaker) as session:
        lost = (await session.scalars(_LOST, {"after": LOST_AFTER.total_seconds()})).all()
    now = datetime.now(UTC)
    for export_id in lost:
        await redis.enqueue_job(WRITE_TASK, str(export_id), _job_id=_job_id(export_id, now))
    return len(lost)
