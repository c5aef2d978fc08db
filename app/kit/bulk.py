"""Bulk upserts by external_id: checking the pushed items, writing them set-based, and the answer.

The items travel as one array per column and are unnested by PostgreSQL: one statement for up to
10,000 rows, no round trip per row. A row is rewritten only when a value differs, so pushing the
same data twice writes nothing and reports it `unchanged`. The answer gives every pushed item, in
order, its record's id and what became of it.

A push is all or nothing by default: the first fault found stops the writing, and the answer is a
problem naming every bad item, in the order of precedence below (so nothing written stays). With
`on_error=skip` the valid items are stored as if the bad ones had not been sent, and each bad one
answers `"result": "error"` with its errors. The faults, in precedence order: an invalid item, a
repeat of an earlier item's external_id, a reference (or another rule) that does not hold, and a
conflict with what is stored (changing an invoiced time entry, adjusting time on a draft)."""

import uuid
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import BaseModel, Field, GetCoreSchemaHandler, GetJsonSchemaHandler, TypeAdapter, ValidationError
from pydantic_core import core_schema, to_json
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import NotRequired, TypedDict

from app.errors import Conflict, FieldError, InvalidInput, validation_detail, validation_errors
from app.kit.native_checks import native_twin
from app.kit.packing import SPLIT_TEXTS, SPLIT_VALUES, packed_ids, packed_scalars, packed_texts

MAX_BULK_ITEMS = 10_000

OnError = Literal["reject", "skip"]
OnErrorQuery = Annotated[OnError, Query(description=(
    "`reject` (the default): one bad item refuses the whole push (422, or 409 for a change to an invoiced "
    "time entry or an adjustment of time on a draft invoice, naming `items[i]...`) and nothing is written. `skip`: the valid items are stored and each "
    "bad one answers `\"result\": \"error\"` with its `errors`, with status 200."))]

ItemResult = Literal["created", "updated", "unchanged", "error"]

# An error of one item: its index in the request, and the error (whose field names `items[index]`).
ItemFault = tuple[int, FieldError]


class BulkItemResult(TypedDict):
    """What became of one pushed item."""

    external_id: Annotated[str | None, Field(
        description="The item's external_id; for an item in error, as sent (null when it had none).")]
    id: Annotated[uuid.UUID | None, Field(description="The record's id; null for an item in error.")]
    result: ItemResult
    errors: NotRequired[Annotated[list[FieldError], Field(
        description="Only when `result` is `error` (with `on_error=skip`): what is wrong with the item, "
                    "each error naming `items[i].field`.")]]


