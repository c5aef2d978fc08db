"""Customers: create, change, delete, bulk upsert. Services never commit."""

import json
import uuid
from dataclasses import dataclass
from typing import Any

from asyncpg import Record
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.contracts.service import check_contract, contract_mismatch
from app.customers.schemas import CustomerBulk, CustomerBulkItem, CustomerCreate, CustomerOut, CustomerUpdate
from app.db import Reads
from app.errors import Conflict, FieldError, InvalidInput
from app.kit.bulk import BulkPush, Column, ItemFault, OnError, upsert_by_external_id
from app.kit.ids import new_id
from app.kit.pagination import PageParams
from app.kit.repository import (apply_changes, delete_owned, flush_unique, get_owned, ids_by_external_id, owned_answer,
                                page_answers, resolve_references)
from app.models import Contract, Customer, TenantSettings, WorkItem


def _dump(value):
    return value.model_dump(mode="json") if value is not None else None


async def _tenant_currency(session: AsyncSession, tenant_id: uuid.UUID) -> str:
    return await session.scalar(select(TenantSettings.currency).where(TenantSettings.tenant_id == tenant_id))


async def _check_parent(session: AsyncSession, tenant_id: uuid.UUID, *, kind: str, parent_id: uuid.UUID | None,
                        field: str = "parent_id", self_id: uuid.UUID | None = None) -> None:
    if parent_id is None:
        return
    if kind != "contact":
        raise InvalidInput.field(field, "only a contact can have a parent company", code="parent_not_allowed")
    if parent_id == self_id:
        raise InvalidInput.field(field, "a customer cannot be its own parent", code="invalid_parent")
    parent_kind = await session.scalar(
        select(Customer.kind).where(Customer.id == parent_id, Customer.tenant_id == tenant_id))
    if parent_kind is None:
        raise InvalidInput.field(field, f"no such customer: {parent_id}", code="unknown_reference")
    if parent_kind != "company":
        raise InvalidInput.field(field, "the parent must be a company", code="invalid_parent")


async def list_customers(reads: Reads, *, tenant_id: uuid.UUID, page: PageParams,
                         kind: str | None = None, parent_id: uuid.UUID | None = None,
                         external_id: str | None = None) -> list[Record]:
    """One page of customers, each its id and its answer's JSON (read-only: see app/kit/repository.py)."""
    return await page_answers(reads, Customer, CustomerOut, tenant_id, page, kind=kind, parent_id=parent_id,
                              external_id=external_id)


async def read_customer(reads: Reads, *, tenant_id: uuid.UUID, customer_id: str) -> str:
    """The customer's answer as JSON text."""
    return await owned_answer(reads, Customer, CustomerOut, tenant_id, customer_id)


async def create_customer(session: AsyncSession, *, tenant_id: uuid.UUID, data: CustomerCreate) -> Customer:
    await _check_parent(session, tenant_id, kind=data.kind, parent_id=data.parent_id)
    # A new company holds no contract yet: only a contact can name one (its parent's) at creation.
    await check_contract(session, tenant_id, contract_id=data.default_contract_id,
                         company_id=data.parent_id if data.kind == "contact" else None, field="default_contract_id")
    customer = Customer(
        tenant_id=tenant_id, external_id=data.external_id, name=data.name, kind=data.kind,
        parent_id=data.parent_id, billing_address=_dump(data.billing_address), emails=list(data.emails),
        currency=data.currency or await _tenant_currency(session, tenant_id), tax_rate=data.tax_rate,
        tax_exempt=data.tax_exempt, tax_exemption_reason=data.tax_exemption_reason, terms=_dump(data.terms),
        billing_cycle=_dump(data.billing_cycle), default_contract_id=data.default_contract_id,
        time_rounding=_dump(data.time_rounding), vat_number=data.vat_number, company_id=data.company_id)
    session.add(customer)
    await flush_unique(session, external_id="external_id")
    return customer


