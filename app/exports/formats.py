"""The files accounting software imports (SPEC §12), as pure row writers: a header, and a function
from one invoice line (with its invoice and customer) to one row. No I/O here: the export job streams
the rows through Python's csv module (RFC 4180: CRLF line ends, fields with commas, quotes or line
breaks quoted, quotes doubled).

- `csv`: Rebill's own columns, invoices and credit notes, ISO dates, `.` decimals.
- `xero`: Xero's sales-invoice import template, its columns in its order, dates DD/MM/YYYY.
- `quickbooks`: the headers QuickBooks Online maps by itself, dates DD/MM/YYYY.
A line is a mapping with the invoice's, the customer's, the product's and the line's fields (see
app/exports/service.py `_LINES` for their names).
`settings.accounting` fills the account code and tax codes: `tax_types` maps a rate ("20.00") to
the accounting software's tax type; an unmapped rate is written as the rate followed by `%`."""

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from app.kit.money import format_decimal

CSV_COLUMNS = (
    "invoice_number", "type", "issue_date", "due_date", "customer_external_id", "customer_name", "currency",
    "line_position", "description", "quantity", "unit", "unit_price", "line_amount", "tax_rate", "untaxed_amount",
    "tax_amount", "total", "batch_id", "time_entry_external_ids")
XERO_COLUMNS = (
    "*ContactName", "EmailAddress", "POAddressLine1", "POAddressLine2", "POAddressLine3", "POAddressLine4",
    "POCity", "PORegion", "POPostalCode", "POCountry", "*InvoiceNumber", "Reference", "*InvoiceDate", "*DueDate",
    "InventoryItemCode", "*Description", "*Quantity", "*UnitAmount", "Discount", "*AccountCode", "*TaxType",
    "TrackingName1", "TrackingOption1", "TrackingName2", "TrackingOption2", "Currency", "BrandingTheme")
QUICKBOOKS_COLUMNS = (
    "Invoice no", "Customer", "Invoice Date", "Due Date", "Terms", "Memo", "Item(Product/Service)",
    "Item Description", "Item Quantity", "Item Rate", "Item Amount", "Item Tax Code", "Service Date", "Currency")

# Formats that carry invoices only: their credit notes are skipped with this reason.
INVOICES_ONLY = frozenset({"xero", "quickbooks"})
CREDIT_NOTE_NOT_SUPPORTED = "credit_note_not_supported_by_format"

Line = Mapping[str, Any]


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _dmy(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _money(value: str | Decimal | None) -> str:
    """Decimals arrive as text, written by PostgreSQL as format_decimal would (a Decimal is formatted here)."""
    return "" if value is None else value if isinstance(value, str) else format_decimal(value)


def tax_type(rate: str | Decimal, accounting: Mapping[str, Any]) -> str:
    key = _money(rate)
    return (accounting.get("tax_types") or {}).get(key) or f"{key}%"


def csv_row(line: Line, accounting: Mapping[str, Any]) -> list[str]:
    return [line["number"] or "", line["type"], _iso(line["issue_date"]), _iso(line["due_date"]),
            line["customer_external_id"] or "", line["customer_name"] or "", line["currency"],
            str(line["position"] + 1), line["description"], _money(line["quantity"]), line["unit"],
            _money(line["unit_price"]), _money(line["amount"]), _money(line["tax_rate"]),
            _money(line["untaxed_amount"]), _money(line["tax_amount"]), _money(line["total"]),
            line["batch_id"] or "",
            ";".join(external_id for external_id in (line["time_entry_external_ids"] or []) if external_id)]


def xero_row(line: Line, accounting: Mapping[str, Any]) -> list[str]:
    return [line["customer_name"] or "", line["email"] or "", line["address_line1"] or "",
            line["address_line2"] or "", "", "", line["city"] or "", "", line["postal_code"] or "",
            line["country"] or "", line["number"] or "", line["title"] or "", _dmy(line["issue_date"]),
            _dmy(line["due_date"]), line["product_code"] or "", line["description"], _money(line["quantity"]),
            _money(line["unit_price"]), "", accounting.get("account_code") or "",
            tax_type(line["tax_rate"], accounting), "", "", "", "", line["currency"], ""]


def quickbooks_row(line: Line, accounting: Mapping[str, Any]) -> list[str]:
    days = line["payment_terms_days"]
    return [line["number"] or "", line["customer_name"] or "", _dmy(line["issue_date"]),
            _dmy(line["due_date"]), f"Net {days}" if days else ("Due on receipt" if days == 0 else ""),
            line["title"] or "", line["product_name"] or "", line["description"], _money(line["quantity"]),
            _money(line["unit_price"]), _money(line["amount"]), tax_type(line["tax_rate"], accounting),
            _dmy(line["period_end"] or line["issue_date"]), line["currency"]]


FORMATS: dict[str, tuple[tuple[str, ...], Callable[[Line, Mapping[str, Any]], list[str]]]] = {
    "csv": (CSV_COLUMNS, csv_row), "xero": (XERO_COLUMNS, xero_row), "quickbooks": (QUICKBOOKS_COLUMNS, quickbooks_row)}
