"""Tenant settings shapes (SPEC Appendix A)."""

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.customers.schemas import AddressOut, TermsOut
from app.kit.schemas import Address, Currency, Email, Flag, Name, NotNull, RequestModel, ShortText, Terms, TimeZone


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
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "SettingsOut":
        return cls.model_validate(row, from_attributes=True)
