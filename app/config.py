"""Runtime configuration, read from the environment. Imports nothing else from the app."""

from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", case_sensitive=False)

    # Unset means "start the embedded servers" for `rebill serve`; the other commands require them.
    database_url: str | None = None
    redis_url: str | None = None

    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    # The From address when the tenant has no email_sender of its own.
    smtp_from: str = "billing@rebill.invalid"
    smtp_timeout_seconds: float = Field(default=30, gt=0)

    public_base_url: str = "http://127.0.0.1:8000"
    webhook_allow_private_urls: bool = False
    # When set, GET /metrics requires `Authorization: Bearer <token>`; unset (or empty), it is open.
    metrics_token: SecretStr | None = None

    log_level: str = "INFO"
    # Requests whose body is larger than this answer 413; 10,000 time entries fit in about 3 MiB.
    max_body_bytes: int = Field(default=16 * 1024 * 1024, ge=1024)
    db_pool_size: int = Field(default=10, ge=1)
    # How many runs (workers) may share one invoice batch.
    batch_max_parallel_runs: int = Field(default=4, ge=1, le=64)
    # A console session (SPEC §13) ends after this long without a request.
    console_session_idle_minutes: int = Field(default=12 * 60, ge=1)
    # Where `rebill serve` keeps its embedded PostgreSQL and Redis.
    data_dir: str = ".data"

    @field_validator("metrics_token")
    @classmethod
    def _empty_token_is_no_token(cls, token: SecretStr | None) -> SecretStr | None:
        return token if token is not None and token.get_secret_value() else None


@lru_cache
def get_settings() -> Settings:
    return Settings()


def sqlalchemy_url(database_url: str) -> str:
    """`postgresql://...` as users write it -> the asyncpg dialect SQLAlchemy needs."""
    scheme, sep, rest = database_url.partition("://")
    if not sep or scheme not in {"postgres", "postgresql", "postgresql+asyncpg"}:
        raise ValueError("DATABASE_URL must look like postgresql://user:pass@host:port/db")
    return f"postgresql+asyncpg://{rest}"


def redis_target(redis_url: str) -> dict:
    """Connection arguments for a `redis://host:port/db` or `unix:///path/socket?db=0` URL."""
    parts = urlsplit(redis_url)
    if parts.scheme == "unix":
        db = int(parse_qs(parts.query).get("db", ["0"])[0])
        return {"unix_socket_path": parts.path, "database": db}
    if parts.scheme not in {"redis", "rediss"}:
        raise ValueError("REDIS_URL must look like redis://host:port/db")
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 6379,
        "database": int(parts.path.lstrip("/") or 0),
        "password": parts.password,
        "username": parts.username,
        "ssl": parts.scheme == "rediss",
    }
