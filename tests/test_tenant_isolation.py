"""No tenant can read or change another tenant's data (SPEC §2, §6).

Tenant B (`other_api`) owns one record of each kind. Tenant A (`api`) then tries every route that
takes an id on B's records, references B's records in request bodies, lists, filters and upserts
with B's external ids. A must see 404 (never 403, never B's data) on B's ids, 422 naming the field
when it references B's records, and B's records must come out unchanged."""

import uuid

import pytest
from sqlalchemy import select

from app.invoice_batches.runner import run_batch
from app.models import WebhookEndpoint
from tests import factories, webhook_helpers
from tests.observe import KINDS, bulk_counts, list_all, tenant_state
from tests.test_invoice_batch_report import SELECTIONS as REPORT_SELECTIONS

PROBLEM_JSON = "application/problem+json"

# Strings only B ever sends: if one shows up in an answer to A, B's data leaked.
B_SECRETS = ("Bravo Confidential Customer", "bravo-billing@secret.example", "Bravo Confidential Product",
             "BRAVO-SECRET-CODE", "Bravo confidential ticket", "Bravo confidential note",
             "Bravo Confidential Selection", "Bravo Employee", "13.37", "41.99", "Rue Secrète",
             "Bravo Confidential Hook", "bravo-secret.example", "Bravo Confidential Contract")


# A PATCH body that is valid for each kind, so that a 404 cannot be blamed on the body.
PATCH_BODIES = {
    "customers": {"name": "Hijacked by A", "emails": ["a@a.example"]},
    "products": {"name": "Hijacked by A", "unit_price": "0.01"},
    "prices": {"unit_price": "0.01"},
    "contracts": {"name": "Hijacked by A", "taxable": False},
    "work-items": {"title": "Hijacked by A"},
    "time-entries": {"note": "Hijacked by A", "hours": "99.00"},
    "selections": {"name": "Hijacked by A", "customer_ids": []},
    "webhook-endpoints": {"url": "https://a.example/hijacked", "description": "Hijacked by A", "enabled": False},
}


async def make_b_records(b) -> dict[str, dict]:
    customer = await factories.customer(
        b, name="Bravo Confidential Customer", external_id="b-cust-1", emails=["bravo-billing@secret.example"],
        billing_address={"line1": "1 Rue Secrète", "postal_code": "75001", "city": "Paris", "country": "FR"})
    product = await factories.product(b, code="BRAVO-SECRET-CODE", name="Bravo Confidential Product",
                                      unit_price="41.99", external_id="b-prod-1")
    price = factories._ok(await b.post("/v1/prices", json={
        "customer_id": customer["id"], "product_id": product["id"], "unit_price": "13.37",
        "external_id": "b-price-1"}))
    contract = await factories.contract(b, customer_id=customer["id"], kind="block_hours",
                                        name="Bravo Confidential Contract", external_id="b-ct-1")
    work_item = await factories.work_item(b, customer_id=customer["id"], reference="B-T-1",
                                          title="Bravo confidential ticket", external_id="b-wi-1",
                                          contract_id=contract["id"])
    time_entry = await factories.time_entry(b, work_item_id=work_item["id"], product_id=product["id"],
                                            note="Bravo confidential note", employee_name="Bravo Employee",
                                            external_id="b-te-1")
    selection = factories._ok(await b.post("/v1/selections", json={
        "name": "Bravo Confidential Selection", "customer_ids": [customer["id"]], "external_id": "b-sel-1"}))
    webhook_endpoint = await webhook_helpers.endpoint(b, url="https://bravo-secret.example/hooks",
                                                      description="Bravo Confidential Hook")
    return {"customers": customer, "products": product, "prices": price, "contracts": contract,
            "work-items": work_item,
            "time-entries": time_entry, "selections": selection, "webhook-endpoints": webhook_endpoint}


@pytest.fixture
async def b_records(other_api) -> dict[str, dict]:
    return await make_b_records(other_api)


async def reread(client, records: dict[str, dict]) -> dict[str, dict]:
    out = {}
    for kind, record in records.items():
        response = await client.get(f"/v1/{kind}/{record['id']}")
        assert response.status_code == 200, response.text
        out[kind] = response.json()
    return out


