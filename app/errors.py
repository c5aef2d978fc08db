"""One error type and the handlers that turn every failure a client can cause into RFC 9457
problem+json: a stable `code`, a human `detail`, and for validation errors the fields at fault."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"


class FieldError(BaseModel):
    field: str
    code: str
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    code: str
    errors: list[FieldError] = []


class RebillError(Exception):
    status = 400
    code = "bad_request"
    title = "Bad request"

    def __init__(self, detail: str, *, code: str | None = None, errors: list[FieldError] | None = None,
                 status: int | None = None, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.code = code or self.code
        self.errors = errors or []
        self.status = status or self.status
        self.headers = headers


class NotFound(RebillError):
    status = 404
    code = "not_found"
    title = "Not found"


class Conflict(RebillError):
    status = 409
    code = "conflict"
    title = "Conflict"


class Unauthorized(RebillError):
    status = 401
    code = "unauthorized"
    title = "Unauthorized"


class InvalidInput(RebillError):
    status = 422
    code = "validation_error"
    title = "Invalid input"

    @classmethod
    def field(cls, field: str, message: str, *, code: str = "invalid") -> "InvalidInput":
        return cls(f"{field}: {message}", errors=[FieldError(field=field, code=code, message=message)])


_TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
           405: "Method not allowed", 409: "Conflict", 413: "Payload too large",
           415: "Unsupported media type", 422: "Invalid input", 503: "Service unavailable"}


def problem_response(status: int, code: str, detail: str, *, errors: list[FieldError] | None = None,
                     headers: dict[str, str] | None = None) -> JSONResponse:
    body = Problem(title=_TITLES.get(status, "Error"), status=status, detail=detail, code=code,
                   errors=errors or [])
    return JSONResponse(body.model_dump(), status_code=status, media_type=PROBLEM_JSON, headers=headers)


def field_path(loc: tuple[Any, ...]) -> str:
    """('body', 'items', 3, 'hours') -> 'items[3].hours'; ('query', 'limit') -> 'limit'."""
    parts = list(loc[1:] if loc and loc[0] in {"body", "query", "path", "header"} else loc)
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "body"


def validation_errors(pydantic_errors: list[dict]) -> list[FieldError]:
    """pydantic's error dicts as the fields at fault, in the words clients see."""
    errors = []
    for err in pydantic_errors:
        loc = tuple(err.get("loc", ()))
        # Discriminated and union models add the model name to the location: keep the user's path.
        loc = tuple(p for p in loc if not (isinstance(p, str) and p[:1].isupper()))
        message = err.get("msg", "invalid value").removeprefix("Value error, ")
        if err.get("type") == "extra_forbidden":
            message = "unknown field"
        errors.append(FieldError(field=field_path(loc), code=err.get("type", "invalid"), message=message))
    return errors


