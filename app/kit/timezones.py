"""Local dates in the tenant's time zone, as UTC instants that an index on `started_at` can use;
and which time zone names a tenant may choose."""

import zoneinfo
from datetime import date, datetime, time, timedelta
from importlib.resources import files

# The names of the tz database of the pinned `tzdata` package, whatever the host's own copy holds:
# the API document lists exactly these, and zoneinfo loads each (from the package when the host
# lacks it).
TIME_ZONES: frozenset[str] = frozenset(files("tzdata").joinpath("zones").read_text().split())


def local_day_bounds(tz_name: str, first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """[start of `first`, start of the day after `last`) in the zone: an entry belongs to a day by
    the local date of its `started_at`."""
    tz = zoneinfo.ZoneInfo(tz_name)
    start = datetime.combine(first, time.min, tzinfo=tz) if first else None
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz) if last and last < date.max else None
    return start, end
