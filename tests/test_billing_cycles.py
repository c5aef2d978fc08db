"""Billing cycles, the batch's cut-off date, late time and exclusions (SPEC §9), through the API and
the batch run, on the real services. Times are in Europe/Paris."""

import uuid

import asyncpg
import pytest
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg

from app.invoice_batches.batches import request_hash
from app.invoice_batches.runner import run_batch
from app.invoice_batches.schemas import InvoiceBatchDefinition
from app.invoicing.loading import _ENTRIES
from tests import factories as f

WEEKLY = {"kind": "weekly", "week_ends_on": "sunday"}
ADDRESS = {"line1": "3 rue de la Paix", "postal_code": "75002", "city": "Paris", "country": "FR"}


@pytest.fixture
async def paris(api):
    """A Paris tenant whose default product is Support at 80.00."""
    support = await f.product(api, code="SUP-H", unit_price="80.00")
    response = await api.patch("/v1/settings", json={"timezone": "Europe/Paris", "default_product_id": support["id"]})
    assert response.status_code == 200, response.text
    return api


async def customer_with_ticket(api, name: str, **fields) -> tuple[dict, dict]:
    customer = await f.customer(api, name=name, **fields)
    return customer, await f.work_item(api, customer_id=customer["id"], reference=f"T-{name}")


async def entry_on(api, ticket: dict, day: str, **fields) -> str:
    """An approved hour at 10:00 Paris time on that day; answers its id."""
    return (await f.time_entry(api, work_item_id=ticket["id"], started_at=f"{day}T10:00:00+01:00", hours="1.00",
                               **fields))["id"]


async def bill(api, sessionmaker, **definition) -> tuple[dict, dict]:
    """Launches and runs a batch; answers its report and its invoices by customer."""
    response = await api.post("/v1/invoice-batches", json={"title": "Support", "validate": False, **definition})
    assert response.status_code == 202, response.text
    batch_id = response.json()["id"]
    await run_batch(sessionmaker, uuid.UUID(batch_id))
    report = (await api.get(f"/v1/invoice-batches/{batch_id}/report")).json()
    invoices = (await api.get("/v1/invoices", params={"batch_id": batch_id, "limit": 200})).json()["data"]
    return report, {i["customer_id"]: i for i in invoices}


def billed(invoice: dict) -> dict[str, bool]:
    """Each billed entry, and whether its line is late."""
    return {line["time_entry_ids"][0]: line["late"] for line in invoice["lines"]}


def period_of(invoice: dict) -> tuple[str, str, str]:
    return invoice["period_start"], invoice["period_end"], invoice["subtitle"]


# Customers: the cycle is stored, read back and refused naming the field.

async def test_a_customer_created_without_a_cycle_is_billed_monthly(api):
    created = await f.customer(api)
    assert created["billing_cycle"] == {"kind": "monthly"}
    assert (await api.get(f"/v1/customers/{created['id']}")).json()["billing_cycle"] == {"kind": "monthly"}


@pytest.mark.parametrize("cycle", [
    {"kind": "monthly"}, WEEKLY, {"kind": "weekly", "week_ends_on": "friday"},
    {"kind": "fortnightly", "ends_on": "2026-11-08"}, {"kind": "custom", "ends_on_dates": ["2026-11-15"]},
    {"kind": "none"}])
async def test_each_kind_of_cycle_reads_back_as_sent(api, cycle):
    created = await f.customer(api, billing_cycle=cycle)
    assert (await api.get(f"/v1/customers/{created['id']}")).json()["billing_cycle"] == cycle


async def test_custom_end_dates_are_stored_in_order_and_once(api):
    created = await f.customer(api, billing_cycle={"kind": "custom", "ends_on_dates": [
        "2026-11-30", "2026-11-15", "2026-11-30", "2026-10-31"]})
    assert created["billing_cycle"] == {"kind": "custom", "ends_on_dates": ["2026-10-31", "2026-11-15", "2026-11-30"]}


