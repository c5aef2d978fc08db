"""The billed quantity of a time entry under a rounding rule (SPEC §11): pure, no I/O.

A rule is `{"increment_minutes": 15, "mode": "up", "minimum_minutes": 30}` (as stored on a contract
or a customer; the contract's wins) or None for no rounding. The hours are rounded to a multiple
of the increment (`up`, `down`, or `nearest` with halves going up), then raised to the minimum.
Every allowed increment is a whole number of hundredths of an hour (3 minutes = 0.05 h), so the
result is exact with two places; only a minimum that is not such a multiple is rounded half up to
the hundredth. Zero hours (an adjustment taking time back) stay zero: the minimum is for time
worked, not for time that was not."""

from collections.abc import Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

INCREMENTS = (3, 6, 12, 15, 30, 60)
MODES = ("up", "nearest", "down")
_HUNDREDTH = Decimal("0.01")
_ROUNDINGS = {"up": ROUND_CEILING, "down": ROUND_FLOOR, "nearest": ROUND_HALF_UP}


def _rule(rounding: Any) -> tuple[int, str, int]:
    if isinstance(rounding, Mapping):
        get = rounding.get
    else:
        def get(name, default=None):
            return getattr(rounding, name, default)
    increment, mode, minimum = get("increment_minutes"), get("mode"), get("minimum_minutes", 0) or 0
    if increment not in INCREMENTS:
        raise ValueError(f"increment_minutes must be one of {INCREMENTS}, not {increment!r}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    if minimum < 0:
        raise ValueError("minimum_minutes must be at least 0")
    return increment, mode, minimum


def round_hours(hours: Decimal, rounding: Mapping[str, Any] | Any | None) -> Decimal:
    """`hours` (>= 0) as billed under `rounding` (None: unchanged), with two decimal places."""
    if hours < 0:
        raise ValueError("hours must be at least 0")
    if rounding is None:
        return hours.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)
    increment, mode, minimum = _rule(rounding)
    if hours == 0:
        return Decimal("0.00")
    steps = (hours * 60 / increment).quantize(Decimal(1), rounding=_ROUNDINGS[mode])
    minutes = max(steps * increment, Decimal(minimum))
    return (minutes / 60).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)