class BulkResult(BaseModel):
    """The answer to a bulk upsert: the counts, and one entry per pushed item in the request's order."""

    created: int
    updated: int
    unchanged: int
    errors: int = Field(description="Items refused, each answered with `result: error` (only with "
                                    "`on_error=skip`; 0 otherwise).")
    # TypedDict entries rather than models: 10,000 of them are built and written out in a few ms.
    items: list[BulkItemResult] = Field(description="One per pushed item, in the request's order.")


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
    to be checked by the service (see BulkPush.check), so that a bad item can be answered on its own
    with `on_error=skip`; the API document still describes each of them."""

    def __init__(self, item_model: type[BaseModel]):
        self.item_model = item_model

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.list_schema(core_schema.any_schema(), max_length=MAX_BULK_ITEMS)

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        return handler(core_schema.list_schema(self.item_model.__pydantic_core_schema__, max_length=MAX_BULK_ITEMS))


def items_checked_later(item_model: type[BaseModel]) -> Any:
    """The type of a bulk request's `items`, validated by the service: item by item faults, and, for
    time entries, in chunks, so that PostgreSQL writes the first chunks while Python validates the
    next ones (for 10,000 time entries each side has ~200-250 ms of work, done one after the other
    when all is validated first)."""
    return Annotated[list[dict], _ValidatedByTheService(item_model)]


@cache
def _items_adapter(item_model: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(list[item_model])


@cache
def _native_items_adapter(item_model: type[BaseModel]) -> TypeAdapter | None:
    twin = native_twin(item_model)
    return None if twin is None else TypeAdapter(list[twin])


class BulkPush:
    """One bulk request being checked and written: which items are refused and why, and what became
    of the others. The service checks the items (a chunk at a time if it likes), records the faults
    it finds, writes what is left while `writing` holds, and ends with `answer()`."""

    def __init__(self, raw_items: list, item_model: type[BaseModel], *, on_error: OnError):
        self.skip = on_error == "skip"
        self._raw = raw_items
        self._adapter = _items_adapter(item_model)
        self._native_adapter = _native_items_adapter(item_model)
        # The faults by kind, in the order a refused push names them.
        self._invalid: list[ItemFault] = []
        self._duplicates: list[ItemFault] = []
        self._unresolved: list[ItemFault] = []
        self._conflicts: list[ItemFault] = []
        self._conflict_code = "conflict"
        self._conflict_detail = ""
        self._failed: set[int] = set()
        self._first_index: dict[str, int] = {}
        count = len(raw_items)
        self._external_ids: list[str | None] = [None] * count
        self._ids: list[uuid.UUID | None] = [None] * count
        self._results: list[str | None] = [None] * count
        # The answers already written out (JSON, without the brackets), of the items before `_answered_up_to`.
        self._answered: list[bytes] = []
        self._answered_up_to = 0

    @property
    def writing(self) -> bool:
        """Whether valid items are still to be written: always when skipping, otherwise until a fault."""
        return self.skip or not self._failed

    def check(self, start: int, stop: int) -> tuple[list[int], list]:
        """Validate the items from index `start` to `stop`: the indexes and validated items of the
        valid ones that do not repeat an earlier item's external_id (the others become faults)."""
        raw = self._raw[start:stop]
        try:
            items = self._natively_checked(raw)
            if items is None:
                items = self._adapter.validate_python(raw)
            indexes = list(range(start, start + len(raw)))
        except ValidationError as exc:
            errors = [{**e, "loc": ("items", start + e["loc"][0], *e["loc"][1:])} for e in exc.errors()]
            faults = [(e["loc"][1], error) for e, error in zip(errors, validation_errors(errors), strict=True)]
            self._add(self._invalid, faults)
            indexes = [index for index in range(start, start + len(raw)) if index not in self._failed]
            # Each item is valid or not on its own: the others pass alone.
            items = self._adapter.validate_python([self._raw[index] for index in indexes])
        kept_indexes, kept = [], []
        for index, item in zip(indexes, items, strict=True):
            first = self._first_index.setdefault(item.external_id, index)
            if first == index:
                kept_indexes.append(index)
                kept.append(item)
                self._external_ids[index] = item.external_id
            else:
                self._add(self._duplicates, [(index, FieldError(
                    field=f"items[{index}].external_id", code="duplicate",
                    message=f"external_id {item.external_id!r} also appears at items[{first}]"))])
        return kept_indexes, kept

    def _natively_checked(self, raw: list) -> list | None:
        """The items checked by the model's native twin (app/kit/native_checks.py), about twice as
        fast; None when it refuses one of them (the model itself then checks them all)."""
        if self._native_adapter is None:
            return None
        try:
            return self._native_adapter.validate_python(raw)
        except ValidationError:
            return None

    def invalid(self, faults: list[ItemFault]) -> None:
        """Items that break a rule between their own fields (found after `check`)."""
        self._add(self._invalid, faults)

    def unresolved(self, faults: list[ItemFault]) -> None:
        """Items whose references (or another rule across records) do not hold."""
        self._add(self._unresolved, faults)

    def conflicts(self, faults: list[ItemFault], *, code: str, detail: str) -> None:
        """Items that conflict with what is stored (409 when the push is refused whole); `detail`
        follows the number of items in the refusal, e.g. "item(s) would change invoiced time entries"."""
        self._add(self._conflicts, faults)
        self._conflict_code, self._conflict_detail = code, detail

    def _add(self, kind: list[ItemFault], faults: list[ItemFault]) -> None:
        kind += faults
        self._failed.update(index for index, _ in faults)

    def kept(self, indexes: list[int], *columns: list) -> tuple[list, ...]:
        """`indexes` and the lists aligned with them, without the items found faulty since."""
        keep = [n for n, index in enumerate(indexes) if index not in self._failed]
        if len(keep) == len(indexes):
            return (indexes, *columns)
        return tuple([column[n] for n in keep] for column in (indexes, *columns))

    def stored(self, indexes: list[int], upserted: "Upserted") -> None:
        refused = set(upserted.refused)
        for n, index in enumerate(indexes):
            if n not in refused:
                self._ids[index], self._results[index] = upserted.ids[n], upserted.results[n]

    def answer_so_far(self) -> None:
        """Write out the answers of the items stored so far, while no item is at fault. Called while
        PostgreSQL writes the next chunk, it leaves `answer()` only the last chunk's to write."""
        if self._failed:
            return
        start = self._answered_up_to
        try:
            stop = self._results.index(None, start)
        except ValueError:
            stop = len(self._results)
        if stop > start:
            self._answered.append(to_json([
                _stored_answer(*stored) for stored in zip(self._external_ids[start:stop], self._ids[start:stop],
                                                          self._results[start:stop], strict=True)])[1:-1])
            self._answered_up_to = stop

    def answer(self) -> bytes:
        """The answer: a BulkResult's JSON, written out at once (to_json of plain values: 10,000 items take
        a third of the time a BulkResult model takes to build, check and serialize); when not
        skipping and an item is at fault, the refusal of the whole push."""
        if not self.skip:
            self._raise_first_fault()
        if not self._failed:
            self.answer_so_far()
            if self._answered_up_to == len(self._results):
                counts = {result: self._results.count(result) for result in ("created", "updated", "unchanged")}
                return to_json({**counts, "errors": 0})[:-1] + b',"items":[' + b",".join(self._answered) + b"]}"
        items: list[BulkItemResult] = []
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        errors_by_item: dict[int, list[FieldError]] = {}
        for index, error in sorted(self._invalid + self._duplicates + self._unresolved + self._conflicts,
                                   key=lambda fault: fault[0]):
            errors_by_item.setdefault(index, []).append(error)
        for index, (external_id, record_id, result) in enumerate(zip(self._external_ids, self._ids, self._results,
                                                                     strict=True)):
            if index in errors_by_item:
                items.append({"external_id": self._sent_external_id(index), "id": None, "result": "error",
                              "errors": errors_by_item[index]})
            else:
                counts[result] += 1
                items.append(_stored_answer(external_id, record_id, result))
        return to_json({**counts, "errors": len(errors_by_item), "items": items})

    def _sent_external_id(self, index: int) -> str | None:
        """An item's external_id as sent, when it is text (a lone surrogate is not: it cannot be
        written back in JSON)."""
        raw = self._raw[index]
        sent = raw.get("external_id") if isinstance(raw, dict) else None
        if not isinstance(sent, str):
            return None
        try:
            sent.encode()
        except UnicodeEncodeError:
            return None
        return sent

    def _raise_first_fault(self) -> None:
        if self._invalid:
            errors = [error for _, error in self._invalid]
            raise InvalidInput(validation_detail(errors), errors=errors)
        if self._duplicates:
            errors = [error for _, error in self._duplicates]
            raise InvalidInput(errors[0].message, code="duplicate_external_id", errors=errors[:50])
        if self._unresolved:
            errors = [error for _, error in sorted(self._unresolved, key=lambda fault: fault[0])]
            raise InvalidInput("; ".join(f"{e.field}: {e.message}" for e in errors[:3]), errors=errors[:50])
        if self._conflicts:
            errors = [error for _, error in sorted(self._conflicts, key=lambda fault: fault[0])]
            raise Conflict(f"{len(errors)} {self._conflict_detail}.", code=self._conflict_code, errors=errors[:50])


