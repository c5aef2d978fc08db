"""The router every resource uses: an APIRouter that requests for other paths skip at once.

FastAPI tries a request against every route of every included router in turn until one matches,
and each try costs more than a cheap endpoint does (seen: ~19,000 instructions a route). With ten
routers ahead of it, `/healthz` paid for ~60 tries, and a late resource's routes for dozens. A
router whose prefix the path does not start with cannot match, so it answers "no match" without
trying its routes. Routers are included without an extra prefix (app/main.py), so `prefix` is the
full one."""

from fastapi import APIRouter
from starlette._utils import get_route_path
from starlette.routing import Match
from starlette.types import Scope


class ResourceRouter(APIRouter):
    def __init__(self, *, prefix: str, **kwargs):
        if not prefix.startswith("/") or prefix.endswith("/"):
            raise ValueError(f"a resource prefix looks like /v1/things, not {prefix!r}")
        super().__init__(prefix=prefix, **kwargs)
        self._below = prefix + "/"

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        path = get_route_path(scope)
        if path != self.prefix and not path.startswith(self._below):
            return Match.NONE, {}
        return super().matches(scope)
