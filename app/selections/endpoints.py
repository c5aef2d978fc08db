"""HTTP routes for selections."""

from typing import Annotated

from fastapi import Depends, Response, status

from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.kit.pagination import Page, PageParams, make_page_converted, page_params
from app.kit.repository import get_owned
from app.kit.routing import ResourceRouter
from app.models import Selection
from app.selections import service
from app.selections.schemas import SelectionCreate, SelectionOut, SelectionUpdate

router = ResourceRouter(prefix="/v1/selections", tags=["selections"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 422))
async def create_selection(body: SelectionCreate, session: SessionDep, tenant_id: TenantDep) -> SelectionOut:
    """A named list of customers to launch batches on (a customer listed twice counts once)."""
    selection = await service.create_selection(session, tenant_id=tenant_id, data=body)
    return (await service.to_out(session, [selection]))[0]


@router.get("", responses=problems(422))
async def list_selections(session: SessionDep, tenant_id: TenantDep,
                          page: Annotated[PageParams, Depends(page_params)]) -> Page[SelectionOut]:
    """Selections in creation order, a page at a time."""
    rows = await service.list_selections(session, tenant_id=tenant_id, page=page)
    return await make_page_converted(rows, page, lambda selections: service.to_out(session, selections))


@router.get("/{selection_id}", responses=problems(404))
async def get_selection(selection_id: str, session: SessionDep, tenant_id: TenantDep) -> SelectionOut:
    """One selection with its customers."""
    selection = await get_owned(session, Selection, tenant_id, selection_id)
    return (await service.to_out(session, [selection]))[0]


@router.patch("/{selection_id}", responses=problems(404, 409, 422))
async def update_selection(selection_id: str, body: SelectionUpdate, session: SessionDep,
                           tenant_id: TenantDep) -> SelectionOut:
    """Rename a selection or replace its customers (only the fields sent)."""
    selection = await service.update_selection(session, tenant_id=tenant_id, selection_id=selection_id, data=body)
    return (await service.to_out(session, [selection]))[0]


@router.delete("/{selection_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409))
async def delete_selection(selection_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """Delete a selection; 409 while an invoice batch uses it."""
    await service.delete_selection(session, tenant_id=tenant_id, selection_id=selection_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
