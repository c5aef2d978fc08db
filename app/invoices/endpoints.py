"""HTTP routes for invoices."""

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Response, status

from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.invoices import service
from app.invoices.schemas import InvoiceOut
from app.kit.pagination import Page, PageParams, make_page_converted, page_params
from app.kit.repository import get_owned
from app.models import Invoice

router = APIRouter(prefix="/v1/invoices", tags=["invoices"])


@router.get("", responses=problems(422))
async def list_invoices(session: SessionDep, tenant_id: TenantDep, page: Annotated[PageParams, Depends(page_params)],
                        batch_id: uuid.UUID | None = None, customer_id: uuid.UUID | None = None,
                        status: Literal["draft", "validated"] | None = None) -> Page[InvoiceOut]:
    rows = await service.list_invoices(session, tenant_id=tenant_id, page=page, batch_id=batch_id,
                                       customer_id=customer_id, status=status)
    return await make_page_converted(rows, page, lambda invoices: service.to_out(session, invoices))


@router.get("/{invoice_id}", responses=problems(404))
async def get_invoice(invoice_id: str, session: SessionDep, tenant_id: TenantDep) -> InvoiceOut:
    invoice = await get_owned(session, Invoice, tenant_id, invoice_id)
    return (await service.to_out(session, [invoice]))[0]


@router.post("/{invoice_id}/validate", responses=problems(404, 409, 422))
async def validate_invoice(invoice_id: str, session: SessionDep, tenant_id: TenantDep) -> InvoiceOut:
    """Make a draft final: numbered, dated, immutable."""
    invoice = await service.validate_invoice(session, tenant_id=tenant_id, invoice_id=invoice_id)
    return (await service.to_out(session, [invoice]))[0]


@router.delete("/{invoice_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409))
async def delete_invoice(invoice_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """Delete a draft; its time entries become billable again. A validated invoice answers 409."""
    await service.delete_draft(session, tenant_id=tenant_id, invoice_id=invoice_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
