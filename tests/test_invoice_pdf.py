"""The invoice PDF as a person reads it: each test renders an invoice shaped like
`app.invoices.service.to_out`'s and reads the text back out of the PDF with pypdf.

Pure: no database, no Redis."""

import io
import re

import pytest
from pypdf import PdfReader

from app.invoices.pdf import render_invoice_pdf
from tests.invoice_shapes import ALL_TERMS, SELLER, SELLER_UK, make_invoice, make_line, make_long_invoice

TERM_LABELS = ("Payment terms", "Bank details", "Conditions of sale", "Late payment penalties",
               "Early payment discount")
HEADER = "Description Quantity Unit Unit price Amount"


def pages_text(invoice: dict, seller: dict = SELLER) -> list[str]:
    reader = PdfReader(io.BytesIO(render_invoice_pdf(invoice, seller)))
    return [page.extract_text() for page in reader.pages]


def text_of(invoice: dict, seller: dict = SELLER) -> str:
    return "\n".join(pages_text(invoice, seller))


def test_a_validated_invoice_shows_its_number_parties_dates_and_title():
    text = text_of(make_invoice())
    assert "INV-2026-000042" in text
    assert "DRAFT" not in text
    for seller_line in ("Helpdesk Services SAS", "1 rue de Rivoli", "Bâtiment B", "75001 Paris",
                        "billing@helpdesk.example"):
        assert seller_line in text
    assert "Acme SARL\n29 boulevard Haussmann\n75009 Paris\nFR" in text
    assert "Issue date 30/11/2026" in text
    assert "Due date 30/12/2026" in text
    assert "Support — November 2026\nPeriod from 01/11/2026 to 30/11/2026" in text


def test_every_line_shows_its_description_quantity_unit_price_and_amount():
    lines = [make_line(description="Support — Remote support\nTicket T-000001 of 03/11/2026 at 09:15 by Alice Martin",
                       quantity="1.50", unit_price="80.0000", amount="120.0000"),
             make_line(description="On-site intervention\nWork order W-77 of 04/11/2026 at 10:00",
                       quantity="3.25", unit="day", unit_price="450.0000", amount="1462.5000"),
             make_line(description="Fraction of a cent", quantity="0.10", unit_price="12.3456", amount="1.2300")]
    text = text_of(make_invoice(lines=lines))
    assert HEADER in text
    # The description keeps its line break; the figures follow it on the row.
    assert ("Support — Remote support\nTicket T-000001 of 03/11/2026 at 09:15 by Alice Martin\n"
            "1.50 hour 80.00 EUR 120.00 EUR") in text
    assert "On-site intervention\nWork order W-77 of 04/11/2026 at 10:00\n3.25 day 450.00 EUR 1,462.50 EUR" in text
    # A unit price keeps its extra decimals: it is what the amount was computed from.
    assert "Fraction of a cent 0.10 hour 12.3456 EUR 1.23 EUR" in text


def test_taxes_show_per_rate_with_base_and_amount_then_the_totals():
    invoice = make_invoice(
        lines=[make_line(amount="100.0000", tax_rate="20.0000"), make_line(amount="200.0000", tax_rate="5.5000")],
        taxes=[{"rate": "5.50", "base": "200.00", "amount": "11.00"},
               {"rate": "20.00", "base": "100.00", "amount": "20.00"}],
        untaxed="300.0000", tax="31.0000", total="331.0000")
    text = text_of(invoice)
    assert "Tax rate Base Tax\n5.5 % 200.00 EUR 11.00 EUR\n20 % 100.00 EUR 20.00 EUR" in text
    assert "Untaxed amount 300.00 EUR\nTax 31.00 EUR\nTotal 331.00 EUR" in text


def test_all_terms_print_under_their_labels():
    text = text_of(make_invoice(terms=ALL_TERMS))
    assert "Payment terms\n30 days" in text
    assert "Bank details\nIBAN FR76 3000 6000 0112 3456 7890 189\nBIC AGRIFRPP" in text
    assert "Conditions of sale\nOur general conditions of sale apply." in text
    assert "Late payment penalties\nThree times the legal interest rate, plus a 40 € recovery fee." in text
    assert "Early payment discount\n2 % for payment within 8 days." in text


@pytest.mark.parametrize("terms", [{}, {key: None for key in ALL_TERMS}], ids=["missing", "null"])
def test_terms_not_given_print_nothing(terms):
    # Outside France: a French seller prints the legal payment mentions anyway (tests/test_invoice_labels.py).
    text = text_of(make_invoice(terms=terms), SELLER_UK)
    for label in TERM_LABELS:
        assert label not in text


def test_only_the_terms_given_print():
    text = text_of(make_invoice(terms={"bank_details": "IBAN FR76 1234", "payment_terms_days": None,
                                       "conditions_of_sale": ""}), SELLER_UK)
    assert "Bank details\nIBAN FR76 1234" in text
    for label in TERM_LABELS:
        if label != "Bank details":
            assert label not in text


def test_payment_terms_of_zero_days_read_on_receipt():
    assert "Payment terms\non receipt" in text_of(make_invoice(terms={"payment_terms_days": 0}))


