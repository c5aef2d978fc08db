"""The batch report (SPEC §4.3, §8): the result selections with their reasons, the customers that
had nothing to bill, exact counts and totals per currency; and each selection as a paginated list.

However large the batch, nothing here reads all of it: counts and totals are SQL aggregates, and
every list is a LIMITed keyset read in the order of an index (see migration 0006). The report shows
the first REPORT_LIMIT items of each selection, which are exactly the first pages of its list."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, ScalarSelect, Select, false, func, literal, or_, select, true, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from app.invoice_batches.schemas import InvoiceBatchOut, Totals
from app.invoicing.reasons import not_sent_reason, reason
from app.kit.pagination import Key, KeysetParams, decode_keys, make_page
from app.kit.repository import get_owned
from app.models import (Customer, Invoice, InvoiceBatch, InvoiceBatchCustomer, InvoiceBatchUnbilled, InvoiceLine,
                        TimeEntry)
from app.webhooks.service import emit_event

REPORT_LIMIT = 1000


@dataclass(frozen=True)
class Selection:
    """One list of the report: its rows for a batch, the columns it is ordered and paged by (the
    columns an index leads with after the batch), and how a row reads in the report. A page's rows
    carry the external ids of their customer and time entry when the selection names those columns,
    read by the page's own query."""

    rows: Callable[[InvoiceBatch], Select]
    keys: tuple[Any, ...]
    item: Callable[[Any], Any]
    customer: Any = None
    time_entry: Any = None

    @property
    def key_kinds(self) -> tuple[type, ...]:
        return tuple(column.type.python_type for column in self.keys)

    def key_of(self, row) -> tuple[Key, ...]:
        return tuple(getattr(row, column.key) for column in self.keys)

    def page(self, batch: InvoiceBatch, *, after: tuple[Key, ...] | None, limit: int) -> Select:
        stmt = self.rows(batch)
        if self.customer is not None:
            stmt = stmt.add_columns(
                _external_id(Customer, self.customer, batch.tenant_id).label("customer_external_id"))
        if self.time_entry is not None:
            stmt = stmt.add_columns(
                _external_id(TimeEntry, self.time_entry, batch.tenant_id).label("time_entry_external_id"))
        if after is not None:
            # A cursor's integer keys are 64-bit: bound as bigint, any of them compares with the column.
            stmt = stmt.where(tuple_(*self.keys) > tuple_(*(literal(k, BigInteger) if isinstance(k, int) else k
                                                             for k in after)))
        return stmt.order_by(*self.keys).limit(limit)

    def count(self, batch: InvoiceBatch) -> Select:
        return select(func.count()).select_from(self.rows(batch).subquery())


def _external_id(model: Any, key: Any, tenant_id: uuid.UUID) -> ScalarSelect:
    """The external_id of the row `key` names (null when it has none, or is gone): a subquery per
    row of the page, which PostgreSQL can only run as a primary-key lookup, never as a join that a
    planner without statistics might turn into a scan of the whole table."""
    return select(model.external_id).where(model.tenant_id == tenant_id, model.id == key).scalar_subquery()


def _invoices(batch: InvoiceBatch, *where: ColumnElement[bool], columns: tuple = (), type: str = "invoice") -> Select:
    """The batch's documents of one type: the invoice selections and totals concern invoices, the
    credit note selection credit notes."""
    return select(Invoice.id, Invoice.customer_id, *columns).where(Invoice.batch_id == batch.id, Invoice.type == type,
                                                                   *where)


def _asked(step: bool) -> ColumnElement[bool]:
    # An invoice is "not validated" or "not sent" only when the batch asked for that step.
    return true() if step else false()


def _customers(batch: InvoiceBatch, outcome: str, *columns) -> Select:
    return select(InvoiceBatchCustomer.customer_id, InvoiceBatchCustomer.position, *columns).where(
        InvoiceBatchCustomer.batch_id == batch.id, InvoiceBatchCustomer.outcome == outcome)


_CREATED = (Invoice.number, Invoice.status, Invoice.total, Invoice.currency)


def _created(row) -> dict:
    return {"invoice_id": row.id, "customer_id": row.customer_id, "customer_external_id": row.customer_external_id,
            "number": row.number, "status": row.status, "total": row.total, "currency": row.currency}


def _invoice_with(reasons: Callable[[Any], list[dict]]) -> Callable[[Any], dict]:
    return lambda row: {"invoice_id": row.id, "customer_id": row.customer_id,
                        "customer_external_id": row.customer_external_id, "reasons": reasons(row)}


