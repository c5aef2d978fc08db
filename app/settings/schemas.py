"""Tenant settings shapes (SPEC Appendix A)."""

import re
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.customers.schemas import AddressOut, TermsOut
from app.kit.money import format_decimal
from app.kit.schemas import Address, Currency, Email, Flag, Name, NotNull, RequestModel, ShortText, Terms, TimeZone


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
    accounting: AccountingOut = Field(default_factory=AccountingOut, description=(
        "The account code and tax types written into `xero` and `quickbooks` exports."))
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "SettingsOut":
        return cls.model_validate(row, from_attributes=True)