def _stored_answer(external_id: str, record_id: uuid.UUID | None, result: str) -> BulkItemResult:
    return {"external_id": external_id, "id": None if record_id is None else str(record_id), "result": result}


@dataclass(frozen=True)
class Upserted:
    """What one upsert did, per row given (in the order given)."""

    ids: list[uuid.UUID | None]
    results: list[str | None]  # "created", "updated", "unchanged"; None for a refused row when skipped
    # Rows (their positions in the order given) that matched `refuse_change_if` and that the upsert
    # changed, or, with `skip_refused`, would have changed.
    refused: list[int]


async def upsert_by_external_id(session: AsyncSession, *, table: str, tenant_id: uuid.UUID,
                                columns: list[Column], ids: list[uuid.UUID], external_ids: list[str],
                                values: dict[str, list], refuse_change_if: str | None = None,
                                skip_refused: bool = False) -> Upserted:
    """Insert or update `table` rows keyed by (tenant_id, external_id), in one statement that also
    answers each row's id and whether it was created, updated or left unchanged.

    `ids` are used for new rows only (an existing row keeps its id). `refuse_change_if` is an SQL
    condition on a column the upsert does not set (e.g. "invoice_id IS NOT NULL"): the rows it holds
    for and that the statement changed come back in `refused`. By default the caller refuses the
    push, which rolls the transaction back; with `skip_refused` the statement runs in a savepoint and,
    when it refused rows, is rolled back and run again without them. Checking that in the statement
    rather than in a read before costs no extra scan, and it judges the row as it is once locked, not
    as an earlier snapshot saw it."""
    if not (skip_refused and refuse_change_if):
        return await _upsert(session, table=table, tenant_id=tenant_id, columns=columns, ids=ids,
                             external_ids=external_ids, values=values, refuse_change_if=refuse_change_if)
    kept = list(range(len(external_ids)))
    refused: list[int] = []
    while True:
        async with session.begin_nested() as savepoint:
            upserted = await _upsert(
                session, table=table, tenant_id=tenant_id, columns=columns, refuse_change_if=refuse_change_if,
                ids=[ids[k] for k in kept], external_ids=[external_ids[k] for k in kept],
                values={name: [column[k] for k in kept] for name, column in values.items()})
            if not upserted.refused:
                break
            await savepoint.rollback()
        # Rare: the push would change invoiced entries. Run it again without them (others may have
        # been invoiced meanwhile: each round leaves out at least one row).
        left_out = set(upserted.refused)
        refused += [kept[n] for n in left_out]
        kept = [k for n, k in enumerate(kept) if n not in left_out]
    all_ids: list[uuid.UUID | None] = [None] * len(external_ids)
    results: list[str | None] = [None] * len(external_ids)
    for n, k in enumerate(kept):
        all_ids[k], results[k] = upserted.ids[n], upserted.results[n]
    return Upserted(all_ids, results, sorted(refused))