def assert_no_b_data(response) -> None:
    for secret in B_SECRETS:
        assert secret not in response.text, f"B's data {secret!r} leaked: {response.text}"


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = response.json()
    assert body["status"] == status
    assert isinstance(body.get("code"), str) and body["code"]
    return body


# --- every route that takes an id ---------------------------------------------------------------

ID_ROUTES = [(method, kind) for kind in KINDS for method in ("GET", "PATCH", "DELETE")]


async def call(client, method: str, kind: str, record_id: str):
    path = f"/v1/{kind}/{record_id}"
    if method == "PATCH":
        return await client.patch(path, json=PATCH_BODIES[kind])
    return await client.request(method, path)


@pytest.mark.parametrize(("method", "kind"), ID_ROUTES, ids=[f"{m} /v1/{k}/{{id}}" for m, k in ID_ROUTES])
async def test_other_tenants_record_is_404_and_stays_unchanged(api, other_api, b_records, method, kind):
    before = await reread(other_api, b_records)
    b_id = b_records[kind]["id"]

    response = await call(api, method, kind, b_id)

    body = assert_problem(response, 404)
    assert body["code"] == "not_found"
    assert_no_b_data(response)
    # Indistinguishable from an id that exists nowhere: A learns nothing about B's record.
    unknown_id = str(uuid.uuid4())
    unknown = await call(api, method, kind, unknown_id)
    assert_problem(unknown, 404)
    assert response.json() == {**unknown.json(), "detail": unknown.json()["detail"].replace(unknown_id, b_id)}

    assert await reread(other_api, b_records) == before
    for k in KINDS:  # and nothing appeared on A's side either
        assert await list_all(api, k) == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("bad_id", ["not-an-id", "0", "%20", "1 OR 1=1"])
async def test_malformed_ids_are_404_problems(api, kind, bad_id):
    response = await api.get(f"/v1/{kind}/{bad_id}")
    assert_problem(response, 404)


async def test_the_whole_matrix_in_one_session_leaves_b_unchanged(api, other_api, b_records):
    """All attempts one after the other (deletes last), then B's records and lists are exactly as before."""
    before = await reread(other_api, b_records)
    b_lists = {kind: await list_all(other_api, kind) for kind in KINDS}
    for method in ("GET", "PATCH", "DELETE"):
        for kind in KINDS:
            response = await call(api, method, kind, b_records[kind]["id"])
            assert response.status_code == 404, (method, kind, response.text)
            assert response.status_code != 403
    assert await reread(other_api, b_records) == before
    assert {kind: await list_all(other_api, kind) for kind in KINDS} == b_lists


# --- references to B's records in request bodies ------------------------------------------------

async def a_customer(api, **fields) -> dict:
    return await factories.customer(api, name="Alpha Customer", **fields)


async def a_work_item(api) -> dict:
    customer = await a_customer(api)
    return await factories.work_item(api, customer_id=customer["id"], reference="A-T-1")


# Each case: (id, setup(api) -> ctx, build(ctx, ref) -> (method, path, body), ref kind, ref by, field).
# `ref` is B's record's id or external_id; the same request with an unknown ref must answer alike.
def te_body(work_item_id, **fields):
    return {"work_item_id": work_item_id, "employee_id": "e-1", "started_at": "2026-11-05T09:00:00+01:00",
            "hours": "1.00", "status": "approved", **fields}


def te_bulk_item(external_id, **fields):
    return {"external_id": external_id, "employee_id": "e-1", "started_at": "2026-11-05T09:00:00+01:00",
            "hours": "1.00", "status": "approved", **fields}


async def no_setup(api):
    return {}


async def setup_customer(api):
    return {"customer": await a_customer(api)}


async def setup_product(api):
    return {"product": await factories.product(api, code="A-P")}


async def setup_work_item(api):
    return {"work_item": await a_work_item(api)}


async def setup_contact(api):
    return {"contact": await a_customer(api, kind="contact")}


