"""Customer request and response shapes (SPEC Appendix A)."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.kit.bulk import items_checked_later
from app.kit.money import TaxRate, TaxRateOut
from app.kit.schemas import Address, Currency, Email, ExternalId, Flag, Mention, Name, NotNull, RequestModel, Terms

CustomerKind = Literal["company", "contact"]
EXEMPTION_REASON = ("Why the customer's invoices carry no tax (or carry it by reverse charge), printed on them, "
                    "e.g. \"Autoliquidation — article 283-2 du CGI\". Copied into each invoice's bill_to.")


class CustomerFields(RequestModel):
    name: Name
    kind: CustomerKind = "company"
    billing_address: Address | None = None
    emails: list[Email] = Field(default_factory=list, max_length=20,
                                description="Ordered; the first address receives the invoices.")
    currency: Currency | None = Field(default=None, description="Defaults to the tenant's currency.")
    tax_rate: TaxRate | None = None
    tax_exempt: Flag = False
    tax_exemption_reason: Mention | None = Field(default=None, description=EXEMPTION_REASON)
    terms: Terms | None = Field(default=None, description="Overrides the tenant's default terms.")


class CustomerCreate(CustomerFields):
    """Only a contact (`kind`) has a parent, which is a company."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"external_id": "crm-42", "name": "Acme SARL", "emails": ["billing@acme.example"], "tax_rate": "20.00",
         "billing_address": {"line1": "3 rue de la Paix", "postal_code": "75002", "city": "Paris", "country": "FR"}}]})

    external_id: ExternalId | None = None
    parent_id: uuid.UUID | None = None


class CustomerUpdate(RequestModel):
    """Only the fields sent change; null clears a field that may be empty (external_id, parent_id,
    billing_address, tax_rate, terms), the others cannot be null."""

    external_id: ExternalId | None = None
    name: NotNull[Name] = None
    kind: NotNull[CustomerKind] = None
    parent_id: uuid.UUID | None = None
    billing_address: Address | None = None
    emails: NotNull[list[Email]] = Field(default=None, max_length=20)
    currency: NotNull[Currency] = None
    tax_rate: TaxRate | None = None
    tax_exempt: NotNull[Flag] = None
    tax_exemption_reason: Mention | None = Field(default=None, description=EXEMPTION_REASON)
    terms: Terms | None = None


class CustomerBulkItem(CustomerFields):
    """A contact names its company by `parent_id` or `parent_external_id` (not both); a company has
    no parent."""

    external_id: ExternalId
    parent_id: uuid.UUID | None = None
    parent_external_id: ExternalId | None = None


class CustomerBulk(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [
        {"external_id": "crm-42", "name": "Acme SARL", "emails": ["billing@acme.example"], "tax_rate": "20.00",
         "billing_address": {"line1": "3 rue de la Paix", "postal_code": "75002", "city": "Paris", "country": "FR"}},
        {"external_id": "crm-43", "name": "Jeanne Dupont", "kind": "contact", "parent_external_id": "crm-42"}]}]})

    # Each item is a CustomerBulkItem, validated by the service (BulkPush.check).
    items: items_checked_later(CustomerBulkItem)


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
    tax_exemption_reason: str | None
    terms: TermsOut | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "CustomerOut":
        return cls.model_validate(row, from_attributes=True)


