"""HTTP routes for invoice batches."""

from typing import Annotated, Literal, get_args

from fastapi import Depends, status
from fastapi.responses import JSONResponse

from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.invoice_batches import batches, report, service
from app.invoice_batches.schemas import (InvoiceBatchDefinition, InvoiceBatchOut, InvoiceBatchPreview,
                                        InvoiceBatchReport)
from app.kit.pagination import (CreatedPageParams, KeysetParams, Page, created_keys, created_page_params,
                                keyset_params_of, make_page)
from app.kit.idempotency import IdempotencyKeyHeader
from app.kit.routing import ResourceRouter

router = ResourceRouter(prefix="/v1/invoice-batches", tags=["invoice-batches"])

BatchStatus = Literal["scheduled", "running", "succeeded", "completed_with_errors", "failed", "cancelled"]


@router.post("", status_code=status.HTTP_202_ACCEPTED, response_model=InvoiceBatchOut,
             responses=problems(404, 409, 422))
async def create_invoice_batch(
    body: InvoiceBatchDefinition, session: SessionDep, tenant_id: TenantDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    """Schedule a batch (now, or at `run_at`, at most 24 hours ahead). The same Idempotency-Key with
    the same body answers the first response and creates nothing; with another body, 409."""
    body_out = await batches.create_batch(session, tenant_id=tenant_id, definition=body,
                                          idempotency_key=idempotency_key)
    return JSONResponse(body_out, status_code=status.HTTP_202_ACCEPTED)


@router.get("", responses=problems(422))
async def list_invoice_batches(session: SessionDep, tenant_id: TenantDep,
                               page: Annotated[CreatedPageParams, Depends(created_page_params)],
                               status: BatchStatus | None = None) -> Page[InvoiceBatchOut]:
    """Invoice batches, a page at a time, newest first (by `created_at`) unless `order=asc`, optionally
    of one status."""
    rows = await batches.list_batches(session, tenant_id=tenant_id, page=page, status=status)
    return make_page(rows, page, InvoiceBatchOut.of, keys=created_keys)


@router.post("/preview", responses=problems(404, 422))
async def preview_invoice_batch(body: InvoiceBatchDefinition, session: SessionDep,
                                tenant_id: TenantDep) -> InvoiceBatchPreview:
    """What the batch would produce right now: invoices with lines and totals, and the times that
    would stay unbilled with their reasons. Nothing is written."""
    return await service.preview(session, tenant_id=tenant_id, definition=body)


@router.get("/{batch_id}", responses=problems(404))
async def get_invoice_batch(batch_id: str, session: SessionDep, tenant_id: TenantDep) -> InvoiceBatchOut:
    """One batch: its definition, status and progress (`customers_done` of `customers_total`)."""
    return InvoiceBatchOut.of(await batches.get_batch(session, tenant_id=tenant_id, batch_id=batch_id))


@router.get("/{batch_id}/report", responses=problems(404))
async def get_invoice_batch_report(batch_id: str, session: SessionDep, tenant_id: TenantDep) -> InvoiceBatchReport:
    """Invoice by invoice and time by time, what the batch did and why."""
    return InvoiceBatchReport.model_validate(await report.batch_report(session, tenant_id=tenant_id,
                                                                       batch_id=batch_id))


def _selection_route(path_name: str) -> None:
    """GET /{batch_id}/report/<path_name>: one selection of the report, page by page, its items
    shaped as in the report. One route (and one typed SDK call) per selection."""
    name = path_name.replace("-", "_")
    [item] = get_args(InvoiceBatchReport.model_fields[name].annotation)

    page_params_of_selection = keyset_params_of(*report.SELECTIONS[name].key_kinds)

    async def endpoint(batch_id: str, session: SessionDep, tenant_id: TenantDep,
                       page: Annotated[KeysetParams, Depends(page_params_of_selection)]) -> dict:
        return await report.selection_page(session, tenant_id=tenant_id, batch_id=batch_id, selection=name, page=page)

    router.add_api_route(
        f"/{{batch_id}}/report/{path_name}", endpoint, methods=["GET"], response_model=Page[item],
        name=f"list_invoice_batch_{name}", responses=problems(404, 422),
        summary=f"List the report's {name.replace('_', ' ')}",
        description=f"Every item of the report's `{name}`, in the report's order (its first 1,000 are the "
                    "report's). Follow `next_cursor` until it is null.")


for _path_name in report.PAGED:
    _selection_route(_path_name)


@router.post("/{batch_id}/cancel", responses=problems(404, 409))
async def cancel_invoice_batch(batch_id: str, session: SessionDep, tenant_id: TenantDep) -> InvoiceBatchOut:
    """Cancel a batch that has not started; 409 otherwise."""
    return InvoiceBatchOut.of(await batches.cancel_batch(session, tenant_id=tenant_id, batch_id=batch_id))