async def test_a_cycle_changes_by_patch_and_by_bulk_push(api):
    created = await f.customer(api, external_id="crm-1")
    response = await api.patch(f"/v1/customers/{created['id']}", json={"billing_cycle": WEEKLY})
    assert response.status_code == 200 and response.json()["billing_cycle"] == WEEKLY
    response = await api.patch(f"/v1/customers/{created['id']}", json={"name": "Renamed"})
    assert response.json()["billing_cycle"] == WEEKLY  # left alone when not sent

    fortnightly = {"kind": "fortnightly", "ends_on": "2026-11-08"}
    pushed = {"items": [{"external_id": "crm-1", "name": "Renamed", "billing_cycle": fortnightly},
                        {"external_id": "crm-2", "name": "New"}]}
    response = await api.post("/v1/customers/bulk", json=pushed)
    assert response.status_code == 200, response.text
    assert [i["result"] for i in response.json()["items"]] == ["updated", "created"]
    assert (await api.post("/v1/customers/bulk", json=pushed)).json()["unchanged"] == 2
    listed = (await api.get("/v1/customers")).json()["data"]
    assert {c["external_id"]: c["billing_cycle"] for c in listed} == {"crm-1": fortnightly,
                                                                      "crm-2": {"kind": "monthly"}}


@pytest.mark.parametrize(("cycle", "field"), [
    ({"kind": "weekly"}, "billing_cycle.week_ends_on"),
    ({"kind": "weekly", "week_ends_on": "dimanche"}, "billing_cycle.week_ends_on"),
    ({"kind": "fortnightly"}, "billing_cycle.ends_on"),
    ({"kind": "fortnightly", "ends_on": "2026-11-31"}, "billing_cycle.ends_on"),
    ({"kind": "custom"}, "billing_cycle.ends_on_dates"),
    ({"kind": "custom", "ends_on_dates": []}, "billing_cycle.ends_on_dates"),
    ({"kind": "custom", "ends_on_dates": ["2026-11-15", "soon"]}, "billing_cycle.ends_on_dates[1]"),
    ({"kind": "monthly", "week_ends_on": "sunday"}, "billing_cycle.week_ends_on"),
    ({"kind": "yearly"}, "billing_cycle"),
    ({}, "billing_cycle"),
    (None, "billing_cycle"),
])
async def test_a_cycle_without_its_anchor_is_refused_naming_the_field(api, cycle, field):
    for response in (await api.post("/v1/customers", json={"name": "Acme", "billing_cycle": cycle}),
                     await api.patch(f"/v1/customers/{(await f.customer(api))['id']}", json={"billing_cycle": cycle})):
        assert response.status_code == 422, response.text
        assert [e["field"] for e in response.json()["errors"]] == [field]
    response = await api.post("/v1/customers/bulk", json={"items": [
        {"external_id": "ok", "name": "Fine"}, {"external_id": "bad", "name": "Acme", "billing_cycle": cycle}]})
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == [f"items[1].{field}"]


# The batch definition.

@pytest.mark.parametrize("dates", [
    {"period_start": "2026-11-01", "period_end": "2026-11-30", "cutoff_date": "2026-11-30"},
    {"period_start": "2026-11-01", "cutoff_date": "2026-11-30"},
    {},
    {"period_start": "2026-11-01"},
])
async def test_a_batch_needs_a_period_or_a_cutoff_date_not_both(api, dates):
    customer = await f.customer(api)
    for path in ("/v1/invoice-batches", "/v1/invoice-batches/preview"):
        response = await api.post(path, json={"title": "T", "customer_ids": [customer["id"]], **dates})
        assert response.status_code == 422, response.text
        assert {e["field"] for e in response.json()["errors"]} == {"cutoff_date", "period_start", "period_end"}
    assert (await api.get("/v1/invoice-batches")).json()["data"] == []


async def test_unknown_excluded_customers_are_refused_naming_each(api, other_api):
    customer = await f.customer(api)
    foreign = await f.customer(other_api)
    body = {"title": "T", "cutoff_date": "2026-11-30", "customer_ids": [customer["id"]],
            "exclude_customer_ids": [customer["id"], str(uuid.uuid4()), foreign["id"]]}
    for path in ("/v1/invoice-batches", "/v1/invoice-batches/preview"):
        response = await api.post(path, json=body)
        assert response.status_code == 422, response.text
        assert response.json()["code"] == "unknown_reference"
        assert [e["field"] for e in response.json()["errors"]] == ["exclude_customer_ids[1]", "exclude_customer_ids[2]"]


