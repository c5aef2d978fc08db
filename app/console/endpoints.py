"""The console's pages and forms (SPEC §13). A second face on the services behind /v1: every page
reads through them and every form calls them; nothing here decides anything about billing.

Signed-in requests carry the session cookie; every form that changes something also carries the
session's CSRF token (the sign-in form, before any session, a token of its own cookie). Pages are
HTML that works without script; static/console.js only moves progress bars."""

import hashlib
import json
import secrets
import uuid
from datetime import timedelta
from decimal import Decimal
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.console import lookups, sessions
from app.console.pages import render, secured
from app.console.sessions import SignedIn
from app.delivery import outbox
from app.deps import ReadDep, SessionDep, SettingsDep
from app.errors import NotFound
from app.invoice_batches import batches, report
from app.invoice_batches import service as batch_service
from app.invoice_batches.schemas import InvoiceBatchDefinition
from app.invoices import documents, payments
from app.invoices import service as invoice_service
from app.kit.downloads import file_response
from app.kit.pagination import (CreatedPageParams, KeysetParams, PageParams, SortOrder, created_keys, created_page_params,
                                decode_cursor, make_page)
from app.kit.repository import get_owned
from app.models import Invoice, TenantSettings
from app.tenants.service import verify_key
from app.time_entries import service as time_entry_service

router = APIRouter(prefix="/console", include_in_schema=False)

SESSION_COOKIE = "rebill_console"
SIGN_IN_COOKIE = "rebill_console_sign_in"
BATCHES_PER_PAGE = 20
ITEMS_ON_BATCH_PAGE = 20
ITEMS_PER_PAGE = 100
FINAL = ("succeeded", "completed_with_errors", "failed", "cancelled")

# The report's selections as the batch page shows them, in its order: path name, heading, kind.
SECTIONS = (
    ("invoices-created", "Invoices created", "invoice"),
    ("invoices-not-validated", "Invoices not validated", "invoice_reasons"),
    ("invoices-not-sent", "Invoices not sent", "invoice_reasons"),
    ("unbilled-times", "Unbilled times", "time"),
    ("credit-notes-created", "Credit notes created", "invoice"),
    ("customers-without-times", "Customers without times", "customer"),
    ("customers-excluded", "Customers excluded", "customer"),
)
SECTION_BY_PATH = {path: (title, kind) for path, title, kind in SECTIONS}

NOTICES = {
    "signed_out": "You are signed out.",
    "created": "The batch is created.",
    "cancelled": "The batch is cancelled.",
    "validated": "The invoice is validated.",
    "deleted": "The draft is deleted; its times are billable again.",
    "sent": "The invoice is queued for sending.",
}


class SignInRequired(Exception):
    """No live session: the page answers with the sign-in form's address."""


class FormRefused(Exception):
    """A form came without its CSRF token (or with another session's)."""


def _secure_cookies(settings) -> bool:
    return settings.public_base_url.startswith("https://")


async def signed_in(request: Request, session: SessionDep, settings: SettingsDep) -> SignedIn:
    token = request.cookies.get(SESSION_COOKIE)
    found = None
    if token:
        found = await sessions.find_session(session, token=token,
                                            idle=timedelta(minutes=settings.console_session_idle_minutes))
    if found is None:
        raise SignInRequired()
    request.state.console = found
    return found


Console = Annotated[SignedIn, Depends(signed_in)]


async def _form(request: Request) -> dict[str, list[str]]:
    # Plain urlencoded forms: parsed here rather than pulling in a multipart parser.
    return parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)


async def checked_form(request: Request, user: Console) -> dict[str, list[str]]:
    form = await _form(request)
    if not sessions.csrf_valid(user.token, (form.get("csrf_token") or [None])[0]):
        raise FormRefused()
    return form


FormDep = Annotated[dict[str, list[str]], Depends(checked_form)]


def _one(form: dict, name: str) -> str | None:
    value = (form.get(name) or [""])[0].strip()
    return value or None


def _redirect(url: str) -> Response:
    return secured(RedirectResponse(url, status_code=303))


def _notice(request: Request) -> str | None:
    return NOTICES.get(request.query_params.get("notice", ""))


