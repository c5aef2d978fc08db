"""HTTP routes for the tenant's settings (one record per tenant)."""

from fastapi import APIRouter

from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.settings import service
from app.settings.schemas import SettingsOut, SettingsUpdate

router = APIRouter(prefix="/v1/settings", tags=["settings"])


@router.get("", responses=problems())
async def get_settings(session: SessionDep, tenant_id: TenantDep) -> SettingsOut:
    """The tenant's settings: legal identity, time zone, currency, invoice numbering and default terms."""
    return SettingsOut.of(await service.get_settings(session, tenant_id=tenant_id))


@router.patch("", responses=problems(422))
async def update_settings(body: SettingsUpdate, session: SessionDep, tenant_id: TenantDep) -> SettingsOut:
    """Change some settings: only the fields sent change; `terms` is merged into the current terms.
    The time zone decides which local day a time entry belongs to; the currency is the default of new customers."""
    return SettingsOut.of(await service.update_settings(session, tenant_id=tenant_id, data=body))