async def update_customer(session: AsyncSession, *, tenant_id: uuid.UUID, customer_id: str,
                          data: CustomerUpdate) -> Customer:
    customer = await get_owned(session, Customer, tenant_id, customer_id, for_update=True)
    changes = data.model_dump(exclude_unset=True)
    kind = changes.get("kind", customer.kind)
    parent_id = changes.get("parent_id", customer.parent_id)
    if "parent_id" in changes or "kind" in changes:
        await _check_parent(session, tenant_id, kind=kind, parent_id=parent_id, self_id=customer.id)
    if kind == "contact" and customer.kind == "company":
        has_contacts = await session.scalar(
            select(Customer.id).where(Customer.tenant_id == tenant_id, Customer.parent_id == customer.id).limit(1))
        if has_contacts is not None:
            # The request is valid; the company's current state forbids it: a conflict, not bad input.
            raise Conflict("This company has contacts; it cannot become a contact.", code="has_contacts",
                           errors=[FieldError(field="kind", code="has_contacts",
                                              message="this company has contacts; it cannot become a contact")])
    if {"kind", "parent_id", "default_contract_id"} & changes.keys():
        await _check_contracts_follow(session, tenant_id, customer, kind=kind, parent_id=parent_id,
                                      default_contract_id=changes.get("default_contract_id",
                                                                      customer.default_contract_id))
    for key in ("billing_address", "terms", "billing_cycle", "time_rounding"):
        if key in changes:
            changes[key] = _dump(getattr(data, key))
    apply_changes(customer, changes, not_null=("name", "kind", "currency", "tax_exempt", "emails", "billing_cycle"))
    await flush_unique(session, external_id="external_id")
    return customer


async def _check_contracts_follow(session: AsyncSession, tenant_id: uuid.UUID, customer: Customer, *, kind: str,
                                  parent_id: uuid.UUID | None, default_contract_id: uuid.UUID | None) -> None:
    """The contracts a customer's time is billed under stay those of the company it is billed to
    (itself, or a contact's parent) when its kind, parent or default contract changes."""
    company_id = customer.id if kind == "company" else parent_id
    await check_contract(session, tenant_id, contract_id=default_contract_id, company_id=company_id,
                         field="default_contract_id")
    if company_id == customer.id and customer.kind == "company" and kind == "company":
        return
    field = "kind" if kind != customer.kind else "parent_id"
    if kind == "contact":
        holds = await session.scalar(select(Contract.id).where(Contract.tenant_id == tenant_id,
                                                              Contract.customer_id == customer.id).limit(1))
        if holds is not None:
            raise Conflict("This company holds contracts; it cannot become a contact.", code="has_contracts",
                           errors=[FieldError(field="kind", code="has_contracts",
                                              message="this company holds contracts; it cannot become a contact")])
    stranded = await session.scalar(
        select(WorkItem.id).join(Contract, (Contract.tenant_id == WorkItem.tenant_id)
                                 & (Contract.id == WorkItem.contract_id))
        .where(WorkItem.tenant_id == tenant_id, WorkItem.customer_id == customer.id,
               WorkItem.contract_id.is_not(None), Contract.customer_id.is_distinct_from(company_id)).limit(1))
    if stranded is not None:
        raise Conflict("Work items of this customer are under contracts of the company it is billed to now; "
                       "change their contract first.", code="contract_of_another_customer",
                       errors=[FieldError(field=field, code="contract_of_another_customer",
                                          message="its work items are under another company's contracts")])


async def delete_customer(session: AsyncSession, *, tenant_id: uuid.UUID, customer_id: str) -> None:
    await delete_owned(session, Customer, tenant_id, customer_id, code="customer_in_use",
                       in_use="The customer has work items, contacts or is otherwise referenced; remove those first.")


@dataclass(frozen=True)
class _StoredCustomers:
    """What a customers push may point to besides its own items, read once."""

    by_external_id: dict[str, Any]  # external_id -> (id, kind), for the push's items and parents
    kinds_by_id: dict[uuid.UUID, str]  # for the parents given by id


