"""Field types and small value objects shared by the resources' request and response schemas."""

import uuid
import zoneinfo
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from app.kit.currency import CURRENCIES


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


def _currency(value: str) -> str:
    if value not in CURRENCIES:
        raise ValueError("must be an ISO 4217 currency code such as EUR or USD")
    return value


def _timezone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError("must be an IANA time zone such as Europe/Paris or UTC") from None
    return value


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255), AfterValidator(_no_nul)]
ShortText = Annotated[str, StringConstraints(max_length=255), AfterValidator(_no_nul)]
LongText = Annotated[str, StringConstraints(max_length=4000), AfterValidator(_no_nul)]
ExternalId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255),
                       AfterValidator(_no_nul)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$"), AfterValidator(_currency)]
TimeZone = Annotated[str, StringConstraints(min_length=1, max_length=64), AfterValidator(_timezone)]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Email = Annotated[EmailStr, StringConstraints(max_length=254)]
Id = uuid.UUID


class RequestModel(BaseModel):
    """Every request body refuses unknown fields."""

    model_config = ConfigDict(extra="forbid")


class Address(RequestModel):
    line1: ShortText
    line2: ShortText | None = None
    postal_code: ShortText
    city: ShortText
    country: Country


class Terms(RequestModel):
    bank_details: LongText | None = None
    conditions_of_sale: LongText | None = None
    payment_terms_days: int | None = Field(default=None, ge=0, le=3650)
    late_payment_penalties: LongText | None = None
    early_payment_discount: LongText | None = None
