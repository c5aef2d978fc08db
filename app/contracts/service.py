"""Contracts and their blocks of hours: create, change, delete, bulk upsert, add a block, and the
consumption of block hours a batch calls. Services never commit.

Rules a contract keeps (SPEC §11), checked here and, where a column can say it, by the database:
- it belongs to a company, never to a contact (422 naming `customer_id`): a contact's time is billed
  under its parent company's contracts;
- `kind` and `customer_id` never change once set (422 naming the field): blocks, balances and the
  lines already billed under it would no longer mean what they said;
- `ends_on` is not before `starts_on`; `retainer_amount` and `included_hours` exist on retainers
  only and are required there; `overage_unit_price` exists on block_hours contracts only;
- blocks are added to block_hours contracts only (409 `not_block_hours`);
- a contract still named by work items, customers or invoice lines (time billed under it), or
  whose blocks have been invoiced or used, is not deleted (409 `contract_in_use`); otherwise its blocks go with it."""

import json
import uuid
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.contracts.schemas import (BlockCreate, ContractBulk, ContractBulkItem, ContractCreate, ContractOut,
                                   ContractUpdate)
from app.errors import Conflict, FieldError, InvalidInput, NotFound
from app.kit.bulk import BulkPush, Column, ItemFault, OnError, upsert_by_external_id
from app.kit.ids import new_ids
from app.kit.pagination import CreatedPageParams
from app.kit.repository import (apply_changes, check_references, fetch_created_page, flush_unique, get_owned,
                                ids_by_external_id, resolve_references, where_given)
from app.models import Contract, ContractBlock, Customer, Product, RetainerCycle

_TWO_PLACES = Decimal("0.01")


# --- rules between a contract's own fields ----------------------------------------------------------

def terms_faults(values: dict[str, Any]) -> list[FieldError]:
    """What is wrong between a contract's fields (kind, dates, retainer and overage terms), each
    error naming its field."""
    kind = values.get("kind")
    errors = []
    starts_on, ends_on = values.get("starts_on"), values.get("ends_on")
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        errors.append(FieldError(field="ends_on", code="ends_before_start", message="must not be before starts_on"))
    for field in ("retainer_amount", "included_hours"):
        if kind == "retainer" and values.get(field) is None:
            errors.append(FieldError(field=field, code="required_for_retainer", message="a retainer requires it"))
        elif kind != "retainer" and values.get(field) is not None:
            errors.append(FieldError(field=field, code="retainer_only",
                                     message=f"only a retainer has it, not a {kind} contract"))
    if kind != "block_hours" and values.get("overage_unit_price") is not None:
        errors.append(FieldError(field="overage_unit_price", code="block_hours_only",
                                 message=f"only a block_hours contract has it, not a {kind} contract"))
    return errors