def test_a_draft_shows_draft_in_place_of_a_number():
    text = text_of(make_invoice(number=None))
    assert "Invoice\nDRAFT" in text
    assert "INV-" not in text
    assert "Issue date" not in text and "Due date" not in text


def test_a_draft_carries_the_watermark_on_every_page():
    pages = pages_text(make_long_invoice(80, number=None))
    assert len(pages) > 1
    for page in pages:
        # Watermark first in the content stream, then the footer's reference.
        assert page.startswith("DRAFT\n")
        assert re.search(r"^DRAFT Page \d+ / \d+$", page, re.MULTILINE)


def test_euro_sign_and_accents_survive_in_dejavu_sans():
    invoice = make_invoice(bill_to_name="Société Générale",
                           lines=[make_line(description="Dépannage à distance — forfait 15 €")])
    pdf = render_invoice_pdf(invoice, SELLER)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Société Générale" in text
    assert "Dépannage à distance — forfait 15 €" in text
    fonts = {str(font.get_object()["/BaseFont"])
             for page in PdfReader(io.BytesIO(pdf)).pages for font in page["/Resources"]["/Font"].values()}
    # Subset fonts are named "ABCDEF+DejaVu-Sans[-Bold]"; no fallback font crept in for a glyph.
    assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+DejaVu-Sans(-Bold)?", font) for font in fonts), fonts


def test_the_customers_tax_exemption_reason_prints_under_the_totals():
    invoice = make_invoice(taxes=[], tax="0", total="120.0000",
                           tax_exemption_reason="Autoliquidation — article 283-2 du CGI")
    text = text_of(invoice)
    assert "Total 120.00 EUR\nTax exemption: Autoliquidation — article 283-2 du CGI" in text


def test_without_a_tax_exemption_reason_no_exemption_prints():
    assert "exemption" not in text_of(make_invoice()).lower()


@pytest.fixture(scope="module")
def long_invoice_pages() -> list[str]:
    return pages_text(make_long_invoice(150))


def test_a_long_invoice_numbers_its_pages_and_repeats_the_table_header(long_invoice_pages):
    count = len(long_invoice_pages)
    assert count >= 3
    for n, page in enumerate(long_invoice_pages, start=1):
        assert f"INV-2026-000042 Page {n} / {count}" in page
        assert HEADER in page, f"page {n} lacks the table header"


def test_a_long_invoice_prints_every_line_once_and_the_totals_on_its_last_page(long_invoice_pages):
    text = "\n".join(long_invoice_pages)
    for i in range(150):
        assert text.count(f"Ticket T-{i:06d} of") == 1
        assert f"1.50 hour 80.00 EUR {100 + i}.00 EUR" in text
    # 150 × 100 + (0 + … + 149) = 26,175.00 untaxed; 5,235.00 tax; 31,410.00 total.
    *earlier, last = long_invoice_pages
    assert "Untaxed amount 26,175.00 EUR\nTax 5,235.00 EUR\nTotal 31,410.00 EUR" in last
    assert "20 % 26,175.00 EUR 5,235.00 EUR" in last
    assert "Payment terms\n30 days" in last
    assert not any("Total" in page or "Payment terms" in page for page in earlier)


def test_amounts_print_exactly_with_every_cent():
    # 90,071,992,547,409.93 has no exact float: through a float it would print …409.94.
    text = text_of(make_invoice(lines=[make_line(amount="1234567.8900")], untaxed="1234567.8900",
                                tax="90070757979842.0400", total="90071992547409.9300"))
    assert "1,234,567.89 EUR" in text
    assert "Tax 90,070,757,979,842.04 EUR" in text
    assert "Total 90,071,992,547,409.93 EUR" in text


def test_amounts_round_half_up_to_the_currency_minor_unit():
    # Half-up, as the batch rounds (Python's own formatting would round 0.125 half-even to 0.12).
    text = text_of(make_invoice(lines=[make_line(amount="0.1250")], untaxed="0.1250", tax="0", total="0.1250"))
    assert "Untaxed amount 0.13 EUR" in text


@pytest.mark.parametrize(("currency", "amount", "printed"),
                         [("JPY", "1500.0000", "1,500 JPY"), ("KWD", "12.3450", "12.345 KWD")])
def test_amounts_use_the_currency_minor_units(currency, amount, printed):
    text = text_of(make_invoice(currency=currency, lines=[make_line(amount=amount)], untaxed=amount,
                                tax="0", total=amount, taxes=[]))
    assert f"Total {printed}" in text


def test_a_float_amount_is_refused():
    invoice = make_invoice()
    invoice["total"] = 144.0
    with pytest.raises(TypeError, match="Decimal"):
        render_invoice_pdf(invoice, SELLER)


def test_markup_in_customer_data_prints_as_text():
    text = text_of(make_invoice(bill_to_name="Smith & <b>Sons</b>",
                                lines=[make_line(description='<img src="file:///etc/passwd"> done')]))
    assert "Smith & <b>Sons</b>" in text
    assert '<img src="file:///etc/passwd"> done' in text


def test_an_invoice_without_seller_identity_or_address_still_prints():
    text = text_of(make_invoice(address=None), seller={"legal_name": None, "legal_address": None,
                                                       "email_sender": None})
    assert "Acme SARL" in text
    assert "Helpdesk Services SAS" not in text
    assert "Total 144.00 EUR" in text
