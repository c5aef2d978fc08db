"""HTTP routes for customers. Thin: parse, call the service, shape the answer."""

import uuid
from typing import Annotated

from fastapi import Depends, Response, status
from app.customers import service
from app.customers.schemas import CustomerBulk, CustomerCreate, CustomerKind, CustomerOut, CustomerUpdate
from app.deps import ReadDep, SessionDep, TenantDep
from app.errors import problems
from app.kit.bulk import BulkResult, OnErrorQuery
from app.kit.json_answers import JSONText
from app.kit.pagination import FilterText, Page, PageParams, answered_page, page_params
from app.kit.routing import ResourceRouter

router = ResourceRouter(prefix="/v1/customers", tags=["customers"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 422))
async def create_customer(body: CustomerCreate, session: SessionDep, tenant_id: TenantDep) -> CustomerOut:
    """Create a customer: a company, or a contact of a company (`parent_id`). Its invoices go to
    the first of its `emails`; `currency` defaults to the tenant's. 409 when `external_id` is taken."""
    return CustomerOut.of(await service.create_customer(session, tenant_id=tenant_id, data=body))


@router.get("", responses=problems(422))
async def list_customers(
    reads: ReadDep, tenant_id: TenantDep, page: Annotated[PageParams, Depends(page_params)],
    kind: CustomerKind | None = None, parent_id: uuid.UUID | None = None,
    external_id: FilterText = None,
) -> Page[CustomerOut]:
    """Customers in creation order, a page at a time (`limit`, then `cursor` = the previous page's
    `next_cursor`), optionally filtered by kind, parent or external id."""
    rows = await service.list_customers(reads, tenant_id=tenant_id, page=page, kind=kind, parent_id=parent_id,
                                        external_id=external_id)
    return answered_page(rows, page)


@router.post("/bulk", responses=problems(409, 413, 422))
async def bulk_upsert_customers(body: CustomerBulk, session: SessionDep, tenant_id: TenantDep,
                                on_error: OnErrorQuery = "reject") -> BulkResult:
    """Create or update up to 10,000 customers keyed by `external_id`, in one transaction. A contact
    names its company by `parent_id` or `parent_external_id` (which may be pushed in the same request).
    The answer gives each item's id and result (`created`, `updated`, `unchanged`) in order; pushing
    the same data again changes nothing. One bad item rejects the whole push (422 naming
    `items[i].field`) unless `on_error=skip`, which stores the valid items and answers the bad ones
    in place with their errors."""
    return JSONText(await service.bulk_upsert_customers(session, tenant_id=tenant_id, data=body, on_error=on_error))


@router.get("/{customer_id}", responses=problems(404))
async def get_customer(customer_id: str, reads: ReadDep, tenant_id: TenantDep) -> CustomerOut:
    """One customer; another tenant's answers 404."""
    return JSONText(await service.read_customer(reads, tenant_id=tenant_id, customer_id=customer_id))


@router.patch("/{customer_id}", responses=problems(404, 409, 422))
async def update_customer(customer_id: str, body: CustomerUpdate, session: SessionDep,
                          tenant_id: TenantDep) -> CustomerOut:
    """Change some of a customer's fields (only those sent); null clears the optional ones."""
    return CustomerOut.of(await service.update_customer(session, tenant_id=tenant_id, customer_id=customer_id,
                                                        data=body))


@router.delete("/{customer_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409))
async def delete_customer(customer_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """Delete a customer; 409 while work items, contacts or other records still reference it."""
    await service.delete_customer(session, tenant_id=tenant_id, customer_id=customer_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
