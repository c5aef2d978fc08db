"""Exact decimal values on the wire: strings in JSON, `Decimal` in Python, `numeric` in PostgreSQL.

A JSON number is refused for every one of them, so that no float ever touches an amount."""

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any, get_args

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

TWO_PLACES = Decimal("0.01")


def format_decimal(value: Decimal, *, min_places: int = 2) -> str:
    """At least `min_places` decimals, more only when the value has them: 80 -> '80.00'."""
    exponent = value.normalize().as_tuple().exponent
    places = max(min_places, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return f"{value:.{places}f}"


def round_money(value: Decimal, minor_units: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-minor_units), rounding=ROUND_HALF_UP)


def _decimal_type(*, name: str, integer_digits: int, places: int, minimum: Decimal, maximum: Decimal,
                  exclusive_minimum: bool = False, signed: bool = False):
    sign = "-?" if signed else ""
    pattern = rf"^{sign}\d{{1,{integer_digits}}}(\.\d{{1,{places}}})?$"
    compiled = re.compile(pattern)
    lower = "greater than" if exclusive_minimum else "at least"

    def parse(value: Any) -> Decimal:
        if isinstance(value, Decimal):
            candidate = format_decimal(value, min_places=0)
        elif isinstance(value, str):
            candidate = value.strip()
        else:
            raise ValueError(f"{name} must be a decimal string such as \"{minimum + 1:.2f}\", not a JSON number")
        if not compiled.match(candidate):
            raise ValueError(f"{name} must be a decimal string with at most {integer_digits} digits "
                             f"before the point and {places} after it")
        parsed = Decimal(candidate)
        if parsed < minimum or (exclusive_minimum and parsed == minimum) or parsed > maximum:
            raise ValueError(f"{name} must be {lower} {minimum} and at most {maximum}")
        return parsed

    return Annotated[
        Decimal,
        PlainValidator(parse),
        PlainSerializer(lambda v: format_decimal(v), return_type=str),
        WithJsonSchema({"type": "string", "pattern": pattern, "examples": [f"{minimum + 1:.2f}"]}),
    ]


# Unit prices may carry four decimals (a fraction of a cent per unit); amounts are rounded later.
UnitPrice = _decimal_type(name="unit price", integer_digits=12, places=4, minimum=Decimal(0),
                          maximum=Decimal("999999999999.9999"))
Hours = _decimal_type(name="hours", integer_digits=4, places=2, minimum=Decimal(0),
                      maximum=Decimal("9999.99"), exclusive_minimum=True)
TaxRate = _decimal_type(name="tax rate", integer_digits=3, places=4, minimum=Decimal(0), maximum=Decimal(100))


def read_back(decimal_type):
    """`decimal_type` for a value read from a numeric column into a response: the same JSON and
    JSON schema, without the parsing of what clients send (the column holds a valid value, and
    parsing each one cost a tenth of the time of a page of customers)."""
    base, *metadata = get_args(decimal_type)
    return Annotated[(base, *(m for m in metadata if not isinstance(m, PlainValidator)))]


TaxRateOut = read_back(TaxRate)
