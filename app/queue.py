"""The arq side of the API: Redis settings and a JSON (never pickle) job serializer."""

import json

from arq.connections import RedisSettings

from app.config import redis_target


def redis_settings(redis_url: str) -> RedisSettings:
    return RedisSettings(**redis_target(redis_url))


def serialize_job(value) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def deserialize_job(value: bytes):
    return json.loads(value)