async def setup_time_entry(api):
    work_item = await a_work_item(api)
    return {"work_item": work_item, "time_entry": await factories.time_entry(api, work_item_id=work_item["id"])}


async def setup_selection(api):
    customer = await a_customer(api)
    return {"customer": customer, "selection": await factories.selection(api, customer_ids=[customer["id"]])}


REFERENCE_CASES = [
    ("POST work-item customer_id", no_setup,
     lambda c, ref: ("POST", "/v1/work-items", {"type": "ticket", "reference": "A-1", "customer_id": ref}),
     "customers", "id", "customer_id"),
    ("POST time-entry work_item_id", no_setup,
     lambda c, ref: ("POST", "/v1/time-entries", te_body(ref)),
     "work-items", "id", "work_item_id"),
    ("POST time-entry product_id", setup_work_item,
     lambda c, ref: ("POST", "/v1/time-entries", te_body(c["work_item"]["id"], product_id=ref)),
     "products", "id", "product_id"),
    ("POST price customer_id", setup_product,
     lambda c, ref: ("POST", "/v1/prices", {"customer_id": ref, "product_id": c["product"]["id"],
                                            "unit_price": "1.00"}),
     "customers", "id", "customer_id"),
    ("POST price product_id", setup_customer,
     lambda c, ref: ("POST", "/v1/prices", {"customer_id": c["customer"]["id"], "product_id": ref,
                                            "unit_price": "1.00"}),
     "products", "id", "product_id"),
    ("POST selection customer_ids", setup_customer,
     lambda c, ref: ("POST", "/v1/selections", {"name": "A sel", "customer_ids": [c["customer"]["id"], ref]}),
     "customers", "id", "customer_ids[1]"),
    ("POST customer parent_id", no_setup,
     lambda c, ref: ("POST", "/v1/customers", {"name": "A contact", "kind": "contact", "parent_id": ref}),
     "customers", "id", "parent_id"),
    ("PATCH settings default_product_id", no_setup,
     lambda c, ref: ("PATCH", "/v1/settings", {"default_product_id": ref}),
     "products", "id", "default_product_id"),
    ("POST contract customer_id", no_setup,
     lambda c, ref: ("POST", "/v1/contracts", {"customer_id": ref, "name": "A", "kind": "hourly",
                                               "starts_on": "2026-11-01"}),
     "customers", "id", "customer_id"),
    ("POST contract product_id", setup_customer,
     lambda c, ref: ("POST", "/v1/contracts", {"customer_id": c["customer"]["id"], "name": "A", "kind": "hourly",
                                               "starts_on": "2026-11-01", "product_id": ref}),
     "products", "id", "product_id"),
    ("POST work-item contract_id", setup_customer,
     lambda c, ref: ("POST", "/v1/work-items", {"type": "ticket", "reference": "A-1",
                                                "customer_id": c["customer"]["id"], "contract_id": ref}),
     "contracts", "id", "contract_id"),
    ("PATCH work-item contract_id", setup_work_item,
     lambda c, ref: ("PATCH", f"/v1/work-items/{c['work_item']['id']}", {"contract_id": ref}),
     "contracts", "id", "contract_id"),
    ("PATCH customer default_contract_id", setup_customer,
     lambda c, ref: ("PATCH", f"/v1/customers/{c['customer']['id']}", {"default_contract_id": ref}),
     "contracts", "id", "default_contract_id"),
    ("bulk contracts customer_external_id", setup_customer,
     lambda c, ref: ("POST", "/v1/contracts/bulk", {"items": [
         {"external_id": "a-ct-1", "name": "A", "kind": "hourly", "starts_on": "2026-11-01",
          "customer_id": c["customer"]["id"]},
         {"external_id": "a-ct-2", "name": "A", "kind": "hourly", "starts_on": "2026-11-01",
          "customer_external_id": ref}]}),
     "customers", "external_id", "items[1].customer_external_id"),
    ("bulk work-items contract_external_id", setup_customer,
     lambda c, ref: ("POST", "/v1/work-items/bulk", {"items": [
         {"external_id": "a-wi-1", "type": "ticket", "reference": "A-1", "customer_id": c["customer"]["id"]},
         {"external_id": "a-wi-2", "type": "ticket", "reference": "A-2", "customer_id": c["customer"]["id"],
          "contract_external_id": ref}]}),
     "contracts", "external_id", "items[1].contract_external_id"),
    ("bulk customers default_contract_external_id", no_setup,
     lambda c, ref: ("POST", "/v1/customers/bulk", {"items": [
         {"external_id": "a-co", "name": "A company"},
         {"external_id": "a-co-2", "name": "A company 2", "default_contract_external_id": ref}]}),
     "contracts", "external_id", "items[1].default_contract_external_id"),
    ("PATCH work-item customer_id", setup_work_item,
     lambda c, ref: ("PATCH", f"/v1/work-items/{c['work_item']['id']}", {"customer_id": ref}),
     "customers", "id", "customer_id"),
    ("PATCH time-entry work_item_id", setup_time_entry,
     lambda c, ref: ("PATCH", f"/v1/time-entries/{c['time_entry']['id']}", {"work_item_id": ref}),
     "work-items", "id", "work_item_id"),
    ("PATCH time-entry product_id", setup_time_entry,
     lambda c, ref: ("PATCH", f"/v1/time-entries/{c['time_entry']['id']}", {"product_id": ref}),
     "products", "id", "product_id"),
    ("PATCH selection customer_ids", setup_selection,
     lambda c, ref: ("PATCH", f"/v1/selections/{c['selection']['id']}", {"customer_ids": [ref]}),
     "customers", "id", "customer_ids[0]"),
    ("PATCH customer parent_id", setup_contact,
     lambda c, ref: ("PATCH", f"/v1/customers/{c['contact']['id']}", {"parent_id": ref}),
     "customers", "id", "parent_id"),
    # Bulk upserts: a valid first item and a second one pointing at B; the whole request is refused.
    ("bulk customers parent_external_id", no_setup,
     lambda c, ref: ("POST", "/v1/customers/bulk", {"items": [
         {"external_id": "a-co", "name": "A company"},
         {"external_id": "a-contact", "name": "A contact", "kind": "contact", "parent_external_id": ref}]}),
     "customers", "external_id", "items[1].parent_external_id"),
    ("bulk customers parent_id", no_setup,
     lambda c, ref: ("POST", "/v1/customers/bulk", {"items": [
         {"external_id": "a-co", "name": "A company"},
         {"external_id": "a-contact", "name": "A contact", "kind": "contact", "parent_id": ref}]}),
     "customers", "id", "items[1].parent_id"),
    ("bulk work-items customer_external_id", setup_customer,
     lambda c, ref: ("POST", "/v1/work-items/bulk", {"items": [
         {"external_id": "a-wi-1", "type": "ticket", "reference": "A-1", "customer_id": c["customer"]["id"]},
         {"external_id": "a-wi-2", "type": "ticket", "reference": "A-2", "customer_external_id": ref}]}),
     "customers", "external_id", "items[1].customer_external_id"),
    ("bulk work-items customer_id", setup_customer,
     lambda c, ref: ("POST", "/v1/work-items/bulk", {"items": [
         {"external_id": "a-wi-1", "type": "ticket", "reference": "A-1", "customer_id": c["customer"]["id"]},
         {"external_id": "a-wi-2", "type": "ticket", "reference": "A-2", "customer_id": ref}]}),
     "customers", "id", "items[1].customer_id"),
    ("bulk time-entries work_item_external_id", setup_work_item,
     lambda c, ref: ("POST", "/v1/time-entries/bulk", {"items": [
         te_bulk_item("a-te-1", work_item_id=c["work_item"]["id"]),
         te_bulk_item("a-te-2", work_item_external_id=ref)]}),
     "work-items", "external_id", "items[1].work_item_external_id"),
    ("bulk time-entries work_item_id", setup_work_item,
     lambda c, ref: ("POST", "/v1/time-entries/bulk", {"items": [
         te_bulk_item("a-te-1", work_item_id=c["work_item"]["id"]),
         te_bulk_item("a-te-2", work_item_id=ref)]}),
     "work-items", "id", "items[1].work_item_id"),
    ("bulk time-entries product_external_id", setup_work_item,
     lambda c, ref: ("POST", "/v1/time-entries/bulk", {"items": [
         te_bulk_item("a-te-1", work_item_id=c["work_item"]["id"]),
         te_bulk_item("a-te-2", work_item_id=c["work_item"]["id"], product_external_id=ref)]}),
     "products", "external_id", "items[1].product_external_id"),
    ("bulk time-entries product_id", setup_work_item,
     lambda c, ref: ("POST", "/v1/time-entries/bulk", {"items": [
         te_bulk_item("a-te-1", work_item_id=c["work_item"]["id"]),
         te_bulk_item("a-te-2", work_item_id=c["work_item"]["id"], product_id=ref)]}),
     "products", "id", "items[1].product_id"),
]


