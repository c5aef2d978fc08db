"""Tenant settings shapes (SPEC Appendix A)."""

import re
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.customers.schemas import AddressOut, TermsOut
from app.kit.identifiers import CompanyId, CompanyIdScheme, VatNumber
from app.kit.money import format_decimal
from app.kit.schemas import (Address, Currency, Email, Flag, Mention, Name, NotNull, RequestModel, ShortText, Terms,
                             TimeZone)

Language = Literal["en", "fr"]
EinvoiceFormat = Literal["pdf", "facturx"]
LANGUAGE = "The language of every printed label of invoices and credit notes: `en` (default) or `fr`."
EINVOICE_FORMAT = ("What an emailed invoice carries: `pdf` (default), or `facturx`, the PDF/A-3 with its "
                   "EN 16931 XML (Factur-X) embedded.")
REGISTRATION = "The trade register entry printed on invoices, e.g. \"RCS Paris 123 456 782\"."
LEGAL_FORM = "Legal form and share capital printed on invoices, e.g. \"SAS au capital de 10 000 €\"."


# A tax rate from 0 to 100 with at most four decimals (the pattern of TaxRate in app/kit/money.py).
RATE_KEY_PATTERN = r"^(0?[0-9]{1,2}(\.[0-9]{1,4})?|100(\.0{1,4})?)$"


def _rate_key(value: str) -> str:
    """A tax rate as `format_decimal` writes it (and the files look it up): "20" and "20.0" are "20.00"."""
    if not re.fullmatch(RATE_KEY_PATTERN, value):
        raise ValueError("a tax rate such as \"20.00\" (at most 100, four decimal places)")
    return format_decimal(Decimal(value))


RateKey = Annotated[str, AfterValidator(_rate_key)]


class Accounting(RequestModel):
    """How exports to accounting software fill their codes (SPEC §12)."""

    account_code: ShortText | None = Field(default=None, description=(
        "The sales account written as Xero's AccountCode, e.g. \"706\"; null: left empty."))
    tax_types: dict[RateKey, ShortText] = Field(default_factory=dict, max_length=50, json_schema_extra={
        "propertyNames": {"pattern": RATE_KEY_PATTERN}}, description=(
        "By tax rate: the tax type written as Xero's TaxType and QuickBooks' Item Tax Code, e.g. "
        "{\"20.00\": \"20% (VAT on Income)\"}. A rate not listed is written as the rate followed by `%`."))


class AccountingOut(BaseModel):
    account_code: str | None = None
    tax_types: dict[str, str] = Field(default_factory=dict)


class SettingsUpdate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"legal_name": "Helpdesk Services SAS", "legal_address": {"line1": "3 rue de la Paix", "postal_code": "75002", "city": "Paris", "country": "FR"}, "timezone": "Europe/Paris",
         "currency": "EUR", "terms": {"payment_terms_days": 30, "bank_details": "IBAN FR76 3000 6000 0112 3456 7890 189"}}]})

    """Only the fields sent change; null clears legal_address, default_product_id or email_sender,
    the others cannot be null."""

    legal_name: NotNull[Name] = None
    legal_address: Address | None = None
    timezone: NotNull[TimeZone] = Field(default=None, description="IANA time zone, e.g. Europe/Paris.")
    currency: NotNull[Currency] = None
    invoice_number_prefix: NotNull[ShortText] = None
    invoice_number_yearly_reset: NotNull[Flag] = Field(
        default=None, description="true: numbers read PREFIX-YYYY-NNNNNN and restart each year (credit notes too).")
    credit_note_number_prefix: NotNull[ShortText] = Field(
        default=None, description="The prefix of credit note numbers, which have their own sequence (default `CN-`).")
    default_product_id: uuid.UUID | None = Field(
        default=None, description="The service product billed for time that has none.")
    email_sender: Email | None = None
    terms: NotNull[Terms] = Field(default=None, description="Merged into the current terms: fields left out are kept.")
    vat_number: VatNumber | None = Field(default=None, description="The seller's VAT number.")
    company_id: CompanyId | None = Field(default=None, description=(
        "The seller's registration id (in France the SIREN), checked against `company_id_scheme` when that is "
        "0002 (SIREN) or 0009 (SIRET)."))
    company_id_scheme: CompanyIdScheme | None = None
    registration: Mention | None = Field(default=None, description=REGISTRATION)
    legal_form_and_capital: Mention | None = Field(default=None, description=LEGAL_FORM)
    language: NotNull[Language] = Field(default=None, description=LANGUAGE)
    einvoice_format: NotNull[EinvoiceFormat] = Field(default=None, description=EINVOICE_FORMAT)
    accounting: NotNull[Accounting] = Field(default=None, description="Replaces the accounting codes of exports.")


class SettingsOut(BaseModel):
    legal_name: str
    legal_address: AddressOut | None
    timezone: str
    currency: str
    invoice_number_prefix: str
    invoice_number_yearly_reset: bool
    credit_note_number_prefix: str = Field(description="The prefix of credit note numbers (their own sequence).")
    default_product_id: uuid.UUID | None
    email_sender: str | None
    terms: TermsOut
    vat_number: str | None
    company_id: str | None
    company_id_scheme: str | None
    registration: str | None
    legal_form_and_capital: str | None
    language: Language = Field(description=LANGUAGE)
    einvoice_format: EinvoiceFormat = Field(description=EINVOICE_FORMAT)
    accounting: AccountingOut = Field(default_factory=AccountingOut, description=(
        "The account code and tax types written into `xero` and `quickbooks` exports."))
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "SettingsOut":
        return cls.model_validate(row, from_attributes=True)
