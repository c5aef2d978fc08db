"""Cursor pagination over id order (ids are UUIDv7, so this is creation order)."""

import base64
import uuid
from typing import Annotated, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

from app.errors import InvalidInput

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


# A text filter of a list route: no NUL (PostgreSQL text cannot hold it), a sane length.
FilterText = Annotated[str | None, Query(max_length=255, pattern=r"^[^\x00]*$")]


class Page(BaseModel, Generic[T]):
    data: list[T]
    next_cursor: str | None


class PageParams(BaseModel):
    limit: int
    after: uuid.UUID | None


def encode_cursor(last_id: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(last_id.bytes).decode().rstrip("=")


def decode_cursor(cursor: str) -> uuid.UUID:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return uuid.UUID(bytes=raw)
    except (ValueError, TypeError):
        raise InvalidInput.field("cursor", "not a cursor returned by this API", code="invalid_cursor") from None


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=64, description="`next_cursor` of the previous page.")] = None,
) -> PageParams:
    return PageParams(limit=limit, after=decode_cursor(cursor) if cursor else None)


async def make_page_converted(items: list, params: PageParams, convert_all) -> dict:
    """make_page for outputs built for the whole page at once (one query for their children)."""
    page = make_page(items, params, lambda row: row)
    page["data"] = await convert_all(page["data"])
    return page


def make_page(items: list, params: PageParams, to_out) -> dict:
    """`items` were fetched with limit + 1 so that we know whether another page exists."""
    more = len(items) > params.limit
    items = items[: params.limit]
    return {"data": [to_out(i) for i in items],
            "next_cursor": encode_cursor(items[-1].id) if more and items else None}
