"""Columns of values sent to PostgreSQL as one text each, split there by string_to_array.

A statement that writes many rows takes one array per column. As typed arrays, asyncpg encodes them
element by element in Python, about 1 µs each: 90 ms for 10,000 time entries, 2 ms for an invoice
of 100 lines, time in which the statement is not yet sent. Packed into one text per column by C
code (str.join, pydantic-core's to_json), the same values cost about a tenth of that, and
PostgreSQL splits them as cheaply as it decodes the arrays.

The SQL side, for a parameter `p`:
- ids: `CAST(string_to_array(p, ',', 'null') AS uuid[])`, and the same for the scalars (numeric[],
  date[], timestamptz[], boolean[]);
- texts: `string_to_array(p, E'\\x1f', E'\\x1e')`, or the array itself when `packed_texts` says the
  values cannot be packed (SQL that cannot choose writes `coalesce(CAST(a AS text[]), string_to_array(p, …))`
  and passes one of the two, the other null)."""

import re
from datetime import UTC, datetime

from pydantic_core import to_json

TEXT_SEPARATOR, TEXT_NULL = "\x1f", "\x1e"  # ASCII unit and record separators
SPLIT_TEXTS = "string_to_array({}, E'\\x1f', E'\\x1e')"
SPLIT_VALUES = "CAST(string_to_array({}, ',', 'null') AS {})"


def packed_ids(values: list) -> str:
    """Ids (None: null). asyncpg's own UUIDs are slow for to_json; their str() is quick."""
    return ",".join(["null" if value is None else str(value) for value in values])


# PostgreSQL reads offsets up to 15:59 only; an instant may be sent with any offset up to 23:59.
_FAR_OFFSET = re.compile(r"[+-](1[6-9]|2[0-9]):")


def packed_scalars(values: list) -> str:
    """Decimals, dates, instants and booleans (None: null) as JSON writes them: never a comma nor a
    quote inside a value, so only the quotes need to go. Instants keep their offset, unless one is
    beyond what PostgreSQL reads: then they go in UTC."""
    packed = to_json(values).decode()[1:-1].replace('"', "")
    if _FAR_OFFSET.search(packed):
        packed = to_json([value.astimezone(UTC) if isinstance(value, datetime) else value
                          for value in values]).decode()[1:-1].replace('"', "")
    return packed


def packed_texts(values: list) -> str | None:
    """Texts (None: null), or None when they must go as an array: one of them holds a separator, or
    there are fewer than two (one empty text would split into no element)."""
    if len(values) < 2:
        return None
    packed = TEXT_SEPARATOR.join([TEXT_NULL if value is None else value for value in values])
    if (packed.count(TEXT_SEPARATOR) != len(values) - 1
            or packed.count(TEXT_NULL) != sum(value is None for value in values)):
        return None
    return packed
