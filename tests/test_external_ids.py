"""The helpdesk's own ids travel with what Rebill makes of its data (SPEC §14): invoices carry the
customer's external_id and, line by line, the external ids of the time entries they bill; the batch
report, its paginated selections, the preview and the webhook events carry them beside the ids."""

import uuid

import pytest
from sqlalchemy import event

from app.invoice_batches.runner import run_batch
from tests import factories as f
from tests.test_invoice_batch_report import walk
from tests.test_invoice_batch_run import launch, report_of
from tests.test_webhook_events import delivered, events_of
from tests.webhook_helpers import endpoint, receiver  # noqa: F401  (fixture)

ADDRESS = {"line1": "3 rue de la Paix", "postal_code": "75002", "city": "Paris", "country": "FR"}
BATCH = {"title": "November", "period_start": "2026-11-01", "period_end": "2026-11-30"}


def _ok(response, status: int = 200) -> dict:
    assert response.status_code == status, response.text
    return response.json()


@pytest.fixture
async def pushed(api):
    """As a helpdesk pushes them, in bulk: Acme (crm-acme) with two entries on a product, one with
    none (unbilled when the batch requires a product) and one pushed alone without an external_id;
    Globex (crm-globex, no address: its invoice stays a draft) with one entry; and Initech, created
    without an external_id, with one entry."""
    _ok(await api.post("/v1/products", json={"external_id": "sup", "code": "SUP-H", "name": "Support",
                                             "unit_price": "80.00"}), 201)
    _ok(await api.post("/v1/customers/bulk", json={"items": [
        {"external_id": "crm-acme", "name": "Acme SARL", "billing_address": ADDRESS, "tax_rate": "20.00"},
        {"external_id": "crm-globex", "name": "Globex SA", "tax_rate": "20.00"}]}))
    initech = await f.customer(api, name="Initech")
    _ok(await api.post("/v1/work-items/bulk", json={"items": [
        {"external_id": "wi-acme", "type": "ticket", "reference": "T-1", "customer_external_id": "crm-acme"},
        {"external_id": "wi-globex", "type": "ticket", "reference": "T-2", "customer_external_id": "crm-globex"},
        {"external_id": "wi-initech", "type": "ticket", "reference": "T-3", "customer_id": initech["id"]}]}))

    def entry(external_id: str, work_item: str, day: int, **more) -> dict:
        return {"external_id": external_id, "work_item_external_id": work_item, "hours": "1.00",
                "started_at": f"2026-11-{day:02d}T09:00:00Z", "status": "approved", **more}

    _ok(await api.post("/v1/time-entries/bulk", json={"items": [
        entry("te-acme-1", "wi-acme", 3, product_external_id="sup"),
        entry("te-acme-2", "wi-acme", 4, product_external_id="sup"),
        entry("te-acme-bare", "wi-acme", 5),
        entry("te-globex-1", "wi-globex", 6, product_external_id="sup"),
        entry("te-initech-1", "wi-initech", 7, product_external_id="sup")]}))
    customers = {c["name"]: c for c in _ok(await api.get("/v1/customers", params={"limit": 200}))["data"]}
    work_items = {w["external_id"]: w for w in _ok(await api.get("/v1/work-items", params={"limit": 200}))["data"]}
    product = _ok(await api.get("/v1/products"))["data"][0]
    anonymous = await f.time_entry(api, work_item_id=work_items["wi-acme"]["id"], product_id=product["id"],
                                   started_at="2026-11-08T09:00:00Z")
    entries = _ok(await api.get("/v1/time-entries", params={"limit": 200}))["data"]
    return {"api": api, "acme": customers["Acme SARL"], "globex": customers["Globex SA"],
            "initech": customers["Initech"], "anonymous_entry": anonymous,
            "external_id_of": {e["id"]: e["external_id"] for e in entries},
            "customer_ids": [customers[n]["id"] for n in ("Acme SARL", "Globex SA", "Initech")]}


async def billed(pushed, sessionmaker) -> tuple[dict, dict[str, dict]]:
    """A batch over the three customers that requires a product, run; the batch and its invoices by
    customer name."""
    api = pushed["api"]
    batch = await launch(api, customer_ids=pushed["customer_ids"], product_mandatory=True)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    invoices = _ok(await api.get("/v1/invoices", params={"batch_id": batch["id"]}))["data"]
    name_of = {pushed[n]["id"]: n for n in ("acme", "globex", "initech")}
    return batch, {name_of[i["customer_id"]]: i for i in invoices}


async def test_invoices_carry_the_customers_external_id_and_their_lines_the_entries(pushed, sessionmaker):
    api, external_id_of = pushed["api"], pushed["external_id_of"]
    _, invoices = await billed(pushed, sessionmaker)

    assert {name: i["customer_external_id"] for name, i in invoices.items()} == {
        "acme": "crm-acme", "globex": "crm-globex", "initech": None}
    for invoice in invoices.values():
        for line in invoice["lines"]:
            assert line["time_entry_external_ids"] == [external_id_of[e] for e in line["time_entry_ids"]]
    assert [line["time_entry_external_ids"] for line in invoices["acme"]["lines"]] == [
        ["te-acme-1"], ["te-acme-2"], [None]]  # the last was pushed alone, without an external_id
    assert invoices["acme"]["lines"][2]["time_entry_ids"] == [pushed["anonymous_entry"]["id"]]
    assert [line["time_entry_external_ids"] for line in invoices["initech"]["lines"]] == [["te-initech-1"]]
    for invoice in invoices.values():
        assert _ok(await api.get(f"/v1/invoices/{invoice['id']}")) == invoice


