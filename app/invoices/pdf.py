"""The invoice PDF: an invoice as `app.invoices.service.to_out` shapes it, plus the seller's legal
identity from the tenant settings, rendered to PDF bytes.

A pure function: no database, no network (the renderer may fetch nothing, not even a file: URL),
so the same invoice always prints the same way and the tests need nothing but this module.
Amounts are printed from `Decimal` with the currency's minor units; a float is refused."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, pass_context
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from app.invoices.labels import grouped, labels, payment_terms_text, period_text, unit_text
from app.kit.currency import minor_units
from app.kit.money import format_decimal, round_money

TEMPLATES = Path(__file__).parent / "templates"


def _decimal(value: Decimal | str | int) -> Decimal:
    # JSONB columns (taxes) hold decimal strings, table columns give Decimal: both are exact.
    # A float is a bug upstream, not something to print approximately.
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return Decimal(value)
    raise TypeError(f"an amount must be a Decimal or a decimal string, not {type(value).__name__}")


def _localized(text: str, language: str) -> str:
    """'1,234.50' as French writes it: '1 234,50' (a narrow no-break space groups thousands)."""
    if language != "fr":
        return text
    return text.replace(",", "\u202f").replace(".", ",")


@pass_context
def money(context, value: Decimal | str | int, currency: str) -> str:
    """An amount rounded to the currency's minor unit, thousands grouped: '1,234.50 EUR'."""
    places = minor_units(currency)
    return f"{_localized(f'{round_money(_decimal(value), places):,.{places}f}', context.get('language', 'en'))} {currency}"


@pass_context
def unit_price(context, value: Decimal | str | int, currency: str) -> str:
    """A unit price keeps the extra decimals it may carry (a fraction of a cent per unit): it is
    what the amount was computed from, so rounding it here would make the line look wrong."""
    value = _decimal(value)
    _, _, fraction = format_decimal(value, min_places=minor_units(currency)).partition(".")
    return f"{_localized(f'{value:,.{len(fraction)}f}', context.get('language', 'en'))} {currency}"


@pass_context
def quantity(context, value: Decimal | str | int) -> str:
    return _localized(format_decimal(_decimal(value), min_places=2), context.get("language", "en"))


@pass_context
def percent(context, value: Decimal | str | int) -> str:
    return f"{_localized(format_decimal(_decimal(value), min_places=0), context.get('language', 'en'))} %"


def day(value: date | str | None) -> str:
    # DD/MM/YYYY, as the batch's "Period from 01/11/2026 to 30/11/2026" subtitle writes dates.
    if value is None:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return f"{value:%d/%m/%Y}"


@pass_context
def unit(context, value: str) -> str:
    return unit_text(context.get("language", "en"), value)


@pass_context
def payment_terms(context, days: int) -> str:
    return payment_terms_text(context.get("language", "en"), days)


_environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                           trim_blocks=True, lstrip_blocks=True)
_environment.filters.update(money=money, unit_price=unit_price, quantity=quantity, percent=percent, day=day,
                            payment_terms=payment_terms, grouped=grouped, unit=unit)
_template = _environment.get_template("invoice.html")


SELLER_FIELDS = ("legal_name", "legal_address", "email_sender", "vat_number", "company_id", "company_id_scheme",
                 "registration", "legal_form_and_capital", "language")


def _subtitle(invoice: dict, language: str) -> str:
    # The batch writes the period in English; a French invoice prints it from the dates themselves.
    start, end = invoice.get("period_start"), invoice.get("period_end")
    if language != "en" and start and end and invoice.get("subtitle") == period_text("en", _day(start), _day(end)):
        return period_text(language, _day(start), _day(end))
    return invoice.get("subtitle") or ""


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def render_invoice_html(invoice: dict, seller: dict) -> str:
    # Terms print only when given; the seller's identity may still be incomplete in the settings.
    terms = {key: value for key, value in (invoice.get("terms") or {}).items() if value not in (None, "")}
    seller = {key: seller.get(key) for key in SELLER_FIELDS}
    language = seller.get("language") or "en"
    # A seller in France prints what French law asks of a B2B invoice (SPEC §12): identifiers of both
    # parties, registration, legal form and capital, and the payment mentions even when no term says them.
    french_seller = ((seller.get("legal_address") or {}).get("country") == "FR")
    return _template.render(invoice=invoice, seller=seller, terms=terms, currency=invoice["currency"],
                            language=language, t=labels(language), french_seller=french_seller,
                            subtitle=_subtitle(invoice, language))


def render_invoice_pdf(invoice: dict, seller: dict) -> bytes:
    # Nothing in the template is external: a fetcher allowing no scheme keeps a stray URL from
    # reaching the network or the file system. One per call, as a fetcher keeps request state.
    no_fetching = URLFetcher(allowed_protocols=frozenset())
    # PDF/A-3b: the archival form French and German e-invoicing expect, and what a Factur-X document
    # is (app/einvoicing/facturx.py embeds its XML into these very bytes).
    return HTML(string=render_invoice_html(invoice, seller), url_fetcher=no_fetching).write_pdf(
        pdf_variant="pdf/a-3b")
