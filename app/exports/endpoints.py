"""HTTP routes for exports to accounting software (SPEC §12)."""

from typing import Annotated

from fastapi import Depends, Request, status
from fastapi.responses import JSONResponse, StreamingResponse

from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.exports import service
from app.exports.schemas import ExportCreate, ExportOut
from app.kit.idempotency import IdempotencyKeyHeader
from app.kit.pagination import CreatedPageParams, Page, created_keys, created_page_params, make_page
from app.kit.repository import get_owned
from app.kit.routing import ResourceRouter
from app.models import Export

router = ResourceRouter(prefix="/v1/exports", tags=["exports"])

_CSV = {200: {"content": {"text/csv": {"schema": {"type": "string"}}},
              "description": "The file: UTF-8, RFC 4180 (CRLF line ends, quoted fields), a header row, then one row "
                             "per invoice line."}}


@router.post("", status_code=status.HTTP_202_ACCEPTED, response_model=ExportOut, responses=problems(409, 422))
async def create_export(body: ExportCreate, session: SessionDep, tenant_id: TenantDep,
                        idempotency_key: IdempotencyKeyHeader = None) -> JSONResponse:
    """Export invoices for accounting software: those of a batch, a list of invoices, or those issued
    within dates. Drafts are skipped (reason `draft`); `xero` and `quickbooks` skip credit notes (reason
    `credit_note_not_supported_by_format`). A worker writes the file: follow `status` until `ready`, then
    download `file_url`. Every exported invoice gets `exported_at` (its first export). The same
    Idempotency-Key with the same body answers the first response and creates nothing; with another
    body, 409 `idempotency_key_reused`."""
    answer_status, out = await service.create_export_once(session, tenant_id=tenant_id, request=body,
                                                          idempotency_key=idempotency_key)
    return JSONResponse(out, status_code=answer_status)


@router.get("", responses=problems(422))
async def list_exports(session: SessionDep, tenant_id: TenantDep,
                       page: Annotated[CreatedPageParams, Depends(created_page_params)]) -> Page[ExportOut]:
    """Exports, newest first unless `order=asc`."""
    rows = await service.list_exports(session, tenant_id=tenant_id, page=page)
    return make_page(rows, page, ExportOut.of, keys=created_keys)


@router.get("/{export_id}", responses=problems(404))
async def get_export(export_id: str, session: SessionDep, tenant_id: TenantDep) -> ExportOut:
    """One export: its status, what it carries and what it skipped."""
    return ExportOut.of(await get_owned(session, Export, tenant_id, export_id))


@router.get("/{export_id}/file", response_class=StreamingResponse, responses={**_CSV, **problems(404, 409)})
async def get_export_file(export_id: str, request: Request, session: SessionDep,
                          tenant_id: TenantDep) -> StreamingResponse:
    """The export's file, streamed. While it is written: 409 `export_not_ready`; if it failed: 409
    `export_failed`."""
    export = await service.ready_export(session, tenant_id=tenant_id, export_id=export_id)
    return StreamingResponse(
        service.file_chunks(request.app.state.sessionmaker, export.id), media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="rebill-{export.format}-{export.id}.csv"'})
