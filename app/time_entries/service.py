"""Time entries: create, change, delete, adjust, bulk upsert, filtered listing. Services never commit.

An entry linked to an invoice line is read-only: changing or deleting it answers 409, and a bulk
push that would change it is refused whole, or with `on_error=skip` stored without it (a push that
repeats it unchanged is fine). Billed time is corrected by an adjustment (adjustments.py)."""

import asyncio
import uuid
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict, FieldError, InvalidInput, RebillError
from app.kit.bulk import BulkPush, Column, OnError, Upserted, upsert_by_external_id
from app.kit.ids import new_ids
from app.kit.pagination import PageParams
from app.kit.repository import (KnownReferences, apply_changes, check_references, fetch_page, flush_unique, get_owned,
                                resolve_references, where_given)
from app.kit.timezones import local_day_bounds
from app.models import Product, TenantSettings, TimeEntry, WorkItem
from app.time_entries.adjustments import TIME_ENTRY_ON_DRAFT, AdjustmentValues, adjust, lock_original
from app.time_entries.schemas import (AdjustmentCreate, TimeEntryBulk, TimeEntryBulkItem, TimeEntryCreate,
                                      TimeEntryUpdate)

def _invoiced(entry: TimeEntry) -> Conflict:
    return Conflict(f"Time entry {entry.id} is on invoice {entry.invoice_id}; it can no longer change.",
                    code="time_entry_invoiced")


async def list_time_entries(session: AsyncSession, *, tenant_id: uuid.UUID, page: PageParams,
                            customer_id: uuid.UUID | None = None, work_item_id: uuid.UUID | None = None,
                            product_id: uuid.UUID | None = None, status: str | None = None,
                            billable: bool | None = None, invoiced: bool | None = None,
                            date_from: date | None = None, date_to: date | None = None,
                            external_id: str | None = None, adjusts_id: uuid.UUID | None = None) -> list[TimeEntry]:
    stmt = select(TimeEntry).where(TimeEntry.tenant_id == tenant_id)
    if customer_id:
        stmt = stmt.join(WorkItem, (WorkItem.id == TimeEntry.work_item_id) & (WorkItem.tenant_id == tenant_id)) \
            .where(WorkItem.customer_id == customer_id)
    stmt = where_given(stmt, (TimeEntry.work_item_id, work_item_id), (TimeEntry.product_id, product_id),
                       (TimeEntry.status, status), (TimeEntry.billable, billable), (TimeEntry.external_id, external_id),
                       (TimeEntry.adjusts_id, adjusts_id))
    if invoiced is not None:
        stmt = stmt.where(TimeEntry.invoice_id.is_not(None) if invoiced else TimeEntry.invoice_id.is_(None))
    if date_from or date_to:
        tz = await session.scalar(select(TenantSettings.timezone).where(TenantSettings.tenant_id == tenant_id))
        start, end = local_day_bounds(tz, date_from, date_to)
        if start:
            stmt = stmt.where(TimeEntry.started_at >= start)
        if end:
            stmt = stmt.where(TimeEntry.started_at < end)
    return await fetch_page(session, stmt, TimeEntry, page)


async def _work_item_type(session: AsyncSession, tenant_id: uuid.UUID, work_item_id: uuid.UUID) -> str:
    return await session.scalar(select(WorkItem.type).where(WorkItem.id == work_item_id,
                                                            WorkItem.tenant_id == tenant_id))


async def create_time_entry(session: AsyncSession, *, tenant_id: uuid.UUID, data: TimeEntryCreate) -> TimeEntry:
    await check_references(session, tenant_id, [("work_item_id", WorkItem, data.work_item_id),
                                                ("product_id", Product, data.product_id)])
    values = data.model_dump()
    if values["billable"] is None:
        values["billable"] = await _work_item_type(session, tenant_id, data.work_item_id) == "ticket"
    entry = TimeEntry(tenant_id=tenant_id, **values)
    session.add(entry)
    await flush_unique(session, external_id="external_id")
    return entry


async def update_time_entry(session: AsyncSession, *, tenant_id: uuid.UUID, time_entry_id: str,
                            data: TimeEntryUpdate) -> TimeEntry:
    entry = await get_owned(session, TimeEntry, tenant_id, time_entry_id, for_update=True, label="time entry")
    if entry.invoice_id is not None:
        raise _invoiced(entry)
    changes = data.model_dump(exclude_unset=True)
    if entry.adjusts_id is not None and changes.get("work_item_id", entry.work_item_id) != entry.work_item_id:
        raise InvalidInput.field("work_item_id", "an adjustment stays on its original's work item")
    await check_references(session, tenant_id, [("work_item_id", WorkItem, changes.get("work_item_id")),
                                                ("product_id", Product, changes.get("product_id"))])
    apply_changes(entry, changes, not_null=("work_item_id", "started_at", "hours", "status", "billable"))
    await flush_unique(session, external_id="external_id")
    return entry