def unknown_ref(by: str) -> str:
    return str(uuid.uuid4()) if by == "id" else f"nowhere-{uuid.uuid4().hex[:8]}"


@pytest.mark.parametrize(("setup", "build", "ref_kind", "ref_by", "field"),
                         [case[1:] for case in REFERENCE_CASES], ids=[case[0] for case in REFERENCE_CASES])
async def test_referencing_another_tenants_record_is_422_and_writes_nothing(
        api, other_api, b_records, setup, build, ref_kind, ref_by, field):
    ctx = await setup(api)
    b_before = await reread(other_api, b_records)
    a_before = await tenant_state(api)
    b_ref = b_records[ref_kind][ref_by]

    method, path, body = build(ctx, b_ref)
    response = await api.request(method, path, json=body)

    problem = assert_problem(response, 422)
    assert field in [error["field"] for error in problem["errors"]], problem
    assert_no_b_data(response)
    assert await tenant_state(api) == a_before
    assert await reread(other_api, b_records) == b_before

    # B's record is referenced exactly like one that exists nowhere: same status, code and fields.
    method, path, body = build(ctx, unknown_ref(ref_by))
    unknown = await api.request(method, path, json=body)
    assert unknown.status_code == 422, unknown.text
    assert problem["code"] == unknown.json()["code"]
    assert [(e["field"], e["code"]) for e in problem["errors"]] == \
           [(e["field"], e["code"]) for e in unknown.json()["errors"]]
    assert await tenant_state(api) == a_before


