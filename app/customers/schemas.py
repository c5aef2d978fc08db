"""Customer request and response shapes (SPEC Appendix A)."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, WrapValidator
from pydantic_core import InitErrorDetails, PydanticCustomError

from app.contracts.schemas import ROUNDING, TimeRounding, TimeRoundingOut
from app.kit.bulk import items_checked_later
from app.kit.identifiers import CompanyId, VatNumber
from app.kit.money import TaxRate, TaxRateOut
from app.kit.schemas import (Address, CalendarDate, Currency, Email, ExternalId, Flag, Mention, Name, NotNull,
                             RequestModel, Terms)

CustomerKind = Literal["company", "contact"]
EXEMPTION_REASON = ("Why the customer's invoices carry no tax (or carry it by reverse charge), printed on them, "
                    "e.g. \"Autoliquidation — article 283-2 du CGI\". Copied into each invoice's bill_to.")


Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class MonthlyCycle(RequestModel):
    """Calendar months (the default)."""

    kind: Literal["monthly"]


class WeeklyCycle(RequestModel):
    """Weeks ending on `week_ends_on`."""

    kind: Literal["weekly"]
    week_ends_on: Weekday


class FortnightlyCycle(RequestModel):
    """Fortnights: one ends on `ends_on`, the others every 14 days before and after it."""

    kind: Literal["fortnightly"]
    ends_on: CalendarDate = Field(description="Any date on which a fortnight ends.")


def _sorted_distinct(dates: list[date]) -> list[date]:
    return sorted(set(dates))


class CustomCycle(RequestModel):
    """A cycle ends on each listed date and starts the day after the previous one; the first listed
    date's cycle has no start (a cut-off on it bills all ready time up to it)."""

    kind: Literal["custom"]
    ends_on_dates: Annotated[list[CalendarDate], AfterValidator(_sorted_distinct)] = Field(
        min_length=1, max_length=1000, description="Stored in date order, each date once.")


class NoCycle(RequestModel):
    """Not date-based: a batch with a cut-off date bills all the customer's ready time."""

    kind: Literal["none"]


def _location_without_tag(value, handler):
    """pydantic places the matched `kind` in an error's location (billing_cycle.fortnightly.ends_on):
    take it out, so that the error names the field as the client wrote it (billing_cycle.ends_on)."""
    try:
        return handler(value)
    except ValidationError as exc:
        raise ValidationError.from_exception_data(exc.title, [InitErrorDetails(
            type=PydanticCustomError(error["type"], error["msg"]),
            loc=error["loc"][1:] if len(error["loc"]) > 1 else error["loc"], input=error["input"])
            for error in exc.errors()]) from None


BillingCycle = Annotated[MonthlyCycle | WeeklyCycle | FortnightlyCycle | CustomCycle | NoCycle,
                         Field(discriminator="kind"), WrapValidator(_location_without_tag)]
DEFAULT_CONTRACT = ("The contract of its time whose work item names none: a contract of this company, or of a "
                    "contact's parent company.")
VAT_NUMBER = "The customer's VAT number, printed on its invoices and carried by its e-invoices."
COMPANY_ID = "The customer's registration id (in France its SIREN), printed on its invoices and e-invoices."
CYCLE_DESCRIPTION = ("Which period a batch given a `cutoff_date` bills for this customer: its last complete cycle "
                     "ending on or before the cut-off. A contact with a parent company is billed on the parent's "
                     "cycle.")


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
    # A factory, not a default: the document then states no object default, which generated clients
    # cannot represent (openapi-python-client drops such a model).
    billing_cycle: BillingCycle = Field(default_factory=lambda: MonthlyCycle(kind="monthly"),
                                        description=CYCLE_DESCRIPTION + ' Absent: `{"kind": "monthly"}`.')
    time_rounding: TimeRounding | None = Field(default=None, description=ROUNDING)
    vat_number: VatNumber | None = Field(default=None, description=VAT_NUMBER)
    company_id: CompanyId | None = Field(default=None, description=COMPANY_ID)


class CustomerCreate(CustomerFields):
    """Only a contact (`kind`) has a parent, which is a company."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"external_id": "crm-42", "name": "Acme SARL", "emails": ["billing@acme.example"], "tax_rate": "20.00",
         "billing_address": {"line1": "3 rue de la Paix", "postal_code": "75002", "city": "Paris", "country": "FR"}}]})

    external_id: ExternalId | None = None
    parent_id: uuid.UUID | None = None
    default_contract_id: uuid.UUID | None = Field(default=None, description=DEFAULT_CONTRACT)


class CustomerUpdate(RequestModel):
    """Only the fields sent change; null clears a field that may be empty (external_id, parent_id,
    billing_address, tax_rate, terms, default_contract_id, time_rounding), the others cannot be null."""

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
    billing_cycle: NotNull[BillingCycle] = Field(default=None, description=CYCLE_DESCRIPTION)
    default_contract_id: uuid.UUID | None = Field(default=None, description=DEFAULT_CONTRACT)
    time_rounding: TimeRounding | None = Field(default=None, description=ROUNDING)
    vat_number: VatNumber | None = Field(default=None, description=VAT_NUMBER)
    company_id: CompanyId | None = Field(default=None, description=COMPANY_ID)


class CustomerBulkItem(CustomerFields):
    """A contact names its company by `parent_id` or `parent_external_id` (not both); a company has
    no parent."""

    external_id: ExternalId
    parent_id: uuid.UUID | None = None
    parent_external_id: ExternalId | None = None
    default_contract_id: uuid.UUID | None = Field(default=None, description=DEFAULT_CONTRACT)
    default_contract_external_id: ExternalId | None = Field(
        default=None, description="A stored contract named by its external_id (not both with default_contract_id).")


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
    billing_cycle: BillingCycle
    default_contract_id: uuid.UUID | None
    time_rounding: TimeRoundingOut | None
    vat_number: str | None
    company_id: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "CustomerOut":
        return cls.model_validate(row, from_attributes=True)