def validation_detail(errors: list[FieldError]) -> str:
    return "; ".join(f"{e.field}: {e.message}" for e in errors[:5])


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RebillError)
    async def _rebill_error(_: Request, exc: RebillError) -> JSONResponse:
        return problem_response(exc.status, exc.code, exc.detail, errors=exc.errors, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _request_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        raw_errors = exc.errors()
        invalid_json = next((e for e in raw_errors if e.get("type") == "json_invalid"), None)
        if invalid_json is not None:
            return await _malformed_json(request, _json_error(invalid_json))
        if any(_unparsed_body(e) for e in raw_errors):
            # FastAPI parses a body as JSON only when the request says it is JSON; otherwise the
            # model receives bytes, and "Input should be a valid dictionary" would hide the cause.
            content_type = request.headers.get("content-type")
            return problem_response(415, "unsupported_media_type",
                                    "The request body must be JSON sent with Content-Type: application/json "
                                    f"({f'not {content_type}' if content_type else 'the header is missing'}).")
        errors = validation_errors(raw_errors)
        return problem_response(422, "validation_error", validation_detail(errors), errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.detail == _FASTAPI_PARSE_ERROR:
            # The JSON parser gave up before saying where: bytes that are not UTF-8, or nesting so
            # deep that it ran out of stack.
            return await _malformed_json(request, "it is not UTF-8 text, or it is nested too deeply")
        code = {400: "malformed_json", 404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}.get(exc.status_code, "http_error")
        return problem_response(exc.status_code, code, str(exc.detail), headers=getattr(exc, "headers", None))

    # The database has the last word on integrity (uniqueness, references, ranges). When it refuses
    # a write that the services did not foresee, the client still gets a 4xx naming the constraint.
    @app.exception_handler(IntegrityError)
    async def _integrity(_: Request, exc: IntegrityError) -> JSONResponse:
        sqlstate = _sqlstate(exc)
        constraint = _constraint_name(exc)
        if sqlstate == "23503":
            return problem_response(409, "still_referenced",
                                    f"The record is referenced by other records ({constraint}).")
        if sqlstate == "23505":
            return problem_response(409, "already_exists", f"A record with the same key exists ({constraint}).")
        return problem_response(422, "constraint_violated", f"The data breaks a rule ({constraint}).")

    @app.exception_handler(DBAPIError)
    async def _dbapi(_: Request, exc: DBAPIError) -> JSONResponse:
        sqlstate = _sqlstate(exc)
        if sqlstate and sqlstate.startswith("22"):  # data exception: out of range, bad format
            return problem_response(422, "invalid_value", "A value is out of the accepted range.")
        raise exc


_FASTAPI_PARSE_ERROR = "There was an error parsing the body"


def _json_error(error: dict) -> str:
    """FastAPI's json_invalid error in words: its location is a character offset, not a field."""
    reason = (error.get("ctx") or {}).get("error") or "invalid JSON"
    position = error.get("loc", ())[1:2]
    return f"{reason} at character {position[0]}" if position and isinstance(position[0], int) else reason


def _unparsed_body(error: dict) -> bool:
    """A validation error on a body FastAPI left as bytes, because it was not sent as JSON."""
    return tuple(error.get("loc", ())) == ("body",) and isinstance(error.get("input"), bytes | bytearray)


async def _malformed_json(request: Request, reason: str) -> JSONResponse:
    # FastAPI parses the body before it runs the auth dependency: a stranger's malformed JSON must
    # still be told 401, not be given a parse report.
    if request.url.path.startswith("/v1/"):
        unauthorized = await _authentication_failure(request)
        if unauthorized is not None:
            return unauthorized
    return problem_response(400, "malformed_json", f"The request body is not valid JSON: {reason}.",
                            errors=[FieldError(field="body", code="json_invalid", message=reason)])


async def _authentication_failure(request: Request) -> JSONResponse | None:
    from app.tenants.service import authenticate

    try:
        await authenticate(request.app.state.reads, authorization=request.headers.get("authorization"))
    except RebillError as exc:
        return problem_response(exc.status, exc.code, exc.detail, headers=exc.headers)
    return None


def _sqlstate(exc: DBAPIError) -> str | None:
    orig = exc.orig
    return getattr(orig, "sqlstate", None) or getattr(getattr(orig, "__cause__", None), "sqlstate", None)


def _constraint_name(exc: DBAPIError) -> str:
    cause = getattr(exc.orig, "__cause__", None)
    return getattr(cause, "constraint_name", None) or "constraint"


def problems(*statuses: int, authenticated: bool = True) -> dict[int | str, dict]:
    """OpenAPI declaration of the problem responses a route can give (401 is implied by auth)."""
    described = {400: "Malformed request", 401: "Missing or invalid API key", 404: "Not found",
                 409: "Conflict with the current state", 413: "Body too large",
                 415: "The body was not sent as `Content-Type: application/json`",
                 422: "Invalid input; `errors` names the fields at fault",
                 503: "A service Rebill needs does not answer"}
    return {status: {"model": Problem, "description": described.get(status, "Error"),
                     "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            for status in ((401,) if authenticated else ()) + statuses}


def problems_in_document(document: dict) -> dict:
    """FastAPI declares its own 422 shape (HTTPValidationError) on routes with parameters; ours
    answers problem+json there too. Say so, so generated clients parse the answer they get."""
    problem = problems(422)[422]
    for operation in (op for path in document.get("paths", {}).values() for op in path.values()):
        declared = operation.get("responses", {}).get("422")
        if declared is not None and "HTTPValidationError" in str(declared):
            operation["responses"]["422"] = {
                "description": problem["description"],
                "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}},
                            "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
    for operation in (op for hook in document.get("webhooks", {}).values() for op in hook.values()):
        operation.get("responses", {}).pop("422", None)  # what a receiver answers is its own affair
    schemas = document.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    return document
