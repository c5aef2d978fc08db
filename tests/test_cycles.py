"""Which period a cut-off date bills for each billing cycle (app/invoicing/cycles.py): no I/O."""

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from app.invoicing.cycles import WEEKDAYS, Period, cycle_period

MONTHLY = {"kind": "monthly"}


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(("cutoff", "start", "end"), [
    ("2026-11-30", "2026-11-01", "2026-11-30"),  # the last day of a month closes that month
    ("2026-11-29", "2026-10-01", "2026-10-31"),  # the day before: the month before
    ("2026-12-01", "2026-11-01", "2026-11-30"),
    ("2026-12-31", "2026-12-01", "2026-12-31"),  # the year's end
    ("2027-01-01", "2026-12-01", "2026-12-31"),  # across the year
    ("2028-02-29", "2028-02-01", "2028-02-29"),  # a leap year's February
    ("2028-02-28", "2028-01-01", "2028-01-31"),  # ... is not over on the 28th
    ("2027-02-28", "2027-02-01", "2027-02-28"),  # a common year's February is
    ("2028-03-01", "2028-02-01", "2028-02-29"),
    ("2100-02-28", "2100-02-01", "2100-02-28"),  # 2100 is not a leap year
    ("2026-04-30", "2026-04-01", "2026-04-30"),  # 30-day month
    ("2026-05-30", "2026-04-01", "2026-04-30"),
])
def test_monthly_bills_the_last_complete_calendar_month(cutoff, start, end):
    assert cycle_period(MONTHLY, d(cutoff)) == Period(d(start), d(end))


@pytest.mark.parametrize(("week_ends_on", "cutoff", "end"), [
    ("sunday", "2026-11-29", "2026-11-29"),  # a Sunday cut-off closes that week
    ("sunday", "2026-11-28", "2026-11-22"),  # a Saturday: the week before
    ("sunday", "2026-11-30", "2026-11-29"),  # the Monday after
    ("monday", "2026-11-30", "2026-11-30"),
    ("monday", "2026-11-29", "2026-11-23"),
    ("friday", "2026-11-27", "2026-11-27"),
    ("friday", "2026-11-26", "2026-11-20"),
    ("saturday", "2027-01-01", "2026-12-26"),  # across the year
    ("wednesday", "2028-03-01", "2028-03-01"),
    ("tuesday", "2028-03-01", "2028-02-29"),  # ends on a leap day
])
def test_weekly_bills_the_last_week_ending_on_its_weekday(week_ends_on, cutoff, end):
    period = cycle_period({"kind": "weekly", "week_ends_on": week_ends_on}, d(cutoff))
    assert period == Period(d(end) - timedelta(days=6), d(end))
    assert WEEKDAYS[period.end.weekday()] == week_ends_on


@pytest.mark.parametrize(("anchor", "cutoff", "end"), [
    ("2026-11-08", "2026-11-08", "2026-11-08"),  # the anchor itself
    ("2026-11-08", "2026-11-21", "2026-11-08"),  # the day before the next end
    ("2026-11-08", "2026-11-22", "2026-11-22"),  # the next end
    ("2026-11-08", "2026-11-07", "2026-10-25"),  # the day before the anchor
    ("2026-11-08", "2026-01-01", "2025-12-21"),  # anchor months after the cut-off
    ("2020-01-05", "2026-11-30", "2026-11-29"),  # anchor far in the past
    ("2030-06-23", "2026-11-30", "2026-11-29"),  # the same fortnights, anchored years later
    ("2028-02-29", "2028-03-13", "2028-02-29"),  # anchored on a leap day
    ("2028-02-29", "2028-03-14", "2028-03-14"),
])
def test_fortnightly_bills_the_last_fortnight_of_its_series(anchor, cutoff, end):
    period = cycle_period({"kind": "fortnightly", "ends_on": anchor}, d(cutoff))
    assert period == Period(d(end) - timedelta(days=13), d(end))


CUSTOM = {"kind": "custom", "ends_on_dates": ["2026-10-31", "2026-11-15", "2026-11-30"]}


@pytest.mark.parametrize(("cutoff", "expected"), [
    ("2026-10-30", None),  # no listed end yet: nothing to bill
    ("2026-10-31", Period(None, d("2026-10-31"))),  # the first cycle has no start
    ("2026-11-14", Period(None, d("2026-10-31"))),
    ("2026-11-15", Period(d("2026-11-01"), d("2026-11-15"))),  # starts the day after the previous end
    ("2026-11-29", Period(d("2026-11-01"), d("2026-11-15"))),
    ("2026-11-30", Period(d("2026-11-16"), d("2026-11-30"))),
    ("2027-06-01", Period(d("2026-11-16"), d("2026-11-30"))),  # after the last listed end: still the last
])
def test_custom_bills_the_last_listed_end_on_or_before_the_cutoff(cutoff, expected):
    assert cycle_period(CUSTOM, d(cutoff)) == expected


def test_custom_dates_are_read_in_date_order():
    shuffled = {"kind": "custom", "ends_on_dates": ["2026-11-30", "2026-10-31", "2026-11-15"]}
    assert cycle_period(shuffled, d("2026-11-20")) == Period(d("2026-11-01"), d("2026-11-15"))


@pytest.mark.parametrize("cutoff", ["1900-01-01", "2026-11-30", "9998-12-31"])
def test_none_has_no_bounds_whatever_the_cutoff(cutoff):
    assert cycle_period({"kind": "none"}, d(cutoff)) == Period(None, None)


def test_an_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        cycle_period({"kind": "yearly"}, d("2026-11-30"))


cutoffs = st.dates(min_value=date(1901, 1, 1), max_value=date(9998, 12, 31))


@given(cutoff=cutoffs)
def test_a_monthly_period_is_a_whole_month_ending_on_or_before_the_cutoff(cutoff):
    period = cycle_period(MONTHLY, cutoff)
    assert period.start.day == 1 and (period.end + timedelta(days=1)).day == 1
    assert period.start.month == period.end.month and period.end <= cutoff
    assert (period.end + timedelta(days=1)).replace(day=1) + timedelta(days=31) > cutoff  # the last one


@given(cutoff=cutoffs, weekday=st.sampled_from(WEEKDAYS))
def test_a_weekly_period_is_the_last_seven_days_ending_on_its_weekday(cutoff, weekday):
    period = cycle_period({"kind": "weekly", "week_ends_on": weekday}, cutoff)
    assert WEEKDAYS[period.end.weekday()] == weekday
    assert 0 <= (cutoff - period.end).days < 7 and (period.end - period.start).days == 6


@given(cutoff=cutoffs, anchor=cutoffs)
def test_a_fortnightly_period_ends_a_multiple_of_14_days_from_its_anchor(cutoff, anchor):
    period = cycle_period({"kind": "fortnightly", "ends_on": anchor.isoformat()}, cutoff)
    assert (period.end - anchor).days % 14 == 0
    assert 0 <= (cutoff - period.end).days < 14 and (period.end - period.start).days == 13


@given(cutoff=cutoffs, ends=st.lists(cutoffs, min_size=1, max_size=8, unique=True))
def test_a_custom_period_runs_from_the_day_after_the_previous_listed_end(cutoff, ends):
    period = cycle_period({"kind": "custom", "ends_on_dates": [e.isoformat() for e in ends]}, cutoff)
    before = sorted(e for e in ends if e <= cutoff)
    if not before:
        assert period is None
        return
    assert period.end == before[-1]
    assert period.start == (before[-2] + timedelta(days=1) if len(before) > 1 else None)
