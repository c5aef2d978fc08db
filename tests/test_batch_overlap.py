"""Runs of one batch that overlap (a resumed run while the first is alive, a second run queued by
hand), the slots that bound them, the sweeper's view of which runs are alive, and progress. In this
process, through the code a worker runs, on the real PostgreSQL and Redis."""

import asyncio
import uuid

from sqlalchemy import text

from app.invoice_batches import liveness
from app.invoice_batches.runner import run_batch
from app.invoice_batches.sweeper import sweep
from tests.batch_checks import assert_report_matches_database, launch, push


async def queued_runs(app, batch_id: str) -> set[str]:
    return {job.decode() for job in await app.state.redis.zrange("arq:queue", 0, -1)
            if job.decode().startswith(f"{batch_id}:run:")}


async def backdate_request(sessionmaker, batch_id: str) -> None:
    """As if the last run asked for was asked for long ago."""
    async with sessionmaker() as session:
        await session.execute(text("UPDATE invoice_batches SET run_requested_at = now() - interval '1 minute' "
                                   "WHERE id = :b"), {"b": batch_id})
        await session.commit()


async def test_two_runs_of_one_batch_at_once_agree_with_the_database(api, sessionmaker):
    # Every third customer has no time: those are the ones an overlapping run used to report
    # "without times" after the other run had invoiced them.
    ids = await push(api, customers=300, entries=3, idle_every=3)
    batch = await launch(api, ids)
    results = await asyncio.gather(*(run_batch(sessionmaker, uuid.UUID(batch["id"])) for _ in range(2)))

    assert {r["status"] for r in results} <= {"succeeded", "running"} and "succeeded" in {r["status"] for r in results}
    assert sum(r["customers"] for r in results) == 300  # each customer done once, by one run or the other
    assert all(r["customers"] > 0 for r in results)  # and both runs did share the work
    report = await assert_report_matches_database(api, sessionmaker, batch["id"])
    assert len(report["invoices_created"]) == 200 and len(report["customers_without_times"]) == 100
    assert report["status"] == "succeeded"


async def test_a_second_run_of_a_finished_batch_changes_nothing(api, sessionmaker):
    ids = await push(api, customers=20, entries=2, idle_every=4)
    batch = await launch(api, ids)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    before = await assert_report_matches_database(api, sessionmaker, batch["id"])
    assert (await run_batch(sessionmaker, uuid.UUID(batch["id"])))["status"] == "succeeded"
    assert await assert_report_matches_database(api, sessionmaker, batch["id"]) == before


async def test_no_more_runs_than_the_parallel_limit_share_a_batch(api, sessionmaker):
    ids = await push(api, customers=5, entries=1)
    batch = await launch(api, ids)
    engine = sessionmaker.kw["bind"]
    async with liveness.lease(engine, uuid.UUID(batch["id"]), slots=2) as first, \
            liveness.lease(engine, uuid.UUID(batch["id"]), slots=2) as second:
        assert first.slot != second.slot
        result = await run_batch(sessionmaker, uuid.UUID(batch["id"]), max_parallel=2)
        assert result["status"] == "busy"
        assert (await api.get(f"/v1/invoice-batches/{batch['id']}")).json()["status"] == "scheduled"
    assert (await run_batch(sessionmaker, uuid.UUID(batch["id"]), max_parallel=2))["status"] == "succeeded"


async def test_the_sweeper_resumes_only_a_batch_no_live_run_holds(app, api, sessionmaker):
    ids = await push(api, customers=3, entries=1)
    batch = await launch(api, ids)
    engine = sessionmaker.kw["bind"]
    await app.state.redis.delete("arq:queue")

    await backdate_request(sessionmaker, batch["id"])
    async with liveness.lease(engine, uuid.UUID(batch["id"]), slots=4):
        # A run holds the batch (say, blocked before its first commit): nothing is queued for it.
        await sweep(sessionmaker, app.state.redis, max_parallel=4)
        assert await queued_runs(app, batch["id"]) == set()
    # Its process died: the next sweep queues a run. The sweep right after queues no copy while that
    # request is fresh; once it is old enough (its job lost, its worker killed before it took the
    # batch), another run is queued, under a job id never used before, so that no key a dead worker
    # left in Redis can swallow it.
    await backdate_request(sessionmaker, batch["id"])
    await sweep(sessionmaker, app.state.redis, max_parallel=4)
    first = await queued_runs(app, batch["id"])
    await sweep(sessionmaker, app.state.redis, max_parallel=4)
    assert len(first) == 1 and await queued_runs(app, batch["id"]) == first
    await backdate_request(sessionmaker, batch["id"])
    await sweep(sessionmaker, app.state.redis, max_parallel=4)
    assert len(await queued_runs(app, batch["id"]) - first) == 1
    await app.state.redis.delete("arq:queue")


