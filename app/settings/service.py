"""Per-tenant settings: read and partial update. Services never commit."""

import uuid

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Reads
from app.errors import FieldError, InvalidInput
from app.kit.identifiers import company_id_problem
from app.kit.repository import DriverQuery, answer_columns, apply_changes, check_references
from app.models import Product, TenantSettings
from app.settings.schemas import SettingsUpdate

_READ = DriverQuery(select(*answer_columns(TenantSettings.__table__))
                    .where(TenantSettings.tenant_id == bindparam("tenant_id")))


async def get_settings(session: AsyncSession, *, tenant_id: uuid.UUID, for_update: bool = False) -> TenantSettings:
    stmt = select(TenantSettings).where(TenantSettings.tenant_id == tenant_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.scalars(stmt)).one()


async def read_settings(reads: Reads, *, tenant_id: uuid.UUID) -> dict:
    """The settings as a row (read-only: see app/kit/repository.py)."""
    return dict(await _READ.fetchrow(reads, tenant_id=tenant_id))


async def update_settings(session: AsyncSession, *, tenant_id: uuid.UUID, data: SettingsUpdate) -> TenantSettings:
    settings = await get_settings(session, tenant_id=tenant_id, for_update=True)
    changes = data.model_dump(exclude_unset=True, mode="json")
    if "default_product_id" in changes:
        changes["default_product_id"] = data.default_product_id
        await check_references(session, tenant_id, [("default_product_id", Product, data.default_product_id)])
    if changes.get("legal_address") is not None:
        # The whole address replaces the old one: fields left out (line2) are stored as null.
        changes["legal_address"] = data.legal_address.model_dump(mode="json")
    if changes.get("terms") is not None:
        sent = data.terms.model_dump(exclude_unset=True, mode="json")
        changes["terms"] = {**(settings.terms or {}), **sent}
    apply_changes(settings, changes, not_null=("legal_name", "timezone", "currency", "invoice_number_prefix",
                                               "credit_note_number_prefix", "invoice_number_yearly_reset", "terms",
                                               "language", "einvoice_format", "accounting"))
    # The id and its scheme may change in separate requests: judge the pair as it now stands.
    if settings.company_id and (problem := company_id_problem(settings.company_id, settings.company_id_scheme)):
        raise InvalidInput("The company id does not fit its scheme.", errors=[
            FieldError(field="company_id", code="company_id", message=problem)])
    await session.flush()
    return settings
