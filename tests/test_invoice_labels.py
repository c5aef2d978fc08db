"""Printed labels in each language, and the mentions French law asks of a B2B invoice (SPEC §12),
read back out of the rendered PDF as a customer reads it. Pure: no database."""

import io

from pypdf import PdfReader

from app.invoices.labels import LABELS
from app.invoices.pdf import render_invoice_pdf
from tests.invoice_shapes import ALL_TERMS, SELLER, SELLER_FR, SELLER_UK, make_invoice


def text_of(invoice: dict, seller: dict) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(render_invoice_pdf(invoice, seller))).pages)


def test_every_language_has_every_label():
    assert set(LABELS["fr"]) == set(LABELS["en"])


def test_a_french_invoice_prints_its_labels_in_french():
    text = text_of(make_invoice(terms=ALL_TERMS), SELLER_FR)
    for label in ("Facture", "Date d'émission 30/11/2026", "Date d'échéance 30/12/2026", "FACTURÉ À",
                  "Désignation Quantité Unité Prix unitaire HT Montant HT", "Taux de TVA Base HT TVA",
                  "Total HT 120,00 EUR", "TVA 24,00 EUR", "Total TTC 144,00 EUR", "Conditions de paiement\n30 jours",
                  "Coordonnées bancaires", "Conditions générales de vente", "Page 1 / 1",
                  "Période du 01/11/2026 au 30/11/2026", "1,50 heure 80,00 EUR 120,00 EUR"):
        assert label in text, label
    for english in ("Invoice", "Issue date", "Due date", "Bill to", "Untaxed amount", "Period from", "Payment terms"):
        assert english not in text, english


def test_a_french_credit_note_is_an_avoir():
    invoice = {**make_invoice(number="CN-2026-000001"), "type": "credit_note", "due_date": None,
               "credited_invoice_numbers": ["INV-2026-000042"]}
    text = text_of(invoice, SELLER_FR)
    assert "Avoir" in text and "Facture créditée INV-2026-000042" in text
    assert "Cet avoir porte sur la facture" in text


def test_a_french_draft_is_marked_brouillon():
    assert "BROUILLON" in text_of(make_invoice(number=None), SELLER_FR)


def test_a_french_seller_prints_both_parties_identifiers_and_its_legal_mentions():
    invoice = make_invoice(terms={"payment_terms_days": 30})
    invoice["bill_to"].update(vat_number="FR40303265045", company_id="303265045")
    text = text_of(invoice, SELLER_FR)
    for mention in ("SAS au capital de 10 000 €", "SIREN 123 456 782", "RCS Paris 123 456 782",
                    "N° TVA intracommunautaire FR11123456782",
                    "SIREN 303 265 045", "N° TVA intracommunautaire FR40303265045",
                    # Terms silent: the legal defaults are printed.
                    "Pénalités de retard\nTrois fois le taux d'intérêt légal",
                    "Escompte pour paiement anticipé\nPas d'escompte pour paiement anticipé.",
                    "Indemnité forfaitaire pour frais de recouvrement\nEn cas de retard de paiement, une indemnité "
                    "forfaitaire de 40 € pour frais de"):
        assert mention in text, mention


def test_a_french_seller_in_english_prints_the_mentions_in_english():
    text = text_of(make_invoice(terms={"late_payment_penalties": "10 % a year"}), SELLER)
    assert "Late payment penalties\n10 % a year" in text
    assert "Early payment discount\nNo discount for early payment." in text
    assert "fixed indemnity of 40 € for recovery costs" in text


def test_a_seller_outside_france_prints_no_french_mentions():
    text = text_of(make_invoice(terms={}), SELLER_UK)
    assert "40 €" not in text and "Late payment penalties" not in text


def test_the_pdf_is_pdf_a_3b():
    reader = PdfReader(io.BytesIO(render_invoice_pdf(make_invoice(), SELLER_FR)))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3" pdfaid:conformance="B"' in xmp  # WeasyPrint's PDF/A-3b
