"""arq tasks: thin wrappers that open a session, call a service and commit. Ids in, JSON out."""

from typing import Any


async def ping(ctx: dict[str, Any]) -> dict[str, Any]:
    """Round trip through the queue and the database: proves a worker is consuming and connected."""
    from sqlalchemy import text

    async with ctx["sessionmaker"]() as session:
        database = await session.scalar(text("SELECT current_database()"))
    return {"pong": True, "database": database}
