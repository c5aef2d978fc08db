"""Console sessions (SPEC §13): a person signed in to /console/ with an API key.

Only a SHA-256 of the session token is stored: a copy of the table opens no session. A session
belongs to the key it was opened with, and goes with it (revoking the key deletes its sessions)."""

import uuid
from datetime import datetime

from sqlalchemy import DateTime, func
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field


class ConsoleSession(SQLModel, table=True):
    __tablename__ = "console_sessions"
    __mapper_args__ = {"eager_defaults": True}

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenants.id", ondelete="CASCADE", nullable=False, index=False)
    api_key_id: uuid.UUID = Field(foreign_key="api_keys.id", ondelete="CASCADE", nullable=False, index=True)
    token_hash: str = Field(nullable=False, unique=True)
    created_at: datetime = created_at_field()
    last_seen_at: datetime = Field(default=None, sa_type=DateTime(timezone=True),
                                   sa_column_kwargs={"server_default": func.now(), "nullable": False})
