"""Invoice and seller dicts shaped like `app.invoices.service.to_out` and the tenant settings give
them to the PDF renderer: shared by the PDF tests and bench/invoice_pdf.py."""

import uuid
from datetime import date
from decimal import Decimal

PARIS = {"line1": "29 boulevard Haussmann", "line2": None, "postal_code": "75009", "city": "Paris",
         "country": "FR"}
SELLER = {"legal_name": "Helpdesk Services SAS",
          "legal_address": {"line1": "1 rue de Rivoli", "line2": "Bâtiment B", "postal_code": "75001",
                            "city": "Paris", "country": "FR"},
          "email_sender": "billing@helpdesk.example"}
# A seller outside France: its invoices print only the terms it gives (no French legal mentions).
SELLER_UK = {"legal_name": "Helpdesk Services Ltd",
             "legal_address": {"line1": "10 Downing Street", "line2": None, "postal_code": "SW1A 2AA",
                               "city": "London", "country": "GB"},
             "email_sender": "billing@helpdesk.example"}
# The same French seller with the identifiers and mentions French law asks for, in French.
SELLER_FR = {**SELLER, "vat_number": "FR11123456782", "company_id": "123456782", "company_id_scheme": "0002",
             "registration": "RCS Paris 123 456 782", "legal_form_and_capital": "SAS au capital de 10 000 €",
             "language": "fr"}
ALL_TERMS = {"bank_details": "IBAN FR76 3000 6000 0112 3456 7890 189\nBIC AGRIFRPP",
             "conditions_of_sale": "Our general conditions of sale apply.",
             "payment_terms_days": 30,
             "late_payment_penalties": "Three times the legal interest rate, plus a 40 € recovery fee.",
             "early_payment_discount": "2 % for payment within 8 days."}


def make_line(*, description: str = "Support — Remote support\nTicket T-004211 of 05/11/2026 at 14:30",
              quantity: str = "1.50", unit: str = "hour", unit_price: str = "80.0000", amount: str = "120.0000",
              tax_rate: str = "20.0000") -> dict:
    # Decimal as the database gives them: four decimals for prices and amounts.
    return {"id": uuid.uuid4(), "description": description, "product_id": uuid.uuid4(),
            "quantity": Decimal(quantity), "unit": unit, "unit_price": Decimal(unit_price),
            "amount": Decimal(amount), "tax_rate": Decimal(tax_rate), "time_entry_ids": [uuid.uuid4()]}


def make_invoice(*, lines: list[dict] | None = None, number: str | None = "INV-2026-000042",
                 bill_to_name: str = "Acme SARL", address: dict | None = PARIS, currency: str = "EUR",
                 taxes: list[dict] | None = None, untaxed: str = "120.0000", tax: str = "24.0000",
                 total: str = "144.0000", terms: dict | None = None, tax_exemption_reason: str | None = None) -> dict:
    validated = number is not None
    return {
        "id": uuid.uuid4(), "number": number, "status": "validated" if validated else "draft",
        "customer_id": uuid.uuid4(), "batch_id": uuid.uuid4(),
        "bill_to": {"name": bill_to_name, "address": address, "tax_exemption_reason": tax_exemption_reason},
        "title": "Support — November 2026", "subtitle": "Period from 01/11/2026 to 30/11/2026",
        "period_start": date(2026, 11, 1), "period_end": date(2026, 11, 30),
        "issue_date": date(2026, 11, 30) if validated else None,
        "due_date": date(2026, 12, 30) if validated else None,
        "currency": currency, "lines": [make_line()] if lines is None else lines,
        # Taxes live in a JSONB column: decimal strings, not Decimal.
        "taxes": [{"rate": "20.00", "base": "120.00", "amount": "24.00"}] if taxes is None else taxes,
        "untaxed_amount": Decimal(untaxed), "tax_amount": Decimal(tax), "total": Decimal(total),
        "credited_amount": Decimal(0), "amount_paid": Decimal(0), "amount_due": Decimal(total),
        "terms": ALL_TERMS if terms is None else terms, "not_validated_reasons": [], "sent_at": None,
        "delivery": {"status": "not_requested", "attempts": 0, "last_error": None}, "created_at": None,
    }


def make_long_invoice(line_count: int, **fields) -> dict:
    """`line_count` distinct lines (ticket T-000000 onwards, amounts 100.00, 101.00, …) at 20 %,
    with the taxes and totals that follow from them."""
    lines = [make_line(description=f"Support — Remote support\nTicket T-{i:06d} of 05/11/2026 at 14:30",
                       amount=f"{100 + i}.0000") for i in range(line_count)]
    untaxed = sum((line["amount"] for line in lines), Decimal(0))
    tax = untaxed / 5
    return make_invoice(lines=lines, untaxed=str(untaxed), tax=str(tax), total=str(untaxed + tax),
                        taxes=[{"rate": "20.00", "base": str(untaxed), "amount": str(tax)}], **fields)
