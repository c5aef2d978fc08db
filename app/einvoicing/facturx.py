"""Factur-X: the invoice's PDF/A-3 with its EN 16931 data embedded as UN/CEFACT CII XML
(profile EN 16931, the one French and German buyers' platforms read in full).

`cii_xml` is pure (an `EInvoice` in, bytes out). `facturx_pdf` hands the PDF and the XML to the
`factur-x` library, which checks the XML against the Factur-X XSD, embeds it as `factur-x.xml`
and writes the PDF/A-3 XMP metadata. Elements are written in the order the XSD requires, and an
element is written only when it has content."""

from datetime import date
from functools import partial

from facturx import generate_from_binary
from lxml import etree

from app.einvoicing.document import FACTURX_EN16931_GUIDELINE, EInvoice, Party
from app.einvoicing.xml import amount, element as xml_element
from app.invoices.labels import labels

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
_NSMAP = {"rsm": RSM, "ram": RAM, "udt": UDT, "qdt": QDT}


_el = partial(xml_element, _NSMAP)  # tag given as "prefix:name"


def _date(parent, tag: str, value: date, namespace: str = "udt") -> None:
    _el(_el(parent, tag), f"{namespace}:DateTimeString", f"{value:%Y%m%d}", format="102")


def _party(parent, tag: str, party: Party) -> None:
    element = _el(parent, tag)
    _el(element, "ram:Name", party.name)
    if party.legal_mentions:
        _el(element, "ram:Description", party.legal_mentions)
    if party.company_id:
        organization = _el(element, "ram:SpecifiedLegalOrganization")
        if party.company_id_scheme:
            _el(organization, "ram:ID", party.company_id, schemeID=party.company_id_scheme)
        else:
            _el(organization, "ram:ID", party.company_id)
    address = party.address or {}
    if address:
        postal = _el(element, "ram:PostalTradeAddress")
        for key, tag_name in (("postal_code", "ram:PostcodeCode"), ("line1", "ram:LineOne"), ("line2", "ram:LineTwo"),
                              ("city", "ram:CityName"), ("country", "ram:CountryID")):
            if address.get(key):
                _el(postal, tag_name, address[key])
    if party.email:
        _el(_el(element, "ram:URIUniversalCommunication"), "ram:URIID", party.email, schemeID="EM")
    if party.vat_number:
        _el(_el(element, "ram:SpecifiedTaxRegistration"), "ram:ID", party.vat_number, schemeID="VA")


