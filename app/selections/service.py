"""Selections: named, ordered lists of this tenant's customers. Services never commit."""

import uuid

from sqlalchemy import ARRAY, Uuid, any_, bindparam, delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import FieldError, InvalidInput
from app.kit.pagination import PageParams
from app.kit.repository import apply_changes, delete_owned, fetch_page, flush_unique, get_owned
from app.models import Customer, Selection, SelectionCustomer
from app.selections.schemas import SelectionCreate, SelectionOut, SelectionUpdate


async def _set_members(session: AsyncSession, tenant_id: uuid.UUID, selection_id: uuid.UUID,
                       customer_ids: list[uuid.UUID]) -> None:
    seen: set[uuid.UUID] = set()
    ordered = [c for c in customer_ids if not (c in seen or seen.add(c))]
    if ordered:
        known = set((await session.scalars(select(Customer.id).where(
            Customer.tenant_id == tenant_id,
            Customer.id == any_(bindparam("ids", ordered, type_=ARRAY(Uuid)))))).all())
        errors = [FieldError(field=f"customer_ids[{i}]", code="unknown_reference", message=f"no customer {c}")
                  for i, c in enumerate(customer_ids) if c not in known]
        if errors:
            raise InvalidInput(errors[0].message, code="unknown_reference", errors=errors[:50])
    await session.execute(delete(SelectionCustomer).where(SelectionCustomer.selection_id == selection_id))
    if ordered:
        await session.execute(insert(SelectionCustomer), [
            {"selection_id": selection_id, "customer_id": c, "tenant_id": tenant_id, "position": n}
            for n, c in enumerate(ordered)])


async def members(session: AsyncSession, selection_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
    out: dict[uuid.UUID, list[uuid.UUID]] = {s: [] for s in selection_ids}
    rows = await session.execute(
        select(SelectionCustomer.selection_id, SelectionCustomer.customer_id)
        .where(SelectionCustomer.selection_id.in_(selection_ids))
        .order_by(SelectionCustomer.selection_id, SelectionCustomer.position))
    for row in rows:
        out[row.selection_id].append(row.customer_id)
    return out


async def to_out(session: AsyncSession, selections: list[Selection]) -> list[SelectionOut]:
    by_selection = await members(session, [s.id for s in selections]) if selections else {}
    return [SelectionOut(id=s.id, external_id=s.external_id, name=s.name, customer_ids=by_selection[s.id],
                         created_at=s.created_at, updated_at=s.updated_at) for s in selections]


async def list_selections(session: AsyncSession, *, tenant_id: uuid.UUID, page: PageParams) -> list[Selection]:
    return await fetch_page(session, select(Selection).where(Selection.tenant_id == tenant_id), Selection, page)


async def create_selection(session: AsyncSession, *, tenant_id: uuid.UUID, data: SelectionCreate) -> Selection:
    selection = Selection(tenant_id=tenant_id, external_id=data.external_id, name=data.name)
    session.add(selection)
    await flush_unique(session, external_id="external_id")
    await _set_members(session, tenant_id, selection.id, data.customer_ids)
    return selection


async def update_selection(session: AsyncSession, *, tenant_id: uuid.UUID, selection_id: str,
                           data: SelectionUpdate) -> Selection:
    selection = await get_owned(session, Selection, tenant_id, selection_id, for_update=True)
    changes = data.model_dump(exclude_unset=True)
    customer_ids = changes.pop("customer_ids", None)
    if "customer_ids" in data.model_fields_set and customer_ids is None:
        raise InvalidInput.field("customer_ids", "cannot be null", code="null_not_allowed")
    apply_changes(selection, changes, not_null=("name",))
    await flush_unique(session, external_id="external_id")
    if customer_ids is not None:
        await _set_members(session, tenant_id, selection.id, data.customer_ids)
        selection.updated_at = func.now()
        await session.flush()
        await session.refresh(selection)
    return selection


async def delete_selection(session: AsyncSession, *, tenant_id: uuid.UUID, selection_id: str) -> None:
    await delete_owned(session, Selection, tenant_id, selection_id, code="selection_in_use",
                       in_use="The selection is used by an invoice batch.")