# --- lists and filters ---------------------------------------------------------------------------

async def test_lists_show_only_the_callers_rows(api, other_api, b_records):
    a_records = await make_b_records(api)  # the same shapes (and names) on A's side
    for kind in KINDS:
        a_ids = [row["id"] for row in await list_all(api, kind)]
        b_ids = [row["id"] for row in await list_all(other_api, kind)]
        assert a_ids == [a_records[kind]["id"]], kind
        assert b_ids == [b_records[kind]["id"]], kind


@pytest.mark.parametrize("kind", KINDS)
async def test_list_as_a_is_empty_while_b_has_rows(api, other_api, b_records, kind):
    response = await api.get(f"/v1/{kind}")
    assert response.status_code == 200, response.text
    assert response.json() == {"data": [], "next_cursor": None}
    assert_no_b_data(response)
    assert len(await list_all(other_api, kind)) == 1


FILTERS = [
    ("customers", "external_id", ("customers", "external_id")),
    ("customers", "parent_id", ("customers", "id")),
    ("products", "code", ("products", "code")),
    ("products", "external_id", ("products", "external_id")),
    ("prices", "customer_id", ("customers", "id")),
    ("prices", "product_id", ("products", "id")),
    ("work-items", "customer_id", ("customers", "id")),
    ("work-items", "external_id", ("work-items", "external_id")),
    ("time-entries", "customer_id", ("customers", "id")),
    ("time-entries", "work_item_id", ("work-items", "id")),
    ("time-entries", "product_id", ("products", "id")),
    ("time-entries", "external_id", ("time-entries", "external_id")),
]


