"""Field types and small value objects shared by the resources' request and response schemas.

Each type publishes in the OpenAPI document exactly what it accepts (patterns, bounds, lists), so
that a client built from the document cannot build a request the server refuses for its form."""

import re
import zoneinfo
from datetime import date, datetime
from typing import Annotated, TypeVar

from pydantic import (AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, EmailStr, Field, Strict,
                      StringConstraints, WithJsonSchema)
from pydantic_core import PydanticCustomError, core_schema

from app.kit.currency import CURRENCIES
from app.kit.native_checks import NativeCheck
from app.kit.timezones import TIME_ZONES

T = TypeVar("T")


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


def _currency(value: str) -> str:
    if value not in CURRENCIES:
        raise ValueError("must be an ISO 4217 currency code such as EUR or USD")
    return value


def _timezone(value: str) -> str:
    if value not in TIME_ZONES:
        raise ValueError("must be an IANA time zone such as Europe/Paris or UTC")
    zoneinfo.ZoneInfo(value)  # every listed name loads: tzdata ships them all
    return value


def _refuse_null(value):
    if value is None:
        raise PydanticCustomError("null_not_allowed", "cannot be null")
    return value


# A PATCH field that may be left out but never set to null (its column always holds a value): the
# document says it is not nullable, and an explicit null is a 422 naming the field.
NotNull = Annotated[T, BeforeValidator(_refuse_null)]


def _one_of(values) -> str:
    return "^(" + "|".join(re.escape(v) for v in sorted(values)) + ")$"


# What pydantic's strip_whitespace removes (Unicode White_Space), so that "contains something else"
# can be said in the document's own regex dialect.
WHITESPACE = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
NO_NUL = r"^[^\x00]*$"
NOT_BLANK = rf"^[^\x00]*[^\x00{WHITESPACE}][^\x00]*$"


def _at_most(limit: int):
    """The length limit of text that is stripped, checked on the text as sent (as the document says)."""
    def check(value):
        if isinstance(value, str) and len(value) > limit:
            raise PydanticCustomError("string_too_long", "String should have at most {max_length} characters",
                                      {"max_length": limit})
        return value
    return BeforeValidator(check)


# Text the strip leaves as it is: no white space at either end (nor the separators \x1c-\x1f, which
# Python's own strip would remove), so its native check needs no strip.
_UNSTRIPPED = rf"^[^\x00{WHITESPACE}\x1c-\x1f]([^\x00]*[^\x00{WHITESPACE}\x1c-\x1f])?$"


def _text(max_length: int, *, blank: bool) -> object:
    if blank:
        return Annotated[str, StringConstraints(max_length=max_length), AfterValidator(_no_nul),
                         NativeCheck(core_schema.str_schema(strict=True, pattern=NO_NUL, max_length=max_length)),
                         WithJsonSchema({"type": "string", "maxLength": max_length, "pattern": NO_NUL})]
    # _at_most last: the outermost "before" validator, it sees the text as sent, before the strip.
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_no_nul),
                     _at_most(max_length),
                     NativeCheck(core_schema.str_schema(strict=True, pattern=_UNSTRIPPED, max_length=max_length)),
                     WithJsonSchema({"type": "string", "minLength": 1, "maxLength": max_length, "pattern": NOT_BLANK,
                                     "description": "Leading and trailing white space is removed."})]


Name = _text(255, blank=False)
ShortText = _text(255, blank=True)
LongText = _text(4000, blank=True)
ExternalId = _text(255, blank=False)
# A sentence printed on invoices: something to read, so never blank.
Mention = _text(500, blank=False)
Currency = Annotated[str, AfterValidator(_currency), WithJsonSchema(
    {"type": "string", "pattern": _one_of(CURRENCIES), "description": "An ISO 4217 currency code.",
     "examples": ["EUR"]})]
TimeZone = Annotated[str, AfterValidator(_timezone), WithJsonSchema(
    {"type": "string", "pattern": _one_of(TIME_ZONES),
     "description": "An IANA time zone name (the tz database shipped by the `tzdata` package).",
     "examples": ["Europe/Paris"]})]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c}]" for c in word)


