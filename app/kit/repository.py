"""Tenant-scoped reads shared by every resource: fetch one, page through many, check references.

Every query here filters on the tenant: a record of another tenant is simply not found.

Routes that only read and shape an answer use `owned_answer`, `page_answers` and `DriverQuery`: their
statements are built with SQLAlchemy once, compiled once to PostgreSQL's SQL, and run on the asyncpg
connection itself (app/db.py `Reads`). Per request that skips building the statement, SQLAlchemy's
cache lookup, execution context, result processing and ORM objects: several times the CPU of the
query itself."""

import functools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field as dataclass_field
from typing import Any, TypeVar

from asyncpg import Record
from pydantic import BaseModel
from sqlalchemy import (ARRAY, ColumnElement, Select, Table, Text, Uuid, any_, bindparam, delete, func,
                        literal_column, select, tuple_)
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Reads
from app.errors import Conflict, FieldError, InvalidInput, NotFound
from app.kit.ids import parse_id
from app.kit.json_answers import row_json
from app.kit.pagination import CreatedPageParams, PageParams

M = TypeVar("M")


async def get_owned(session: AsyncSession, model: type[M], tenant_id: uuid.UUID, record_id: str | uuid.UUID,
                    *, for_update: bool = False, label: str | None = None) -> M:
    parsed = record_id if isinstance(record_id, uuid.UUID) else parse_id(record_id)
    label = label or model.__tablename__.rstrip("s").replace("_", " ")
    if parsed is not None:
        stmt = select(model).where(model.id == parsed, model.tenant_id == tenant_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = (await session.scalars(stmt)).first()
        if row is not None:
            return row
    raise NotFound(f"No {label} {record_id}.")


_DIALECT = PGDialect_asyncpg()


class DriverQuery:
    """A SELECT with named `bindparam`s, compiled once; run with the parameters' values by name.
    Rows come as asyncpg Records (JSON columns decoded, as on every connection of our engine)."""

    def __init__(self, stmt: Select):
        compiled = stmt.compile(dialect=_DIALECT)
        self.sql = str(compiled)
        self._names = tuple(compiled.positiontup or ())

    def _args(self, values: dict[str, Any]) -> list[Any]:
        return [values[name] for name in self._names]

    async def fetch(self, reads: Reads, **values: Any) -> list[Record]:
        return await reads.fetch(self.sql, *self._args(values))

    async def fetchrow(self, reads: Reads, **values: Any) -> Record | None:
        return await reads.fetchrow(self.sql, *self._args(values))


def answer_columns(table: Table) -> list:
    """The columns a read returns: all but the tenant's id, which the caller already knows."""
    return [column for column in table.c if column.name != "tenant_id"]


def _answer_sql(table: Table, out_model: type[BaseModel]) -> ColumnElement:
    """The row as `out_model`'s JSON text, built by PostgreSQL (app/kit/json_answers.py)."""
    quote = _DIALECT.identifier_preparer.quote
    columns = {name: f"{quote(table.name)}.{quote(name)}" for name in out_model.model_fields}
    return literal_column(row_json(out_model, columns)).label("answer")


@functools.cache
def _owned_answer_query(table: Table, out_model: type[BaseModel]) -> DriverQuery:
    return DriverQuery(select(_answer_sql(table, out_model))
                       .where(table.c.id == bindparam("id"), table.c.tenant_id == bindparam("tenant_id")))


async def owned_answer(reads: Reads, model: Any, out_model: type[BaseModel], tenant_id: uuid.UUID, record_id: str,
                       *, label: str | None = None) -> str:
    """get_owned for a route that only reads: the row as `out_model`'s JSON text."""
    parsed = parse_id(record_id)
    if parsed is not None:
        row = await _owned_answer_query(model.__table__, out_model).fetchrow(reads, id=parsed, tenant_id=tenant_id)
        if row is not None:
            return row["answer"]
    label = label or model.__tablename__.rstrip("s").replace("_", " ")
    raise NotFound(f"No {label} {record_id}.")


@functools.cache
def _page_query(table: Table, out_model: type[BaseModel], filtered: tuple[str, ...], after: bool,
                newest_first: bool) -> DriverQuery:
    stmt = select(table.c.id, _answer_sql(table, out_model)).where(
        table.c.tenant_id == bindparam("tenant_id"), *(table.c[name] == bindparam(name) for name in filtered))
    if after:
        stmt = stmt.where(table.c.id < bindparam("after") if newest_first else table.c.id > bindparam("after"))
    return DriverQuery(stmt.order_by(table.c.id.desc() if newest_first else table.c.id).limit(bindparam("limit")))


async def page_answers(reads: Reads, model: Any, out_model: type[BaseModel], tenant_id: uuid.UUID,
                       params: PageParams, *, newest_first: bool = False, **filters: Any) -> list[Record]:
    """fetch_page for a route that only reads: one page (plus one row, to tell whether another
    follows) of the tenant's rows in id order, each `column == value` filter applied when its value
    is given (not None). Each row: its `id` and its `answer`, the row as `out_model`'s JSON text."""
    given = {name: value for name, value in filters.items() if value is not None}
    query = _page_query(model.__table__, out_model, tuple(sorted(given)), params.after is not None, newest_first)
    return await query.fetch(reads, tenant_id=tenant_id, after=params.after, limit=params.limit + 1, **given)


def where_given(stmt: Select, *conditions: tuple[Any, Any]) -> Select:
    """Add `column == value` for each (column, value) whose value was given (not None)."""
    for column, value in conditions:
        if value is not None:
            stmt = stmt.where(column == value)
    return stmt


def page_query(stmt: Select, model: Any, params: PageParams, *, newest_first: bool = False) -> Select:
    """`stmt` limited to one page (plus one row, to tell whether another page follows) in id order."""
    if params.after is not None:
        stmt = stmt.where(model.id < params.after if newest_first else model.id > params.after)
    return stmt.order_by(model.id.desc() if newest_first else model.id).limit(params.limit + 1)


async def fetch_page(session: AsyncSession, stmt: Select, model: Any, params: PageParams) -> list:
    return list((await session.scalars(page_query(stmt, model, params))).all())


def created_page_query(stmt: Select, model: Any, params: CreatedPageParams) -> Select:
    """`stmt` limited to one page (plus one row) in creation order, (created_at, id) both ways:
    an index on (tenant_id, created_at, id) serves it read forwards or backwards."""
    keys = tuple_(model.created_at, model.id)
    if params.after is not None:
        stmt = stmt.where(keys < params.after if params.newest_first else keys > params.after)  # typed as the keys
    order = (model.created_at.desc(), model.id.desc()) if params.newest_first else (model.created_at, model.id)
    return stmt.order_by(*order).limit(params.limit + 1)


async def fetch_created_page(session: AsyncSession, stmt: Select, model: Any, params: CreatedPageParams) -> list:
    return list((await session.scalars(created_page_query(stmt, model, params))).all())


async def check_references(session: AsyncSession, tenant_id: uuid.UUID,
                           refs: Iterable[tuple[str, Any, uuid.UUID | None]]) -> None:
    """Each (field, model, id) must name a record of this tenant; otherwise 422 naming the field."""
    errors = []
    for field, model, ref_id in refs:
        if ref_id is None:
            continue
        found = await session.scalar(select(model.id).where(model.id == ref_id, model.tenant_id == tenant_id))
        if found is None:
            errors.append(FieldError(field=field, code="unknown_reference", message=f"no such record: {ref_id}"))
    if errors:
        raise InvalidInput("; ".join(f"{e.field}: {e.message}" for e in errors), code="unknown_reference",
                           errors=errors)


async def ids_by_external_id(session: AsyncSession, model: Any, tenant_id: uuid.UUID,
                             external_ids: Iterable[str], *columns: Any) -> dict[str, Any]:
    """external_id -> row (id and the extra columns asked for) for the ones that exist."""
    wanted = list(set(external_ids))
    if not wanted:
        return {}
    rows = await session.execute(
        select(model.external_id, model.id, *columns)
        .where(model.tenant_id == tenant_id,
               model.external_id == any_(bindparam("external_ids", wanted, type_=ARRAY(Text)))))
    return {row.external_id: row for row in rows}


async def external_ids_of(session: AsyncSession, model: Any, tenant_id: uuid.UUID,
                          ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str | None]:
    """id -> external_id of these rows, in one query: a subquery per id, which PostgreSQL can only
    run as a primary-key lookup, where an IN list or a join may be planned as a scan of the whole
    table when its rows have no statistics yet."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    given = func.unnest(bindparam("ids", wanted, type_=ARRAY(Uuid))).table_valued("id").render_derived(name="given")
    return dict((await session.execute(select(given.c.id, select(model.external_id).where(
        model.tenant_id == tenant_id, model.id == given.c.id).scalar_subquery()))).all())


def apply_changes(row: Any, changes: dict[str, Any], *, not_null: Iterable[str]) -> None:
    """PATCH semantics: only the fields sent change; a required field cannot be set to null."""
    for field in not_null:
        if field in changes and changes[field] is None:
            raise InvalidInput.field(field, "cannot be null", code="null_not_allowed")
    for key, value in changes.items():
        setattr(row, key, value)


async def flush_unique(session: AsyncSession, **fields: str) -> None:
    """Flush; a unique violation on one of `fields` (name -> constraint column) becomes a 409 naming it."""
    try:
        await session.flush()
    except IntegrityError as exc:
        message = str(exc.orig)
        for field, column in fields.items():
            if f"_{column}" in message:
                raise Conflict(f"{field} is already used by another record.", code=f"{field}_taken",
                               errors=[FieldError(field=field, code="taken", message="already used")]) from None
        raise


async def delete_owned(session: AsyncSession, model: Any, tenant_id: uuid.UUID, record_id: str, *,
                       in_use: str, code: str) -> None:
    """Delete a record; when others still reference it the database refuses and we answer 409."""
    row = await get_owned(session, model, tenant_id, record_id)
    try:
        async with session.begin_nested():
            await session.execute(delete(model).where(model.id == row.id))
    except IntegrityError:
        raise Conflict(in_use, code=code) from None


@dataclass
class KnownReferences:
    """What a bulk request's earlier chunks looked up: key -> row, or None when there is none."""

    by_external: dict[str, Any] = dataclass_field(default_factory=dict)
    by_id: dict[uuid.UUID, Any] = dataclass_field(default_factory=dict)

    def unknown(self, external_ids: list, ids: list) -> tuple[set, set]:
        """Of the references given (None: none), the external ids and ids not looked up yet."""
        return set(external_ids) - {None} - self.by_external.keys(), set(ids) - {None} - self.by_id.keys()


async def resolve_references(session: AsyncSession, tenant_id: uuid.UUID, model: Any, items: list, *,
                             indexes: list[int], id_field: str, external_field: str, required: bool,
                             columns: tuple = (), known: KnownReferences | None = None
                             ) -> tuple[list[Any], list[tuple[int, FieldError]]]:
    """For bulk items that point to another record by id or by its external_id, the row each
    points to (id plus `columns`), or None; with the errors, each with the index of its item in the
    request (`indexes`, aligned with `items`) and naming `items[index].<field>`. With `known`, only
    what it does not hold yet is read, and it learns the rest."""
    known = known if known is not None else KnownReferences()
    refs_external = [getattr(i, external_field) for i in items]
    refs_id = [getattr(i, id_field) for i in items]
    wanted_external, wanted_ids = known.unknown(refs_external, refs_id)
    if wanted_external:
        found = await ids_by_external_id(session, model, tenant_id, wanted_external, *columns)
        known.by_external.update({key: found.get(key) for key in wanted_external})
    if wanted_ids:
        rows = await session.execute(select(model.id, *columns).where(
            model.tenant_id == tenant_id, model.id == any_(bindparam("ids", list(wanted_ids), type_=ARRAY(Uuid)))))
        found = {row.id: row for row in rows}
        known.by_id.update({key: found.get(key) for key in wanted_ids})
    if refs_id.count(None) == len(refs_id):
        # The usual push: references by external id only. When each one found its row (and none is
        # missing that is required), there is nothing to tell: no need to look at each item.
        resolved = list(map(known.by_external.get, refs_external))
        missing = sum(row is None for row in resolved)
        if missing == refs_external.count(None) and (missing == 0 or not required):
            return resolved, []
    by_external, by_id = known.by_external, known.by_id
    resolved, errors = [], []
    for index, item in zip(indexes, items, strict=True):
        ref_id, ref_external = getattr(item, id_field), getattr(item, external_field)
        row, error = None, None
        if ref_id is not None and ref_external is not None:
            error = FieldError(field=f"items[{index}].{external_field}", code="ambiguous",
                               message=f"give {id_field} or {external_field}, not both")
        elif ref_external is not None:
            row = by_external.get(ref_external)
            if row is None:
                error = FieldError(field=f"items[{index}].{external_field}", code="unknown_reference",
                                   message=f"no record with external_id {ref_external!r}")
        elif ref_id is not None:
            row = by_id.get(ref_id)
            if row is None:
                error = FieldError(field=f"items[{index}].{id_field}", code="unknown_reference",
                                   message=f"no such record: {ref_id}")
        elif required:
            error = FieldError(field=f"items[{index}].{id_field}", code="missing",
                               message=f"{id_field} or {external_field} is required")
        resolved.append(row)
        if error is not None:
            errors.append((index, error))
    return resolved, errors
