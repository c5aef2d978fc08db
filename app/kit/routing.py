"""The router every resource uses: an APIRouter that requests for other paths skip at once.

FastAPI tries a request against every route of every included router in turn until one matches,
and each try costs more than a cheap endpoint does (seen: ~19,000 instructions a route). With ten
routers ahead of it, `/healthz` paid for ~60 tries, and a late resource's routes for dozens. A
router whose prefix the path does not start with cannot match, so it answers "no match" without
trying its routes. Routers are included without an extra prefix (app/main.py), so `prefix` is the
full one.

Its routes read JSON bodies with pydantic-core's parser, about a third faster than `json.loads` (a
10,000-item bulk push is 2.3 MB of JSON: ~23 ms instead of ~33). Wherever that parser accepts a body,
`json.loads` reads the same values; a body it refuses (an error, a lone surrogate, a byte order
mark, UTF-16, deep nesting) is read by `json.loads`, so such bodies are answered as before."""

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.routing import APIRoute
from pydantic_core import from_json
from starlette._utils import get_route_path
from starlette.routing import Match
from starlette.types import Scope


class _Request(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            body = await self.body()
            try:
                self._json = from_json(body)
            except ValueError:
                self._json = json.loads(body)
        return self._json


class JSONBodyRoute(APIRoute):
    """A route whose handler reads a JSON body with pydantic-core's parser (see above)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def read_with_pydantic_core(request: Request) -> Response:
            return await handler(_Request(request.scope, request.receive, request._send))
        return read_with_pydantic_core


class ResourceRouter(APIRouter):
    def __init__(self, *, prefix: str, **kwargs):
        if not prefix.startswith("/") or prefix.endswith("/"):
            raise ValueError(f"a resource prefix looks like /v1/things, not {prefix!r}")
        super().__init__(prefix=prefix, **{"route_class": JSONBodyRoute, **kwargs})
        self._below = prefix + "/"

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        path = get_route_path(scope)
        if path != self.prefix and not path.startswith(self._below):
            return Match.NONE, {}
        return super().matches(scope)
