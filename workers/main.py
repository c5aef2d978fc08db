"""arq worker settings: JSON job serialization (never pickle), the task list, startup/shutdown."""

import socket
from typing import Any

from arq import cron, func

from app.config import get_settings
from app.db import make_engine, make_sessionmaker
from app.kit.collector import settle_after_startup
from app.queue import deserialize_job, redis_settings, serialize_job
from app.delivery.mailer import Mailer
from app.webhooks.delivery import new_http_client
from workers.tasks import (deliver_webhook, ping, render_invoice_pdfs, run_invoice_batch, send_email, sweep,
                           write_export)

# How long a stopping worker lets its running jobs finish; the Helm chart's
# terminationGracePeriodSeconds must be larger.
JOB_COMPLETION_WAIT_SECONDS = 300


async def startup(ctx: dict[str, Any]) -> None:
    settings = get_settings()
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    ctx["engine"] = engine
    ctx["sessionmaker"] = make_sessionmaker(engine)
    ctx["mailer"] = Mailer.from_settings(settings)
    ctx["http"] = new_http_client()
    settle_after_startup()


async def shutdown(ctx: dict[str, Any]) -> None:
    http = ctx.get("http")
    if http is not None:
        await http.aclose()
    engine = ctx.get("engine")
    if engine is not None:
        await engine.dispose()


class WorkerSettings:
    # Webhook attempts are counted in PostgreSQL (delivery.MAX_ATTEMPTS): arq's count must never stop
    # them first, even with every worker restart counted as a try.
    functions = [ping, func(run_invoice_batch, timeout=3600, max_tries=100), func(send_email, timeout=300),
                 func(render_invoice_pdfs, timeout=3600), func(deliver_webhook, timeout=60, max_tries=1000),
                 func(write_export, timeout=3600)]
    # Every 5 s: a batch whose runs all died is resumed within seconds of a worker being free.
    cron_jobs = [cron(sweep, second=set(range(0, 60, 5)), unique=True, run_at_startup=True)]
    on_startup = startup
    on_shutdown = shutdown
    job_serializer = serialize_job
    job_deserializer = deserialize_job
    health_check_interval = 30
    # One key per pod, so `rebill worker --check` in a pod reports on that pod's worker only.
    health_check_key = f"arq:health-check:{socket.gethostname()}"
    job_completion_wait = JOB_COMPLETION_WAIT_SECONDS
    max_jobs = 10
    # A batch waits at most this long for a worker to notice it (arq polls Redis).
    poll_delay = 0.1

    @staticmethod
    def redis() -> Any:
        return redis_settings(get_settings().redis_url)
