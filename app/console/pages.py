"""How console pages are answered: Jinja2 templates shipped in the package, the security headers
every console answer carries (scripts and styles from this site only), the static files, and the
error pages (a problem in the console is an HTML page, not problem+json)."""

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from app.errors import RebillError

HERE = Path(__file__).parent

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def _when(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M %Z").strip()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _money(value) -> str:
    if value is None:
        return "—"
    return f"{Decimal(value):,.2f}".replace(",", "\u202f")


def _rate(value) -> str:
    """A tax rate as the API writes it: 20.00, 5.50, 8.125."""
    rate = Decimal(value).normalize()
    return str(rate.quantize(Decimal("0.01")) if rate == rate.quantize(Decimal("0.01")) else rate)


def _hours(value) -> str:
    return "—" if value is None else f"{Decimal(value):.2f}"


def _plain(value) -> str:
    """A code as words: `completed_with_errors` → "completed with errors"."""
    return str(value or "").replace("_", " ")


templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
templates.filters.update(when=_when, money=_money, plain=_plain, rate=_rate, hours=_hours)


def secured(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def render(request: Request, name: str, context: dict, *, status: int = 200) -> Response:
    user = getattr(request.state, "console", None)
    html = templates.get_template(name).render(request=request, user=user,
                                               csrf_token=context.pop("csrf_token", None) or (user and user.csrf_token),
                                               **context)
    return secured(HTMLResponse(html, status_code=status))


def install_console(app: FastAPI) -> None:
    from app.console.endpoints import FormRefused, SignInRequired, router

    app.include_router(router)
    app.mount("/console/static", StaticFiles(directory=HERE / "static"), name="console-static")
    api_errors = app.exception_handlers[RebillError]

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, exc: SignInRequired) -> Response:
        return secured(RedirectResponse("/console/sign-in", status_code=303))

    @app.exception_handler(FormRefused)
    async def _refused(request: Request, exc: FormRefused) -> Response:
        return render(request, "error.html", {
            "status": 403, "message": "This form was refused: it did not carry this session's security token. "
                                      "Reload the page and try again."}, status=403)

    @app.exception_handler(RebillError)
    async def _error(request: Request, exc: RebillError) -> Response:
        if not request.url.path.startswith("/console/"):
            return await api_errors(request, exc)
        return render(request, "error.html", {"status": exc.status, "message": exc.detail}, status=exc.status)
