"""Billing cycles (SPEC §9), with no I/O: from a customer's cycle and a batch's cut-off date to the
period the batch bills for that customer, its last complete cycle ending on or before the cut-off.

A cycle is read as stored on the customer (`customers.billing_cycle`, JSON):
- `{"kind": "monthly"}`: calendar months;
- `{"kind": "weekly", "week_ends_on": "sunday"}`: weeks ending on that day;
- `{"kind": "fortnightly", "ends_on": "2026-11-08"}`: 14 days ending on that date, and every 14 days
  before and after it;
- `{"kind": "custom", "ends_on_dates": [...]}`: a cycle ends on each listed date and starts the day
  after the previous one; the first has no start;
- `{"kind": "none"}`: not date-based, no bounds at all."""

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FORTNIGHT = timedelta(days=14)


@dataclass(frozen=True)
class Period:
    """Inclusive local dates; None where the period has no bound (the first custom cycle has no
    start, a `none` customer has neither)."""

    start: date | None
    end: date | None


def cycle_period(cycle: dict, cutoff: date) -> Period | None:
    """The customer's last complete cycle ending on or before `cutoff`; None when it has none (a
    custom cycle with no listed end on or before the cut-off): nothing to bill."""
    kind = cycle["kind"]
    if kind == "monthly":
        end = cutoff if (cutoff + timedelta(days=1)).day == 1 else cutoff.replace(day=1) - timedelta(days=1)
        return Period(end.replace(day=1), end)
    if kind == "weekly":
        end = cutoff - timedelta(days=(cutoff.weekday() - WEEKDAYS.index(cycle["week_ends_on"])) % 7)
        return Period(end - timedelta(days=6), end)
    if kind == "fortnightly":
        # Python's % is never negative: an anchor after the cut-off works as one before it.
        end = cutoff - timedelta(days=(cutoff - date.fromisoformat(cycle["ends_on"])).days % FORTNIGHT.days)
        return Period(end - FORTNIGHT + timedelta(days=1), end)
    if kind == "custom":
        ends = sorted(date.fromisoformat(d) for d in cycle["ends_on_dates"])
        last = bisect_right(ends, cutoff)
        if last == 0:
            return None
        return Period(ends[last - 2] + timedelta(days=1) if last >= 2 else None, ends[last - 1])
    if kind == "none":
        return Period(None, None)
    raise ValueError(f"unknown billing cycle kind {kind!r}")
