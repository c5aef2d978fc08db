"""The `rebill` command: serve, api, worker, migrate, tenants, keys."""

import asyncio
import os
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from app.config import get_settings
from app.observability import configure_logging

cli = typer.Typer(help="Rebill: batch re-invoicing of support time.", no_args_is_help=True,
                  add_completion=False)
tenants_cli = typer.Typer(help="Tenants (billing companies).", no_args_is_help=True)
keys_cli = typer.Typer(help="API keys.", no_args_is_help=True)
cli.add_typer(tenants_cli, name="tenants")
cli.add_typer(keys_cli, name="keys")


def _require_database() -> str:
    url = get_settings().database_url
    if not url:
        typer.echo("DATABASE_URL is not set.", err=True)
        raise typer.Exit(2)
    return url


def _admin_database() -> str:
    """DATABASE_URL, else the embedded PostgreSQL of a `rebill serve` running on the same data
    directory: tenants and keys can then be made next to it with no configuration."""
    from app import embedded

    settings = get_settings()
    if settings.database_url:
        return settings.database_url
    data_dir = Path(settings.data_dir)
    url = embedded.running_database_url(data_dir)
    if url is None:
        typer.echo(f"DATABASE_URL is not set, and no `rebill serve` runs an embedded PostgreSQL in "
                   f"{data_dir.resolve() / 'pg'}.\nStart `rebill serve` (from this folder, or set DATA_DIR to "
                   "its data directory), or set DATABASE_URL to your database.", err=True)
        raise typer.Exit(2)
    typer.echo(f"(DATABASE_URL is not set: using the embedded PostgreSQL of `rebill serve` in {data_dir / 'pg'})",
               err=True)
    return url


async def _in_session(database_url: str, work):
    from app.db import make_engine, make_sessionmaker, session_scope

    engine = make_engine(database_url, pool_size=1)
    try:
        async with session_scope(make_sessionmaker(engine)) as session:
            return await work(session)
    finally:
        await engine.dispose()


def _run_in_session(work):
    from app.errors import RebillError

    try:
        return asyncio.run(_in_session(_admin_database(), work))
    except RebillError as exc:
        typer.echo(exc.detail, err=True)
        raise typer.Exit(1) from None


@cli.command()
def migrate() -> None:
    """Apply every database migration (alembic upgrade head)."""
    from app.migrations import upgrade_head

    upgrade_head(_require_database())


@cli.command()
def api(host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000) -> None:
    """Run the HTTP API (uvicorn)."""
    import uvicorn

    _require_database()
    configure_logging(get_settings().log_level)
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, proxy_headers=True,
                log_config=None, access_log=False)


@cli.command()
def worker(check: Annotated[bool, typer.Option("--check", help="Exit 0 when a worker's health check is fresh.")]
           = False) -> None:
    """Run one arq worker."""
    from arq.worker import check_health, run_worker

    from workers.main import WorkerSettings

    _require_database()
    configure_logging(get_settings().log_level)
    redis = WorkerSettings.redis()
    if check:
        class _Checked(WorkerSettings):
            redis_settings = redis
        raise typer.Exit(check_health(_Checked))
    run_worker(WorkerSettings, redis_settings=redis)


@tenants_cli.command("create")
def tenants_create(name: str, quiet: Annotated[bool, typer.Option("--quiet", help="Print the key alone.")] = False
                   ) -> None:
    """Create a tenant and its first API key (printed once). Without DATABASE_URL: in the embedded
    database of the `rebill serve` that runs on DATA_DIR (default ./.data)."""
    from app.tenants.service import create_tenant

    tenant, key = _run_in_session(lambda session: create_tenant(session, name=name))
    if quiet:
        typer.echo(key.key)
    else:
        typer.echo(f"tenant: {tenant.id}\nkey id: {key.id}\napi key: {key.key}\n"
                   "Keep the key now: it is stored hashed and cannot be shown again.")


