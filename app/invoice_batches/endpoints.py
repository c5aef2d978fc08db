"""HTTP routes for invoice batches."""

from fastapi import APIRouter

from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.invoice_batches import service
from app.invoice_batches.schemas import InvoiceBatchDefinition, InvoiceBatchPreview

router = APIRouter(prefix="/v1/invoice-batches", tags=["invoice-batches"])


@router.post("/preview", responses=problems(404, 422))
async def preview_invoice_batch(body: InvoiceBatchDefinition, session: SessionDep,
                                tenant_id: TenantDep) -> InvoiceBatchPreview:
    """What the batch would produce right now: invoices with lines and totals, and the times that
    would stay unbilled with their reasons. Nothing is written."""
    return await service.preview(session, tenant_id=tenant_id, definition=body)