async def test_an_invoice_shows_the_external_id_the_customer_has_now(pushed, sessionmaker):
    api = pushed["api"]
    _, invoices = await billed(pushed, sessionmaker)

    _ok(await api.patch(f"/v1/customers/{pushed['initech']['id']}", json={"external_id": "crm-initech"}))

    assert _ok(await api.get(f"/v1/invoices/{invoices['initech']['id']}"))["customer_external_id"] == "crm-initech"


async def test_the_report_and_each_selection_carry_the_external_ids(pushed, sessionmaker):
    api, acme, globex = pushed["api"], pushed["acme"], pushed["globex"]
    batch, invoices = await billed(pushed, sessionmaker)

    report = await report_of(api, batch["id"])

    assert sorted((i["customer_id"], i["customer_external_id"]) for i in report["invoices_created"]) == sorted(
        (i["customer_id"], i["customer_external_id"]) for i in invoices.values())
    assert [(i["invoice_id"], i["customer_external_id"]) for i in report["invoices_not_validated"]] == [
        (invoices["globex"]["id"], "crm-globex")]
    [unbilled] = report["unbilled_times"]
    assert (unbilled["time_entry_external_id"], unbilled["customer_id"], unbilled["customer_external_id"]) == (
        "te-acme-bare", acme["id"], "crm-acme")
    assert report["customers_without_times"] == []  # a list of ids, as before
    base = f"/v1/invoice-batches/{batch['id']}/report"
    for selection in ("invoices-created", "invoices-not-validated", "unbilled-times"):
        assert await walk(api, f"{base}/{selection}", limit=1) == report[selection.replace("-", "_")]
    assert globex["external_id"] == "crm-globex"


async def test_the_preview_carries_the_external_ids(pushed):
    api, acme = pushed["api"], pushed["acme"]
    preview = _ok(await api.post("/v1/invoice-batches/preview", json={
        **BATCH, "customer_ids": pushed["customer_ids"], "product_mandatory": True}))

    invoices = {i["customer_id"]: i for i in preview["invoices"]}
    assert [invoices[c]["customer_external_id"] for c in pushed["customer_ids"]] == ["crm-acme", "crm-globex", None]
    assert [line["time_entry_external_id"] for line in invoices[acme["id"]]["lines"]] == [
        "te-acme-1", "te-acme-2", None]
    assert [(u["time_entry_external_id"], u["customer_external_id"]) for u in preview["unbilled_times"]] == [
        ("te-acme-bare", "crm-acme")]


async def test_an_invoice_validated_event_carries_the_external_ids(pushed, sessionmaker, receiver):  # noqa: F811
    api = pushed["api"]
    hook = await endpoint(api, url=receiver.url(), events=["invoice.validated"])
    _, invoices = await billed(pushed, sessionmaker)

    events = [e for e in await events_of(sessionmaker, api.tenant_id) if e.type == "invoice.validated"]
    bodies = {body["data"]["customer_id"]: body["data"]
              for body in [await delivered(sessionmaker, receiver, hook, e) for e in events]}

    acme = bodies[pushed["acme"]["id"]]
    assert acme["customer_external_id"] == "crm-acme"
    assert [line["time_entry_external_ids"] for line in acme["lines"]] == [["te-acme-1"], ["te-acme-2"], [None]]
    assert bodies[pushed["initech"]["id"]]["customer_external_id"] is None
    assert set(bodies) == {pushed["acme"]["id"], pushed["initech"]["id"]}  # Globex's stays a draft
    assert acme == invoices["acme"]


async def test_a_page_of_invoices_costs_the_same_queries_however_many_it_holds(api, app, sessionmaker):
    """The external ids are read for the whole page at once, not invoice by invoice."""
    product = await f.product(api)
    _ok(await api.patch("/v1/settings", json={"default_product_id": product["id"]}))
    customers = []
    for n in range(12):
        customer = await f.customer(api, name=f"Customer {n}", external_id=f"crm-{n}")
        ticket = await f.work_item(api, customer_id=customer["id"], reference=f"T-{n}")
        for k in range(2):
            await f.time_entry(api, work_item_id=ticket["id"], external_id=f"te-{n}-{k}",
                               started_at=f"2026-11-{k + 2:02d}T09:00:00Z")
        customers.append(customer["id"])
    batch = await launch(api, customer_ids=customers)
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))

    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    engine = sessionmaker.kw["bind"].sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        costs = {}
        for limit in (1, 12):
            statements.clear()
            page = _ok(await api.get("/v1/invoices", params={"limit": limit}))["data"]
            assert len(page) == limit
            assert all(i["customer_external_id"] and all(x for line in i["lines"]
                                                         for x in line["time_entry_external_ids"]) for i in page)
            costs[limit] = len(statements)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert costs[1] == costs[12]