async def test_the_sweeper_counts_a_run_killed_with_its_connection_as_dead(app, api, sessionmaker):
    ids = await push(api, customers=3, entries=1)
    batch = await launch(api, ids)
    await backdate_request(sessionmaker, batch["id"])
    engine = sessionmaker.kw["bind"]
    await app.state.redis.delete("arq:queue")
    async with liveness.lease(engine, uuid.UUID(batch["id"]), slots=4) as run:
        pid = (await run.execute(text("SELECT pg_backend_pid()"))).scalar()
        async with sessionmaker() as session:  # the process is gone: PostgreSQL closes its session
            assert await session.scalar(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
        await sweep(sessionmaker, app.state.redis, max_parallel=4)
        assert len(await queued_runs(app, batch["id"])) == 1
        assert not await run.alive()
    await app.state.redis.delete("arq:queue")


async def test_a_run_that_lost_its_slot_stops_without_failing_customers(api, sessionmaker):
    ids = await push(api, customers=40, entries=2)
    batch = await launch(api, ids)

    async def kill_the_lease_connection():
        while True:  # the run's own slot lock: end its session, as a PostgreSQL restart would
            async with sessionmaker() as session:
                pids = (await session.scalars(text(
                    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted "
                    "AND pid <> pg_backend_pid() AND database = (SELECT oid FROM pg_database "
                    "WHERE datname = current_database())"))).all()
                done = await session.scalar(text("SELECT count(*) FROM invoice_batch_customers "
                                                 "WHERE batch_id = :b AND outcome IS NOT NULL"), {"b": batch["id"]})
                if done >= 5 and pids:
                    for pid in pids:
                        await session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                    return
            await asyncio.sleep(0.001)

    killer = asyncio.create_task(kill_the_lease_connection())
    result = await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    await killer
    assert result["status"] == "interrupted"
    async with sessionmaker() as session:
        failed = await session.scalar(text("SELECT count(*) FROM invoice_batch_customers WHERE batch_id = :b "
                                           "AND outcome = 'failed'"), {"b": batch["id"]})
    assert failed == 0
    # Its successor finishes the batch; nothing was billed twice or lost.
    assert (await run_batch(sessionmaker, uuid.UUID(batch["id"])))["status"] == "succeeded"
    await assert_report_matches_database(api, sessionmaker, batch["id"])


async def test_progress_moves_while_the_batch_runs(api, sessionmaker):
    ids = await push(api, customers=400, entries=2)
    batch = await launch(api, ids)
    seen = []

    async def watch():
        while True:
            state = (await api.get(f"/v1/invoice-batches/{batch['id']}")).json()
            seen.append(state["progress"]["customers_done"])
            if state["status"] not in {"scheduled", "running"}:
                return
            await asyncio.sleep(0.02)

    watcher = asyncio.create_task(watch())
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    await watcher
    moving = sorted(set(seen) - {0, 400})
    assert seen[-1] == 400 and seen == sorted(seen)  # exact at the end, never going back
    assert len(moving) >= 3, seen  # intermediate counts a progress bar can draw
    assert all(b - a <= 100 for a, b in zip([0, *moving], [*moving, 400])), moving


async def test_a_run_frozen_inside_a_customer_does_not_hold_up_the_others(api, sessionmaker):
    ids = await push(api, customers=30, entries=2)
    batch = await launch(api, ids)
    async with sessionmaker() as frozen:
        # What a run's open customer transaction holds on the batch row: the key share of its
        # invoice's foreign key. Another run must still start, bill everyone else, and finish.
        await frozen.execute(text("SELECT id FROM invoice_batches WHERE id = :b FOR KEY SHARE"), {"b": batch["id"]})
        result = await asyncio.wait_for(run_batch(sessionmaker, uuid.UUID(batch["id"])), 30)
        await frozen.rollback()
    assert result["status"] == "succeeded"
    await assert_report_matches_database(api, sessionmaker, batch["id"])


async def test_the_sweeper_skips_a_batch_row_held_by_a_frozen_run_instead_of_waiting(app, api, sessionmaker):
    ids = await push(api, customers=3, entries=1)
    batch = await launch(api, ids)
    await backdate_request(sessionmaker, batch["id"])
    await app.state.redis.delete("arq:queue")
    async with sessionmaker() as frozen:  # a run frozen while it starts or finishes the batch
        await frozen.execute(text("SELECT id FROM invoice_batches WHERE id = :b FOR NO KEY UPDATE"),
                             {"b": batch["id"]})
        swept = await asyncio.wait_for(sweep(sessionmaker, app.state.redis, max_parallel=4), 10)
        assert await queued_runs(app, batch["id"]) == set() and swept["queued"] == 0
        await frozen.rollback()
    assert (await sweep(sessionmaker, app.state.redis, max_parallel=4))["queued"] >= 1
    assert len(await queued_runs(app, batch["id"])) == 1
    await app.state.redis.delete("arq:queue")
