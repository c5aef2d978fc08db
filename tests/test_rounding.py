"""round_hours (SPEC §11): each entry's billed quantity under a rounding rule, checked by examples
and against references computed in integers (minutes, and hundredths of an hour)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as st

from app.invoicing.rounding import INCREMENTS, round_hours

D = Decimal


def rule(increment: int, mode: str, minimum: int = 0) -> dict:
    return {"increment_minutes": increment, "mode": mode, "minimum_minutes": minimum}


@pytest.mark.parametrize(("hours", "rounding", "billed"), [
    ("1.10", None, "1.10"),
    ("0.10", rule(15, "up"), "0.25"), ("0.10", rule(15, "down"), "0.00"), ("0.10", rule(15, "nearest"), "0.00"),
    ("1.125", rule(15, "nearest"), "1.25"),  # 67.5 minutes: a half goes up
    ("1.12", rule(15, "nearest"), "1.00"),  # 67.2 minutes
    ("0.10", rule(15, "up", 30), "0.50"),  # the minimum applies after rounding
    ("0.10", rule(15, "down", 30), "0.50"),
    ("0.80", rule(15, "up", 30), "1.00"),
    ("0.01", rule(3, "up"), "0.05"), ("0.06", rule(6, "down"), "0.00"), ("1.00", rule(60, "up"), "1.00"),
    ("1.01", rule(60, "up"), "2.00"), ("0.20", rule(12, "nearest"), "0.20"),
    ("0.10", rule(15, "up", 10), "0.25"), ("0.01", rule(3, "down", 10), "0.17"),  # 10 min = 0.1666… h
    ("0", rule(15, "up", 30), "0.00"),  # no time worked, nothing billed
])
def test_examples(hours, rounding, billed):
    assert round_hours(D(hours), rounding) == D(billed)
    assert str(round_hours(D(hours), rounding)) == billed


def test_a_model_works_as_well_as_a_dict():
    from app.contracts.schemas import TimeRounding

    assert round_hours(D("0.10"), TimeRounding(increment_minutes=15, mode="up", minimum_minutes=30)) == D("0.50")


@pytest.mark.parametrize("bad", [rule(10, "up"), rule(15, "ceiling"), rule(15, "up", -1)])
def test_a_bad_rule_is_refused(bad):
    with pytest.raises(ValueError):
        round_hours(D("1.00"), bad)


def minutes_reference(minutes: int, increment: int, mode: str, minimum: int) -> int:
    """The billed minutes of a whole number of minutes worked, in integers only."""
    if minutes == 0:
        return 0
    if mode == "up":
        rounded = -(-minutes // increment) * increment
    elif mode == "down":
        rounded = minutes // increment * increment
    else:
        rounded = (2 * minutes + increment) // (2 * increment) * increment
    return max(rounded, minimum)


modes = st.sampled_from(["up", "nearest", "down"])
increments = st.sampled_from(INCREMENTS)


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=9999 * 20).map(lambda n: n * 3), increments, modes,
       st.integers(min_value=0, max_value=400).map(lambda n: n * 3))
def test_whole_minutes_against_an_integer_reference(minutes, increment, mode, minimum):
    # Multiples of 3 minutes are whole hundredths of an hour: the hours given are exact.
    hours = D(minutes * 100 // 60) / 100
    assert hours * 60 == minutes
    billed = round_hours(hours, rule(increment, mode, minimum))
    assert billed * 60 == minutes_reference(minutes, increment, mode, minimum)
    assert billed.as_tuple().exponent == -2


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=999_999), increments, modes, st.integers(min_value=0, max_value=1440))
def test_any_hundredths_against_an_exact_reference(hundredths, increment, mode, minimum):
    """Any hours with two places, worked in exact fractions of a minute (0.01 h = 0.6 min)."""
    minutes = Fraction(hundredths * 60, 100)
    steps = minutes / increment
    if mode == "up":
        rounded = -(-steps.numerator // steps.denominator)
    elif mode == "down":
        rounded = steps.numerator // steps.denominator
    else:
        rounded = (2 * steps.numerator + steps.denominator) // (2 * steps.denominator)
    billed_minutes = Fraction(0) if hundredths == 0 else max(Fraction(rounded * increment), Fraction(minimum))
    billed_hundredths = billed_minutes * 100 / 60
    expected = (2 * billed_hundredths.numerator + billed_hundredths.denominator) // (2 * billed_hundredths.denominator)
    billed = round_hours(D(hundredths) / 100, rule(increment, mode, minimum))
    assert billed == D(expected) / 100
