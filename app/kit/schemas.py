"""Field types and small value objects shared by the resources' request and response schemas."""

import re
import zoneinfo
from datetime import UTC, date, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, EmailStr, Field, Strict, StringConstraints

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
# A sentence printed on invoices: something to read, so never blank.
Mention = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
                    AfterValidator(_no_nul)]
ExternalId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255),
                       AfterValidator(_no_nul)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$"), AfterValidator(_currency)]
TimeZone = Annotated[str, StringConstraints(min_length=1, max_length=64), AfterValidator(_timezone)]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Email = Annotated[EmailStr, StringConstraints(max_length=254)]
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(9998, 12, 31)


def _plausible_instant(value: datetime) -> datetime:
    try:
        plausible = EARLIEST_DATE <= value.astimezone(UTC).date() <= LATEST_DATE
    except OverflowError:  # its UTC instant falls outside years 1-9999
        plausible = False
    if not plausible:
        raise ValueError(f"must fall between {EARLIEST_DATE} and {LATEST_DATE}")
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")


def _iso_text(pattern: re.Pattern, example: str):
    """Only ISO 8601 text: pydantic would otherwise read a number as a Unix timestamp."""
    def check(value):
        if isinstance(value, str) and pattern.match(value):
            return value
        if isinstance(value, (date, datetime)):
            return value
        raise ValueError(f"must be an ISO 8601 string such as {example}")
    return BeforeValidator(check)


# An instant with an offset, within years the database and every client can represent.
Instant = Annotated[AwareDatetime, _iso_text(_ISO_DATETIME, "2026-11-05T14:30:00+01:00"),
                    AfterValidator(_plausible_instant)]
CalendarDate = Annotated[date, _iso_text(_ISO_DATE, "2026-11-30"), Field(ge=EARLIEST_DATE, le=LATEST_DATE)]
# JSON true/false only: "yes", 1 or "true" are refused rather than guessed.
Flag = Annotated[bool, Strict()]


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
