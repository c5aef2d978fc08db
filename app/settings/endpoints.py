"""HTTP routes for the tenant's settings (one record per tenant)."""

from app.deps import ReadDep, SessionDep, TenantDep
from app.errors import problems
from app.kit.routing import ResourceRouter
from app.settings import service
from app.settings.schemas import SettingsOut, SettingsUpdate

router = ResourceRouter(prefix="/v1/settings", tags=["settings"])


# 422 stays declared as it was when the API key came in as a Header parameter (the published
# contract does not change with how the key is read).
@router.get("", responses=problems(422))
async def get_settings(reads: ReadDep, tenant_id: TenantDep) -> SettingsOut:
    return SettingsOut.of(await service.read_settings(reads, tenant_id=tenant_id))


@router.patch("", responses=problems(422))
async def update_settings(body: SettingsUpdate, session: SessionDep, tenant_id: TenantDep) -> SettingsOut:
    return SettingsOut.of(await service.update_settings(session, tenant_id=tenant_id, data=body))