async def delete_time_entry(session: AsyncSession, *, tenant_id: uuid.UUID, time_entry_id: str) -> None:
    """An entry that has adjustments stays (their original, 409); deleting a pending adjustment that
    replaced never-billed time gives the original back its place."""
    original = await lock_original(session, tenant_id=tenant_id, entry_id=time_entry_id)
    entry = await get_owned(session, TimeEntry, tenant_id, time_entry_id, for_update=True, label="time entry")
    if entry.invoice_id is not None:
        raise _invoiced(entry)
    if entry.adjusts_id is None:
        if await session.scalar(select(exists().where(TimeEntry.tenant_id == tenant_id,
                                                      TimeEntry.adjusts_id == entry.id))):
            raise Conflict(f"Time entry {entry.id} has adjustments; it stays as their original.",
                           code="time_entry_adjusted")
    elif entry.adjustment_status == "pending" and entry.corrected_invoice_id is None:
        original.superseded = False
    try:
        async with session.begin_nested():
            await session.delete(entry)
            await session.flush()
    except IntegrityError:
        # Lines of a credited invoice and of its credit note still name it (SPEC §10: history
        # keeps every line): the database refuses, and says why here.
        raise Conflict(f"Time entry {entry.id} is on lines of a credited invoice and its credit note; "
                       "it can change but not be deleted.", code="time_entry_in_history") from None


async def create_adjustment(session: AsyncSession, *, tenant_id: uuid.UUID, time_entry_id: str,
                            data: AdjustmentCreate) -> TimeEntry:
    original = await lock_original(session, tenant_id=tenant_id, entry_id=time_entry_id)
    await check_references(session, tenant_id, [("product_id", Product, data.product_id)])
    return await adjust(session, tenant_id=tenant_id, original=original,
                        values=AdjustmentValues(**data.model_dump()))


_BULK_COLUMNS = [
    Column("work_item_id", "uuid[]"), Column("employee_id", "text[]"), Column("employee_name", "text[]"),
    Column("started_at", "timestamptz[]"), Column("hours", "numeric[]"), Column("product_id", "uuid[]"),
    Column("status", "text[]"), Column("billable", "boolean[]"), Column("note", "text[]"),
]


# Items validated and written per statement. PostgreSQL writes one chunk while Python validates the
# next, in about a fifth of the time; smaller chunks start it sooner but add round trips. So the
# first chunk is small (PostgreSQL starts ~20 ms sooner on a 10,000-item push), and each next one
# up to four times larger, to _CHUNK.
_FIRST_CHUNK, _CHUNK = 400, 2_000


def _chunks(count: int) -> list[tuple[int, int]]:
    """The (start, stop) of each chunk of `count` items."""
    bounds, start, size = [], 0, _FIRST_CHUNK
    while start < count:
        bounds.append((start, min(start + size, count)))
        start, size = start + size, min(size * 4, _CHUNK)
    return bounds


async def bulk_upsert_time_entries(session: AsyncSession, *, tenant_id: uuid.UUID, data: TimeEntryBulk,
                                   on_error: OnError = "reject") -> bytes:
    """Validate, resolve and write the items a chunk at a time, all in the caller's transaction:
    the statement for a chunk runs in PostgreSQL while Python checks the next one. By default the
    first fault stops the writing; every chunk is still checked, so the refusal names every bad
    item as if all had been checked first, and it rolls back what was written. With
    `on_error=skip` every chunk's valid items are written."""
    push = BulkPush(data.items, TimeEntryBulkItem, on_error=on_error)
    work_items, products = KnownReferences(), KnownReferences()
    writing: asyncio.Task | None = None
    # Adjustments are written one by one once every ordinary item is (they may adjust one of them).
    adjusting: list[tuple[int, TimeEntryBulkItem]] = []
    try:
        for start, stop in _chunks(len(data.items)):
            indexes, items = push.check(start, stop)
            indexes, items = _set_apart_adjustments(push, indexes, items, adjusting)
            if writing is not None and not _all_known(items, work_items, products):
                await writing  # the connection runs one statement at a time
                writing = None
            item_work_items, faults = await resolve_references(
                session, tenant_id, WorkItem, items, indexes=indexes, id_field="work_item_id",
                external_field="work_item_external_id", required=True, columns=(WorkItem.type,), known=work_items)
            push.unresolved(faults)
            item_products, faults = await resolve_references(
                session, tenant_id, Product, items, indexes=indexes, id_field="product_id",
                external_field="product_external_id", required=False, known=products)
            push.unresolved(faults)
            if not push.writing:
                continue  # the push is refused: the remaining chunks are only checked
            indexes, items, item_work_items, item_products = push.kept(indexes, items, item_work_items,
                                                                       item_products)
            if not items:
                continue
            values = _bulk_values(items, item_work_items, item_products)
            if writing is not None:
                await writing
            writing = asyncio.ensure_future(_write_chunk(session, tenant_id, push, indexes, items, values))
            await asyncio.sleep(0)  # let it send the statement before this task goes back to validating
            push.answer_so_far()
        if writing is not None:
            await writing
            writing = None
    finally:
        if writing is not None:  # failing mid-way: the connection must be free before the rollback
            await asyncio.wait([writing])
    for index, item in adjusting:
        if push.writing:
            await _upsert_adjustment(session, tenant_id, push, index, item)
    return push.answer()


