"""Local dates in the tenant's time zone, as UTC instants that an index on `started_at` can use."""

import zoneinfo
from datetime import date, datetime, time, timedelta


def local_day_bounds(tz_name: str, first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """[start of `first`, start of the day after `last`) in the zone: an entry belongs to a day by
    the local date of its `started_at`."""
    tz = zoneinfo.ZoneInfo(tz_name)
    start = datetime.combine(first, time.min, tzinfo=tz) if first else None
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz) if last and last < date.max else None
    return start, end