def cii_xml(document: EInvoice) -> bytes:
    root = etree.Element(f"{{{RSM}}}CrossIndustryInvoice", nsmap=_NSMAP)
    context = _el(root, "rsm:ExchangedDocumentContext")
    _el(_el(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", FACTURX_EN16931_GUIDELINE)

    header = _el(root, "rsm:ExchangedDocument")
    _el(header, "ram:ID", document.number)
    _el(header, "ram:TypeCode", document.type_code)
    _date(header, "ram:IssueDateTime", document.issue_date)
    if document.note:
        _el(_el(header, "ram:IncludedNote"), "ram:Content", document.note)

    transaction = _el(root, "rsm:SupplyChainTradeTransaction")
    for line in document.lines:
        item = _el(transaction, "ram:IncludedSupplyChainTradeLineItem")
        _el(_el(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", str(line.position))
        product = _el(item, "ram:SpecifiedTradeProduct")
        _el(product, "ram:Name", line.name)
        if line.description != line.name:
            _el(product, "ram:Description", line.description)
        agreement = _el(item, "ram:SpecifiedLineTradeAgreement")
        _el(_el(agreement, "ram:NetPriceProductTradePrice"), "ram:ChargeAmount", amount(line.unit_price))
        _el(_el(item, "ram:SpecifiedLineTradeDelivery"), "ram:BilledQuantity", amount(line.quantity),
            unitCode=line.unit_code)
        settlement = _el(item, "ram:SpecifiedLineTradeSettlement")
        tax = _el(settlement, "ram:ApplicableTradeTax")
        _el(tax, "ram:TypeCode", "VAT")
        _el(tax, "ram:CategoryCode", line.tax_category)
        _el(tax, "ram:RateApplicablePercent", amount(line.tax_rate))
        _el(_el(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation"), "ram:LineTotalAmount",
            amount(line.net_amount))

    agreement = _el(transaction, "ram:ApplicableHeaderTradeAgreement")
    _el(agreement, "ram:BuyerReference", document.buyer_reference)
    _party(agreement, "ram:SellerTradeParty", document.seller)
    _party(agreement, "ram:BuyerTradeParty", document.buyer)

    # Required by the schema, and an empty element is flagged (PEPPOL-EN16931-R008): the services
    # were supplied by the end of the period billed (BT-72), or on the issue date without one.
    delivery = _el(transaction, "ram:ApplicableHeaderTradeDelivery")
    _date(_el(delivery, "ram:ActualDeliverySupplyChainEvent"), "ram:OccurrenceDateTime",
          document.period_end or document.issue_date)

    settlement = _el(transaction, "ram:ApplicableHeaderTradeSettlement")
    _el(settlement, "ram:InvoiceCurrencyCode", document.currency)
    for breakdown in document.taxes:
        tax = _el(settlement, "ram:ApplicableTradeTax")
        _el(tax, "ram:CalculatedAmount", amount(breakdown.amount))
        _el(tax, "ram:TypeCode", "VAT")
        if breakdown.exemption_reason:
            _el(tax, "ram:ExemptionReason", breakdown.exemption_reason)
        _el(tax, "ram:BasisAmount", amount(breakdown.base))
        _el(tax, "ram:CategoryCode", breakdown.category)
        _el(tax, "ram:RateApplicablePercent", amount(breakdown.rate))
    if document.period_start and document.period_end:
        period = _el(settlement, "ram:BillingSpecifiedPeriod")
        _date(period, "ram:StartDateTime", document.period_start)
        _date(period, "ram:EndDateTime", document.period_end)
    terms = _el(settlement, "ram:SpecifiedTradePaymentTerms")
    _el(terms, "ram:Description", document.payment_terms)
    if document.due_date:
        _date(terms, "ram:DueDateDateTime", document.due_date)
    totals = _el(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    _el(totals, "ram:LineTotalAmount", amount(document.line_total))
    _el(totals, "ram:TaxBasisTotalAmount", amount(document.tax_basis_total))
    _el(totals, "ram:TaxTotalAmount", amount(document.tax_total), currencyID=document.currency)
    _el(totals, "ram:GrandTotalAmount", amount(document.grand_total))
    if document.prepaid:
        _el(totals, "ram:TotalPrepaidAmount", amount(document.prepaid))
    _el(totals, "ram:DuePayableAmount", amount(document.due_payable))
    # CII at this profile holds one preceding invoice (BT-25); UBL lists them all.
    if document.preceding_invoices:
        _el(_el(settlement, "ram:InvoiceReferencedDocument"), "ram:IssuerAssignedID", document.preceding_invoices[0])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def facturx_pdf(pdf: bytes, document: EInvoice, *, language: str = "en") -> bytes:
    """The PDF with the document's CII XML embedded as a Factur-X (PDF/A-3) file; the XML is
    checked against the Factur-X EN 16931 XSD on the way (an invalid one raises rather than leave
    the building). The PDF's title and subject, shown by viewers, are in the tenant's language."""
    words = labels(language)
    kind = words["credit_note"] if document.credit_note else words["invoice"]
    seller = document.seller.name
    metadata = {"author": seller, "keywords": f"{kind}, Factur-X", "title": f"{seller}: {kind} {document.number}",
                "subject": f"{kind} {document.number} — {document.issue_date:%d/%m/%Y} — {seller}"}
    return generate_from_binary(pdf, cii_xml(document), flavor="factur-x", level="en16931", check_xsd=True,
                                pdf_metadata=metadata, lang="fr-FR" if language == "fr" else "en-GB")