# --- signing in and out -------------------------------------------------------------------------

def _sign_in_page(request: Request, settings, *, error: str | None = None, status: int = 200) -> Response:
    # One sign-in token per browser, kept while it signs in: two open sign-in tabs both work.
    secret = request.cookies.get(SIGN_IN_COOKIE) or secrets.token_urlsafe(32)
    response = render(request, "sign_in.html", {"csrf_token": sessions.csrf_token_of(secret), "error": error,
                                                "notice": _notice(request)}, status=status)
    response.set_cookie(SIGN_IN_COOKIE, secret, httponly=True, samesite="strict", secure=_secure_cookies(settings),
                        path="/console/")
    return response


@router.get("/sign-in")
async def sign_in_form(request: Request, settings: SettingsDep) -> Response:
    return _sign_in_page(request, settings)


@router.post("/sign-in")
async def sign_in(request: Request, session: SessionDep, reads: ReadDep, settings: SettingsDep) -> Response:
    form = await _form(request)
    secret = request.cookies.get(SIGN_IN_COOKIE)
    if not secret or not sessions.csrf_valid(secret, _one(form, "csrf_token")):
        raise FormRefused()
    pasted = _one(form, "api_key") or ""
    key = await verify_key(reads, key=pasted.removeprefix("Bearer ").strip())
    if key is None:
        return _sign_in_page(request, settings, error="This API key is unknown or revoked.", status=401)
    if (previous := request.cookies.get(SESSION_COOKIE)) is not None:
        await sessions.close_session(session, token=previous)  # signing in again (another key) ends it
    opened = await sessions.open_session(session, tenant_id=key.tenant_id, api_key_id=key.id,
                                         idle=timedelta(minutes=settings.console_session_idle_minutes))
    response = _redirect("/console/")
    # A browser-session cookie: the idle expiry is the server's (a max-age would end an active
    # session 12 hours after sign-in, however busy).
    response.set_cookie(SESSION_COOKIE, opened.token, httponly=True, samesite="strict",
                        secure=_secure_cookies(settings), path="/console/")
    response.delete_cookie(SIGN_IN_COOKIE, path="/console/")
    return response


@router.post("/sign-out")
async def sign_out(user: Console, form: FormDep, session: SessionDep) -> Response:
    await sessions.close_session(session, token=user.token)
    response = _redirect("/console/sign-in?notice=signed_out")
    response.delete_cookie(SESSION_COOKIE, path="/console/")
    return response


# --- batches ------------------------------------------------------------------------------------

