"""Per-tenant settings: legal identity, time zone, currency, numbering, default terms."""

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKeyConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from app.models._base import updated_at_field


class TenantSettings(SQLModel, table=True):
    __tablename__ = "tenant_settings"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id", "default_product_id"], ["products.tenant_id", "products.id"],
                             ondelete="RESTRICT"),
        CheckConstraint("language IN ('en', 'fr')", name="language"),
        CheckConstraint("einvoice_format IN ('pdf', 'facturx')", name="einvoice_format"),
    )

    tenant_id: uuid.UUID = Field(primary_key=True, foreign_key="tenants.id", ondelete="CASCADE")
    legal_name: str = Field(default="", nullable=False)
    legal_address: dict | None = Field(default=None, sa_type=JSONB(none_as_null=True))
    timezone: str = Field(default="UTC", nullable=False)
    currency: str = Field(default="EUR", nullable=False, max_length=3)
    invoice_number_prefix: str = Field(default="INV-", nullable=False)
    invoice_number_yearly_reset: bool = Field(default=True, nullable=False)
    credit_note_number_prefix: str = Field(default="CN-", nullable=False, sa_column_kwargs={"server_default": "CN-"})
    default_product_id: uuid.UUID | None = Field(default=None)
    email_sender: str | None = Field(default=None)
    terms: dict = Field(default_factory=dict, sa_type=JSONB, nullable=False)
    # The seller's identifiers and the mentions French law asks of a B2B invoice (SPEC §12), and
    # the language every printed label is in.
    vat_number: str | None = None
    company_id: str | None = None
    company_id_scheme: str | None = None
    registration: str | None = None
    legal_form_and_capital: str | None = None
    language: str = Field(default="en", nullable=False, sa_column_kwargs={"server_default": "en"})
    # What an emailed invoice carries: its PDF, or the Factur-X PDF with the CII XML inside.
    einvoice_format: str = Field(default="pdf", nullable=False, sa_column_kwargs={"server_default": "pdf"})
    # How exports for accounting software fill their account and tax codes (SPEC §12).
    accounting: dict = Field(default_factory=dict, sa_type=JSONB, nullable=False,
                             sa_column_kwargs={"server_default": text("'{}'::jsonb")})
    updated_at: datetime = updated_at_field()