@pytest.mark.parametrize(("kind", "param", "source"), FILTERS, ids=[f"{k}?{p}" for k, p, _ in FILTERS])
async def test_filtering_on_another_tenants_values_finds_nothing(api, other_api, b_records, kind, param, source):
    value = b_records[source[0]][source[1]]
    response = await api.get(f"/v1/{kind}", params={param: value})
    assert response.status_code == 200, response.text
    assert response.json()["data"] == []
    assert_no_b_data(response)


async def test_another_tenants_cursor_pages_only_through_the_callers_rows(api, other_api, b_records):
    await factories.customer(other_api, name="Bravo Confidential Customer")
    b_page = await other_api.get("/v1/customers", params={"limit": 1})
    assert b_page.status_code == 200, b_page.text
    b_cursor = b_page.json()["next_cursor"]
    assert b_cursor is not None
    mine = await a_customer(api)  # created after B's rows: it sorts after B's cursor

    response = await api.get("/v1/customers", params={"limit": 200, "cursor": b_cursor})

    assert response.status_code == 200, response.text
    assert [c["id"] for c in response.json()["data"]] == [mine["id"]]
    assert_no_b_data(response)


# --- keys that are unique per tenant, and upserts ------------------------------------------------

async def test_external_ids_and_product_codes_are_unique_per_tenant_only(api, other_api, b_records):
    """A can use the same external_id and product code as B: no 409 that would reveal B's records."""
    before = await reread(other_api, b_records)
    customer = await factories.customer(api, name="Alpha", external_id=b_records["customers"]["external_id"])
    product = await factories.product(api, code=b_records["products"]["code"],
                                      external_id=b_records["products"]["external_id"])
    work_item = await factories.work_item(api, customer_id=customer["id"],
                                          external_id=b_records["work-items"]["external_id"])
    await factories.time_entry(api, work_item_id=work_item["id"], product_id=product["id"],
                               external_id=b_records["time-entries"]["external_id"])
    factories._ok(await api.post("/v1/prices", json={
        "customer_id": customer["id"], "product_id": product["id"], "unit_price": "1.00",
        "external_id": b_records["prices"]["external_id"]}))
    factories._ok(await api.post("/v1/selections", json={
        "name": b_records["selections"]["name"], "customer_ids": [customer["id"]],
        "external_id": b_records["selections"]["external_id"]}))
    assert await reread(other_api, b_records) == before
    for kind in KINDS:
        b_rows = await list_all(other_api, kind)
        assert [r["id"] for r in b_rows] == [b_records[kind]["id"]]


async def test_bulk_upserts_with_the_same_external_ids_create_rows_for_the_caller_only(api, other_api, b_records):
    before = await reread(other_api, b_records)
    customers = await api.post("/v1/customers/bulk", json={"items": [
        {"external_id": b_records["customers"]["external_id"], "name": "Alpha via bulk"}]})
    assert customers.status_code == 200, customers.text
    assert bulk_counts(customers) == {"created": 1, "updated": 0, "unchanged": 0, "errors": 0}
    work_items = await api.post("/v1/work-items/bulk", json={"items": [
        {"external_id": b_records["work-items"]["external_id"], "type": "ticket", "reference": "A-1",
         "customer_external_id": b_records["customers"]["external_id"]}]})
    assert work_items.status_code == 200, work_items.text
    assert bulk_counts(work_items) == {"created": 1, "updated": 0, "unchanged": 0, "errors": 0}
    entries = await api.post("/v1/time-entries/bulk", json={"items": [
        te_bulk_item(b_records["time-entries"]["external_id"],
                     work_item_external_id=b_records["work-items"]["external_id"], hours="7.00")]})
    assert entries.status_code == 200, entries.text
    assert bulk_counts(entries) == {"created": 1, "updated": 0, "unchanged": 0, "errors": 0}

    # A's rows reference A's records only.
    [a_customer_row] = await list_all(api, "customers")
    [a_work_item] = await list_all(api, "work-items")
    [a_entry] = await list_all(api, "time-entries")
    assert a_customer_row["name"] == "Alpha via bulk"
    assert a_work_item["customer_id"] == a_customer_row["id"]
    assert a_entry["work_item_id"] == a_work_item["id"]
    assert a_customer_row["id"] != b_records["customers"]["id"]

    assert await reread(other_api, b_records) == before
    for kind in ("customers", "work-items", "time-entries"):
        assert [r["id"] for r in await list_all(other_api, kind)] == [b_records[kind]["id"]]


