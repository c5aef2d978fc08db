"""Contracts (SPEC §11): hourly, block_hours and retainer contracts of a company, their blocks of
prepaid hours and balance, the rules between their fields, bulk upsert by external_id, and the
contract a work item or a customer names."""

import asyncio
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.contracts.service import consume_block_hours
from tests import factories as f
from tests.observe import bulk_counts

PROBLEM_JSON = "application/problem+json"


def problem(response, status: int, *, field: str | None = None, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = response.json()
    if field is not None:
        assert field in [e["field"] for e in body["errors"]], body
    if code is not None:
        assert code in [body["code"], *(e["code"] for e in body["errors"])], body
    return body


async def contracts_of(api) -> list[dict]:
    response = await api.get("/v1/contracts", params={"limit": 200})
    assert response.status_code == 200, response.text
    return response.json()["data"]


@pytest.fixture
async def company(api) -> dict:
    return await f.customer(api, name="Acme SARL", external_id="crm-42")


async def test_a_block_hours_contract_shows_its_blocks_and_balance(api, company):
    product = await f.product(api)
    contract = await f.contract(api, customer_id=company["id"], kind="block_hours", name="Support 10 h",
                                external_id="ct-7", product_id=product["id"], overage_unit_price="85.00",
                                time_rounding={"increment_minutes": 15, "mode": "up"})
    assert contract["kind"] == "block_hours" and contract["taxable"] is True and contract["ends_on"] is None
    assert contract["time_rounding"] == {"increment_minutes": 15, "mode": "up", "minimum_minutes": 0}
    assert (contract["blocks"], contract["hours_used"], contract["hours_remaining"]) == ([], "0.00", "0.00")
    assert contract["overage_unit_price"] == "85.00"
    assert contract["retainer_amount"] is None and contract["included_hours"] is None

    response = await api.post(f"/v1/contracts/{contract['id']}/blocks",
                              json={"hours": "10.00", "price": "700.00", "purchased_on": "2026-11-01"})
    assert response.status_code == 201, response.text
    block = response.json()
    assert {k: block[k] for k in ("hours", "price", "purchased_on", "invoice_id")} == \
           {"hours": "10.00", "price": "700.00", "purchased_on": "2026-11-01", "invoice_id": None}
    await api.post(f"/v1/contracts/{contract['id']}/blocks",
                   json={"hours": "2.5", "price": "0", "purchased_on": "2026-12-01"})

    shown = (await api.get(f"/v1/contracts/{contract['id']}")).json()
    assert [b["hours"] for b in shown["blocks"]] == ["10.00", "2.50"]
    assert (shown["hours_purchased"], shown["hours_used"], shown["hours_remaining"]) == ("12.50", "0.00", "12.50")


async def test_blocks_only_go_on_block_hours_contracts(api, company):
    hourly = await f.contract(api, customer_id=company["id"])
    response = await api.post(f"/v1/contracts/{hourly['id']}/blocks",
                              json={"hours": "10.00", "price": "700.00", "purchased_on": "2026-11-01"})
    problem(response, 409, code="not_block_hours")
    assert (await api.get(f"/v1/contracts/{hourly['id']}")).json()["blocks"] == []


@pytest.mark.parametrize(("body", "field"), [
    ({"hours": "0"}, "hours"), ({"hours": "-1.00"}, "hours"), ({"hours": 10}, "hours"),
    ({"price": "-0.01"}, "price"), ({"price": "1.001"}, "price"), ({"purchased_on": "2026-02-30"}, "purchased_on"),
    ({"invoice_id": None}, "invoice_id"),
])
async def test_a_bad_block_is_422_naming_the_field(api, company, body, field):
    contract = await f.contract(api, customer_id=company["id"], kind="block_hours")
    response = await api.post(f"/v1/contracts/{contract['id']}/blocks",
                              json={"hours": "10.00", "price": "700.00", "purchased_on": "2026-11-01", **body})
    problem(response, 422, field=field)
    assert (await api.get(f"/v1/contracts/{contract['id']}")).json()["hours_purchased"] == "0.00"


async def test_a_retainer_needs_its_amount_and_included_hours(api, company):
    retainer = await f.contract(api, customer_id=company["id"], kind="retainer", retainer_amount="1500.00",
                                included_hours="10.00", taxable=False)
    assert (retainer["retainer_amount"], retainer["included_hours"], retainer["taxable"]) == ("1500.00", "10.00", False)
    for missing in ("retainer_amount", "included_hours"):
        body = {"customer_id": company["id"], "name": "R", "kind": "retainer", "starts_on": "2026-11-01",
                "retainer_amount": "1.00", "included_hours": "0"}
        del body[missing]
        problem(await api.post("/v1/contracts", json=body), 422, field=missing, code="required_for_retainer")


@pytest.mark.parametrize(("kind", "field", "value", "code"), [
    ("hourly", "retainer_amount", "10.00", "retainer_only"), ("block_hours", "included_hours", "1.00", "retainer_only"),
    ("hourly", "overage_unit_price", "85.00", "block_hours_only"),
    ("retainer", "overage_unit_price", "85.00", "block_hours_only"),
    ("hourly", "ends_on", "2026-10-31", "ends_before_start"),
])
async def test_terms_of_another_kind_are_422_naming_the_field(api, company, kind, field, value, code):
    body = {"customer_id": company["id"], "name": "C", "kind": kind, "starts_on": "2026-11-01", field: value}
    if kind == "retainer":
        body = {"retainer_amount": "1.00", "included_hours": "1.00", **body}
    problem(await api.post("/v1/contracts", json=body), 422, field=field, code=code)
    assert await contracts_of(api) == []


async def test_a_contacts_contract_is_refused_naming_customer_id(api, company):
    contact = await f.customer(api, name="Jeanne", kind="contact", parent_id=company["id"])
    problem(await api.post("/v1/contracts", json={"customer_id": contact["id"], "name": "C", "kind": "hourly",
                                                  "starts_on": "2026-11-01"}), 422, field="customer_id",
            code="not_a_company")


@pytest.mark.parametrize(("rounding", "field"), [
    ({"increment_minutes": 10, "mode": "up"}, "time_rounding.increment_minutes"),
    ({"increment_minutes": "15", "mode": "up"}, "time_rounding.increment_minutes"),
    ({"increment_minutes": 15, "mode": "ceiling"}, "time_rounding.mode"),
    ({"increment_minutes": 15, "mode": "up", "minimum_minutes": -1}, "time_rounding.minimum_minutes"),
    ({"increment_minutes": 15, "mode": "up", "round": True}, "time_rounding.round"),
])
async def test_a_bad_rounding_rule_is_422_naming_its_field(api, company, rounding, field):
    body = {"customer_id": company["id"], "name": "C", "kind": "hourly", "starts_on": "2026-11-01",
            "time_rounding": rounding}
    problem(await api.post("/v1/contracts", json=body), 422, field=field)
    problem(await api.patch(f"/v1/customers/{company['id']}", json={"time_rounding": rounding}), 422, field=field)


async def test_a_customer_takes_a_rounding_rule_and_null_clears_it(api, company):
    rule = {"increment_minutes": 6, "mode": "nearest", "minimum_minutes": 30}
    response = await api.patch(f"/v1/customers/{company['id']}", json={"time_rounding": rule})
    assert response.status_code == 200, response.text
    assert response.json()["time_rounding"] == rule
    response = await api.patch(f"/v1/customers/{company['id']}", json={"time_rounding": None})
    assert response.json()["time_rounding"] is None


async def test_kind_and_customer_cannot_change_but_the_rest_can(api, company):
    other = await f.customer(api, name="Other")
    contract = await f.contract(api, customer_id=company["id"], kind="block_hours")
    problem(await api.patch(f"/v1/contracts/{contract['id']}", json={"kind": "hourly"}), 422, field="kind",
            code="immutable")
    problem(await api.patch(f"/v1/contracts/{contract['id']}", json={"customer_id": other["id"]}), 422,
            field="customer_id", code="immutable")
    problem(await api.patch(f"/v1/contracts/{contract['id']}", json={"ends_on": "2026-01-01"}), 422, field="ends_on")
    problem(await api.patch(f"/v1/contracts/{contract['id']}", json={"retainer_amount": "1.00"}), 422,
            field="retainer_amount")
    response = await api.patch(f"/v1/contracts/{contract['id']}", json={
        "kind": "block_hours", "name": "Renamed", "ends_on": "2027-10-31", "overage_unit_price": "90.00",
        "taxable": False})
    assert response.status_code == 200, response.text
    changed = response.json()
    assert (changed["name"], changed["ends_on"], changed["overage_unit_price"], changed["taxable"]) == \
           ("Renamed", "2027-10-31", "90.00", False)
    assert (await api.patch(f"/v1/contracts/{contract['id']}", json={"overage_unit_price": None})).json()[
        "overage_unit_price"] is None


async def test_lists_are_newest_first_and_filter_by_customer(api, company):
    other = await f.customer(api, name="Other")
    first = await f.contract(api, customer_id=company["id"], name="First")
    second = await f.contract(api, customer_id=other["id"], name="Second")
    third = await f.contract(api, customer_id=company["id"], name="Third")
    assert [c["id"] for c in await contracts_of(api)] == [third["id"], second["id"], first["id"]]
    response = await api.get("/v1/contracts", params={"customer_id": company["id"], "limit": 1})
    page = response.json()
    assert [c["id"] for c in page["data"]] == [third["id"]]
    response = await api.get("/v1/contracts", params={"customer_id": company["id"], "cursor": page["next_cursor"]})
    assert [c["id"] for c in response.json()["data"]] == [first["id"]]
    asc = await api.get("/v1/contracts", params={"order": "asc"})
    assert [c["id"] for c in asc.json()["data"]] == [first["id"], second["id"], third["id"]]


async def test_deleting_a_contract(api, company):
    unused = await f.contract(api, customer_id=company["id"], kind="block_hours")
    await api.post(f"/v1/contracts/{unused['id']}/blocks", json={"hours": "1", "price": "1", "purchased_on": "2026-11-01"})
    assert (await api.delete(f"/v1/contracts/{unused['id']}")).status_code == 204
    assert (await api.get(f"/v1/contracts/{unused['id']}")).status_code == 404

    named = await f.contract(api, customer_id=company["id"])
    ticket = await f.work_item(api, customer_id=company["id"], contract_id=named["id"])
    problem(await api.delete(f"/v1/contracts/{named['id']}"), 409, code="contract_in_use")
    assert (await api.patch(f"/v1/work-items/{ticket['id']}", json={"contract_id": None})).status_code == 200
    assert (await api.patch(f"/v1/customers/{company['id']}", json={"default_contract_id": named["id"]})
            ).status_code == 200
    problem(await api.delete(f"/v1/contracts/{named['id']}"), 409, code="contract_in_use")
    assert (await api.patch(f"/v1/customers/{company['id']}", json={"default_contract_id": None})).status_code == 200
    assert (await api.delete(f"/v1/contracts/{named['id']}")).status_code == 204


async def test_a_contract_with_used_hours_is_not_deleted(api, company, sessionmaker):
    contract = await f.contract(api, customer_id=company["id"], kind="block_hours")
    await api.post(f"/v1/contracts/{contract['id']}/blocks", json={"hours": "5", "price": "1", "purchased_on": "2026-11-01"})
    async with sessionmaker() as session, session.begin():
        await consume_block_hours(session, contract_id=uuid.UUID(contract["id"]), hours=Decimal("1.25"))
    problem(await api.delete(f"/v1/contracts/{contract['id']}"), 409, code="contract_in_use")
    shown = (await api.get(f"/v1/contracts/{contract['id']}")).json()
    assert (shown["hours_used"], shown["hours_remaining"]) == ("1.25", "3.75")


# --- consuming block hours ------------------------------------------------------------------------

async def block_contract(api, company, *hours: str) -> uuid.UUID:
    contract = await f.contract(api, customer_id=company["id"], kind="block_hours")
    for h in hours:
        response = await api.post(f"/v1/contracts/{contract['id']}/blocks",
                                  json={"hours": h, "price": "100.00", "purchased_on": "2026-11-01"})
        assert response.status_code == 201, response.text
    return uuid.UUID(contract["id"])


async def test_consuming_covers_at_most_the_balance(api, company, sessionmaker):
    contract_id = await block_contract(api, company, "10.00")
    covered = []
    for hours in ("3.50", "6.00", "2.00", "1.00", "0"):
        async with sessionmaker() as session, session.begin():
            covered.append(await consume_block_hours(session, contract_id=contract_id, hours=Decimal(hours)))
    assert covered == [Decimal("3.50"), Decimal("6.00"), Decimal("0.50"), Decimal("0.00"), Decimal("0.00")]
    shown = (await api.get(f"/v1/contracts/{contract_id}")).json()
    assert (shown["hours_used"], shown["hours_remaining"]) == ("10.00", "0.00")


async def test_an_hourly_contract_covers_nothing(api, company, sessionmaker):
    contract = await f.contract(api, customer_id=company["id"])
    async with sessionmaker() as session, session.begin():
        assert await consume_block_hours(session, contract_id=uuid.UUID(contract["id"]), hours=Decimal("2")) == 0


async def test_a_rolled_back_consumption_leaves_the_balance(api, company, sessionmaker):
    contract_id = await block_contract(api, company, "4.00")
    async with sessionmaker() as session:
        async with session.begin():
            assert await consume_block_hours(session, contract_id=contract_id, hours=Decimal("3")) == Decimal("3.00")
            await session.rollback()
    assert (await api.get(f"/v1/contracts/{contract_id}")).json()["hours_remaining"] == "4.00"


async def test_two_concurrent_consumers_never_exceed_the_balance(api, company, sessionmaker):
    contract_id = await block_contract(api, company, "10.00")
    first_holds = asyncio.Event()
    release = asyncio.Event()

    async def first():
        async with sessionmaker() as session, session.begin():
            covered = await consume_block_hours(session, contract_id=contract_id, hours=Decimal("7.00"))
            first_holds.set()
            await release.wait()  # keep the row locked while the second one asks
            return covered

    async def second():
        await first_holds.wait()
        async with sessionmaker() as session, session.begin():
            waiting = asyncio.ensure_future(consume_block_hours(session, contract_id=contract_id,
                                                                hours=Decimal("6.00")))
            await asyncio.sleep(0.2)
            assert not waiting.done()  # it waits for the first one's lock, then reads the balance it left
            release.set()
            return await waiting

    covered = await asyncio.gather(first(), second())
    assert covered == [Decimal("7.00"), Decimal("3.00")]
    shown = (await api.get(f"/v1/contracts/{contract_id}")).json()
    assert (shown["hours_used"], shown["hours_remaining"]) == ("10.00", "0.00")


async def test_many_concurrent_consumers_share_the_balance_exactly(api, company, sessionmaker):
    contract_id = await block_contract(api, company, "5.00", "5.00")

    async def consume(hours: str) -> Decimal:
        async with sessionmaker() as session, session.begin():
            return await consume_block_hours(session, contract_id=contract_id, hours=Decimal(hours))

    covered = await asyncio.gather(*(consume("1.50") for _ in range(10)))
    assert sum(covered) == Decimal("10.00")
    assert sorted(covered).count(Decimal("1.50")) == 6 and Decimal("1.00") in covered


async def test_the_database_refuses_a_balance_below_zero_or_past_the_blocks(api, company, sessionmaker):
    contract_id = await block_contract(api, company, "2.00")
    for value in ("-0.01", "2.01"):
        with pytest.raises(Exception, match="hours_within_blocks"):
            async with sessionmaker() as session, session.begin():
                await session.execute(text("UPDATE contracts SET hours_used = :v WHERE id = :id"),
                                      {"v": Decimal(value), "id": contract_id})


# --- bulk -----------------------------------------------------------------------------------------

async def test_bulk_upsert_by_external_id_is_idempotent(api, company):
    await f.product(api, external_id="HD-H")
    items = [{"external_id": "ct-1", "customer_external_id": "crm-42", "name": "Support 10 h", "kind": "block_hours",
              "starts_on": "2026-11-01", "product_external_id": "HD-H", "overage_unit_price": "85.00"},
             {"external_id": "ct-2", "customer_id": company["id"], "name": "Retainer", "kind": "retainer",
              "starts_on": "2026-11-01", "retainer_amount": "900.00", "included_hours": "8.00",
              "time_rounding": {"increment_minutes": 30, "mode": "nearest"}}]
    response = await api.post("/v1/contracts/bulk", json={"items": items})
    assert response.status_code == 200, response.text
    assert bulk_counts(response) == {"created": 2, "updated": 0, "unchanged": 0, "errors": 0}
    again = await api.post("/v1/contracts/bulk", json={"items": items})
    assert bulk_counts(again) == {"created": 0, "updated": 0, "unchanged": 2, "errors": 0}
    assert [i["id"] for i in again.json()["items"]] == [i["id"] for i in response.json()["items"]]
    items[1]["name"] = "Retainer 2027"
    changed = await api.post("/v1/contracts/bulk", json={"items": items})
    assert [i["result"] for i in changed.json()["items"]] == ["unchanged", "updated"]
    stored = {c["external_id"]: c for c in await contracts_of(api)}
    assert stored["ct-2"]["name"] == "Retainer 2027"
    assert stored["ct-2"]["time_rounding"] == {"increment_minutes": 30, "mode": "nearest", "minimum_minutes": 0}
    assert stored["ct-1"]["product_id"] is not None and stored["ct-1"]["customer_id"] == company["id"]


@pytest.mark.parametrize(("item", "field"), [
    ({"kind": "hourly", "overage_unit_price": "1.00"}, "items[1].overage_unit_price"),
    ({"kind": "retainer"}, "items[1].retainer_amount"),
    ({"ends_on": "2026-10-01"}, "items[1].ends_on"),
    ({"customer_external_id": "nowhere"}, "items[1].customer_external_id"),
    ({"product_external_id": "nowhere"}, "items[1].product_external_id"),
    ({"external_id": "ct-1"}, "items[1].external_id"),
    ({"kind": "block_hours", "external_id": "ct-stored"}, "items[1].kind"),
])
async def test_a_bad_bulk_item_rejects_the_push_or_is_skipped(api, company, item, field):
    await f.contract(api, customer_id=company["id"], external_id="ct-stored")
    base = {"customer_external_id": "crm-42", "name": "C", "kind": "hourly", "starts_on": "2026-11-01"}
    items = [{**base, "external_id": "ct-1"}, {**base, "external_id": "ct-bad", **item}]
    before = await contracts_of(api)
    problem(await api.post("/v1/contracts/bulk", json={"items": items}), 422, field=field)
    assert await contracts_of(api) == before
    skipped = await api.post("/v1/contracts/bulk", params={"on_error": "skip"}, json={"items": items})
    assert skipped.status_code == 200, skipped.text
    assert [i["result"] for i in skipped.json()["items"]] == ["created", "error"]


async def test_bulk_refuses_a_contacts_contract(api, company):
    await f.customer(api, name="Jeanne", kind="contact", parent_id=company["id"], external_id="crm-43")
    response = await api.post("/v1/contracts/bulk", json={"items": [
        {"external_id": "ct-1", "customer_external_id": "crm-43", "name": "C", "kind": "hourly",
         "starts_on": "2026-11-01"}]})
    problem(response, 422, field="items[0].customer_external_id", code="not_a_company")


# --- the contract a work item or a customer names -------------------------------------------------

async def test_a_work_item_names_a_contract_of_its_billed_company(api, company):
    contact = await f.customer(api, name="Jeanne", kind="contact", parent_id=company["id"])
    other = await f.customer(api, name="Other")
    mine = await f.contract(api, customer_id=company["id"], external_id="ct-mine")
    theirs = await f.contract(api, customer_id=other["id"], external_id="ct-theirs")

    ticket = await f.work_item(api, customer_id=company["id"], contract_id=mine["id"])
    assert ticket["contract_id"] == mine["id"]
    contacts_ticket = await f.work_item(api, customer_id=contact["id"], reference="T-2", contract_id=mine["id"])
    assert contacts_ticket["contract_id"] == mine["id"]

    problem(await api.post("/v1/work-items", json={"type": "ticket", "reference": "T-3", "customer_id": company["id"],
                                                   "contract_id": theirs["id"]}), 422, field="contract_id",
            code="contract_of_another_customer")
    problem(await api.patch(f"/v1/work-items/{ticket['id']}", json={"contract_id": theirs["id"]}), 422,
            field="contract_id", code="contract_of_another_customer")
    # Moving the ticket to another customer keeps the rule: its contract must follow.
    problem(await api.patch(f"/v1/work-items/{ticket['id']}", json={"customer_id": other["id"]}), 422,
            field="contract_id")
    moved = await api.patch(f"/v1/work-items/{ticket['id']}", json={"customer_id": other["id"],
                                                                    "contract_id": theirs["id"]})
    assert moved.status_code == 200, moved.text

    bulk = await api.post("/v1/work-items/bulk", json={"items": [
        {"external_id": "wi-1", "type": "ticket", "reference": "T-9", "customer_id": company["id"],
         "contract_external_id": "ct-mine"},
        {"external_id": "wi-2", "type": "ticket", "reference": "T-10", "customer_id": contact["id"],
         "contract_id": mine["id"]}]})
    assert bulk.status_code == 200, bulk.text
    refused = await api.post("/v1/work-items/bulk", json={"items": [
        {"external_id": "wi-3", "type": "ticket", "reference": "T-11", "customer_id": company["id"],
         "contract_external_id": "ct-theirs"}]})
    problem(refused, 422, field="items[0].contract_external_id", code="contract_of_another_customer")
    unknown = await api.post("/v1/work-items/bulk", json={"items": [
        {"external_id": "wi-3", "type": "ticket", "reference": "T-11", "customer_id": company["id"],
         "contract_external_id": "nowhere"}]})
    problem(unknown, 422, field="items[0].contract_external_id", code="unknown_reference")


async def test_a_customers_default_contract_is_its_own_or_its_parents(api, company):
    other = await f.customer(api, name="Other")
    mine = await f.contract(api, customer_id=company["id"])
    theirs = await f.contract(api, customer_id=other["id"])
    response = await api.patch(f"/v1/customers/{company['id']}", json={"default_contract_id": mine["id"]})
    assert response.status_code == 200 and response.json()["default_contract_id"] == mine["id"]
    problem(await api.patch(f"/v1/customers/{company['id']}", json={"default_contract_id": theirs["id"]}), 422,
            field="default_contract_id", code="contract_of_another_customer")
    contact = await f.customer(api, name="Jeanne", kind="contact", parent_id=company["id"],
                               default_contract_id=mine["id"])
    assert contact["default_contract_id"] == mine["id"]
    problem(await api.post("/v1/customers", json={"name": "Lone", "default_contract_id": mine["id"]}), 422,
            field="default_contract_id")
    # A contact moving to another company cannot keep the first one's contract.
    problem(await api.patch(f"/v1/customers/{contact['id']}", json={"parent_id": other["id"]}), 422,
            field="default_contract_id")
