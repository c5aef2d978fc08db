"""The published contract where FastAPI's defaults fall short of what the server does: the problem
responses every body-taking route can give, the bearer scheme of the API keys, and the `Allow`
header of a 405, which names every method of the path rather than those of one route."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import PROBLEM_JSON, problem_response

BEARER = "bearerAuth"
_PROBLEM = {"$ref": "#/components/schemas/Problem"}

# What any route that reads a JSON body answers before its own checks: the body is not JSON (or
# not UTF-8, or nested too deep), or it was sent under another Content-Type.
_BODY_PROBLEMS = {
    "400": {"description": "The body is not JSON: malformed, not UTF-8, or nested too deep",
            "content": {PROBLEM_JSON: {"schema": _PROBLEM}, "application/json": {"schema": _PROBLEM}}},
    "415": {"description": "The body was not sent as `Content-Type: application/json`",
            "content": {PROBLEM_JSON: {"schema": _PROBLEM}}},
}


def contract_in_document(document: dict) -> dict:
    """Declare the bearer scheme on every operation that requires an API key (the /v1 ones; /metrics'
    own token is another credential), and the problems of a malformed body on every operation that
    takes one."""
    components = document.setdefault("components", {})
    components.setdefault("securitySchemes", {})[BEARER] = {
        "type": "http", "scheme": "bearer",
        "description": "An API key (`rbk_…`) from `rebill tenants create` or `rebill keys create`, sent as "
                       "`Authorization: Bearer <key>`."}
    for path, operations in document.get("paths", {}).items():
        for operation in operations.values():
            _operation_contract(path, operation)
    return document


def _operation_contract(path: str, operation: dict) -> None:
    responses = operation.setdefault("responses", {})
    if path.startswith("/v1/"):
        operation["security"] = [{BEARER: []}]
    if "requestBody" in operation:
        for status, response in _BODY_PROBLEMS.items():
            responses.setdefault(status, response)
        operation["responses"] = dict(sorted(responses.items()))


def allowed_methods(app: FastAPI, scope: dict) -> list[str]:
    """The methods of the path `scope` asks for, as the document groups them: those of every route
    with the same template as the first route whose path matches (the one the router prefers; a
    literal segment such as /bulk is registered before /{id})."""
    path, root = scope["path"], scope.get("root_path", "")
    path = path[len(root):] if root and path.startswith(root) else path
    template, methods = None, set()
    for route in iter_route_contexts(app.router.routes):
        regex = getattr(route, "path_regex", None)
        if not route.methods or regex is None or not regex.match(path):
            continue
        template = template or route.path
        if route.path == template:
            methods |= route.methods
    return sorted(methods)


def install_method_not_allowed(app: FastAPI) -> None:
    @app.exception_handler(405)
    async def _method_not_allowed(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        allow = ", ".join(allowed_methods(request.app, request.scope))
        return problem_response(405, "method_not_allowed", f"{request.method} is not supported here; this path "
                                f"supports {allow}.", headers={"Allow": allow})
