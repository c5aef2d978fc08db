"""Invoice numbers: PREFIX-YYYY-NNNNNN when numbers restart every year, PREFIX-NNNNNN otherwise.

The number itself comes from the tenant's counter row (invoice_number_counters), incremented in
the transaction that validates the invoice: that row lock makes numbers gapless and strictly
increasing, and a rolled-back validation gives its number back."""

from datetime import date

NEXT_NUMBER_SQL = (
    "INSERT INTO invoice_number_counters (tenant_id, year, last_number) VALUES (:tenant, :year, 1) "
    "ON CONFLICT (tenant_id, year) DO UPDATE SET last_number = invoice_number_counters.last_number + 1 "
    "RETURNING last_number")


def counter_year(settings, issue_date: date) -> int:
    """The counter a number is drawn from: the issue year, or 0 when numbers never restart."""
    return issue_date.year if settings.invoice_number_yearly_reset else 0


def number_prefix(settings, year: int) -> str:
    return settings.invoice_number_prefix + (f"{year}-" if year else "")


def format_number(prefix: str, number: int) -> str:
    return f"{prefix}{number:06d}"
