"""An invoice as EN 16931 sees it: one neutral shape that both syntaxes (CII for Factur-X, UBL for
Peppol) write, so they cannot disagree with each other or with the invoice.

Built, without I/O, from the invoice as `app.invoices.service.to_out` shapes it and the seller as
`app.invoices.documents.seller_of` gives it. Every amount is the invoice's own, rounded to the
currency's minor unit by `round_money` (they already are: lines are rounded when planned, totals
are sums of rounded lines); nothing is recomputed that the invoice already states, so an e-invoice
agrees with the invoice and its PDF to the cent by construction."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from app.invoices.labels import labels, payment_terms_text
from app.kit.currency import minor_units
from app.kit.money import round_money

# EN 16931 document type codes (UNTDID 1001).
INVOICE_TYPE_CODE = "380"
CREDIT_NOTE_TYPE_CODE = "381"
# Peppol BIS Billing 3.0 (UBL) and the EN 16931 guideline id Factur-X uses at that profile.
PEPPOL_CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PEPPOL_PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
FACTURX_EN16931_GUIDELINE = "urn:cen.eu:en16931:2017"

# Units of measure (UN/ECE Recommendation 20) for the units products are sold in; anything else is
# a "unit" (C62).
UNIT_CODES = {"hour": "HUR", "hours": "HUR", "h": "HUR", "day": "DAY", "days": "DAY", "minute": "MIN",
              "minutes": "MIN", "month": "MON", "months": "MON", "week": "WEE", "weeks": "WEE", "year": "ANN",
              "piece": "H87", "pieces": "H87", "kilometre": "KMT", "km": "KMT"}
_REVERSE_CHARGE_WORDS = ("autoliquidation", "reverse charge", "283-2", "283 2", "article 196", "art. 196")


def amount_due(invoice: dict) -> Decimal:
    """What the document states as due (EN 16931 BT-115): the invoice's own `amount_due` (SPEC §12:
    total − credited − paid), so the e-invoice agrees with the API to the cent. What was paid or
    credited meanwhile is stated as prepaid (BT-113); a credit note, settled against the invoice it
    credits, is never due."""
    return Decimal(str(invoice["amount_due"]))


@dataclass(frozen=True)
class Party:
    name: str
    address: dict | None
    vat_number: str | None = None
    company_id: str | None = None
    company_id_scheme: str | None = None
    legal_mentions: str | None = None  # BT-33: legal form, capital, registration
    email: str | None = None


@dataclass(frozen=True)
class Line:
    position: int
    name: str
    description: str
    quantity: Decimal
    unit_code: str
    unit_price: Decimal
    net_amount: Decimal
    tax_category: str
    tax_rate: Decimal


@dataclass(frozen=True)
class TaxBreakdown:
    category: str
    rate: Decimal
    base: Decimal
    amount: Decimal
    exemption_reason: str | None


@dataclass(frozen=True)
class EInvoice:
    number: str
    credit_note: bool
    issue_date: date
    due_date: date | None
    currency: str
    seller: Party
    buyer: Party
    buyer_reference: str
    period_start: date | None
    period_end: date | None
    note: str | None
    payment_terms: str
    lines: list[Line]
    taxes: list[TaxBreakdown]
    line_total: Decimal
    tax_basis_total: Decimal
    tax_total: Decimal
    grand_total: Decimal
    prepaid: Decimal
    due_payable: Decimal
    preceding_invoices: list[str] = field(default_factory=list)

    @property
    def type_code(self) -> str:
        return CREDIT_NOTE_TYPE_CODE if self.credit_note else INVOICE_TYPE_CODE


def tax_category(rate: Decimal, bill_to: dict) -> str:
    """EN 16931 VAT category (UNCL 5305) of a line or a rate: S standard, AE reverse charge,
    E exempt (the customer is tax exempt), Z zero-rated (a 0 % line of a taxable customer)."""
    if rate > 0:
        return "S"
    reason = (bill_to.get("tax_exemption_reason") or "").lower()
    if any(word in reason for word in _REVERSE_CHARGE_WORDS):
        return "AE"
    if bill_to.get("tax_exempt") or reason:
        return "E"
    return "Z"


def buyer_scheme(bill_to: dict) -> str | None:
    """A customer gives its company id without a scheme: a French company's 9 digits are its SIREN
    (ISO 6523 0002), 14 its SIRET (0009), which French platforms address invoices by."""
    company_id = bill_to.get("company_id") or ""
    if (bill_to.get("address") or {}).get("country") == "FR" and company_id.isdigit():
        return {9: "0002", 14: "0009"}.get(len(company_id))
    return None


def _money(value, places: int) -> Decimal:
    return round_money(Decimal(str(value)), places)


def _price(value) -> Decimal:
    # A unit price keeps the decimals it has (up to 4 are stored): it is what the amount came from.
    price = Decimal(str(value)).normalize()
    return price.quantize(Decimal("0.01")) if -price.as_tuple().exponent < 2 else price


def _mentions(seller: dict) -> str | None:
    parts = [seller.get("legal_form_and_capital"), seller.get("registration")]
    return " — ".join(p for p in parts if p) or None


def build(invoice: dict, seller: dict, *, buyer_email: str | None = None,
          credited_invoice_numbers: list[str] | None = None) -> EInvoice:
    """The EN 16931 content of a validated invoice or credit note."""
    if invoice.get("status") == "draft" or not invoice.get("number") or not invoice.get("issue_date"):
        raise ValueError("a draft has no e-invoice: validate it first")
    places = minor_units(invoice["currency"])
    bill_to = invoice.get("bill_to") or {}
    # Whether the customer is exempt is not kept on the invoice: its reason is, and a 0 % invoice
    # of an exempt customer carries one when the customer gave it.
    credit_note = invoice.get("type") == "credit_note"
    words = labels(seller.get("language") or "en")

    lines = []
    for position, line in enumerate(invoice["lines"], start=1):
        rate = Decimal(str(line["tax_rate"]))
        description = line["description"]
        lines.append(Line(
            position=position, name=description.split("\n", 1)[0][:200] or "—", description=description,
            quantity=Decimal(str(line["quantity"])), unit_code=UNIT_CODES.get((line.get("unit") or "").lower(), "C62"),
            unit_price=_price(line["unit_price"]), net_amount=_money(line["amount"], places),
            tax_category=tax_category(rate, bill_to), tax_rate=rate))

    taxes = []
    for tax in sorted(invoice.get("taxes") or [], key=lambda t: Decimal(str(t["rate"]))):
        rate = Decimal(str(tax["rate"]))
        category = tax_category(rate, bill_to)
        reason = None
        if category in ("E", "AE"):
            reason = bill_to.get("tax_exemption_reason") or words["tax_exemption"]
        taxes.append(TaxBreakdown(category=category, rate=rate, base=_money(tax["base"], places),
                                  amount=_money(tax["amount"], places), exemption_reason=reason))

    grand_total = _money(invoice["total"], places)
    due = _money(amount_due(invoice), places)
    days = (invoice.get("terms") or {}).get("payment_terms_days")
    if credit_note:
        payment_terms = words["credit_note"]
    elif days is not None:
        payment_terms = f"{words['payment_terms']}: {payment_terms_text(seller.get('language') or 'en', days)}"
    else:
        payment_terms = words["payment_terms"]
    return EInvoice(
        number=invoice["number"], credit_note=credit_note, issue_date=_date(invoice["issue_date"]),
        due_date=None if credit_note or not invoice.get("due_date") else _date(invoice["due_date"]),
        currency=invoice["currency"],
        seller=Party(name=seller.get("legal_name") or "", address=seller.get("legal_address"),
                     vat_number=seller.get("vat_number"), company_id=seller.get("company_id"),
                     company_id_scheme=seller.get("company_id_scheme"), legal_mentions=_mentions(seller),
                     email=seller.get("email_sender")),
        buyer=Party(name=bill_to.get("name") or "", address=bill_to.get("address"),
                    vat_number=bill_to.get("vat_number"), company_id=bill_to.get("company_id"),
                    company_id_scheme=buyer_scheme(bill_to), email=buyer_email),
        buyer_reference=str(invoice.get("customer_external_id") or invoice["customer_id"]),
        period_start=_date(invoice["period_start"]) if invoice.get("period_start") else None,
        period_end=_date(invoice["period_end"]) if invoice.get("period_end") else None,
        note="\n".join(n for n in (invoice.get("title"), invoice.get("credit_reason"),
                                   bill_to.get("tax_exemption_reason")) if n) or None,
        payment_terms=payment_terms, lines=lines, taxes=taxes,
        line_total=sum((line.net_amount for line in lines), Decimal(0)),
        tax_basis_total=_money(invoice["untaxed_amount"], places), tax_total=_money(invoice["tax_amount"], places),
        grand_total=grand_total, prepaid=grand_total - due, due_payable=due,
        preceding_invoices=list(credited_invoice_numbers or []))


def _date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