def _refuse(errors: list[FieldError]) -> None:
    if errors:
        raise InvalidInput("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)


def _dump(value):
    return value.model_dump(mode="json") if value is not None else None


async def _check_company(session: AsyncSession, tenant_id: uuid.UUID, customer_id: uuid.UUID) -> None:
    kind = await session.scalar(select(Customer.kind).where(Customer.id == customer_id,
                                                            Customer.tenant_id == tenant_id))
    if kind is None:
        raise InvalidInput.field("customer_id", f"no such record: {customer_id}", code="unknown_reference")
    if kind != "company":
        raise InvalidInput.field("customer_id", "a contract belongs to a company, not a contact (a contact's time is "
                                                "billed under its parent company's contracts)", code="not_a_company")


# --- the contract a work item or a customer names ----------------------------------------------------

async def billing_company(session: AsyncSession, tenant_id: uuid.UUID, customer_id: uuid.UUID) -> uuid.UUID | None:
    """The company a customer's time is billed to: itself, or a contact's parent (None without one)."""
    row = (await session.execute(select(Customer.id, Customer.kind, Customer.parent_id).where(
        Customer.id == customer_id, Customer.tenant_id == tenant_id))).first()
    if row is None:
        return None
    return row.id if row.kind == "company" else row.parent_id


def contract_mismatch(field: str) -> FieldError:
    return FieldError(field=field, code="contract_of_another_customer",
                      message="the contract must belong to the customer billed (a contact's parent company)")


async def check_contract(session: AsyncSession, tenant_id: uuid.UUID, *, contract_id: uuid.UUID | None,
                         company_id: uuid.UUID | None, field: str = "contract_id") -> None:
    """`contract_id` (when given) must be a contract of this tenant held by `company_id`: 422 naming
    `field` otherwise."""
    if contract_id is None:
        return
    holder = await session.scalar(select(Contract.customer_id).where(Contract.id == contract_id,
                                                                     Contract.tenant_id == tenant_id))
    if holder is None:
        raise InvalidInput.field(field, f"no such record: {contract_id}", code="unknown_reference")
    if holder != company_id:
        error = contract_mismatch(field)
        raise InvalidInput(f"{field}: {error.message}", errors=[error])


# --- reads -----------------------------------------------------------------------------------------

async def blocks_of(session: AsyncSession, contract_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[ContractBlock]]:
    """The blocks of these contracts, in the order they were added, in one query."""
    out: dict[uuid.UUID, list[ContractBlock]] = {contract_id: [] for contract_id in contract_ids}
    if contract_ids:
        rows = await session.scalars(select(ContractBlock).where(ContractBlock.contract_id.in_(contract_ids))
                                     .order_by(ContractBlock.created_at, ContractBlock.id))
        for block in rows:
            out[block.contract_id].append(block)
    return out


async def list_contracts(session: AsyncSession, *, tenant_id: uuid.UUID, page: CreatedPageParams,
                         customer_id: uuid.UUID | None = None, external_id: str | None = None) -> list[Contract]:
    stmt = where_given(select(Contract).where(Contract.tenant_id == tenant_id), (Contract.customer_id, customer_id),
                       (Contract.external_id, external_id))
    return await fetch_created_page(session, stmt, Contract, page)


async def get_contract(session: AsyncSession, *, tenant_id: uuid.UUID, contract_id: str | uuid.UUID,
                       for_update: bool = False) -> Contract:
    return await get_owned(session, Contract, tenant_id, contract_id, for_update=for_update)


async def to_out(session: AsyncSession, contracts: list[Contract]) -> list[ContractOut]:
    blocks = await blocks_of(session, [c.id for c in contracts])
    return [ContractOut.of(c, blocks[c.id]) for c in contracts]


# --- writes ----------------------------------------------------------------------------------------

async def create_contract(session: AsyncSession, *, tenant_id: uuid.UUID, data: ContractCreate) -> Contract:
    _refuse(terms_faults(data.model_dump()))
    await _check_company(session, tenant_id, data.customer_id)
    await check_references(session, tenant_id, [("product_id", Product, data.product_id)])
    contract = Contract(tenant_id=tenant_id, **{**data.model_dump(), "time_rounding": _dump(data.time_rounding)})
    session.add(contract)
    await flush_unique(session, external_id="external_id")
    return contract


async def update_contract(session: AsyncSession, *, tenant_id: uuid.UUID, contract_id: str,
                          data: ContractUpdate) -> Contract:
    contract = await get_contract(session, tenant_id=tenant_id, contract_id=contract_id, for_update=True)
    changes = data.model_dump(exclude_unset=True)
    immutable = [FieldError(field=field, code="immutable", message="cannot change once set")
                 for field in ("kind", "customer_id")
                 if changes.get(field) is not None and changes[field] != getattr(contract, field)]
    _refuse(immutable)
    if "time_rounding" in changes:
        changes["time_rounding"] = _dump(data.time_rounding)
    current = {field: getattr(contract, field) for field in ("kind", "starts_on", "ends_on", "retainer_amount",
                                                              "included_hours", "overage_unit_price")}
    merged = {**current, **{k: v for k, v in changes.items() if k in current}}
    _refuse(terms_faults(merged))
    await check_references(session, tenant_id, [("product_id", Product, changes.get("product_id"))])
    apply_changes(contract, changes, not_null=("customer_id", "name", "kind", "starts_on", "taxable"))
    await flush_unique(session, external_id="external_id")
    return contract


async def delete_contract(session: AsyncSession, *, tenant_id: uuid.UUID, contract_id: str) -> None:
    contract = await get_contract(session, tenant_id=tenant_id, contract_id=contract_id, for_update=True)
    invoiced = await session.scalar(select(ContractBlock.id).where(
        ContractBlock.tenant_id == tenant_id, ContractBlock.contract_id == contract.id,
        ContractBlock.invoice_id.is_not(None)).limit(1))
    in_use = Conflict("The contract is named by work items, customers or invoice lines, or its blocks were invoiced "
                      "or used; "
                      "it cannot be deleted.", code="contract_in_use")
    if invoiced is not None or contract.hours_used > 0:
        raise in_use
    try:
        async with session.begin_nested():
            await session.execute(delete(Contract).where(Contract.id == contract.id))
    except IntegrityError:
        raise in_use from None


async def add_block(session: AsyncSession, *, tenant_id: uuid.UUID, contract_id: str,
                    data: BlockCreate) -> ContractBlock:
    """A prepaid block of hours; the contract's `hours_purchased` grows in the same transaction."""
    contract = await get_contract(session, tenant_id=tenant_id, contract_id=contract_id, for_update=True)
    if contract.kind != "block_hours":
        raise Conflict(f"Blocks of hours belong to block_hours contracts; this one is {contract.kind}.",
                       code="not_block_hours")
    block = ContractBlock(tenant_id=tenant_id, contract_id=contract.id, hours=data.hours, price=data.price,
                          purchased_on=data.purchased_on)
    session.add(block)
    await session.flush()
    await session.execute(update(Contract).where(Contract.id == contract.id).values(
        hours_purchased=Contract.hours_purchased + data.hours))
    return block


_CONSUME = text(
    "UPDATE contracts AS c SET hours_used = c.hours_used + balance.covered, updated_at = now() "
    "FROM (SELECT id, LEAST(CAST(:hours AS numeric), hours_purchased - hours_used) AS covered "
    "      FROM contracts WHERE id = :contract_id FOR UPDATE) AS balance "
    "WHERE c.id = balance.id RETURNING balance.covered")


async def consume_block_hours(session: AsyncSession, *, contract_id: uuid.UUID, hours: Decimal) -> Decimal:
    """Consume up to `hours` of a contract's block balance; answer the hours covered (at most the
    balance: the rest is overage). One statement: the subquery locks the row and, under READ
    COMMITTED, reads its latest committed balance after any wait, and the update adds what that
    balance covers; the table's CHECK would refuse anything past the blocks anyway. A contract
    that is not block_hours has no balance and covers nothing."""
    if hours < 0:
        raise ValueError("hours must be at least 0")
    covered = await session.scalar(_CONSUME, {"contract_id": contract_id, "hours": hours})
    if covered is None:
        raise NotFound(f"No contract {contract_id}.")
    return covered.quantize(_TWO_PLACES)


async def give_back_coverage(session: AsyncSession, *, invoice, covered: list[tuple[uuid.UUID, Decimal]]) -> None:
    """An invoice whose time is billable again (a draft deleted, a credit note releasing it) gives
    back what it took of its contracts (SPEC §11): the block hours and retainer included hours its
    covered lines (`covered`: (contract, hours) pairs) consumed, the blocks it invoiced, the
    retainer cycles it billed. The next batch bills them again, never twice. The contract's CHECK
    keeps hours_used >= 0."""
    hours: dict[uuid.UUID, Decimal] = defaultdict(Decimal)
    for contract_id, quantity in covered:
        hours[contract_id] += quantity
    for contract_id, quantity in sorted(hours.items(), key=lambda item: str(item[0])):
        await session.execute(
            update(Contract).where(Contract.tenant_id == invoice.tenant_id, Contract.id == contract_id,
                                   Contract.kind == "block_hours")
            .values(hours_used=Contract.hours_used - quantity, updated_at=func.now())
            .execution_options(synchronize_session=False))
        if invoice.period_start is not None and invoice.period_end is not None:
            await session.execute(
                update(RetainerCycle).where(RetainerCycle.tenant_id == invoice.tenant_id,
                                            RetainerCycle.contract_id == contract_id,
                                            RetainerCycle.invoice_id != invoice.id,
                                            RetainerCycle.period_start <= invoice.period_end,
                                            RetainerCycle.period_end >= invoice.period_start)
                .values(hours_covered=func.greatest(RetainerCycle.hours_covered - quantity, 0))
                .execution_options(synchronize_session=False))
    await session.execute(delete(RetainerCycle).where(RetainerCycle.tenant_id == invoice.tenant_id,
                                                      RetainerCycle.invoice_id == invoice.id))
    await session.execute(update(ContractBlock).where(ContractBlock.tenant_id == invoice.tenant_id,
                                                      ContractBlock.invoice_id == invoice.id)
                          .values(invoice_id=None).execution_options(synchronize_session=False))


# --- bulk ------------------------------------------------------------------------------------------

_BULK_COLUMNS = [
    Column("customer_id", "uuid[]"), Column("name", "text[]"), Column("kind", "text[]"),
    Column("product_id", "uuid[]"), Column("starts_on", "date[]"), Column("ends_on", "date[]"),
    Column("taxable", "boolean[]"), Column("time_rounding", "text[]", "CAST(time_rounding AS jsonb)"),
    Column("overage_unit_price", "numeric[]"), Column("retainer_amount", "numeric[]"),
    Column("included_hours", "numeric[]"),
]


def _item_faults(index: int, errors: list[FieldError]) -> list[ItemFault]:
    return [(index, FieldError(field=f"items[{index}].{e.field}", code=e.code, message=e.message)) for e in errors]


async def bulk_upsert_contracts(session: AsyncSession, *, tenant_id: uuid.UUID, data: ContractBulk,
                                on_error: OnError = "reject") -> bytes:
    push = BulkPush(data.items, ContractBulkItem, on_error=on_error)
    indexes, items = push.check(0, len(data.items))
    push.invalid([fault for index, item in zip(indexes, items, strict=True)
                  for fault in _item_faults(index, terms_faults(item.model_dump()))])
    indexes, items = push.kept(indexes, items)
    customers, faults = await resolve_references(session, tenant_id, Customer, items, indexes=indexes,
                                                 id_field="customer_id", external_field="customer_external_id",
                                                 required=True, columns=(Customer.kind,))
    products, product_faults = await resolve_references(session, tenant_id, Product, items, indexes=indexes,
                                                        id_field="product_id", external_field="product_external_id",
                                                        required=False)
    faults += product_faults
    stored = await ids_by_external_id(session, Contract, tenant_id, [i.external_id for i in items],
                                      Contract.kind, Contract.customer_id)
    for index, item, customer in zip(indexes, items, customers, strict=True):
        field = "customer_external_id" if item.customer_external_id is not None else "customer_id"
        if customer is not None and customer.kind != "company":
            faults.append((index, FieldError(field=f"items[{index}].{field}", code="not_a_company",
                                             message="a contract belongs to a company, not a contact")))
        existing = stored.get(item.external_id)
        if existing is not None:
            if existing.kind != item.kind:
                faults.append((index, FieldError(field=f"items[{index}].kind", code="immutable",
                                                 message="cannot change once set")))
            if customer is not None and existing.customer_id != customer.id:
                faults.append((index, FieldError(field=f"items[{index}].{field}", code="immutable",
                                                 message="the contract's customer cannot change once set")))
    push.unresolved(faults)
    if push.writing:
        indexes, items, customers, products = push.kept(indexes, items, customers, products)
        values = {
            "customer_id": [c.id for c in customers], "name": [i.name for i in items], "kind": [i.kind for i in items],
            "product_id": [p.id if p is not None else None for p in products],
            "starts_on": [i.starts_on for i in items], "ends_on": [i.ends_on for i in items],
            "taxable": [i.taxable for i in items],
            "time_rounding": [json.dumps(_dump(i.time_rounding)) if i.time_rounding else None for i in items],
            "overage_unit_price": [i.overage_unit_price for i in items],
            "retainer_amount": [i.retainer_amount for i in items],
            "included_hours": [i.included_hours for i in items],
        }
        push.stored(indexes, await upsert_by_external_id(
            session, table="contracts", tenant_id=tenant_id, columns=_BULK_COLUMNS, ids=new_ids(len(items)),
            external_ids=[i.external_id for i in items], values=values))
    return push.answer()