def _column_parameter(values: list, array_type: str, placeholder: str) -> tuple[str, Any]:
    """The SQL expression of one column's array and the parameter that carries it (app/kit/packing.py)."""
    if array_type == "text[]":
        packed = packed_texts(values)
        if packed is None:
            return f"{placeholder}::text[]", values
        return SPLIT_TEXTS.format(f"{placeholder}::text"), packed
    packed = packed_ids(values) if array_type == "uuid[]" else packed_scalars(values)
    return SPLIT_VALUES.format(f"{placeholder}::text", array_type), packed


async def _upsert(session: AsyncSession, *, table: str, tenant_id: uuid.UUID, columns: list[Column],
                  ids: list[uuid.UUID], external_ids: list[str], values: dict[str, list],
                  refuse_change_if: str | None) -> Upserted:
    """The statement. The rows it updates (or refuses) come back from RETURNING, the rows it
    creates as a count (they have the ids given); those it leaves unchanged do not come back, so
    the same statement reads their ids, by the unique (tenant_id, external_id) index and for those
    external ids only (none for a push of new rows). That read sees the table as it was before the
    statement, which is what an unchanged row is."""
    if not external_ids:
        return Upserted([], [], [])
    names = [c.name for c in columns]
    arrays = [_column_parameter(column, array_type, f"${n}") for n, (column, array_type) in enumerate(
        [(ids, "uuid[]"), (external_ids, "text[]"), *((values[c.name], c.array_type) for c in columns)], start=2)]
    unnest_args = ", ".join(expression for expression, _ in arrays)
    alias = ", ".join(["id", "external_id", *names])
    select_values = ", ".join(["id", "$1::uuid", "external_id", *(c.value for c in columns)])
    assignments = ", ".join(f"{n} = EXCLUDED.{n}" for n in names)
    current = ", ".join(f"{table}.{n}" for n in names)
    incoming = ", ".join(f"EXCLUDED.{n}" for n in names)
    refused = f"({refuse_change_if})" if refuse_change_if else "false"
    sql = (
        f"WITH written AS ("
        f"INSERT INTO {table} (id, tenant_id, external_id, {', '.join(names)}) "
        f"SELECT {select_values} FROM unnest({unnest_args}) AS s({alias}) "
        f"ON CONFLICT (tenant_id, external_id) DO UPDATE SET {assignments}, updated_at = now() "
        f"WHERE ROW({current}) IS DISTINCT FROM ROW({incoming}) "
        f"RETURNING external_id, id, (xmax = 0) AS inserted, {refused} AS refused) "
        f"SELECT external_id, id, inserted, refused, NULL::bigint FROM written WHERE NOT inserted OR refused "
        f"UNION ALL "
        f"SELECT external_id, id, NULL, NULL, NULL FROM {table} WHERE tenant_id = $1 AND external_id = ANY(ARRAY("
        f"SELECT unnest({arrays[1][0]}) EXCEPT SELECT external_id FROM written)) "
        f"UNION ALL "
        f"SELECT NULL, NULL, NULL, NULL, count(*) FROM written WHERE inserted AND NOT refused"
    )
    connection = await session.connection()
    rows = (await connection.exec_driver_sql(sql, (tenant_id, *(parameter for _, parameter in arrays)))).all()
    written, unchanged, created = {}, {}, 0
    for external_id, record_id, inserted, refused_row, count in rows:
        if count is not None:
            created = count
        elif inserted is None:
            unchanged[external_id] = record_id
        else:
            written[external_id] = (record_id, "created" if inserted else "updated", refused_row)
    # The rows left are those it created, with the ids given (a push of new rows answers them with
    # a count, not 10,000 rows to decode), unless a row another transaction committed after this
    # statement began was left as it was: then a new statement tells which is which by its id.
    rest = [n for n, external_id in enumerate(external_ids) if external_id not in written
            and external_id not in unchanged]
    if len(rest) == created:
        written.update((external_ids[n], (ids[n], "created", False)) for n in rest)
    else:
        found = dict(tuple(row) for row in await connection.exec_driver_sql(
            f"SELECT external_id, id FROM {table} WHERE tenant_id = $1 AND external_id = ANY($2::text[])",
            (tenant_id, [external_ids[n] for n in rest])))
        for n in rest:
            if found.get(external_ids[n]) == ids[n]:
                written[external_ids[n]] = (ids[n], "created", False)
            else:
                unchanged[external_ids[n]] = found.get(external_ids[n])  # None only if deleted meanwhile
    out_ids: list[uuid.UUID | None] = []
    results: list[str | None] = []
    refused_rows: list[int] = []
    for n, external_id in enumerate(external_ids):
        row = written.get(external_id)
        if row is None:
            out_ids.append(unchanged.get(external_id))
            results.append("unchanged")
        else:
            out_ids.append(row[0])
            results.append(row[1])
            if row[2]:
                refused_rows.append(n)
    return Upserted(out_ids, results, refused_rows)
