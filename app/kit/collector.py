"""The garbage collector's settings for a long-running process (the API, a worker)."""

import gc


def settle_after_startup() -> None:
    """Call once the process is up. What exists then (modules, routes, the engine) lives as long as
    the process: keeping it out of the collector's full passes makes each of them ~5x cheaper
    (~230,000 objects, ~130 ms a pass otherwise), and a large bulk push or a batch triggers several.
    A request or a customer allocates thousands of short-lived containers (rows, models, dicts):
    with the default threshold (700) the collector ran about once per list request and cost ~6 % of
    it, mostly promoting objects that were about to be freed; the young generation is collected
    less often."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