def _set_apart_adjustments(push: BulkPush, indexes: list[int], items: list[TimeEntryBulkItem],
                           adjusting: list[tuple[int, TimeEntryBulkItem]]) -> tuple[list[int], list]:
    """The ordinary items, checked for what only adjustments may omit; the adjustments go to `adjusting`."""
    kept_indexes, kept, faults = [], [], []
    for index, item in zip(indexes, items, strict=True):
        if item.adjusts_id is not None or item.adjusts_external_id is not None:
            adjusting.append((index, item))
            continue
        if item.started_at is None:
            faults.append((index, FieldError(field=f"items[{index}].started_at", code="missing",
                                             message="started_at is required (except on an adjustment)")))
        elif item.hours <= 0:
            faults.append((index, FieldError(field=f"items[{index}].hours", code="value_error",
                                             message="hours must be positive")))
        else:
            kept_indexes.append(index)
            kept.append(item)
    push.invalid(faults)
    return kept_indexes, kept


async def _upsert_adjustment(session: AsyncSession, tenant_id: uuid.UUID, push: BulkPush, index: int,
                             item: TimeEntryBulkItem) -> None:
    """One bulk item that adjusts another entry, by the rules of the adjustments endpoint; pushed
    again, it updates (or leaves unchanged) the adjustment it made. In a savepoint: a refused item
    leaves nothing behind. When a push is refused whole, the adjustments after the first fault are
    not looked at (their faults are not named)."""
    def fault(field: str, code: str, message: str) -> FieldError:
        return FieldError(field=f"items[{index}].{field}", code=code, message=message)

    if item.adjusts_id is not None and item.adjusts_external_id is not None:
        return push.unresolved([(index, fault("adjusts_external_id", "ambiguous",
                                              "give adjusts_id or adjusts_external_id, not both"))])
    field = "adjusts_id" if item.adjusts_id is not None else "adjusts_external_id"
    adjusted = await session.scalar(select(TimeEntry.id).where(
        TimeEntry.tenant_id == tenant_id, TimeEntry.id == item.adjusts_id if item.adjusts_id is not None
        else TimeEntry.external_id == item.adjusts_external_id))
    if adjusted is None:
        return push.unresolved([(index, fault(field, "unknown_reference", (
            f"no time entry {item.adjusts_id}" if item.adjusts_id is not None
            else f"no time entry with external_id {item.adjusts_external_id!r}")))])
    try:
        async with session.begin_nested():
            original = await lock_original(session, tenant_id=tenant_id, entry_id=adjusted)
            product, errors = await _adjustment_references(session, tenant_id, index, item, original)
            if errors:
                return push.unresolved([(index, error) for error in errors])
            values = AdjustmentValues(hours=item.hours, external_id=item.external_id, note=item.note,
                                      employee_id=item.employee_id, employee_name=item.employee_name,
                                      started_at=item.started_at, product_id=product)
            existing = (await session.scalars(select(TimeEntry).where(
                TimeEntry.tenant_id == tenant_id, TimeEntry.external_id == item.external_id)
                .with_for_update())).first()
            if existing is None:
                adjustment = await adjust(session, tenant_id=tenant_id, original=original, values=values)
                result = "created"
            elif existing.adjusts_id != original.id:
                return push.unresolved([(index, fault("external_id", "not_an_adjustment", (
                    f"time entry {item.external_id!r} exists and does not adjust {field.removesuffix('_id')}"
                    f" {item.adjusts_external_id or item.adjusts_id!r}")))])
            else:
                changes = _adjustment_changes(existing, original, values)
                if changes and existing.invoice_id is not None:
                    return push.conflicts([(index, FieldError(
                        field=f"items[{index}]", code="time_entry_invoiced",
                        message=f"time entry {item.external_id!r} is invoiced and can no longer change"))],
                        code="time_entry_invoiced", detail="item(s) would change invoiced time entries")
                for key, value in changes.items():
                    setattr(existing, key, value)
                await session.flush()
                adjustment, result = existing, "updated" if changes else "unchanged"
    except RebillError as exc:
        if exc.code != TIME_ENTRY_ON_DRAFT:
            raise
        return push.conflicts([(index, fault(field, TIME_ENTRY_ON_DRAFT, exc.detail))], code=TIME_ENTRY_ON_DRAFT,
                              detail="item(s) would adjust time on a draft invoice")
    push.stored([index], Upserted([adjustment.id], [result], []))


