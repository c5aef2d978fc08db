"""HTTP routes for the tenant's settings (one record per tenant)."""

from app.deps import ReadDep, SessionDep, TenantDep
from app.errors import problems
from app.kit.routing import ResourceRouter
from app.settings import service
from app.settings.schemas import SettingsOut, SettingsUpdate

router = ResourceRouter(prefix="/v1/settings", tags=["settings"])


@router.get("", responses=problems(422))
async def get_settings(reads: ReadDep, tenant_id: TenantDep) -> SettingsOut:
    """The tenant's settings: legal identity, time zone, currency, invoice numbering and default terms."""
    return SettingsOut.of(await service.read_settings(reads, tenant_id=tenant_id))


@router.patch("", responses=problems(422))
async def update_settings(body: SettingsUpdate, session: SessionDep, tenant_id: TenantDep) -> SettingsOut:
    """Change some settings: only the fields sent change; `terms` is merged into the current terms.
    The time zone decides which local day a time entry belongs to; the currency is the default of new customers."""
    return SettingsOut.of(await service.update_settings(session, tenant_id=tenant_id, data=body))