async def test_the_batch_resource_echoes_the_cutoff_late_time_and_exclusions(api):
    kept, left_out = await f.customer(api), await f.customer(api)
    body = {"title": "T", "cutoff_date": "2026-12-09", "customer_ids": [kept["id"], left_out["id"]],
            "exclude_customer_ids": [left_out["id"]]}
    created = (await api.post("/v1/invoice-batches", json=body)).json()
    read = (await api.get(f"/v1/invoice-batches/{created['id']}")).json()
    for batch in (created, read):
        assert (batch["cutoff_date"], batch["period_start"], batch["period_end"]) == ("2026-12-09", None, None)
        assert batch["include_late_time"] is False and batch["exclude_customer_ids"] == [left_out["id"]]
    by_period = (await api.post("/v1/invoice-batches", json={
        "title": "T", "customer_ids": [kept["id"]], "period_start": "2026-11-01", "period_end": "2026-11-30",
        "include_late_time": True})).json()
    assert (by_period["cutoff_date"], by_period["include_late_time"], by_period["exclude_customer_ids"]) == \
        (None, True, [])


def test_an_idempotency_key_stored_before_cutoff_dates_existed_still_matches_its_request():
    definition = InvoiceBatchDefinition.model_validate({
        "customer_ids": ["01936f0e-8a5c-7b6e-9a51-3c2f4d1e0d20"], "title": "Support — November 2026",
        "period_start": "2026-11-01", "period_end": "2026-11-30", "validate": True})
    # The hash this request had before the new fields existed (computed by that version).
    assert request_hash(definition) == "0d0fe1dbd971d6e84b500b01abf43967fecdc45de287dcffa657b6f1aca1e2d8"
    later = definition.model_copy(update={"include_late_time": True})
    assert request_hash(later) != request_hash(definition)


# What a cut-off date bills, cycle by cycle.

async def test_a_weekly_customer_is_billed_its_last_complete_week_and_its_late_time(paris, sessionmaker):
    api = paris
    customer, ticket = await customer_with_ticket(api, "Weekly", billing_cycle=WEEKLY)
    late = await entry_on(api, ticket, "2026-11-10")
    monday, sunday = await entry_on(api, ticket, "2026-11-23"), await entry_on(api, ticket, "2026-11-29")
    waits = await entry_on(api, ticket, "2026-11-30")

    # Wednesday 2 December: the last complete week ended on Sunday 29 November.
    report, invoices = await bill(api, sessionmaker, customer_ids=[customer["id"]], cutoff_date="2026-12-02")

    invoice = invoices[customer["id"]]
    assert period_of(invoice) == ("2026-11-23", "2026-11-29", "Period from 23/11/2026 to 29/11/2026")
    assert billed(invoice) == {late: True, monday: False, sunday: False}
    assert report["unbilled_times"] == []
    # The Monday after waits for the next week.
    assert (await api.get(f"/v1/time-entries/{waits}")).json()["invoice_id"] is None
    _, invoices = await bill(api, sessionmaker, customer_ids=[customer["id"]], cutoff_date="2026-12-06")
    assert period_of(invoices[customer["id"]])[:2] == ("2026-11-30", "2026-12-06")
    assert billed(invoices[customer["id"]]) == {waits: False}


async def test_a_fortnightly_customer_is_billed_the_fortnight_of_its_series(paris, sessionmaker):
    api = paris
    customer, ticket = await customer_with_ticket(
        api, "Fortnightly", billing_cycle={"kind": "fortnightly", "ends_on": "2026-12-20"})  # an end ahead
    late, first = await entry_on(api, ticket, "2026-11-08"), await entry_on(api, ticket, "2026-11-09")
    last, waits = await entry_on(api, ticket, "2026-11-22"), await entry_on(api, ticket, "2026-11-23")

    _, invoices = await bill(api, sessionmaker, customer_ids=[customer["id"]], cutoff_date="2026-11-30")

    # Fortnights end on 20 December, 6 December, 22 November...: the last one ended before the cut-off.
    assert period_of(invoices[customer["id"]])[:2] == ("2026-11-09", "2026-11-22")
    assert billed(invoices[customer["id"]]) == {late: True, first: False, last: False}
    assert (await api.get(f"/v1/time-entries/{waits}")).json()["invoice_id"] is None


