"""`alembic upgrade head`, callable from the CLI, `rebill serve` and the tests."""

from pathlib import Path

from alembic import command
from alembic.config import Config


def _alembic_ini() -> Path:
    # The source tree (editable install, Docker image) keeps alembic.ini beside the app package;
    # otherwise look in the working directory.
    for base in (Path(__file__).resolve().parent.parent, Path.cwd()):
        if (base / "alembic.ini").is_file():
            return base / "alembic.ini"
    raise RuntimeError("alembic.ini not found: run from the Rebill source tree.")


def alembic_config(database_url: str) -> Config:
    config = Config(str(_alembic_ini()))
    config.attributes["database_url"] = database_url
    config.attributes["configure_logging"] = False
    return config


def upgrade_head(database_url: str) -> None:
    """Must run outside an event loop (Alembic's env starts its own)."""
    command.upgrade(alembic_config(database_url), "head")
