"""Set-based upsert by external_id for the bulk endpoints.

The items travel as one array per column and are unnested by PostgreSQL: one statement for up to
10,000 rows, no round trip per row. A row is rewritten only when a value differs, so pushing the
same data twice writes nothing and reports it `unchanged`."""

import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, GetCoreSchemaHandler, GetJsonSchemaHandler, TypeAdapter, ValidationError
from pydantic_core import core_schema
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import FieldError, InvalidInput, validation_detail, validation_errors

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


class _ValidatedByTheService:
    """Marks a list of up to MAX_BULK_ITEMS JSON objects that the request model leaves unvalidated,
    to be checked by the service a chunk at a time (see ItemChecker); the API document still
    describes each of them."""

    def __init__(self, item_model: type[BaseModel]):
        self.item_model = item_model

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.list_schema(core_schema.any_schema(), max_length=MAX_BULK_ITEMS)

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        return handler(core_schema.list_schema(self.item_model.__pydantic_core_schema__, max_length=MAX_BULK_ITEMS))


def items_checked_later(item_model: type[BaseModel]) -> Any:
    """The type of a bulk request's `items` when the service validates them in chunks, so that
    PostgreSQL writes the first chunks while Python validates the next ones: for 10,000 time
    entries each side has ~200-250 ms of work, done one after the other when all is validated first."""
    return Annotated[list[dict], _ValidatedByTheService(item_model)]


class ItemChecker:
    """Validates the items of a bulk request a chunk at a time; errors name `items[i].field` with i
    the index in the whole request, exactly as a validation of the whole body would."""

    def __init__(self, item_model: type[BaseModel]):
        self._adapter = TypeAdapter(list[item_model])
        self.errors: list[FieldError] = []

    def check(self, raw: list, start: int) -> list | None:
        """The validated items of raw (the request's items from `start` on), or None when one is bad."""
        try:
            return self._adapter.validate_python(raw)
        except ValidationError as exc:
            self.errors += validation_errors([{**e, "loc": ("items", start + e["loc"][0], *e["loc"][1:])}
                                              for e in exc.errors()])
            return None

    def raise_if_errors(self) -> None:
        if self.errors:
            raise InvalidInput(validation_detail(self.errors), errors=self.errors)


def duplicate_external_ids(external_ids: list[str], *, seen: dict[str, int], start: int = 0) -> list[FieldError]:
    """Errors for the external ids (the request's from index `start` on) met before; `seen` maps each
    external id met to its first index, and learns these."""
    errors = []
    for index, external_id in enumerate(external_ids, start=start):
        first = seen.setdefault(external_id, index)
        if first != index:
            errors.append(FieldError(field=f"items[{index}].external_id", code="duplicate",
                                     message=f"external_id {external_id!r} also appears at items[{first}]"))
    return errors


def raise_duplicates(errors: list[FieldError]) -> None:
    if errors:
        raise InvalidInput(errors[0].message, code="duplicate_external_id", errors=errors[:50])


def reject_duplicate_external_ids(external_ids: list[str]) -> None:
    raise_duplicates(duplicate_external_ids(external_ids, seen={}))


@dataclass(frozen=True)
class Upserted:
    result: BulkResult
    # External ids of stored rows that matched `refuse_change_if` and that this statement changed.
    refused: list[str]


async def upsert_by_external_id(session: AsyncSession, *, table: str, tenant_id: uuid.UUID,
                                columns: list[Column], ids: list[uuid.UUID], external_ids: list[str],
                                values: dict[str, list], refuse_change_if: str | None = None) -> Upserted:
    """Insert or update `table` rows keyed by (tenant_id, external_id), in one statement that
    answers the counts (not one row per item).

    `ids` are used for new rows only (an existing row keeps its id). `refuse_change_if` is an SQL
    condition on a column the upsert does not set (e.g. "invoice_id IS NOT NULL"): the rows it holds
    for and that the statement changed come back in `refused`, and the caller refuses the push, which
    rolls the transaction back. Checking that here rather than in a read before costs no extra scan,
    and it judges the row as it is once locked, not as a earlier snapshot saw it."""
    names = [c.name for c in columns]
    unnest_args = ", ".join(["$2::uuid[]", "$3::text[]"]
                            + [f"${n}::{c.array_type}" for n, c in enumerate(columns, start=4)])
    alias = ", ".join(["id", "external_id", *names])
    select_values = ", ".join(["id", "$1::uuid", "external_id", *(c.value for c in columns)])
    assignments = ", ".join(f"{n} = EXCLUDED.{n}" for n in names)
    current = ", ".join(f"{table}.{n}" for n in names)
    incoming = ", ".join(f"EXCLUDED.{n}" for n in names)
    refused = f"CASE WHEN {refuse_change_if} THEN external_id END" if refuse_change_if else "NULL::text"
    sql = (
        f"WITH written AS ("
        f"INSERT INTO {table} (id, tenant_id, external_id, {', '.join(names)}) "
        f"SELECT {select_values} FROM unnest({unnest_args}) AS s({alias}) "
        f"ON CONFLICT (tenant_id, external_id) DO UPDATE SET {assignments}, updated_at = now() "
        f"WHERE ROW({current}) IS DISTINCT FROM ROW({incoming}) "
        f"RETURNING (xmax = 0) AS inserted, {refused} AS refused) "
        f"SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted), "
        f"coalesce(array_agg(refused) FILTER (WHERE refused IS NOT NULL), '{{}}') FROM written"
    )
    connection = await session.connection()
    created, updated, refused_ids = (await connection.exec_driver_sql(
        sql, (tenant_id, ids, external_ids, *(values[c.name] for c in columns)))).one()
    return Upserted(BulkResult(created=created, updated=updated, unchanged=len(external_ids) - created - updated),
                    list(refused_ids))