async def test_a_custom_customer_is_billed_up_to_its_last_listed_end(paris, sessionmaker):
    api = paris
    customer, ticket = await customer_with_ticket(
        api, "Custom", billing_cycle={"kind": "custom", "ends_on_dates": ["2026-11-15", "2026-11-30"]})
    early, mid = await entry_on(api, ticket, "2026-10-02"), await entry_on(api, ticket, "2026-11-15")
    later = await entry_on(api, ticket, "2026-11-16")

    # No listed end on or before the cut-off: nothing to bill yet.
    report, invoices = await bill(api, sessionmaker, customer_ids=[customer["id"]], cutoff_date="2026-11-14")
    assert invoices == {} and report["customers_without_times"] == [customer["id"]]

    # The first listed end's cycle has no start: all ready time up to it, none of it late; the
    # invoice's period starts on the earliest time billed.
    _, invoices = await bill(api, sessionmaker, customer_ids=[customer["id"]], cutoff_date="2026-11-20")
    assert billed(invoices[customer["id"]]) == {early: False, mid: False}
    assert period_of(invoices[customer["id"]]) == ("2026-10-02", "2026-11-15", "Period from 02/10/2026 to 15/11/2026")

    _, invoices = await bill(api, sessionmaker, customer_ids=[customer["id"]], cutoff_date="2026-12-31")
    assert period_of(invoices[customer["id"]])[:2] == ("2026-11-16", "2026-11-30")
    assert billed(invoices[customer["id"]]) == {later: False}


async def test_a_customer_without_cycle_is_billed_all_its_ready_time_never_late(paris, sessionmaker):
    api = paris
    customer, ticket = await customer_with_ticket(api, "Anytime", billing_cycle={"kind": "none"})
    entries = [await entry_on(api, ticket, day) for day in ("2025-06-03", "2026-11-20", "2027-01-04")]
    await entry_on(api, ticket, "2026-11-21", status="draft")  # not ready

    _, invoices = await bill(api, sessionmaker, customer_ids=[customer["id"]], cutoff_date="2026-11-30")

    assert billed(invoices[customer["id"]]) == dict.fromkeys(entries, False)
    assert period_of(invoices[customer["id"]]) == ("2025-06-03", "2027-01-04", "Period from 03/06/2025 to 04/01/2027")


async def test_a_monthly_customer_with_a_cutoff_before_the_month_end_is_billed_the_month_before(paris, sessionmaker):
    api = paris
    customer, ticket = await customer_with_ticket(api, "Monthly")
    october, november = await entry_on(api, ticket, "2026-10-31"), await entry_on(api, ticket, "2026-11-02")

    _, invoices = await bill(api, sessionmaker, customer_ids=[customer["id"]], cutoff_date="2026-11-29")

    assert period_of(invoices[customer["id"]]) == ("2026-10-01", "2026-10-31", "Period from 01/10/2026 to 31/10/2026")
    assert billed(invoices[customer["id"]]) == {october: False}
    assert (await api.get(f"/v1/time-entries/{november}")).json()["invoice_id"] is None


async def test_a_contact_is_billed_on_its_parent_companys_cycle(paris, sessionmaker):
    api = paris
    company, _ = await customer_with_ticket(api, "Parent", billing_cycle=WEEKLY)
    contact, ticket = await customer_with_ticket(api, "Contact", kind="contact", parent_id=company["id"],
                                                 billing_cycle={"kind": "none"})
    in_week, after = await entry_on(api, ticket, "2026-11-25"), await entry_on(api, ticket, "2026-12-01")

    _, invoices = await bill(api, sessionmaker, customer_ids=[contact["id"]], cutoff_date="2026-12-02")

    assert period_of(invoices[company["id"]])[:2] == ("2026-11-23", "2026-11-29")
    assert billed(invoices[company["id"]]) == {in_week: False}
    assert (await api.get(f"/v1/time-entries/{after}")).json()["invoice_id"] is None


# Late time.

async def test_time_approved_after_its_months_batch_is_billed_late_by_the_next_cutoff(paris, sessionmaker):
    api = paris
    customer, ticket = await customer_with_ticket(api, "Acme")
    on_time = await entry_on(api, ticket, "2026-11-03")
    approved_late = await entry_on(api, ticket, "2026-11-05", status="draft")

    _, invoices = await bill(api, sessionmaker, customer_ids=[customer["id"]], cutoff_date="2026-11-30")
    assert billed(invoices[customer["id"]]) == {on_time: False}  # the draft was not ready yet

    response = await api.patch(f"/v1/time-entries/{approved_late}", json={"status": "approved"})
    assert response.status_code == 200, response.text
    december = await entry_on(api, ticket, "2026-12-07")
    _, invoices = await bill(api, sessionmaker, customer_ids=[customer["id"]], cutoff_date="2026-12-31")

    invoice = invoices[customer["id"]]
    assert period_of(invoice)[:2] == ("2026-12-01", "2026-12-31")
    assert billed(invoice) == {approved_late: True, december: False}


