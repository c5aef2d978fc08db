"""The FastAPI application: lifespan (engine, queue pool), routers, error handlers, probes."""

from contextlib import asynccontextmanager

from arq import create_pool
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text

from app.config import Settings, get_settings
from app.console.pages import install_console
from app.contract import contract_in_document, install_method_not_allowed
from app.db import Reads, make_engine, make_sessionmaker
from app.docs import install_docs
from app.errors import install_error_handlers, problem_response, problems, problems_in_document
from app.kit.collector import settle_after_startup
from app.middleware import BodySizeLimit
from app.observability import RequestContext, metrics_authorized, render_metrics
from app.queue import deserialize_job, redis_settings, serialize_job
from app.routers import ROUTERS
from app.tenants.verified_keys import VerifiedKeys
from app.webhooks.events import document_webhooks


def _operation_id(route: APIRoute) -> str:
    # Stable ids for generated clients: the endpoint function's name, unique across the API.
    return route.name


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings: Settings = app.state.settings
    if settings.database_url is None or settings.redis_url is None:
        raise RuntimeError("DATABASE_URL and REDIS_URL must be set (or use `rebill serve`).")
    # As many connections as pool + overflow would allow, all kept: under a steady load above
    # pool_size, overflow connections are opened and closed request after request (a PostgreSQL
    # backend started, TLS tried, types introspected), which costs more than the request itself.
    pool_size = 2 * settings.db_pool_size
    engine = make_engine(settings.database_url, pool_size=pool_size, max_overflow=0, pre_ping=False)
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.reads = Reads(engine, concurrency=pool_size)
    app.state.redis = await create_pool(redis_settings(settings.redis_url), job_serializer=serialize_job,
                                        job_deserializer=deserialize_job)
    app.state.verified_keys = VerifiedKeys(settings.database_url)
    await app.state.verified_keys.start()
    settle_after_startup()
    try:
        yield
    finally:
        await app.state.verified_keys.stop()
        await app.state.redis.aclose()
        await engine.dispose()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="Rebill",
        version="0.1.0",
        summary="Batch re-invoicing of the time a support team spends on tickets and work orders.",
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        separate_input_output_schemas=False,
        responses={},
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestContext)  # outermost: every answer, 413s included, carries the request id
    install_error_handlers(app)
    install_method_not_allowed(app)
    for router in ROUTERS:
        app.include_router(router)
    install_docs(app)
    install_console(app)
    document_webhooks(app)
    generate = app.openapi
    app.openapi = lambda: contract_in_document(problems_in_document(generate()))  # type: ignore[method-assign]

    @app.get("/healthz", tags=["probes"])
    async def healthz() -> dict[str, str]:
        """The process is up."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["probes"], responses=problems(503, authenticated=False))
    async def readyz(request: Request):
        """PostgreSQL and Redis answer."""
        try:
            async with request.app.state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception as exc:  # any failure to reach the database means "not ready"
            return problem_response(503, "database_unavailable", f"PostgreSQL does not answer: {exc}")
        try:
            await request.app.state.redis.ping()
        except Exception as exc:  # idem for Redis
            return problem_response(503, "redis_unavailable", f"Redis does not answer: {exc}")
        return JSONResponse({"status": "ready"})

    @app.get("/metrics", tags=["probes"], response_class=Response, responses=problems(401, authenticated=False))
    async def metrics(request: Request) -> Response:
        """Prometheus metrics: batches by status and their durations, invoices by status and delivery,
        emails, time entries billed, the queue's depth, webhook deliveries by result. Counted over
        every tenant: when METRICS_TOKEN is set, send it as `Authorization: Bearer <token>`."""
        token = settings.metrics_token
        if token is not None and not metrics_authorized(request.headers.get("authorization"),
                                                        token.get_secret_value()):
            return problem_response(401, "unauthorized", "Send `Authorization: Bearer <METRICS_TOKEN>`.",
                                    headers={"WWW-Authenticate": "Bearer"})
        body = await render_metrics(request.app.state.sessionmaker, request.app.state.redis)
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    return app
