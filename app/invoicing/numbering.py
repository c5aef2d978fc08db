"""Invoice and credit note numbers: PREFIX-YYYY-NNNNNN when numbers restart every year,
PREFIX-NNNNNN otherwise. Invoices take `invoice_number_prefix`, credit notes
`credit_note_number_prefix`; the yearly reset is the tenant's, for both.

The number itself comes from the tenant's counter row of the document's kind (invoice_number_counters,
keyed by tenant, kind and year: invoices and credit notes count separately), incremented in the
transaction that validates the document: that row lock makes numbers gapless and strictly
increasing, and a rolled-back validation gives its number back."""

from datetime import date

NEXT_NUMBER_SQL = (
    "INSERT INTO invoice_number_counters (tenant_id, kind, year, last_number) VALUES (:tenant, :kind, :year, 1) "
    "ON CONFLICT (tenant_id, kind, year) DO UPDATE SET last_number = invoice_number_counters.last_number + 1 "
    "RETURNING last_number")


def counter_year(settings, issue_date: date) -> int:
    """The counter a number is drawn from: the issue year, or 0 when numbers never restart."""
    return issue_date.year if settings.invoice_number_yearly_reset else 0


def number_prefix(settings, year: int, kind: str = "invoice") -> str:
    """`kind` is the document's type, which is also its counter's: invoice or credit_note."""
    prefix = settings.credit_note_number_prefix if kind == "credit_note" else settings.invoice_number_prefix
    return prefix + (f"{year}-" if year else "")


def format_number(prefix: str, number: int) -> str:
    return f"{prefix}{number:06d}"