async def _stored_customers(session: AsyncSession, tenant_id: uuid.UUID, items: list) -> _StoredCustomers:
    external_ids = {i.external_id for i in items} | {i.parent_external_id for i in items if i.parent_external_id}
    by_external_id = await ids_by_external_id(session, Customer, tenant_id, external_ids, Customer.kind)
    parent_ids = {i.parent_id for i in items if i.parent_id}
    kinds_by_id = {}
    if parent_ids:
        rows = await session.execute(select(Customer.id, Customer.kind).where(
            Customer.tenant_id == tenant_id, Customer.id.in_(parent_ids)))
        kinds_by_id = {r.id: r.kind for r in rows}
    return _StoredCustomers(by_external_id, kinds_by_id)


def _parents(indexes: list[int], items: list, ids: dict[str, uuid.UUID],
             stored: _StoredCustomers) -> tuple[list[uuid.UUID | None], list[ItemFault]]:
    """Each item's parent id (None when it has none or it is at fault) and the faults, the items
    pointing to customers of the push or to stored ones."""
    in_request = {i.external_id: i for i in items}
    # The kind this push gives a stored customer, for the parents given by id.
    request_kinds = {stored.by_external_id[ext].id: item.kind for ext, item in in_request.items()
                     if ext in stored.by_external_id}
    faults: list[ItemFault] = []
    parent_ids: list[uuid.UUID | None] = []
    for index, item in zip(indexes, items, strict=True):
        parent, parent_kind, field = None, None, f"items[{index}].parent_external_id"
        if item.parent_id and item.parent_external_id:
            faults.append((index, FieldError(field=field, code="ambiguous",
                                             message="give parent_id or parent_external_id, not both")))
        elif item.parent_external_id:
            ref = item.parent_external_id
            if ref in in_request:
                parent, parent_kind = ids[ref], in_request[ref].kind
            elif ref in stored.by_external_id:
                parent, parent_kind = stored.by_external_id[ref].id, stored.by_external_id[ref].kind
            else:
                faults.append((index, FieldError(field=field, code="unknown_reference",
                                                 message=f"no customer {ref!r}")))
        elif item.parent_id:
            field = f"items[{index}].parent_id"
            parent = item.parent_id
            parent_kind = request_kinds.get(parent, stored.kinds_by_id.get(parent))
            if parent_kind is None:
                faults.append((index, FieldError(field=field, code="unknown_reference",
                                                 message=f"no customer {parent}")))
        if parent is not None and parent_kind is not None:
            if item.kind != "contact":
                faults.append((index, FieldError(field=field, code="parent_not_allowed",
                                                 message="only a contact can have a parent company")))
            elif parent_kind != "company":
                faults.append((index, FieldError(field=field, code="invalid_parent",
                                                 message="the parent must be a company")))
        parent_ids.append(parent)
    return parent_ids, faults


async def _companies_keeping_contacts(session: AsyncSession, tenant_id: uuid.UUID, indexes: list[int], items: list,
                                      stored: _StoredCustomers, parent_ids: list) -> list[ItemFault]:
    """Items that turn a stored company into a contact while contacts would still point to it."""
    existing = stored.by_external_id
    becoming_contacts = {existing[i.external_id].id: index for index, i in zip(indexes, items, strict=True)
                         if i.kind == "contact" and i.external_id in existing}
    if not becoming_contacts:
        return []
    new_parent = {i.external_id: parent for i, parent in zip(items, parent_ids, strict=True)}
    children = await session.execute(select(Customer.external_id, Customer.parent_id).where(
        Customer.tenant_id == tenant_id, Customer.parent_id.in_(list(becoming_contacts))))
    faults = []
    for child in children:
        parent = new_parent.get(child.external_id, child.parent_id) if child.external_id else child.parent_id
        if parent in becoming_contacts:
            index = becoming_contacts.pop(parent)
            faults.append((index, FieldError(field=f"items[{index}].kind", code="has_contacts",
                                             message="this company has contacts; it cannot become a contact")))
    return faults


