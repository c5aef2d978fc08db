"""Exact decimal values on the wire: strings in JSON, `Decimal` in Python, `numeric` in PostgreSQL.

A JSON number is refused for every one of them, so that no float ever touches an amount."""

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any, get_args

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import core_schema

from app.kit.native_checks import NativeCheck

TWO_PLACES = Decimal("0.01")


def format_decimal(value: Decimal, *, min_places: int = 2) -> str:
    """At least `min_places` decimals, more only when the value has them: 80 -> '80.00'."""
    exponent = value.normalize().as_tuple().exponent
    places = max(min_places, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return f"{value:.{places}f}"


def round_money(value: Decimal, minor_units: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-minor_units), rounding=ROUND_HALF_UP)


# Any run of ASCII digits with an optional sign and fraction: what the messages explain against.
_SHAPE = re.compile(r"^(-?)([0-9]+)(?:\.([0-9]+))?$")


def _decimal_type(*, name: str, integer_digits: int, places: int, minimum: Decimal, maximum: Decimal,
                  exclusive_minimum: bool = False, signed: bool = False, published: str | None = None,
                  below_minimum: str | None = None):
    """`published`: the document's pattern when the bounds narrow the digits' form (it must accept
    exactly the strings this type accepts; tests/test_contract.py checks that)."""
    sign = "-?" if signed else ""
    # [0-9], not \d: ASCII digits only, in Python's regex dialect as in the document's.
    pattern = rf"^{sign}[0-9]{{1,{integer_digits}}}(\.[0-9]{{1,{places}}})?$"
    compiled = re.compile(pattern)
    example = f"{minimum + 1:.2f}"
    lower = below_minimum or ("positive" if exclusive_minimum and minimum == 0 else (
        f"greater than {minimum}" if exclusive_minimum else f"at least {minimum}"))

    def refusal(candidate: str) -> str:
        shape = _SHAPE.fullmatch(candidate)
        if shape is None:
            return (f"{name} must be a decimal string of ASCII digits with an optional single dot and nothing "
                    f"around it, such as \"{example}\"")
        sign, whole, fraction = shape.groups()
        if sign and not signed:
            return f"{name} must be {lower}"
        if fraction is not None and len(fraction) > places:
            return f"{name} must have at most {places} decimal places"
        return f"{name} must be at most {maximum}" if len(whole.lstrip("0")) > integer_digits else (
            f"{name} must have at most {integer_digits} digits before the point")

    def parse(value: Any) -> Decimal:
        if isinstance(value, Decimal):
            candidate = format_decimal(value, min_places=0)
        elif isinstance(value, str):
            candidate = value
        else:
            raise ValueError(f"{name} must be a decimal string such as \"{example}\", not a JSON number")
        if not compiled.fullmatch(candidate):
            raise ValueError(refusal(candidate))
        parsed = Decimal(candidate)
        if parsed < minimum or (exclusive_minimum and parsed == minimum):
            raise ValueError(f"{name} must be {lower}")
        if parsed > maximum:
            raise ValueError(f"{name} must be at most {maximum}")
        return parsed

    # Natively: a string of the published form (which holds the bounds too), read by Decimal as `parse` does.
    native = core_schema.chain_schema([
        core_schema.str_schema(strict=True, pattern=published or pattern),
        core_schema.decimal_schema(**({"gt": minimum} if exclusive_minimum else {"ge": minimum}), le=maximum)])
    return Annotated[
        Decimal,
        PlainValidator(parse),
        NativeCheck(native),
        PlainSerializer(lambda v: format_decimal(v), return_type=str),
        WithJsonSchema({"type": "string", "pattern": published or pattern, "examples": [example]}),
    ]


# Unit prices may carry four decimals (a fraction of a cent per unit); amounts are rounded later.
UnitPrice = _decimal_type(name="unit price", integer_digits=12, places=4, minimum=Decimal(0),
                          maximum=Decimal("999999999999.9999"))
# More than zero: a non-zero digit before the point (at most 4 digits in all), or zeros then a
# non-zero fraction.
Hours = _decimal_type(name="hours", integer_digits=4, places=2, minimum=Decimal(0),
                      maximum=Decimal("9999.99"), exclusive_minimum=True,
                      published=r"^((0{0,3}[1-9]|0{0,2}[1-9][0-9]|0?[1-9][0-9]{2}|[1-9][0-9]{3})(\.[0-9]{1,2})?"
                                r"|0{1,4}\.(0?[1-9]|[1-9][0-9]))$")
# An adjustment's hours may be zero: "this time should not have been billed".
AdjustmentHours = _decimal_type(name="hours", integer_digits=4, places=2, minimum=Decimal(0),
                                maximum=Decimal("9999.99"))
# A bulk time-entry item's hours: 0 is checked later, allowed on adjustments only; below 0 an item
# is told what an ordinary entry is told.
BulkHours = _decimal_type(name="hours", integer_digits=4, places=2, minimum=Decimal(0),
                          maximum=Decimal("9999.99"), below_minimum="positive")
# An amount of money a client states (a block's price, a retainer): cents at most.
Amount = _decimal_type(name="amount", integer_digits=12, places=2, minimum=Decimal(0),
                       maximum=Decimal("999999999999.99"))
# A payment (SPEC §12), negative for a refund: up to four places, so that currencies with three (KWD,
# BHD…) or four (CLF) can be paid in full; the currency's own minor unit, and zero, are refused
# where the payment is recorded.
SignedAmount = _decimal_type(name="amount", integer_digits=12, places=4, minimum=Decimal("-999999999999.9999"),
                             maximum=Decimal("999999999999.9999"), signed=True)
# Hours that may be zero (a retainer's included hours); a contract's totals of hours, read back.
HoursOrZero = _decimal_type(name="hours", integer_digits=4, places=2, minimum=Decimal(0),
                            maximum=Decimal("9999.99"))
HoursTotal = _decimal_type(name="hours", integer_digits=10, places=2, minimum=Decimal(0),
                           maximum=Decimal("9999999999.99"))
# At most 100: up to two digits (a leading zero allowed), or 100 with a zero fraction.
TaxRate = _decimal_type(name="tax rate", integer_digits=3, places=4, minimum=Decimal(0), maximum=Decimal(100),
                        published=r"^(0?[0-9]{1,2}(\.[0-9]{1,4})?|100(\.0{1,4})?)$")


def read_back(decimal_type):
    """`decimal_type` for a value read from a numeric column into a response: the same JSON and
    JSON schema, without the parsing of what clients send (the column holds a valid value, and
    parsing each one cost a tenth of the time of a page of customers)."""
    base, *metadata = get_args(decimal_type)
    return Annotated[(base, *(m for m in metadata if not isinstance(m, (PlainValidator, NativeCheck))))]


TaxRateOut = read_back(TaxRate)
UnitPriceOut = read_back(UnitPrice)
AmountOut = read_back(Amount)
SignedAmountOut = read_back(SignedAmount)
HoursOut = read_back(Hours)
HoursOrZeroOut = read_back(HoursOrZero)
HoursTotalOut = read_back(HoursTotal)
