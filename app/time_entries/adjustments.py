"""Adjustments of time entries (SPEC §10): the one place that decides what an adjustment replaces.

An adjustment always names the original entry (adjusting an adjustment adjusts its original). What
it does depends on where the original's time stands, judged under locks:
- on a draft invoice (the original, or an adjustment that replaced it): refused, 409
  `time_entry_on_draft` (validate or delete the draft first);
- never billed: the adjustment replaces the original, which becomes `superseded` and is never
  billed; the adjustment is billed by the next batch like any entry (then `settled`);
- billed on a validated invoice (the original, or an adjustment that replaced it): the adjustment
  stays `pending` and remembers the line it corrects; a batch settles it against that line's price
  and tax rate (app/invoicing/settlement.py), never bills it as an ordinary entry.
Either way an adjustment still `pending` is replaced by the new one (`superseded`).

Two requests adjusting the same entry are serialised by the billing target's advisory lock, the one
a batch holds while it invoices that customer (so a batch never bills an entry that an adjustment
is superseding in the same instant), then by the original's row lock; the unique index of pending
adjustments holds even if both were bypassed."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import text, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict, NotFound
from app.kit.ids import parse_id
from app.kit.repository import flush_unique
from app.models import TimeEntry

TIME_ENTRY_ON_DRAFT = "time_entry_on_draft"

# The customer whose invoices bill the entry's time (a contact's parent company), locked as a batch
# locks it (app/invoice_batches/runner.py _CLAIM).
_LOCK_BILLING_TARGET = text("""
SELECT pg_advisory_xact_lock(hashtextextended(CAST(coalesce(c.parent_id, c.id) AS text), 0))
FROM work_items wi JOIN customers c ON c.tenant_id = wi.tenant_id AND c.id = wi.customer_id
WHERE wi.tenant_id = :tenant AND wi.id = :work_item
""")

# The original and its adjustments, with the status of the invoice each is on.
_HISTORY = text("""
SELECT te.id, te.adjusts_id, te.invoice_id, te.invoice_line_id, te.adjustment_status, te.corrected_invoice_id,
       i.status AS invoice_status
FROM time_entries te LEFT JOIN invoices i ON i.id = te.invoice_id
WHERE te.tenant_id = :tenant AND (te.id = :original OR te.adjusts_id = :original)
""")


@dataclass(frozen=True)
class AdjustmentValues:
    """What an adjustment gives; None: the original's value."""

    hours: Decimal
    external_id: str | None = None
    note: str | None = None
    employee_id: str | None = None
    employee_name: str | None = None
    started_at: datetime | None = None
    product_id: uuid.UUID | None = None


class OriginalOnDraft(Conflict):
    def __init__(self, original_id: uuid.UUID, invoice_id: uuid.UUID):
        super().__init__(f"Time entry {original_id} is on draft invoice {invoice_id}: validate or delete the draft "
                         f"before adjusting it.", code=TIME_ENTRY_ON_DRAFT)


async def lock_original(session: AsyncSession, *, tenant_id: uuid.UUID, entry_id: str | uuid.UUID,
                        label: str = "time entry") -> TimeEntry:
    """The original of `entry_id` (itself, or the entry it adjusts), locked for adjusting; 404 when
    the tenant has no such entry."""
    parsed = entry_id if isinstance(entry_id, uuid.UUID) else parse_id(entry_id)
    entry = await session.get(TimeEntry, parsed) if parsed is not None else None
    if entry is None or entry.tenant_id != tenant_id:
        raise NotFound(f"No {label} {entry_id}.")
    original_id = entry.adjusts_id or entry.id
    original = await session.get(TimeEntry, original_id) if original_id != entry.id else entry
    await session.execute(_LOCK_BILLING_TARGET, {"tenant": tenant_id, "work_item": original.work_item_id})
    # Read again once locked: a batch or another adjustment may have changed it while this waited.
    return await session.get(TimeEntry, original_id, with_for_update=True, populate_existing=True)


async def adjust(session: AsyncSession, *, tenant_id: uuid.UUID, original: TimeEntry,
                 values: AdjustmentValues) -> TimeEntry:
    """Record an adjustment of `original` (locked by `lock_original`), and supersede what it replaces."""
    history = (await session.execute(_HISTORY, {"tenant": tenant_id, "original": original.id})).all()
    on_draft = next((row for row in history if row.invoice_status == "draft"), None)
    if on_draft is not None:
        raise OriginalOnDraft(original.id, on_draft.invoice_id)
    # The line that billed the time, if any: the original's, or that of an adjustment that replaced
    # the original and was billed.
    billed = next((row for row in history if row.id == original.id and row.invoice_id is not None), None) or next(
        (row for row in history if row.adjusts_id is not None and row.invoice_id is not None
         and row.corrected_invoice_id is None), None)
    await session.execute(
        update(TimeEntry).where(TimeEntry.tenant_id == tenant_id, TimeEntry.adjusts_id == original.id,
                                TimeEntry.adjustment_status == "pending")
        .values(adjustment_status="superseded", superseded=True).execution_options(synchronize_session=False))
    if billed is None and not original.superseded:
        original.superseded = True
    adjustment = TimeEntry(
        tenant_id=tenant_id, external_id=values.external_id, work_item_id=original.work_item_id,
        employee_id=_given(values.employee_id, original.employee_id),
        employee_name=_given(values.employee_name, original.employee_name),
        started_at=_given(values.started_at, original.started_at), hours=values.hours,
        product_id=_given(values.product_id, original.product_id), status="approved", billable=original.billable,
        note=_given(values.note, original.note), adjusts_id=original.id, adjustment_status="pending",
        corrected_invoice_id=billed.invoice_id if billed else None,
        corrected_invoice_line_id=billed.invoice_line_id if billed else None)
    session.add(adjustment)
    await flush_unique(session, external_id="external_id")
    return adjustment


def _given(value, default):
    return default if value is None else value