async def test_a_period_batch_bills_earlier_ready_time_only_when_asked(paris, sessionmaker):
    api = paris
    customer, ticket = await customer_with_ticket(api, "Acme")
    october, november = await entry_on(api, ticket, "2026-10-20"), await entry_on(api, ticket, "2026-11-20")
    body = {"customer_ids": [customer["id"]], "period_start": "2026-11-01", "period_end": "2026-11-30"}

    preview = (await api.post("/v1/invoice-batches/preview", json={"title": "T", **body})).json()
    assert [line["time_entry_id"] for line in preview["invoices"][0]["lines"]] == [november]

    _, invoices = await bill(api, sessionmaker, include_late_time=True, **body)
    invoice = invoices[customer["id"]]
    assert billed(invoice) == {october: True, november: False}
    assert period_of(invoice) == ("2026-11-01", "2026-11-30", "Period from 01/11/2026 to 30/11/2026")


async def test_a_customer_without_cycle_never_has_late_lines_in_a_period_batch(paris, sessionmaker):
    api = paris
    customer, ticket = await customer_with_ticket(api, "Anytime", billing_cycle={"kind": "none"})
    october, november = await entry_on(api, ticket, "2026-10-20"), await entry_on(api, ticket, "2026-11-20")
    await entry_on(api, ticket, "2026-12-02")  # after the period: waits

    _, invoices = await bill(api, sessionmaker, customer_ids=[customer["id"]], period_start="2026-11-01",
                             period_end="2026-11-30", include_late_time=True)

    assert billed(invoices[customer["id"]]) == {october: False, november: False}
    assert period_of(invoices[customer["id"]])[:2] == ("2026-10-20", "2026-11-30")


# Exclusions.

async def test_excluded_customers_are_listed_in_the_report_and_their_time_waits(paris, sessionmaker):
    api = paris
    kept, kept_ticket = await customer_with_ticket(api, "Kept")
    skipped, skipped_ticket = await customer_with_ticket(api, "Skipped")
    company, _ = await customer_with_ticket(api, "Company")
    contact, contact_ticket = await customer_with_ticket(api, "Contact", kind="contact", parent_id=company["id"])
    outsider = await f.customer(api, name="Not selected")
    billed_entry = await entry_on(api, kept_ticket, "2026-11-10")
    waiting = [await entry_on(api, skipped_ticket, "2026-11-10"), await entry_on(api, contact_ticket, "2026-11-10")]
    selection = await f.selection(api, customer_ids=[kept["id"], skipped["id"], company["id"]])
    # The contact stands for its company; a customer the selection does not hold is not listed.
    body = {"title": "T", "selection_id": selection["id"], "cutoff_date": "2026-11-30",
            "exclude_customer_ids": [contact["id"], outsider["id"], skipped["id"]]}

    preview = (await api.post("/v1/invoice-batches/preview", json=body)).json()
    report, invoices = await bill(api, sessionmaker, **{k: v for k, v in body.items() if k != "title"})

    assert preview["customers_excluded"] == report["customers_excluded"] == [skipped["id"], company["id"]]
    assert report["counts"]["customers_excluded"] == 2
    assert report["totals"]["customers"] == preview["totals"]["customers"] == 1
    assert set(invoices) == {kept["id"]} and billed(invoices[kept["id"]]) == {billed_entry: False}
    assert report["customers_without_times"] == [] and report["status"] == "succeeded"
    batch = (await api.get(f"/v1/invoice-batches/{report['batch_id']}")).json()
    assert batch["progress"] == {"customers_total": 1, "customers_done": 1}
    for entry in waiting:
        assert (await api.get(f"/v1/time-entries/{entry}")).json()["invoice_id"] is None
    page = (await api.get(f"/v1/invoice-batches/{report['batch_id']}/report/customers-excluded",
                          params={"limit": 1})).json()
    assert page["data"] == [skipped["id"]] and page["next_cursor"]
    rest = (await api.get(f"/v1/invoice-batches/{report['batch_id']}/report/customers-excluded",
                          params={"limit": 1, "cursor": page["next_cursor"]})).json()
    assert rest == {"data": [company["id"]], "next_cursor": None}


# The entries query, with a target's bounds absent (late time, kind none), keeps its plan.

async def entries_plans(connection, customer_id: str, tenant_id, plan_cache_mode: str, bounds) -> list[str]:
    """The plans of the batch's entries query (app/invoicing/loading.py) for one customer, one per
    (since, until) of `bounds` (SQL literals)."""
    sql = str(_ENTRIES.compile(dialect=PGDialect_asyncpg()))
    await connection.execute(f"PREPARE entries (uuid[], timestamptz[], timestamptz[], timestamptz[], uuid, text) AS {sql}")
    await connection.execute(f"SET plan_cache_mode = {plan_cache_mode}")
    return ["\n".join(row[0] for row in await connection.fetch(
        f"EXPLAIN EXECUTE entries(ARRAY['{customer_id}'::uuid], ARRAY[{since}::timestamptz], "
        f"ARRAY[{until}::timestamptz], ARRAY[{since}::timestamptz], '{tenant_id}', NULL)")) for since, until in bounds]


