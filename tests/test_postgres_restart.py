"""A PostgreSQL restart in the middle of a batch (SPEC §8): the run loses its slot with its
connections, stops without recording a storm of per-customer failures, and it or its successor
carries on within 30 s of PostgreSQL answering again. The PostgreSQL here is one the test creates
and restarts itself (`pg_ctl restart -m immediate`, a crash for every session), never the shared one."""

import asyncio
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import asynccontextmanager
from glob import glob
from pathlib import Path

import pytest
from redis.asyncio import Redis
from sqlalchemy import text

from app.config import Settings
from app.kit.net import free_port
from app.main import create_app
from app.migrations import upgrade_head
from tests.batch_checks import (assert_report_matches_database, launch, push, start_worker, stop, wait_for_end,
                                wait_for_invoices)
from tests.conftest import REDIS_URL, new_tenant

# A Redis database of its own, so that no job of the other tests reaches this worker.
OWN_REDIS_URL = REDIS_URL.rsplit("/", 1)[0] + "/8"


class OwnPostgres:
    """A throwaway PostgreSQL cluster in a temporary folder, on a free port of 127.0.0.1."""

    def __init__(self):
        binaries = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        if not binaries:
            pytest.skip("no PostgreSQL server binaries (pg_ctl) on this machine")
        self.bin = Path(binaries[-1]).parent
        self.folder = tempfile.mkdtemp(prefix="rebill-pg-")
        self.data = os.path.join(self.folder, "data")
        self.port = free_port()
        self.url = f"postgresql://root@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", self.data, "-U", "root", "--auth=trust", "-E", "UTF8", "--no-sync")
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.folder, "log"), "-w", "start", "-o",
                  f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off")

    def restart_as_after_a_crash(self) -> None:
        # -l again: without it the new postmaster would write to (and hold open) our pipe.
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.folder, "log"), "-m", "immediate", "-w",
                  "restart")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@asynccontextmanager
async def rebill_on(postgres: OwnPostgres):
    await asyncio.to_thread(upgrade_head, postgres.url)
    settings = Settings(database_url=postgres.url, redis_url=OWN_REDIS_URL, public_base_url="http://test")
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        api = await new_tenant(app)
        try:
            yield app, api
        finally:
            await api.http.aclose()


@pytest.mark.slow
async def test_a_postgresql_restart_mid_batch_is_survived_without_failures():
    postgres = OwnPostgres()
    redis = Redis.from_url(OWN_REDIS_URL)
    await redis.flushdb()
    worker = None
    try:
        await asyncio.to_thread(postgres.start)
        async with rebill_on(postgres) as (app, api):
            sessionmaker = app.state.sessionmaker
            customer_ids = await push(api, customers=300, entries=20, idle_every=10)
            worker = start_worker(postgres.url, OWN_REDIS_URL)
            batch = await launch(api, customer_ids)
            await wait_for_invoices(sessionmaker, batch["id"], 30)
            await asyncio.to_thread(postgres.restart_as_after_a_crash)
            answering = time.monotonic()
            done = await wait_for_end(api, batch["id"], 60)
            finished = time.monotonic()

            assert done["status"] == "succeeded", done
            assert finished - answering < 30, f"the batch ended {finished - answering:.0f} s after PostgreSQL was back"
            async with sessionmaker() as session:
                failed = await session.scalar(text(
                    "SELECT count(*) FROM invoice_batch_customers WHERE batch_id = :b AND outcome = 'failed'"),
                    {"b": batch["id"]})
                numbers = (await session.scalars(text(
                    "SELECT number FROM invoices WHERE batch_id = :b ORDER BY number"), {"b": batch["id"]})).all()
            assert failed == 0  # no storm of per-customer failures
            report = await assert_report_matches_database(api, sessionmaker, batch["id"])
            assert len(report["invoices_created"]) == 270 and len(report["customers_without_times"]) == 30
            year = numbers[0].split("-")[1]
            assert numbers == [f"INV-{year}-{n:06d}" for n in range(1, 271)]  # gapless after the crash too
    finally:
        if worker is not None:
            stop(worker)
        await redis.flushdb()
        await redis.aclose()
        await asyncio.to_thread(postgres.stop)
