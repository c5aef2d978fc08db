"""Cursor pagination: keyset pages whose opaque cursor holds the keys of the last row shown (an id
for most lists; ids are UUIDv7, so id order is creation order). Invoice batches and invoices are
listed by `created_at`, the time they show, then id: newest first unless `order=asc`."""

import base64
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

from app.errors import InvalidInput
from app.kit.json_answers import JSONText

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]

# A text filter of a list route: no NUL (PostgreSQL text cannot hold it), a sane length.
FilterText = Annotated[str | None, Query(max_length=255, pattern=r"^[^\x00]*$")]

class SortOrder(StrEnum):
    """Which end of a list comes first: `desc`, the newest; `asc`, the oldest."""

    asc = "asc"
    desc = "desc"


Order = Annotated[SortOrder, Query(
    description="`desc` (the default): newest first; `asc`: oldest first. Keep the same order while "
                "following `next_cursor`.")]

Key = uuid.UUID | int
_INT_BYTES = 8


def cursor_query(*kinds: type) -> object:
    """The `cursor` query parameter of a list paged by keys of these kinds: its exact form (the
    unpadded base64url of the packed keys), so that any string of that form is a cursor."""
    size = sum(16 if kind is uuid.UUID else _INT_BYTES for kind in kinds)
    length = -(-size * 4 // 3)
    return Annotated[str | None, Query(pattern=f"^[A-Za-z0-9_-]{{{length}}}$",
                                       description="`next_cursor` of the previous page.")]


Cursor = cursor_query(uuid.UUID)


class Page(BaseModel, Generic[T]):
    data: list[T]
    next_cursor: str | None


class PageParams(BaseModel):
    limit: int
    after: uuid.UUID | None


class KeysetParams(BaseModel):
    """A page of a list ordered by several keys: the cursor is decoded by whoever knows its keys."""

    limit: int
    cursor: str | None


def encode_cursor(*keys: Key) -> str:
    raw = b"".join(k.bytes if isinstance(k, uuid.UUID) else k.to_bytes(_INT_BYTES, "big", signed=True)
                   for k in keys)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_keys(cursor: str, kinds: tuple[type, ...]) -> tuple[Key, ...]:
    """The keys `encode_cursor` packed, each of its kind (uuid.UUID or int); 422 naming `cursor`
    for anything this API did not hand out for this list."""
    sizes = [16 if kind is uuid.UUID else _INT_BYTES for kind in kinds]
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except (ValueError, TypeError):
        raw = None
    if raw is None or len(raw) != sum(sizes):
        raise InvalidInput.field("cursor", "not a cursor returned by this API", code="invalid_cursor")
    keys, start = [], 0
    for kind, size in zip(kinds, sizes, strict=True):
        chunk = raw[start:start + size]
        keys.append(uuid.UUID(bytes=chunk) if kind is uuid.UUID else int.from_bytes(chunk, "big", signed=True))
        start += size
    return tuple(keys)


class CreatedPageParams(BaseModel):
    """A page of a list in creation order: `created_at`, then id for rows created at the same instant
    (a transaction's rows share its start time)."""

    limit: int
    after: tuple[datetime, uuid.UUID] | None
    order: SortOrder

    @property
    def newest_first(self) -> bool:
        return self.order is SortOrder.desc


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_START_OF_TIME, _END_OF_TIME = datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC)


def microseconds(instant: datetime) -> int:
    """An instant as an exact integer (PostgreSQL keeps microseconds, as does datetime)."""
    return (instant - _EPOCH) // timedelta(microseconds=1)


def created_keys(row: Any) -> tuple[Key, ...]:
    return microseconds(row.created_at), row.id


def decode_cursor(cursor: str) -> uuid.UUID:
    return decode_keys(cursor, (uuid.UUID,))[0]


# Dependencies are `async def` although they never wait: FastAPI runs a plain `def` dependency in
# its thread pool, a thread hop per request for a few microseconds of work.
async def page_params(limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> PageParams:
    return PageParams(limit=limit, after=decode_cursor(cursor) if cursor else None)


CreatedCursor = cursor_query(int, uuid.UUID)


async def created_page_params(limit: Limit = DEFAULT_LIMIT, cursor: CreatedCursor = None,
                        order: Order = SortOrder.desc) -> CreatedPageParams:
    after = None
    if cursor:
        micros, record_id = decode_keys(cursor, (int, uuid.UUID))
        try:
            after = (_EPOCH + timedelta(microseconds=micros), record_id)
        except OverflowError:
            # Eight bytes hold far more than any datetime. Any string of the published form is a
            # cursor: one beyond the ends of time pages from that end (nothing before or after it).
            after = (_END_OF_TIME if micros > 0 else _START_OF_TIME, record_id)
    return CreatedPageParams(limit=limit, after=after, order=order)


def keyset_params_of(*kinds: type):
    """The page parameters of a list paged by keys of these kinds (decoded by whoever knows them)."""
    KindCursor = cursor_query(*kinds)

    async def keyset_params(limit: Limit = DEFAULT_LIMIT, cursor: KindCursor = None) -> KeysetParams:
        return KeysetParams(limit=limit, cursor=cursor or None)

    return keyset_params


async def make_page_converted(items: list, params: PageParams | CreatedPageParams, convert_all, *,
                              keys: Callable[[Any], tuple[Key, ...]] = lambda item: (item.id,)) -> dict:
    """make_page for outputs built for the whole page at once (one query for their children)."""
    page = make_page(items, params, lambda row: row, keys=keys)
    page["data"] = await convert_all(page["data"])
    return page


def _id_of(item: Any) -> tuple[Key, ...]:
    return (item["id"],) if isinstance(item, dict) else (item.id,)


def make_page(items: list, params: PageParams | KeysetParams | CreatedPageParams, to_out=None,
              *, keys: Callable[[Any], tuple[Key, ...]] = _id_of) -> dict:
    """`items` were fetched with limit + 1 so that we know whether another page exists. Without
    `to_out`, the items (rows as dicts) are left for FastAPI to validate against the route's
    response model, in one pass over the page."""
    more = len(items) > params.limit
    items = items[: params.limit]
    return {"data": items if to_out is None else [to_out(i) for i in items],
            "next_cursor": encode_cursor(*keys(items[-1])) if more and items else None}


def answered_page(rows: list, params: PageParams) -> JSONText:
    """make_page for rows whose answers PostgreSQL wrote (app/kit/repository.py `page_answers`): the
    page's JSON joined from their texts, sent as it is (the route's response model still documents
    it; tests/test_json_answers.py checks they agree)."""
    more = len(rows) > params.limit
    rows = rows[: params.limit]
    cursor = encode_cursor(rows[-1]["id"]) if more and rows else None
    body = '{"data":[' + ",".join(row["answer"] for row in rows) + '],"next_cursor":' + json.dumps(cursor) + "}"
    return JSONText(body)