@pytest.mark.parametrize("plan_cache_mode", ["force_custom_plan", "force_generic_plan"])
async def test_entries_are_read_by_work_item_and_date_whatever_the_bounds(paris, migrated_database, plan_cache_mode):
    api = paris
    customer, ticket = await customer_with_ticket(api, "Busy")
    items = [{"external_id": f"e-{n}", "work_item_id": ticket["id"], "hours": "0.25", "status": "approved",
              "started_at": f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}T{n % 24:02d}:00:00Z"} for n in range(3000)]
    assert (await api.post("/v1/time-entries/bulk", json={"items": items})).status_code == 200
    # Freshly pushed rows have no statistics: the plan must not need them (see app/invoicing/loading.py).
    connection = await asyncpg.connect(migrated_database)
    try:
        for plan in await entries_plans(connection, customer["id"], api.tenant_id, plan_cache_mode, (
                ("'2026-11-01T00:00Z'", "'2026-12-01T00:00Z'"), ("NULL", "'2026-12-01T00:00Z'"), ("NULL", "NULL"))):
            assert "Index Scan using ix_time_entries_tenant_id_work_item_id_started_at" in plan, plan
            assert "Seq Scan on time_entries" not in plan, plan
    finally:
        await connection.close()


@pytest.mark.parametrize("reltuples", [-1, 100])
@pytest.mark.parametrize("plan_cache_mode", ["force_custom_plan", "force_generic_plan"])
async def test_entries_of_one_customer_among_many_are_read_by_its_work_items(paris, migrated_database, plan_cache_mode,
                                                                              reltuples):
    """A month-end push: many customers, one ticket each, a month of time each. With no statistics
    (-1), or with statistics that still count a hundred rows (as autovacuum can leave them while a
    push is under way: seen on bench/invoice_batch.py), the period's bounds must not make
    (tenant_id, started_at) look as good as (tenant_id, work_item_id, started_at): that read every
    entry of the tenant in the period for each customer."""
    api = paris
    customers = [{"external_id": f"c-{n}", "name": f"Customer {n}"} for n in range(300)]
    assert (await api.post("/v1/customers/bulk", json={"items": customers})).status_code == 200
    tickets = [{"external_id": f"T-{n}", "type": "ticket", "reference": f"T-{n}", "customer_external_id": f"c-{n}"}
               for n in range(300)]
    assert (await api.post("/v1/work-items/bulk", json={"items": tickets})).status_code == 200
    entries = [{"external_id": f"e-{n}-{k}", "work_item_external_id": f"T-{n}", "hours": "0.25", "status": "approved",
                "started_at": f"2026-11-{k % 28 + 1:02d}T{k % 24:02d}:00:00Z"} for n in range(300) for k in range(30)]
    assert (await api.post("/v1/time-entries/bulk", json={"items": entries})).status_code == 200
    customer_id = (await api.get("/v1/customers", params={"external_id": "c-7"})).json()["data"][0]["id"]
    connection = await asyncpg.connect(migrated_database)
    transaction = connection.transaction()  # rolled back: the catalog is left as it was
    await transaction.start()
    try:
        await connection.execute("DELETE FROM pg_statistic WHERE starelid = 'time_entries'::regclass")
        await connection.execute(f"UPDATE pg_class SET reltuples = {reltuples} WHERE oid IN "
                                 "(SELECT indexrelid FROM pg_index WHERE indrelid = 'time_entries'::regclass "
                                 "UNION SELECT 'time_entries'::regclass)")
        for plan in await entries_plans(connection, customer_id, api.tenant_id, plan_cache_mode, (
                ("'2026-11-01T00:00Z'", "'2026-12-01T00:00Z'"), ("NULL", "'2026-12-01T00:00Z'"))):
            assert "Index Scan using ix_time_entries_tenant_id_work_item_id_started_at" in plan, plan
            assert "ix_time_entries_tenant_id_started_at " not in plan, plan
            assert "Seq Scan on time_entries" not in plan, plan
    finally:
        await transaction.rollback()
        await connection.close()
