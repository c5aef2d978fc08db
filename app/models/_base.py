"""Column helpers shared by the tables: tenant-scoped ids, timestamps, composite references.

Every row carries `tenant_id`, and every reference to another tenant-owned row is a composite
foreign key on (tenant_id, id): the database itself refuses a link across tenants."""

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKeyConstraint, UniqueConstraint, func
from sqlmodel import Field

from app.kit.ids import new_id


def id_field() -> uuid.UUID:
    return Field(default_factory=new_id, primary_key=True)


def tenant_field() -> uuid.UUID:
    return Field(foreign_key="tenants.id", ondelete="CASCADE", nullable=False, index=False)


def created_at_field() -> datetime:
    return Field(default=None, sa_type=DateTime(timezone=True),
                 sa_column_kwargs={"server_default": func.now(), "nullable": False})


def updated_at_field() -> datetime:
    return Field(default=None, sa_type=DateTime(timezone=True),
                 sa_column_kwargs={"server_default": func.now(), "nullable": False, "onupdate": func.now()})


def tenant_unique_id(table: str) -> UniqueConstraint:
    """The target of composite references: (tenant_id, id)."""
    return UniqueConstraint("tenant_id", "id", name=f"uq_{table}_tenant_id_id")


def tenant_ref(column: str, target: str, *, ondelete: str = "RESTRICT") -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["tenant_id", column], [f"{target}.tenant_id", f"{target}.id"],
                                ondelete=ondelete)