_BULK_COLUMNS = [
    Column("name", "text[]"),
    Column("kind", "text[]"),
    Column("parent_id", "uuid[]"),
    Column("billing_address", "text[]", "CAST(billing_address AS jsonb)"),
    Column("emails", "text[]", "ARRAY(SELECT jsonb_array_elements_text(CAST(emails AS jsonb)))"),
    Column("currency", "text[]"),
    Column("tax_rate", "numeric[]"),
    Column("tax_exempt", "boolean[]"),
    Column("tax_exemption_reason", "text[]"),
    Column("terms", "text[]", "CAST(terms AS jsonb)"),
    Column("billing_cycle", "text[]", "CAST(billing_cycle AS jsonb)"),
    Column("default_contract_id", "uuid[]"),
    Column("time_rounding", "text[]", "CAST(time_rounding AS jsonb)"),
    Column("vat_number", "text[]"),
    Column("company_id", "text[]"),
]


def _contract_faults(indexes: list[int], items: list, ids: dict[str, uuid.UUID], parent_ids: list,
                     contracts: list) -> list[ItemFault]:
    """Items whose default contract is not held by the company they are billed to (themselves, or
    a contact's parent)."""
    faults = []
    for index, item, parent, contract in zip(indexes, items, parent_ids, contracts, strict=True):
        if contract is None:
            continue
        company = ids[item.external_id] if item.kind == "company" else parent
        if contract.customer_id != company:
            field = ("default_contract_external_id" if item.default_contract_external_id is not None
                     else "default_contract_id")
            faults.append((index, contract_mismatch(f"items[{index}].{field}")))
    return faults


async def bulk_upsert_customers(session: AsyncSession, *, tenant_id: uuid.UUID, data: CustomerBulk,
                                on_error: OnError = "reject") -> bytes:
    push = BulkPush(data.items, CustomerBulkItem, on_error=on_error)
    indexes, items = push.check(0, len(data.items))
    stored = await _stored_customers(session, tenant_id, items)
    ids = {i.external_id: (stored.by_external_id[i.external_id].id if i.external_id in stored.by_external_id
                           else new_id()) for i in items}
    contracts, contract_faults = await resolve_references(
        session, tenant_id, Contract, items, indexes=indexes, id_field="default_contract_id",
        external_field="default_contract_external_id", required=False, columns=(Contract.customer_id,))
    push.unresolved(contract_faults)
    indexes, items, contracts = push.kept(indexes, items, contracts)
    while True:
        parent_ids, faults = _parents(indexes, items, ids, stored)
        faults += await _companies_keeping_contacts(session, tenant_id, indexes, items, stored, parent_ids)
        faults += _contract_faults(indexes, items, ids, parent_ids, contracts)
        push.unresolved(faults)
        if not (faults and push.skip):
            break
        # Skipping: the others are checked again as if the refused items had not been sent (a
        # contact may point to one of them, whose stored record then stands in, if there is one).
        indexes, items, contracts = push.kept(indexes, items, contracts)
    if not push.writing:
        return push.answer()

    currency = await _tenant_currency(session, tenant_id)
    values = {
        "name": [i.name for i in items],
        "kind": [i.kind for i in items],
        "parent_id": parent_ids,
        "billing_address": [json.dumps(_dump(i.billing_address)) if i.billing_address else None for i in items],
        "emails": [json.dumps(list(i.emails)) for i in items],
        "currency": [i.currency or currency for i in items],
        "tax_rate": [i.tax_rate for i in items],
        "tax_exempt": [i.tax_exempt for i in items],
        "tax_exemption_reason": [i.tax_exemption_reason for i in items],
        "terms": [json.dumps(_dump(i.terms)) if i.terms else None for i in items],
        "billing_cycle": [json.dumps(_dump(i.billing_cycle)) for i in items],
        "default_contract_id": [c.id if c is not None else None for c in contracts],
        "time_rounding": [json.dumps(_dump(i.time_rounding)) if i.time_rounding else None for i in items],
        "vat_number": [i.vat_number for i in items],
        "company_id": [i.company_id for i in items],
    }
    push.stored(indexes, await upsert_by_external_id(
        session, table="customers", tenant_id=tenant_id, columns=_BULK_COLUMNS,
        ids=[ids[i.external_id] for i in items], external_ids=[i.external_id for i in items], values=values))
    return push.answer()
