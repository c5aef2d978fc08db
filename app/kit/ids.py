"""Record ids: UUIDv7, so that ids sort in creation order and cursors can page on them."""

import os
import time
import uuid


_last = 0


def new_id(random: bytes | None = None) -> uuid.UUID:
    """48 bits of milliseconds, then 74 bits that are random for the first id of a millisecond and
    incremented for the next ones, so that ids made by one process are strictly increasing."""
    global _last
    millis = time.time_ns() // 1_000_000
    counter = int.from_bytes(random or os.urandom(10), "big") >> 6  # 74 bits
    candidate = (millis << 74) | counter
    if candidate <= _last:
        candidate = _last + 1
    _last = candidate
    high, low = candidate >> 62, candidate & ((1 << 62) - 1)  # 60 bits (48 ms + 12) and 62 bits
    ms, rand_a = high >> 12, high & 0xFFF
    value = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | low
    return uuid.UUID(int=value)


def new_ids(count: int) -> list[uuid.UUID]:
    """`count` new ids, with one read of the system's random source instead of one per id."""
    random = os.urandom(10 * count)
    return [new_id(random[10 * k:10 * k + 10]) for k in range(count)]


def parse_id(value: str) -> uuid.UUID | None:
    """An id from a client; None when it is not one of ours (the caller answers 404 or 422)."""
    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return None