@router.get("/")
async def home(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    """The batches for a signed-in person, the sign-in form for anyone else."""
    try:
        user = await signed_in(request, session, settings)
    except SignInRequired:
        return _sign_in_page(request, settings)
    return await _batch_list(request, session, user, cursor=None)


@router.get("/batches")
async def batch_list(request: Request, session: SessionDep, user: Console, cursor: str | None = None) -> Response:
    return await _batch_list(request, session, user, cursor=cursor)


async def _batch_list(request: Request, session, user: SignedIn, *, cursor: str | None) -> Response:
    page = await created_page_params(limit=BATCHES_PER_PAGE, cursor=cursor, order=SortOrder.desc)
    rows = await batches.list_batches(session, tenant_id=user.tenant_id, page=page)
    listed = make_page(rows, page, lambda row: row, keys=created_keys)
    counts = await lookups.batch_counts(session, batch_ids=[b.id for b in listed["data"]])
    return render(request, "batches.html", {"batches": listed["data"], "next_cursor": listed["next_cursor"],
                                            "counts": counts, "notice": _notice(request)})


@router.get("/batches/progress.json")
async def batch_progress(session: SessionDep, user: Console, id: Annotated[list[str] | None, Query()] = None) -> Response:
    """Status and progress of the batches a page shows (its script polls this)."""
    found = []
    for batch_id in (id or [])[:BATCHES_PER_PAGE]:
        try:
            batch = await batches.get_batch(session, tenant_id=user.tenant_id, batch_id=batch_id)
        except NotFound:  # unknown or another tenant's: simply not reported
            continue
        found.append({"id": str(batch.id), "status": batch.status, "customers_done": batch.customers_done,
                      "customers_total": batch.customers_total, "final": batch.status in FINAL})
    return secured(JSONResponse({"batches": found}, headers={"Cache-Control": "no-store"}))


def _form_values(form: dict) -> dict:
    return {name: values if name in ("customer_ids", "exclude_customer_ids") else values[0]
            for name, values in form.items()}


def _definition_body(form: dict) -> dict:
    """The form's fields as the API's batch definition (empty fields left out, boxes as booleans)."""
    body: dict = {"title": _one(form, "title") or ""}
    if _one(form, "base") == "customers":
        body["customer_ids"] = [v for v in form.get("customer_ids", []) if v.strip()] or None
    else:
        body["selection_id"] = _one(form, "selection_id")
    if _one(form, "period_kind") == "cutoff":
        body["cutoff_date"] = _one(form, "cutoff_date")
    else:
        body["period_start"], body["period_end"] = _one(form, "period_start"), _one(form, "period_end")
    for flag in ("validate", "send", "show_employee_names", "product_mandatory", "include_late_time"):
        body[flag] = _one(form, flag) == "on"
    for name in ("source_type", "notify_email", "invoice_per", "line_grouping"):
        if (value := _one(form, name)) is not None:
            body[name] = value
    excluded = [v for v in form.get("exclude_customer_ids", []) if v.strip()]
    if excluded:
        body["exclude_customer_ids"] = excluded
    if (run_at := _one(form, "run_at")) is not None:
        # <input type=datetime-local> has no zone: the label says UTC.
        body["run_at"] = run_at + (":00" if len(run_at) == 16 else "") + "Z"
    return body


def _digest(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _errors_of(exc: ValidationError) -> list[dict]:
    return [{"field": ".".join(str(p) for p in error["loc"]) or "form", "message": error["msg"]}
            for error in exc.errors()]


async def _new_batch_page(request: Request, session, user: SignedIn, *, values: dict, errors: list | None = None,
                          preview=None, previewed: str | None = None, status: int = 200,
                          message: str | None = None) -> Response:
    choices = await lookups.form_choices(session, tenant_id=user.tenant_id)
    names = {}
    if preview is not None:
        names = await lookups.customer_names(session, tenant_id=user.tenant_id,
                                             ids=[i.customer_id for i in preview.invoices[:50]])
    return render(request, "new_batch.html", {
        **choices, "values": values, "errors": errors or [], "preview": preview, "previewed": previewed,
        "names": names, "idempotency_key": str(uuid.uuid4()), "message": message,
        "hours_worked": sum((i.hours_worked for i in preview.invoices), Decimal(0)) if preview else None,
        "unbilled_work_items": await lookups.work_items_of(
            session, tenant_id=user.tenant_id, time_entry_ids=[u.time_entry_id for u in preview.unbilled_times])
        if preview else None}, status=status)


@router.get("/batches/new")
async def new_batch_form(request: Request, session: SessionDep, user: Console) -> Response:
    return await _new_batch_page(request, session, user, values={"period_kind": "period", "base": "selection",
                                                                  "invoice_per": "customer",
                                                                  "line_grouping": "entry"})


@router.post("/batches/new")
async def new_batch(request: Request, session: SessionDep, user: Console, form: FormDep) -> Response:
    """`action=preview` shows what the batch would make; `action=run` creates it, with the
    Idempotency-Key the preview's page carried (a double submit creates one batch)."""
    values = _form_values(form)
    body = _definition_body(form)
    try:
        definition = InvoiceBatchDefinition.model_validate(body)
    except ValidationError as exc:
        return await _new_batch_page(request, session, user, values=values, errors=_errors_of(exc), status=422)
    if _one(form, "action") == "run":
        if _one(form, "previewed") != _digest(body):
            message = "The form changed since its preview: check this preview, then Run."
        else:
            created = await batches.create_batch(session, tenant_id=user.tenant_id, definition=definition,
                                                 idempotency_key=_one(form, "idempotency_key"))
            return _redirect(f"/console/batches/{created['id']}?notice=created")
    else:
        message = None
    preview = await batch_service.preview(session, tenant_id=user.tenant_id, definition=definition)
    return await _new_batch_page(request, session, user, values=values, preview=preview, previewed=_digest(body),
                                 message=message)


@router.get("/batches/{batch_id}")
async def batch_page(request: Request, batch_id: str, session: SessionDep, user: Console) -> Response:
    batch = await batches.get_batch(session, tenant_id=user.tenant_id, batch_id=batch_id)
    summary = await report.batch_summary(session, batch)
    sections = []
    for path, title, kind in SECTIONS:
        name = path.replace("-", "_")
        page = await report.selection_page(session, tenant_id=user.tenant_id, batch_id=batch_id, selection=name,
                                           page=KeysetParams(limit=ITEMS_ON_BATCH_PAGE, cursor=None))
        sections.append({"path": path, "name": name, "title": title, "kind": kind, "rows": page["data"],
                         "count": summary["counts"][name], "next_cursor": page["next_cursor"]})
    failed = await report.selection_page(session, tenant_id=user.tenant_id, batch_id=batch_id,
                                         selection="customers_failed",
                                         page=KeysetParams(limit=ITEMS_ON_BATCH_PAGE, cursor=None))
    context = await _names_for(session, user, [item for s in sections for item in s["rows"]] + failed["data"])
    selection_name = None
    if batch.selection_id is not None:
        choices = await lookups.form_choices(session, tenant_id=user.tenant_id)
        selection_name = dict(choices["selections"]).get(batch.selection_id)
    return render(request, "batch.html", {
        "batch": batch, "summary": summary, "sections": sections, "failed": failed["data"],
        "selection_name": selection_name, "final": batch.status in FINAL, "notice": _notice(request), **context})


@router.get("/batches/{batch_id}/report/{selection}")
async def batch_selection_page(request: Request, batch_id: str, selection: str, session: SessionDep, user: Console,
                               cursor: str | None = None) -> Response:
    """One selection of a batch's report, ITEMS_PER_PAGE at a time."""
    if selection not in SECTION_BY_PATH:
        return render(request, "error.html", {"status": 404, "message": "No such part of the report."}, status=404)
    batch = await batches.get_batch(session, tenant_id=user.tenant_id, batch_id=batch_id)
    title, kind = SECTION_BY_PATH[selection]
    page = await report.selection_page(session, tenant_id=user.tenant_id, batch_id=batch_id,
                                       selection=selection.replace("-", "_"),
                                       page=KeysetParams(limit=ITEMS_PER_PAGE, cursor=cursor))
    context = await _names_for(session, user, page["data"])
    return render(request, "selection.html", {"batch": batch, "title": title, "kind": kind, "rows": page["data"],
                                              "path": selection, "next_cursor": page["next_cursor"], **context})


async def _names_for(session, user: SignedIn, items: list) -> dict:
    customer_ids = [item if isinstance(item, uuid.UUID) else item.get("customer_id") for item in items]
    entry_ids = [item["time_entry_id"] for item in items if isinstance(item, dict) and "time_entry_id" in item]
    return {"names": await lookups.customer_names(session, tenant_id=user.tenant_id, ids=customer_ids),
            "entries": await lookups.time_entry_details(session, tenant_id=user.tenant_id, ids=entry_ids)}


@router.post("/batches/{batch_id}/cancel")
async def cancel_batch(batch_id: str, session: SessionDep, user: Console, form: FormDep) -> Response:
    batch = await batches.cancel_batch(session, tenant_id=user.tenant_id, batch_id=batch_id)
    return _redirect(f"/console/batches/{batch.id}?notice=cancelled")


# --- invoices -----------------------------------------------------------------------------------

PAYMENTS_SHOWN = 100  # the latest; the API lists them all


@router.get("/invoices/{invoice_id}")
async def invoice_page(request: Request, invoice_id: str, session: SessionDep, user: Console) -> Response:
    invoice = await get_owned(session, Invoice, user.tenant_id, invoice_id)
    [shown] = await invoice_service.to_out(session, [invoice])
    seller = await session.get(TenantSettings, user.tenant_id)
    paid = await payments.list_payments(session, tenant_id=user.tenant_id, invoice_id=invoice_id, page=CreatedPageParams(
        limit=PAYMENTS_SHOWN, after=None, order=SortOrder.desc))
    return render(request, "invoice.html", {"invoice": shown, "seller": seller, "notice": _notice(request),
                                            "payments": paid[:PAYMENTS_SHOWN], "more_payments": len(paid) > PAYMENTS_SHOWN})


@router.get("/invoices/{invoice_id}/pdf")
async def invoice_pdf(invoice_id: str, session: SessionDep, user: Console) -> Response:
    invoice = await get_owned(session, Invoice, user.tenant_id, invoice_id)
    pdf = await documents.invoice_pdf(session, invoice)
    return secured(file_response(pdf, "application/pdf", f"{invoice.number or f'draft-{invoice.id}'}.pdf",
                                 disposition="attachment"))


@router.get("/invoices/{invoice_id}/facturx")
async def invoice_facturx(invoice_id: str, session: SessionDep, user: Console) -> Response:
    invoice = await get_owned(session, Invoice, user.tenant_id, invoice_id)
    facturx = await documents.invoice_facturx(session, invoice)
    return secured(file_response(facturx, "application/pdf", f"{invoice.number}-facturx.pdf",
                                 disposition="attachment"))


@router.get("/invoices/{invoice_id}/ubl")
async def invoice_ubl(invoice_id: str, session: SessionDep, user: Console) -> Response:
    invoice = await get_owned(session, Invoice, user.tenant_id, invoice_id)
    return secured(file_response(await documents.invoice_ubl(session, invoice), "application/xml",
                                 f"{invoice.number}.xml", disposition="attachment"))


@router.post("/invoices/{invoice_id}/validate")
async def validate_invoice(invoice_id: str, session: SessionDep, user: Console, form: FormDep) -> Response:
    invoice = await invoice_service.validate_invoice(session, tenant_id=user.tenant_id, invoice_id=invoice_id)
    return _redirect(f"/console/invoices/{invoice.id}?notice=validated")


@router.post("/invoices/{invoice_id}/delete")
async def delete_invoice(invoice_id: str, session: SessionDep, user: Console, form: FormDep) -> Response:
    invoice = await get_owned(session, Invoice, user.tenant_id, invoice_id)
    batch_id = invoice.batch_id
    await invoice_service.delete_draft(session, tenant_id=user.tenant_id, invoice_id=invoice_id)
    return _redirect(f"/console/batches/{batch_id}?notice=deleted" if batch_id else "/console/?notice=deleted")


@router.post("/invoices/{invoice_id}/send")
async def send_invoice(invoice_id: str, session: SessionDep, user: Console, form: FormDep,
                       settings: SettingsDep) -> Response:
    sender = outbox.sender_of(await session.get(TenantSettings, user.tenant_id), settings.smtp_from)
    invoice = await outbox.request_invoice_email(session, tenant_id=user.tenant_id, invoice_id=invoice_id,
                                                 sender=sender)
    return _redirect(f"/console/invoices/{invoice.id}?notice=sent")


# --- unbilled times -----------------------------------------------------------------------------

@router.get("/unbilled-times")
async def unbilled_times(request: Request, session: SessionDep, user: Console, cursor: str | None = None) -> Response:
    """Approved, billable times that no invoice bills yet."""
    page = PageParams(limit=ITEMS_PER_PAGE, after=decode_cursor(cursor) if cursor else None)
    rows = await time_entry_service.list_time_entries(session, tenant_id=user.tenant_id, page=page,
                                                      status="approved", billable=True, invoiced=False)
    listed = make_page(rows, page, lambda row: row)
    entries = await lookups.time_entry_details(session, tenant_id=user.tenant_id, ids=[e.id for e in listed["data"]])
    names = await lookups.customer_names(session, tenant_id=user.tenant_id,
                                         ids=[e["customer_id"] for e in entries.values()])
    return render(request, "unbilled.html", {"rows": [entries[e.id] for e in listed["data"] if e.id in entries],
                                             "names": names, "next_cursor": listed["next_cursor"]})

