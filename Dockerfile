# syntax=docker/dockerfile:1
#
# One image for the three processes of a Rebill deployment:
#   docker run IMAGE                      the API (rebill api --host 0.0.0.0 --port 8000)
#   docker run IMAGE rebill worker        one arq worker
#   docker run IMAGE rebill migrate       alembic upgrade head
# Configuration comes from the environment (DATABASE_URL, REDIS_URL, SMTP_*, ...; see docs/operations.md).
#
# The base image is pinned by tag (Python patch release and Debian release). Bump both FROM lines
# together; the Debian release decides the names of the apt packages below.

# --- builder: a virtualenv holding the dependencies and the `rebill` console script -------------
FROM python:3.11.14-slim-trixie AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:${PATH}"

WORKDIR /app
# Only the project metadata and empty top-level packages: the dependencies resolve from
# pyproject.toml alone, so this layer is rebuilt when they change, not on every code change.
# The project is installed in editable mode against /app: the final stage puts the real source
# there, the one copy of the code, kept beside alembic.ini and alembic/ (app/migrations.py looks
# for alembic.ini beside the app package, then in the working directory), and any data files
# the packages carry (templates, fonts, ...) are used in place.
COPY pyproject.toml README.md ./
RUN mkdir app workers \
    && touch app/__init__.py workers/__init__.py \
    && pip install --no-cache-dir -e .

# --- runtime --------------------------------------------------------------------------------------
FROM python:3.11.14-slim-trixie

# Shared libraries and fonts that WeasyPrint (PDF invoices) loads at run time. The versions follow
# the Debian release fixed by the base image tag, which only receives security updates.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        fonts-dejavu-core \
        libharfbuzz-subset0 \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
    && rm -rf /var/lib/apt/lists/*

# A fixed numeric uid/gid, so that Kubernetes' runAsNonRoot can verify it.
RUN groupadd --system --gid 10001 rebill \
    && useradd --system --uid 10001 --gid rebill --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin rebill

ENV PATH="/opt/venv/bin:${PATH}" \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    XDG_CACHE_HOME=/tmp/.cache

WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
# The code stays owned by root: the service user can read it, not change it.
COPY alembic.ini ./
COPY alembic ./alembic
COPY workers ./workers
COPY app ./app
# Compiled once here, because the containers run with a read-only root filesystem.
RUN python -m compileall -q app workers alembic

USER 10001:10001
EXPOSE 8000

# For the API. A worker container has no HTTP server: run it with --no-healthcheck (compose:
# `healthcheck: {disable: true}`) or `rebill worker --check`. Kubernetes ignores HEALTHCHECK and
# uses the chart's probes.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]

CMD ["rebill", "api", "--host", "0.0.0.0", "--port", "8000"]