# email-validator refuses the special-use domains (RFC 6761: .test, .localhost, …) and their subdomains.
_SPECIAL_USE_DOMAINS = "|".join(_any_case(d) for d in ("arpa", "invalid", "local", "localhost", "onion", "test"))
Email = Annotated[EmailStr, StringConstraints(max_length=254), WithJsonSchema(
    {"type": "string", "format": "email", "maxLength": 254,
     "pattern": rf"^[^@]+@(?!([^@]*\.)?({_SPECIAL_USE_DOMAINS})$)[^@]+$",
     "description": "An email address; special-use domains (.test, .localhost, .invalid…) are refused.",
     "examples": ["billing@acme.example"]})]
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(9998, 12, 31)
_YEAR = "(19[0-9]{2}|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])"  # 1900 to 9998
DATE_PATTERN = rf"^{_YEAR}-[0-9]{{2}}-[0-9]{{2}}$"
# The offset as validation takes it: hours 00 to 23, minutes 00 to 59 (Python reads "-00:60" as an
# hour; validation does not, so neither does the pattern).
INSTANT_PATTERN = (rf"^{_YEAR}-[0-9]{{2}}-[0-9]{{2}}[Tt][0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}(\.[0-9]+)?"
                   r"([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$")


def _plausible_instant(value: datetime) -> datetime:
    # Judged on the date as written (the UTC instant of a year-9998 time stays within year 9999).
    if not EARLIEST_DATE <= value.date() <= LATEST_DATE:
        raise ValueError(f"must fall between {EARLIEST_DATE} and {LATEST_DATE}")
    return value


_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_ISO_DATETIME = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$")


def _iso_text(pattern: re.Pattern, example: str):
    """Only ISO 8601 text: pydantic would otherwise read a number as a Unix timestamp."""
    def check(value):
        if isinstance(value, str) and pattern.fullmatch(value):
            return value
        if isinstance(value, (date, datetime)):
            return value
        raise ValueError(f"must be an ISO 8601 string such as {example}")
    return BeforeValidator(check)


# An instant with an offset, within years the database and every client can represent. Natively:
# the usual form (upper-case T and Z, at most microseconds), whose years the pattern bounds.
_USUAL_INSTANT = (rf"^{_YEAR}-[0-9]{{2}}-[0-9]{{2}}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}(\.[0-9]{{1,6}})?"
                  r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$")
Instant = Annotated[AwareDatetime, _iso_text(_ISO_DATETIME, "2026-11-05T14:30:00+01:00"),
                    AfterValidator(_plausible_instant),
                    NativeCheck(core_schema.chain_schema([core_schema.str_schema(strict=True, pattern=_USUAL_INSTANT),
                                                          core_schema.datetime_schema(tz_constraint="aware")])),
                    WithJsonSchema({"type": "string", "format": "date-time", "pattern": INSTANT_PATTERN,
                                    "description": "RFC 3339, with an offset; years 1900 to 9998.",
                                    "examples": ["2026-11-05T14:30:00+01:00"]})]
CalendarDate = Annotated[date, _iso_text(_ISO_DATE, "2026-11-30"), Field(ge=EARLIEST_DATE, le=LATEST_DATE),
                         WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN,
                                         "examples": ["2026-11-30"]})]
# JSON true/false only: "yes", 1 or "true" are refused rather than guessed.
Flag = Annotated[bool, Strict()]
def _json_integer(value):
    # JSON Schema's integer: 30 or 30.0; never "30", 30.5 or true (pydantic would convert those).
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


def integer(*, ge: int, le: int) -> object:
    return Annotated[int, Field(ge=ge, le=le), BeforeValidator(_json_integer)]


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
    payment_terms_days: integer(ge=0, le=3650) | None = None
    late_payment_penalties: LongText | None = None
    early_payment_discount: LongText | None = None