@keys_cli.command("create")
def keys_create(tenant: Annotated[str, typer.Argument(help="Tenant id or name.")],
                quiet: Annotated[bool, typer.Option("--quiet", help="Print the key alone.")] = False) -> None:
    """Create another API key for a tenant (printed once)."""
    from app.tenants.service import create_key, find_tenant

    async def work(session):
        found = await find_tenant(session, id_or_name=tenant)
        return await create_key(session, tenant_id=found.id)

    key = _run_in_session(work)
    typer.echo(key.key if quiet else f"key id: {key.id}\napi key: {key.key}")


@keys_cli.command("revoke")
def keys_revoke(key_id: str) -> None:
    """Revoke an API key; the next request with it is refused."""
    from app.tenants.service import revoke_key

    _run_in_session(lambda session: revoke_key(session, key_id=key_id))
    typer.echo(f"revoked {key_id}")


@cli.command()
def serve(host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000) -> None:
    """API and a worker together; embedded PostgreSQL and Redis when DATABASE_URL / REDIS_URL are unset."""
    from app import embedded
    from app.migrations import upgrade_head

    settings = get_settings()
    data_dir = Path(settings.data_dir)
    servers = embedded.start(data_dir, postgres=not settings.database_url, redis=not settings.redis_url,
                             smtp="SMTP_HOST" not in os.environ)
    if servers.database_url:
        os.environ["DATABASE_URL"] = servers.database_url
    if servers.redis_url:
        os.environ["REDIS_URL"] = servers.redis_url
    if servers.smtp_port:
        os.environ["SMTP_HOST"], os.environ["SMTP_PORT"] = "127.0.0.1", str(servers.smtp_port)
    get_settings.cache_clear()
    settings = get_settings()
    # uvicorn re-raises the SIGTERM it caught once it has shut down: make that an orderly exit so
    # that the embedded servers are stopped below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        upgrade_head(settings.database_url)
        key = asyncio.run(_demo_key(settings.database_url, data_dir))
        base = f"http://{host}:{port}"
        typer.echo(f"\nRebill is starting on {base}\n"
                   f"  console  : {base}/console/   (sign in with the API key below)\n"
                   f"  API docs : {base}/docs\n"
                   f"  API key  : {key}   (demo tenant; also in {data_dir / 'demo-api-key'})\n"
                   f"  try      : curl -H 'Authorization: Bearer {key}' {base}/v1/customers\n"
                   + (f"  database : {servers.database_url}   (`rebill tenants create NAME` run from this "
                      "folder uses it)\n" if servers.database_url else "")
                   + (f"  emails   : kept in {servers.mail_dir} (set SMTP_HOST to send them for real)\n"
                      if servers.mail_dir else ""))
        sys.stdout.flush()
        asyncio.run(_serve_all(host, port))
    finally:
        servers.stop()


async def _demo_key(database_url: str, data_dir: Path) -> str:
    """The demo tenant's key, creating the tenant on first run. The key is kept in a file of the
    data directory (development only) because the database stores it hashed."""
    from sqlalchemy import select

    from app.demo import DEMO_TENANT, create_demo_tenant
    from app.models import Tenant

    key_file = data_dir / "demo-api-key"

    async def work(session):
        exists = await session.scalar(select(Tenant.id).where(Tenant.name == DEMO_TENANT))
        if exists is not None and key_file.is_file():
            return key_file.read_text().strip()
        issued = await create_demo_tenant(session)
        data_dir.mkdir(parents=True, exist_ok=True)
        key_file.write_text(issued.key + "\n")
        key_file.chmod(0o600)
        return issued.key

    return await _in_session(database_url, work)


async def _serve_all(host: str, port: int) -> None:
    import uvicorn
    from arq.worker import create_worker

    from workers.main import WorkerSettings

    configure_logging(get_settings().log_level)
    config = uvicorn.Config("app.main:create_app", factory=True, host=host, port=port, log_config=None,
                            access_log=False)
    server = uvicorn.Server(config)
    worker = create_worker(WorkerSettings, redis_settings=WorkerSettings.redis(), handle_signals=False)
    worker_task = asyncio.create_task(worker.async_run())
    try:
        await server.serve()
    finally:
        await worker.close()
        worker_task.cancel()


def main() -> None:
    cli()
