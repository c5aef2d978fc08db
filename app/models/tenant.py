"""Tenants (billing companies) and their API keys."""

import uuid
from datetime import datetime

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field


class Tenant(SQLModel, table=True):
    __tablename__ = "tenants"
    __mapper_args__ = {"eager_defaults": True}

    id: uuid.UUID = id_field()
    name: str = Field(nullable=False)
    created_at: datetime = created_at_field()


class ApiKey(SQLModel, table=True):
    """A key is shown once; we keep its public prefix for lookup and a SHA-256 of its secret."""

    __tablename__ = "api_keys"
    __mapper_args__ = {"eager_defaults": True}

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenants.id", ondelete="CASCADE", nullable=False, index=True)
    prefix: str = Field(nullable=False, unique=True)
    secret_hash: str = Field(nullable=False)
    created_at: datetime = created_at_field()
    revoked_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
