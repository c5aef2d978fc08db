"""UBL 2.1 Invoice / CreditNote following Peppol BIS Billing 3.0 (the EN 16931 UBL syntax used on
the Peppol network). Pure: an `EInvoice` in, bytes out.

Elements are written in the order the UBL 2.1 schema requires, and only when they have content
(Peppol rule PEPPOL-EN16931-R008 warns about empty elements)."""

from decimal import Decimal
from functools import partial

from lxml import etree

from app.einvoicing.document import PEPPOL_CUSTOMIZATION_ID, PEPPOL_PROFILE_ID, EInvoice, Party
from app.einvoicing.xml import amount, element as xml_element

INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
_PREFIXES = {"cac": CAC, "cbc": CBC}
# Electronic address schemes (Peppol EAS) for the company id schemes that have one.
_EAS = {"0002", "0007", "0009", "0037", "0060", "0088", "0096", "0097", "0106", "0130", "0135", "0142", "0151",
        "0183", "0184", "0188", "0190", "0191", "0192", "0193", "0195", "0196", "0198", "0199", "0200", "0201",
        "0202", "0204", "0208", "0209", "0210", "0211", "0212", "0213", "0215", "0216", "0218", "0221", "0230"}


_el = partial(xml_element, _PREFIXES)


def _party(parent, tag: str, party: Party, *, seller: bool) -> None:
    element = _el(_el(parent, tag), "cac:Party")
    # BT-34 / BT-49: the electronic address; the registered id where its scheme has an address
    # scheme, else the email address.
    if party.company_id and party.company_id_scheme in _EAS:
        _el(element, "cbc:EndpointID", party.company_id, schemeID=party.company_id_scheme)
    elif party.email:
        _el(element, "cbc:EndpointID", party.email, schemeID="EM")
    _el(_el(element, "cac:PartyName"), "cbc:Name", party.name)
    address = party.address or {}
    if address:
        postal = _el(element, "cac:PostalAddress")
        for key, tag_name in (("line1", "cbc:StreetName"), ("line2", "cbc:AdditionalStreetName"),
                              ("city", "cbc:CityName"), ("postal_code", "cbc:PostalZone")):
            if address.get(key):
                _el(postal, tag_name, address[key])
        if address.get("country"):
            _el(_el(postal, "cac:Country"), "cbc:IdentificationCode", address["country"])
    if party.vat_number:
        tax_scheme = _el(element, "cac:PartyTaxScheme")
        _el(tax_scheme, "cbc:CompanyID", party.vat_number)
        _el(_el(tax_scheme, "cac:TaxScheme"), "cbc:ID", "VAT")
    legal = _el(element, "cac:PartyLegalEntity")
    _el(legal, "cbc:RegistrationName", party.name)
    if party.company_id:
        if party.company_id_scheme:
            _el(legal, "cbc:CompanyID", party.company_id, schemeID=party.company_id_scheme)
        else:
            _el(legal, "cbc:CompanyID", party.company_id)
    if seller and party.legal_mentions:
        _el(legal, "cbc:CompanyLegalForm", party.legal_mentions)
    if party.email:
        _el(_el(element, "cac:Contact"), "cbc:ElectronicMail", party.email)


def _tax_category(parent, tag: str, category: str, rate: Decimal, reason: str | None = None) -> None:
    element = _el(parent, tag)
    _el(element, "cbc:ID", category)
    _el(element, "cbc:Percent", amount(rate))
    if reason:
        _el(element, "cbc:TaxExemptionReason", reason)
    _el(_el(element, "cac:TaxScheme"), "cbc:ID", "VAT")


def ubl_xml(document: EInvoice) -> bytes:
    credit = document.credit_note
    root_ns = CREDIT_NOTE_NS if credit else INVOICE_NS
    root = etree.Element(f"{{{root_ns}}}{'CreditNote' if credit else 'Invoice'}",
                         nsmap={None: root_ns, "cac": CAC, "cbc": CBC})
    _el(root, "cbc:CustomizationID", PEPPOL_CUSTOMIZATION_ID)
    _el(root, "cbc:ProfileID", PEPPOL_PROFILE_ID)
    _el(root, "cbc:ID", document.number)
    _el(root, "cbc:IssueDate", document.issue_date.isoformat())
    if document.due_date and not credit:  # a UBL CreditNote has no DueDate
        _el(root, "cbc:DueDate", document.due_date.isoformat())
    _el(root, "cbc:CreditNoteTypeCode" if credit else "cbc:InvoiceTypeCode", document.type_code)
    if document.note:
        _el(root, "cbc:Note", document.note)
    _el(root, "cbc:DocumentCurrencyCode", document.currency)
    _el(root, "cbc:BuyerReference", document.buyer_reference)
    if document.period_start and document.period_end:
        period = _el(root, "cac:InvoicePeriod")
        _el(period, "cbc:StartDate", document.period_start.isoformat())
        _el(period, "cbc:EndDate", document.period_end.isoformat())
    for number in document.preceding_invoices:
        _el(_el(_el(root, "cac:BillingReference"), "cac:InvoiceDocumentReference"), "cbc:ID", number)
    _party(root, "cac:AccountingSupplierParty", document.seller, seller=True)
    _party(root, "cac:AccountingCustomerParty", document.buyer, seller=False)
    _el(_el(root, "cac:PaymentTerms"), "cbc:Note", document.payment_terms)

    currency = {"currencyID": document.currency}
    tax_total = _el(root, "cac:TaxTotal")
    _el(tax_total, "cbc:TaxAmount", amount(document.tax_total), **currency)
    for breakdown in document.taxes:
        subtotal = _el(tax_total, "cac:TaxSubtotal")
        _el(subtotal, "cbc:TaxableAmount", amount(breakdown.base), **currency)
        _el(subtotal, "cbc:TaxAmount", amount(breakdown.amount), **currency)
        _tax_category(subtotal, "cac:TaxCategory", breakdown.category, breakdown.rate, breakdown.exemption_reason)

    totals = _el(root, "cac:LegalMonetaryTotal")
    _el(totals, "cbc:LineExtensionAmount", amount(document.line_total), **currency)
    _el(totals, "cbc:TaxExclusiveAmount", amount(document.tax_basis_total), **currency)
    _el(totals, "cbc:TaxInclusiveAmount", amount(document.grand_total), **currency)
    if document.prepaid:
        _el(totals, "cbc:PrepaidAmount", amount(document.prepaid), **currency)
    _el(totals, "cbc:PayableAmount", amount(document.due_payable), **currency)

    for line in document.lines:
        element = _el(root, "cac:CreditNoteLine" if credit else "cac:InvoiceLine")
        _el(element, "cbc:ID", str(line.position))
        _el(element, "cbc:CreditedQuantity" if credit else "cbc:InvoicedQuantity", amount(line.quantity),
            unitCode=line.unit_code)
        _el(element, "cbc:LineExtensionAmount", amount(line.net_amount), **currency)
        item = _el(element, "cac:Item")
        if line.description != line.name:
            _el(item, "cbc:Description", line.description)
        _el(item, "cbc:Name", line.name)
        _tax_category(item, "cac:ClassifiedTaxCategory", line.tax_category, line.tax_rate)
        _el(_el(element, "cac:Price"), "cbc:PriceAmount", amount(line.unit_price), **currency)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
