"""Work items: create, change, delete, bulk upsert. Services never commit."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.contracts.service import billing_company, check_contract, contract_mismatch
from app.kit.bulk import BulkPush, Column, OnError, upsert_by_external_id
from app.kit.ids import new_ids
from app.kit.pagination import PageParams
from app.kit.repository import (apply_changes, check_references, delete_owned, fetch_page, flush_unique, get_owned,
                                resolve_references, where_given)
from app.models import Contract, Customer, WorkItem
from app.work_items.schemas import WorkItemBulk, WorkItemBulkItem, WorkItemCreate, WorkItemUpdate


async def list_work_items(session: AsyncSession, *, tenant_id: uuid.UUID, page: PageParams,
                          customer_id: uuid.UUID | None = None, type: str | None = None,
                          external_id: str | None = None) -> list[WorkItem]:
    stmt = where_given(select(WorkItem).where(WorkItem.tenant_id == tenant_id), (WorkItem.customer_id, customer_id),
                       (WorkItem.type, type), (WorkItem.external_id, external_id))
    return await fetch_page(session, stmt, WorkItem, page)


async def create_work_item(session: AsyncSession, *, tenant_id: uuid.UUID, data: WorkItemCreate) -> WorkItem:
    await check_references(session, tenant_id, [("customer_id", Customer, data.customer_id)])
    await check_contract(session, tenant_id, contract_id=data.contract_id,
                         company_id=await billing_company(session, tenant_id, data.customer_id))
    work_item = WorkItem(tenant_id=tenant_id, **data.model_dump())
    session.add(work_item)
    await flush_unique(session, external_id="external_id")
    return work_item


async def update_work_item(session: AsyncSession, *, tenant_id: uuid.UUID, work_item_id: str,
                           data: WorkItemUpdate) -> WorkItem:
    work_item = await get_owned(session, WorkItem, tenant_id, work_item_id, for_update=True)
    changes = data.model_dump(exclude_unset=True)
    await check_references(session, tenant_id, [("customer_id", Customer, changes.get("customer_id"))])
    if {"customer_id", "contract_id"} & changes.keys():
        customer_id = changes.get("customer_id") or work_item.customer_id
        await check_contract(session, tenant_id, contract_id=changes.get("contract_id", work_item.contract_id),
                             company_id=await billing_company(session, tenant_id, customer_id))
    apply_changes(work_item, changes, not_null=("type", "reference", "customer_id"))
    await flush_unique(session, external_id="external_id")
    return work_item


async def delete_work_item(session: AsyncSession, *, tenant_id: uuid.UUID, work_item_id: str) -> None:
    await delete_owned(session, WorkItem, tenant_id, work_item_id, code="work_item_in_use",
                       in_use="The work item has time entries; delete them first.")


_BULK_COLUMNS = [Column("type", "text[]"), Column("reference", "text[]"), Column("title", "text[]"),
                 Column("customer_id", "uuid[]"), Column("contract_id", "uuid[]")]


async def bulk_upsert_work_items(session: AsyncSession, *, tenant_id: uuid.UUID, data: WorkItemBulk,
                                 on_error: OnError = "reject") -> bytes:
    push = BulkPush(data.items, WorkItemBulkItem, on_error=on_error)
    indexes, items = push.check(0, len(data.items))
    customers, faults = await resolve_references(session, tenant_id, Customer, items, indexes=indexes,
                                                 id_field="customer_id", external_field="customer_external_id",
                                                 required=True, columns=(Customer.kind, Customer.parent_id))
    contracts, contract_faults = await resolve_references(
        session, tenant_id, Contract, items, indexes=indexes, id_field="contract_id",
        external_field="contract_external_id", required=False, columns=(Contract.customer_id,))
    faults += contract_faults
    for index, item, customer, contract in zip(indexes, items, customers, contracts, strict=True):
        if customer is None or contract is None:
            continue
        company = customer.id if customer.kind == "company" else customer.parent_id
        if contract.customer_id != company:
            field = "contract_external_id" if item.contract_external_id is not None else "contract_id"
            faults.append((index, contract_mismatch(f"items[{index}].{field}")))
    push.unresolved(faults)
    if push.writing:
        indexes, items, customers, contracts = push.kept(indexes, items, customers, contracts)
        values = {"type": [i.type for i in items], "reference": [i.reference for i in items],
                  "title": [i.title for i in items], "customer_id": [c.id for c in customers],
                  "contract_id": [c.id if c is not None else None for c in contracts]}
        push.stored(indexes, await upsert_by_external_id(
            session, table="work_items", tenant_id=tenant_id, columns=_BULK_COLUMNS, ids=new_ids(len(items)),
            external_ids=[i.external_id for i in items], values=values))
    return push.answer()
