"""Tenant settings shapes (SPEC Appendix A)."""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from app.customers.schemas import AddressOut, TermsOut
from app.kit.schemas import Address, Currency, Email, Flag, Name, RequestModel, ShortText, Terms, TimeZone


class SettingsUpdate(RequestModel):
    legal_name: Name | None = None
    legal_address: Address | None = None
    timezone: TimeZone | None = Field(default=None, description="IANA time zone, e.g. Europe/Paris.")
    currency: Currency | None = None
    invoice_number_prefix: ShortText | None = None
    invoice_number_yearly_reset: Flag | None = Field(
        default=None, description="true: numbers read PREFIX-YYYY-NNNNNN and restart each year.")
    default_product_id: uuid.UUID | None = Field(
        default=None, description="The service product billed for time that has none.")
    email_sender: Email | None = None
    terms: Terms | None = Field(default=None, description="Merged into the current terms: fields left out are kept.")


class SettingsOut(BaseModel):
    legal_name: str
    legal_address: AddressOut | None
    timezone: str
    currency: str
    invoice_number_prefix: str
    invoice_number_yearly_reset: bool
    default_product_id: uuid.UUID | None
    email_sender: str | None
    terms: TermsOut
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "SettingsOut":
        return cls.model_validate(row, from_attributes=True)
