"""HTTP routes for contracts and their blocks of hours."""

import uuid
from typing import Annotated

from fastapi import Depends, Response, status

from app.contracts import service
from app.contracts.schemas import BlockCreate, BlockOut, ContractBulk, ContractCreate, ContractOut, ContractUpdate
from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.kit.bulk import BulkResult, OnErrorQuery
from app.kit.json_answers import JSONText
from app.kit.pagination import (CreatedPageParams, FilterText, Page, created_keys, created_page_params,
                                make_page_converted)
from app.kit.routing import ResourceRouter

router = ResourceRouter(prefix="/v1/contracts", tags=["contracts"])


async def _one(session, contract) -> ContractOut:
    return (await service.to_out(session, [contract]))[0]


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 422))
async def create_contract(body: ContractCreate, session: SessionDep, tenant_id: TenantDep) -> ContractOut:
    """Create a company's contract: `hourly`, `block_hours` (add prepaid blocks with
    `POST /v1/contracts/{id}/blocks`) or `retainer` (with `retainer_amount` and `included_hours`).
    A contact's contract is refused (422 naming `customer_id`): a contact's time is billed under its
    parent company's contracts. 409 when `external_id` is taken."""
    return await _one(session, await service.create_contract(session, tenant_id=tenant_id, data=body))


@router.get("", responses=problems(422))
async def list_contracts(session: SessionDep, tenant_id: TenantDep,
                         page: Annotated[CreatedPageParams, Depends(created_page_params)],
                         customer_id: uuid.UUID | None = None, external_id: FilterText = None) -> Page[ContractOut]:
    """Contracts, a page at a time, newest first (by `created_at`) unless `order=asc`, optionally
    those of one customer or one external id."""
    rows = await service.list_contracts(session, tenant_id=tenant_id, page=page, customer_id=customer_id,
                                        external_id=external_id)
    return await make_page_converted(rows, page, lambda contracts: service.to_out(session, contracts),
                                     keys=created_keys)


@router.post("/bulk", responses=problems(409, 413, 422))
async def bulk_upsert_contracts(body: ContractBulk, session: SessionDep, tenant_id: TenantDep,
                                on_error: OnErrorQuery = "reject") -> BulkResult:
    """Create or update up to 10,000 contracts keyed by `external_id`, in one transaction. Each names
    its company by `customer_id` or `customer_external_id`, and optionally its product by
    `product_id` or `product_external_id`. A stored contract's `kind` and customer cannot change.
    The answer gives each item's id and result in order; pushing the same data again changes
    nothing. One bad item rejects the whole push unless `on_error=skip`."""
    return JSONText(await service.bulk_upsert_contracts(session, tenant_id=tenant_id, data=body, on_error=on_error))


@router.get("/{contract_id}", responses=problems(404))
async def get_contract(contract_id: str, session: SessionDep, tenant_id: TenantDep) -> ContractOut:
    """One contract with its blocks and its block balance (`hours_used`, `hours_remaining`)."""
    return await _one(session, await service.get_contract(session, tenant_id=tenant_id, contract_id=contract_id))


@router.patch("/{contract_id}", responses=problems(404, 409, 422))
async def update_contract(contract_id: str, body: ContractUpdate, session: SessionDep,
                          tenant_id: TenantDep) -> ContractOut:
    """Change some of a contract's fields (only those sent); null clears the optional ones. `kind`
    and `customer_id` cannot change (422 naming the field)."""
    return await _one(session, await service.update_contract(session, tenant_id=tenant_id, contract_id=contract_id,
                                                             data=body))


@router.delete("/{contract_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409))
async def delete_contract(contract_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """Delete a contract and its blocks; 409 `contract_in_use` while work items or customers name it,
    once time was billed under it, or once any of its blocks was invoiced or used."""
    await service.delete_contract(session, tenant_id=tenant_id, contract_id=contract_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{contract_id}/blocks", status_code=status.HTTP_201_CREATED, responses=problems(404, 409, 422))
async def add_contract_block(contract_id: str, body: BlockCreate, session: SessionDep,
                             tenant_id: TenantDep) -> BlockOut:
    """Add a prepaid block of hours to a `block_hours` contract (409 `not_block_hours` on another
    kind): its hours join the contract's balance at once; the first batch over the customer whose
    period ends on or after `purchased_on` invoices its price."""
    return BlockOut.of(await service.add_block(session, tenant_id=tenant_id, contract_id=contract_id, data=body))
