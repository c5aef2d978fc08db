"""What the console's pages show beside the API's resources: names for the ids a page lists
(customers, work items), the choices of the new-batch form, counts per batch for the batch list.
Each is one query for a whole page, so a page costs the same on a 10,000-invoice batch."""

import uuid
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Customer, Invoice, InvoiceBatchUnbilled, Selection, TenantSettings, TimeEntry, WorkItem

# The new-batch form lists at most this many customers (by name); a larger base is a selection's job.
FORM_CUSTOMERS = 500


async def customer_names(session: AsyncSession, *, tenant_id: uuid.UUID, ids: Iterable[uuid.UUID]) -> dict:
    wanted = list({i for i in ids if i is not None})
    if not wanted:
        return {}
    rows = await session.execute(select(Customer.id, Customer.name)
                                 .where(Customer.tenant_id == tenant_id, Customer.id.in_(wanted)))
    return dict(rows.all())


async def form_choices(session: AsyncSession, *, tenant_id: uuid.UUID) -> dict:
    selections = (await session.execute(select(Selection.id, Selection.name).where(Selection.tenant_id == tenant_id)
                                        .order_by(Selection.name).limit(FORM_CUSTOMERS))).all()
    customers = (await session.execute(select(Customer.id, Customer.name).where(Customer.tenant_id == tenant_id)
                                       .order_by(Customer.name, Customer.id).limit(FORM_CUSTOMERS))).all()
    return {"selections": selections, "customers": customers}


async def batch_counts(session: AsyncSession, *, batch_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict]:
    """Invoices (and credit notes) made and times left unbilled, per batch of a list page."""
    counts = {batch_id: {"invoices": 0, "credit_notes": 0, "unbilled": 0} for batch_id in batch_ids}
    if not batch_ids:
        return counts
    for batch_id, kind, n in (await session.execute(
            select(Invoice.batch_id, Invoice.type, func.count()).where(Invoice.batch_id.in_(batch_ids))
            .group_by(Invoice.batch_id, Invoice.type))).all():
        counts[batch_id]["invoices" if kind == "invoice" else "credit_notes"] = n
    for batch_id, n in (await session.execute(
            select(InvoiceBatchUnbilled.batch_id, func.count()).where(InvoiceBatchUnbilled.batch_id.in_(batch_ids))
            .group_by(InvoiceBatchUnbilled.batch_id))).all():
        counts[batch_id]["unbilled"] = n
    return counts


async def time_entry_details(session: AsyncSession, *, tenant_id: uuid.UUID,
                             ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, dict]:
    """For each time entry: when (in the tenant's time zone, as its invoice line says), who, how
    long, on which work item of which customer."""
    wanted = list({i for i in ids if i is not None})
    if not wanted:
        return {}
    zone = ZoneInfo(await session.scalar(select(TenantSettings.timezone)
                                         .where(TenantSettings.tenant_id == tenant_id)) or "UTC")
    rows = await session.execute(
        select(TimeEntry.id, TimeEntry.started_at, TimeEntry.hours, TimeEntry.employee_name, TimeEntry.status,
               TimeEntry.note, WorkItem.type, WorkItem.reference, WorkItem.title, WorkItem.customer_id)
        .join(WorkItem, (WorkItem.id == TimeEntry.work_item_id) & (WorkItem.tenant_id == TimeEntry.tenant_id))
        .where(TimeEntry.tenant_id == tenant_id, TimeEntry.id.in_(wanted)))
    return {row.id: {**row._asdict(), "started_at": row.started_at.astimezone(zone)} for row in rows}


async def work_items_of(session: AsyncSession, *, tenant_id: uuid.UUID, time_entry_ids: list[uuid.UUID]) -> int:
    """How many work items (tickets, work orders…) these time entries are on: the preview's "unbilled
    tickets"."""
    if not time_entry_ids:
        return 0
    return await session.scalar(select(func.count(func.distinct(TimeEntry.work_item_id)))
                                .where(TimeEntry.tenant_id == tenant_id, TimeEntry.id.in_(time_entry_ids)))
