"""Set-based upsert by external_id for the bulk endpoints.

The items travel as one array per column and are unnested by PostgreSQL: one statement for up to
10,000 rows, no round trip per row. A row is rewritten only when a value differs, so pushing the
same data twice writes nothing and reports it `unchanged`."""

import uuid
from dataclasses import dataclass

from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import FieldError, InvalidInput

MAX_BULK_ITEMS = 10_000


class BulkResult(BaseModel):
    created: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class Column:
    name: str
    array_type: str  # the type of the parameter array, e.g. "text[]"
    expression: str | None = None  # how the unnested value becomes the column value

    @property
    def value(self) -> str:
        return self.expression or self.name


def reject_duplicate_external_ids(external_ids: list[str]) -> None:
    seen: dict[str, int] = {}
    errors = []
    for index, external_id in enumerate(external_ids):
        if external_id in seen:
            errors.append(FieldError(field=f"items[{index}].external_id", code="duplicate",
                                     message=f"external_id {external_id!r} also appears at items[{seen[external_id]}]"))
        else:
            seen[external_id] = index
    if errors:
        raise InvalidInput(errors[0].message, code="duplicate_external_id", errors=errors[:50])


async def upsert_by_external_id(session: AsyncSession, *, table: str, tenant_id: uuid.UUID,
                                columns: list[Column], ids: list[uuid.UUID], external_ids: list[str],
                                values: dict[str, list], only_if: str | None = None) -> BulkResult:
    """Insert or update `table` rows keyed by (tenant_id, external_id).

    `ids` are used for new rows only (an existing row keeps its id). `only_if` is an extra SQL
    condition on the existing row for an update to happen (e.g. "not invoiced")."""
    names = [c.name for c in columns]
    unnest_args = ", ".join(["CAST(:ids AS uuid[])", "CAST(:external_ids AS text[])"]
                            + [f"CAST(:c_{c.name} AS {c.array_type})" for c in columns])
    alias = ", ".join(["id", "external_id", *names])
    select_values = ", ".join(["id", "CAST(:tenant_id AS uuid)", "external_id", *(c.value for c in columns)])
    assignments = ", ".join(f"{n} = EXCLUDED.{n}" for n in names)
    current = ", ".join(f"{table}.{n}" for n in names)
    incoming = ", ".join(f"EXCLUDED.{n}" for n in names)
    condition = f"ROW({current}) IS DISTINCT FROM ROW({incoming})"
    if only_if:
        condition += f" AND ({only_if})"
    sql = text(
        f"INSERT INTO {table} (id, tenant_id, external_id, {', '.join(names)}) "
        f"SELECT {select_values} FROM unnest({unnest_args}) AS s({alias}) "
        f"ON CONFLICT (tenant_id, external_id) DO UPDATE SET {assignments}, updated_at = now() "
        f"WHERE {condition} "
        f"RETURNING (xmax = 0) AS inserted"
    )
    params = {"ids": ids, "external_ids": external_ids, "tenant_id": tenant_id,
              **{f"c_{c.name}": values[c.name] for c in columns}}
    rows = (await session.execute(sql, params)).all()
    created = sum(1 for r in rows if r.inserted)
    updated = len(rows) - created
    return BulkResult(created=created, updated=updated, unchanged=len(external_ids) - len(rows))