async def _adjustment_references(session: AsyncSession, tenant_id: uuid.UUID, index: int, item: TimeEntryBulkItem,
                                 original: TimeEntry) -> tuple[uuid.UUID | None, list[FieldError]]:
    """The product an adjustment item names (None: the original's), and what is wrong with the rest:
    an adjustment stays on its original's work item, is approved, and is billable as its original is."""
    errors = []
    [work_item], faults = await resolve_references(
        session, tenant_id, WorkItem, [item], indexes=[index], id_field="work_item_id",
        external_field="work_item_external_id", required=False)
    errors += [error for _, error in faults]
    if work_item is not None and work_item.id != original.work_item_id:
        errors.append(FieldError(field=f"items[{index}].work_item_id", code="invalid",
                                 message="an adjustment stays on its original's work item"))
    if "status" in item.model_fields_set and item.status != "approved":
        errors.append(FieldError(field=f"items[{index}].status", code="invalid", message="an adjustment is approved"))
    if item.billable is not None and item.billable != original.billable:
        errors.append(FieldError(field=f"items[{index}].billable", code="invalid",
                                 message="an adjustment is billable as its original is"))
    [product], faults = await resolve_references(
        session, tenant_id, Product, [item], indexes=[index], id_field="product_id",
        external_field="product_external_id", required=False)
    errors += [error for _, error in faults]
    return (product.id if product else None), errors


def _adjustment_changes(existing: TimeEntry, original: TimeEntry, values: AdjustmentValues) -> dict:
    """What a pushed-again adjustment changes (the fields it does not give are the original's)."""
    wanted = {"hours": values.hours, "note": values.note or original.note,
              "employee_id": values.employee_id or original.employee_id,
              "employee_name": values.employee_name or original.employee_name,
              "started_at": values.started_at or original.started_at,
              "product_id": values.product_id or original.product_id}
    return {k: v for k, v in wanted.items() if getattr(existing, k) != v}


async def _write_chunk(session: AsyncSession, tenant_id: uuid.UUID, push: BulkPush, indexes: list[int],
                       items: list[TimeEntryBulkItem], values: dict[str, list]) -> None:
    """Upsert a chunk. Items that would change invoiced entries are faults: by default the push is
    then refused, which rolls back what the statement changed; when skipping, they are left out."""
    upserted = await upsert_by_external_id(
        session, table="time_entries", tenant_id=tenant_id, columns=_BULK_COLUMNS, ids=new_ids(len(items)),
        external_ids=[i.external_id for i in items], values=values,
        refuse_change_if="time_entries.invoice_id IS NOT NULL", skip_refused=push.skip)
    push.stored(indexes, upserted)
    if upserted.refused:
        push.conflicts([(indexes[n], FieldError(
            field=f"items[{indexes[n]}]", code="time_entry_invoiced",
            message=f"time entry {items[n].external_id!r} is invoiced and can no longer change"))
            for n in upserted.refused], code="time_entry_invoiced", detail="item(s) would change invoiced time entries")


def _all_known(items: list[TimeEntryBulkItem], work_items: KnownReferences, products: KnownReferences) -> bool:
    """Whether the chunk's references were all looked up already (no read needed)."""
    return not any((*work_items.unknown([i.work_item_external_id for i in items], [i.work_item_id for i in items]),
                    *products.unknown([i.product_external_id for i in items], [i.product_id for i in items])))


def _bulk_values(items: list[TimeEntryBulkItem], work_items: list, products: list) -> dict[str, list]:
    return {
        "work_item_id": [w.id for w in work_items],
        "employee_id": [i.employee_id for i in items],
        "employee_name": [i.employee_name for i in items],
        "started_at": [i.started_at for i in items],
        "hours": [i.hours for i in items],
        "product_id": [p.id if p else None for p in products],
        "status": [i.status for i in items],
        "billable": [w.type == "ticket" if i.billable is None else i.billable
                     for i, w in zip(items, work_items, strict=True)],
        "note": [i.note for i in items],
    }
