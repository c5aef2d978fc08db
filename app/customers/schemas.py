"""Customer request and response shapes (SPEC Appendix A)."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.kit.bulk import MAX_BULK_ITEMS
from app.kit.money import TaxRate, TaxRateOut
from app.kit.schemas import Address, Currency, Email, ExternalId, Flag, Name, RequestModel, Terms

CustomerKind = Literal["company", "contact"]


class CustomerFields(RequestModel):
    name: Name
    kind: CustomerKind = "company"
    billing_address: Address | None = None
    emails: list[Email] = Field(default_factory=list, max_length=20,
                                description="Ordered; the first address receives the invoices.")
    currency: Currency | None = Field(default=None, description="Defaults to the tenant's currency.")
    tax_rate: TaxRate | None = None
    tax_exempt: Flag = False
    terms: Terms | None = Field(default=None, description="Overrides the tenant's default terms.")


class CustomerCreate(CustomerFields):
    external_id: ExternalId | None = None
    parent_id: uuid.UUID | None = None


class CustomerUpdate(RequestModel):
    external_id: ExternalId | None = None
    name: Name | None = None
    kind: CustomerKind | None = None
    parent_id: uuid.UUID | None = None
    billing_address: Address | None = None
    emails: list[Email] | None = Field(default=None, max_length=20)
    currency: Currency | None = None
    tax_rate: TaxRate | None = None
    tax_exempt: Flag | None = None
    terms: Terms | None = None


class CustomerBulkItem(CustomerFields):
    external_id: ExternalId
    parent_id: uuid.UUID | None = None
    parent_external_id: ExternalId | None = None


class CustomerBulk(RequestModel):
    items: list[CustomerBulkItem] = Field(max_length=MAX_BULK_ITEMS)


class AddressOut(BaseModel):
    line1: str
    line2: str | None
    postal_code: str
    city: str
    country: str


class TermsOut(BaseModel):
    bank_details: str | None = None
    conditions_of_sale: str | None = None
    payment_terms_days: int | None = None
    late_payment_penalties: str | None = None
    early_payment_discount: str | None = None


class CustomerOut(BaseModel):
    id: uuid.UUID
    external_id: str | None
    name: str
    kind: CustomerKind
    parent_id: uuid.UUID | None
    billing_address: AddressOut | None
    emails: list[str]
    currency: str
    tax_rate: TaxRateOut | None
    tax_exempt: bool
    terms: TermsOut | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "CustomerOut":
        return cls.model_validate(row, from_attributes=True)