SELECTIONS: dict[str, Selection] = {
    "invoices_created": Selection(rows=lambda batch: _invoices(batch, columns=_CREATED),
                                  keys=(Invoice.id,), item=_created, customer=Invoice.customer_id),
    "invoices_not_validated": Selection(
        rows=lambda batch: _invoices(batch, _asked(batch.validate_invoices), Invoice.status == "draft",
                                     columns=(Invoice.not_validated_reasons,)),
        keys=(Invoice.id,), item=_invoice_with(lambda row: [reason(code) for code in row.not_validated_reasons]),
        customer=Invoice.customer_id),
    "invoices_not_sent": Selection(
        rows=lambda batch: _invoices(batch, _asked(batch.send), Invoice.status.in_(("validated", "credited")),
                                     Invoice.delivery_status == "failed",
                                     columns=(Invoice.delivery_failure, Invoice.delivery_last_error)),
        keys=(Invoice.id,), item=_invoice_with(lambda row: [not_sent_reason(row)]), customer=Invoice.customer_id),
    "unbilled_times": Selection(
        rows=lambda batch: select(InvoiceBatchUnbilled.customer_id, InvoiceBatchUnbilled.time_entry_id,
                                  InvoiceBatchUnbilled.reason).where(InvoiceBatchUnbilled.batch_id == batch.id),
        keys=(InvoiceBatchUnbilled.customer_id, InvoiceBatchUnbilled.time_entry_id),
        item=lambda row: {"time_entry_id": row.time_entry_id, "time_entry_external_id": row.time_entry_external_id,
                          "customer_id": row.customer_id, "customer_external_id": row.customer_external_id,
                          "reasons": [reason(row.reason)]},
        customer=InvoiceBatchUnbilled.customer_id, time_entry=InvoiceBatchUnbilled.time_entry_id),
    # A list of ids (SPEC Appendix A): no external id to join.
    "customers_without_times": Selection(rows=lambda batch: _customers(batch, "no_times"),
                                         keys=(InvoiceBatchCustomer.position,), item=lambda row: row.customer_id),
    # The selection's targets that exclude_customer_ids left out (SPEC §9), fixed when the batch started.
    "customers_excluded": Selection(rows=lambda batch: _customers(batch, "excluded"),
                                    keys=(InvoiceBatchCustomer.position,), item=lambda row: row.customer_id),
    # The batch's credit notes (SPEC §10), each with the invoices it credits.
    "credit_notes_created": Selection(
        rows=lambda batch: _invoices(batch, columns=(*_CREATED, Invoice.credited_invoice_ids), type="credit_note"),
        keys=(Invoice.id,), item=lambda row: {**_created(row), "credited_invoice_ids": row.credited_invoice_ids},
        customer=Invoice.customer_id),
    "customers_failed": Selection(rows=lambda batch: _customers(batch, "failed", InvoiceBatchCustomer.error),
                                  keys=(InvoiceBatchCustomer.position,),
                                  item=lambda row: {"customer_id": row.customer_id,
                                                    "customer_external_id": row.customer_external_id,
                                                    "error": row.error},
                                  customer=InvoiceBatchCustomer.customer_id),
}

# The selections served as paginated lists, by their name in the path.
PAGED = ("invoices-created", "invoices-not-validated", "invoices-not-sent", "unbilled-times",
         "customers-without-times", "customers-excluded", "credit-notes-created")


async def batch_summary(session: AsyncSession, batch: InvoiceBatch) -> dict:
    """The size of each selection and the totals: what the completed event and the summary email
    carry, and the report's head."""
    counts = {name: await session.scalar(selection.count(batch)) for name, selection in SELECTIONS.items()}
    return {"counts": counts, "totals": await _totals(session, batch)}


async def _totals(session: AsyncSession, batch: InvoiceBatch) -> dict:
    by_currency = (await session.execute(
        select(Invoice.currency, func.count().label("invoices"), func.sum(Invoice.untaxed_amount).label("untaxed"),
               func.sum(Invoice.tax_amount).label("tax"), func.sum(Invoice.total).label("total"))
        .where(Invoice.batch_id == batch.id, Invoice.type == "invoice").group_by(Invoice.currency)
        .order_by(Invoice.currency))).all()
    hours = await session.scalar(select(func.coalesce(func.sum(InvoiceLine.quantity), 0))
                                 .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
                                 .where(Invoice.batch_id == batch.id, Invoice.type == "invoice",
                                        # hours of time: lines that bill entries, not a block or a retainer
                                        or_(InvoiceLine.time_entry_id.is_not(None),
                                            InvoiceLine.time_entry_ids.is_not(None))))
    return {"customers": batch.customers_total, "invoices": sum(row.invoices for row in by_currency), "hours": hours,
            "by_currency": [{"currency": row.currency, "untaxed": row.untaxed, "tax": row.tax, "total": row.total}
                            for row in by_currency]}


async def batch_report(session: AsyncSession, *, tenant_id: uuid.UUID, batch_id: str) -> dict:
    batch = await get_owned(session, InvoiceBatch, tenant_id, batch_id, label="invoice batch")
    summary = await batch_summary(session, batch)
    items = {}
    for name, selection in SELECTIONS.items():
        rows = await session.execute(selection.page(batch, after=None, limit=REPORT_LIMIT))
        items[name] = [selection.item(row) for row in rows]
    return {"batch_id": batch.id, "status": batch.status, **items, **summary,
            "truncated": any(count > REPORT_LIMIT for count in summary["counts"].values())}


async def selection_page(session: AsyncSession, *, tenant_id: uuid.UUID, batch_id: str, selection: str,
                         page: KeysetParams) -> dict:
    """One page of a selection (named as in the report), in the report's order."""
    chosen = SELECTIONS[selection]
    after = decode_keys(page.cursor, chosen.key_kinds) if page.cursor else None
    batch = await get_owned(session, InvoiceBatch, tenant_id, batch_id, label="invoice batch")
    rows = (await session.execute(chosen.page(batch, after=after, limit=page.limit + 1))).all()
    return make_page(rows, page, chosen.item, keys=chosen.key_of)


async def completed_event(session: AsyncSession, batch: InvoiceBatch) -> dict:
    """The body of `invoice_batch.completed`: the batch resource, and in `summary` the size of each
    of the report's selections and its totals."""
    summary = await batch_summary(session, batch)
    counts = {name: summary["counts"][name] for name in ("invoices_created", "invoices_not_validated",
                                                          "invoices_not_sent", "unbilled_times",
                                                          "customers_without_times")}
    data = InvoiceBatchOut.of(batch).model_dump(mode="json", by_alias=True)
    return {**data, "summary": {**counts, "totals": Totals.model_validate(summary["totals"]).model_dump(mode="json")}}


async def emit_completed(session: AsyncSession, batch: InvoiceBatch) -> None:
    await emit_event(session, tenant_id=batch.tenant_id, type="invoice_batch.completed",
                     data=lambda: completed_event(session, batch))