async def test_settings_are_per_tenant(api, other_api, b_records):
    b_before = (await other_api.get("/v1/settings")).json()
    response = await api.patch("/v1/settings", json={"legal_name": "Alpha Legal", "invoice_number_prefix": "A-"})
    assert response.status_code == 200, response.text
    a_settings = (await api.get("/v1/settings")).json()
    assert a_settings["legal_name"] == "Alpha Legal"
    assert_no_b_data(await api.get("/v1/settings"))
    assert (await other_api.get("/v1/settings")).json() == b_before


# --- a batch's report ------------------------------------------------------------------------------

REPORT_PATHS = ["/report"] + [f"/report/{selection}" for selection in REPORT_SELECTIONS]


async def test_the_report_of_another_tenants_batch_and_its_lists_are_404(api, other_api, b_records, sessionmaker):
    b_batch = factories._ok(await other_api.post("/v1/invoice-batches", json={
        "title": "Bravo November", "period_start": "2026-11-01", "period_end": "2026-11-30", "validate": False,
        "customer_ids": [b_records["customers"]["id"]]}), 202)
    await run_batch(sessionmaker, uuid.UUID(b_batch["id"]))  # B's report now holds B's invoice
    unknown_id = str(uuid.uuid4())

    for path in REPORT_PATHS:
        response = await api.get(f"/v1/invoice-batches/{b_batch['id']}{path}")
        assert_problem(response, 404)
        assert_no_b_data(response)
        unknown = await api.get(f"/v1/invoice-batches/{unknown_id}{path}")
        assert response.json() == {**unknown.json(),
                                   "detail": unknown.json()["detail"].replace(unknown_id, b_batch["id"])}
        assert (await other_api.get(f"/v1/invoice-batches/{b_batch['id']}{path}")).status_code == 200


# --- webhooks: routes beyond read/update/delete, and events -------------------------------------

async def test_webhook_routes_on_another_tenants_endpoint_or_delivery_are_404(api, other_api, b_records,
                                                                              sessionmaker):
    b_hook = b_records["webhook-endpoints"]
    await webhook_helpers.emit(sessionmaker, other_api.tenant_id)
    b_deliveries = await webhook_helpers.deliveries(other_api, b_hook["id"])
    [b_delivery] = b_deliveries
    a_hook = await webhook_helpers.endpoint(api, url="https://a.example/hooks")
    secret_before = await _secret(sessionmaker, b_hook["id"])
    base = "/v1/webhook-endpoints"

    for method, path in [("POST", f"{base}/{b_hook['id']}/rotate-secret"),
                         ("GET", f"{base}/{b_hook['id']}/deliveries"),
                         ("POST", f"{base}/{b_hook['id']}/deliveries/{b_delivery['id']}/retry"),
                         ("POST", f"{base}/{a_hook['id']}/deliveries/{b_delivery['id']}/retry")]:
        response = await api.request(method, path)
        assert_problem(response, 404)
        assert_no_b_data(response)
        assert b_hook["secret"] not in response.text

    assert await _secret(sessionmaker, b_hook["id"]) == secret_before == b_hook["secret"]
    assert await webhook_helpers.deliveries(other_api, b_hook["id"]) == b_deliveries
    assert await webhook_helpers.deliveries(api, a_hook["id"]) == []


async def test_a_tenants_events_never_reach_another_tenants_endpoints(api, other_api, b_records, sessionmaker):
    """B's endpoint subscribes to every event type; A has no endpoint."""
    assert await webhook_helpers.emit(sessionmaker, api.tenant_id, type="invoice.validated") is None
    assert await webhook_helpers.deliveries(other_api, b_records["webhook-endpoints"]["id"]) == []


async def _secret(sessionmaker, endpoint_id: str) -> str:
    async with sessionmaker() as session:
        return await session.scalar(select(WebhookEndpoint.secret).where(WebhookEndpoint.id == uuid.UUID(endpoint_id)))
