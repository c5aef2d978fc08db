"""POST /v1/invoice-batches/preview: what a batch would produce now, exact to the cent, writing nothing."""

from datetime import UTC, datetime, timedelta

import pytest

from tests import factories as f

NOVEMBER = {"title": "Support — November 2026", "period_start": "2026-11-01", "period_end": "2026-11-30",
            "show_employee_names": True, "validate": True}


@pytest.fixture
async def helpdesk(api):
    """Paris tenant; Acme (negotiated 70.00 on support) with a contact; Globex without address. The
    companies carry the helpdesk's ids (external_id); the contact has none."""
    support = await f.product(api, code="SUP-H", unit_price="80.00")
    onsite = await f.product(api, code="ONS-H", unit_price="120.00", name="On-site", description=None,
                             tax_rate="10.00")
    patch = await api.patch("/v1/settings", json={"timezone": "Europe/Paris", "default_product_id": support["id"]})
    assert patch.status_code == 200, patch.text
    acme = await f.customer(api, name="Acme SARL", external_id="crm-acme")
    jeanne = await f.customer(api, name="Jeanne Dupont", kind="contact", parent_id=acme["id"])
    globex = await f.customer(api, name="Globex SA", billing_address=None, external_id="crm-globex")
    await f.price(api, customer_id=acme["id"], product_id=support["id"], unit_price="70.00")
    ticket = await f.work_item(api, customer_id=acme["id"], reference="T-004211")
    contact_ticket = await f.work_item(api, customer_id=jeanne["id"], reference="T-004215")
    order = await f.work_item(api, customer_id=acme["id"], reference="WO-7", type="work_order")
    globex_ticket = await f.work_item(api, customer_id=globex["id"], reference="T-9")
    return {"api": api, "support": support, "onsite": onsite, "acme": acme, "jeanne": jeanne, "globex": globex,
            "ticket": ticket, "contact_ticket": contact_ticket, "order": order, "globex_ticket": globex_ticket}


async def preview(api, **body):
    response = await api.post("/v1/invoice-batches/preview", json=body)
    assert response.status_code == 200, response.text
    return response.json()


async def test_preview_bills_the_period_in_local_time_with_negotiated_prices(helpdesk):
    api, h = helpdesk["api"], helpdesk
    first = await f.time_entry(api, work_item_id=h["ticket"]["id"], started_at="2026-10-31T23:30:00+00:00",
                               hours="1.50", product_id=h["support"]["id"])  # local 01/11 00:30
    await f.time_entry(api, work_item_id=h["ticket"]["id"], started_at="2026-11-30T23:30:00+00:00",
                       hours="2.00", product_id=h["support"]["id"])  # local 01/12: out of the period
    second = await f.time_entry(api, work_item_id=h["contact_ticket"]["id"], started_at="2026-11-05T13:30:00+00:00",
                                hours="0.33", product_id=h["onsite"]["id"])
    await f.time_entry(api, work_item_id=h["ticket"]["id"], status="draft")
    await f.time_entry(api, work_item_id=h["ticket"]["id"], billable=False)

    result = await preview(api, customer_ids=[h["jeanne"]["id"]], **NOVEMBER)

    [invoice] = result["invoices"]
    assert invoice["customer_id"] == h["acme"]["id"]  # the contact's time goes to its company
    assert invoice["subtitle"] == "Period from 01/11/2026 to 30/11/2026"
    assert [(line["time_entry_id"], line["description"], line["quantity"], line["unit_price"], line["amount"],
             line["tax_rate"]) for line in invoice["lines"]] == [
        (first["id"], "Support — Remote support\nTicket T-004211 of 01/11/2026 at 00:30 by Alice Martin",
         "1.50", "70.00", "105.00", "20.00"),
        (second["id"], "On-site\nTicket T-004215 of 05/11/2026 at 14:30 by Alice Martin",
         "0.33", "120.00", "39.60", "10.00")]
    assert (invoice["untaxed_amount"], invoice["tax_amount"], invoice["total"]) == ("144.60", "24.96", "169.56")
    assert invoice["would_validate"] is True and invoice["not_validated_reasons"] == []
    assert result["totals"] == {"customers": 1, "invoices": 1, "hours": "1.83", "by_currency": [
        {"currency": "EUR", "untaxed": "144.60", "tax": "24.96", "total": "169.56"}]}


async def test_time_without_product_uses_the_default_or_is_unbilled_when_mandatory(helpdesk):
    api, h = helpdesk["api"], helpdesk
    bare = await f.time_entry(api, work_item_id=h["ticket"]["id"], hours="1.00", external_id="te-bare")
    body = {"customer_ids": [h["acme"]["id"]], **NOVEMBER}

    [invoice] = (await preview(api, **body))["invoices"]
    assert [(line["product_id"], line["amount"]) for line in invoice["lines"]] == [(h["support"]["id"], "70.00")]

    result = await preview(api, **{**body, "product_mandatory": True})
    assert result["unbilled_times"] == [{
        "time_entry_id": bare["id"], "time_entry_external_id": "te-bare", "customer_id": h["acme"]["id"],
        "customer_external_id": "crm-acme",
        "reasons": [{"code": "missing_product", "message": "The time has no product and the batch requires one."}]}]
    [invoice] = result["invoices"]
    assert invoice["lines"] == [] and invoice["would_validate"] is False
    assert [r["code"] for r in invoice["not_validated_reasons"]] == ["no_invoice_lines"]


async def test_source_type_keeps_only_that_kind_of_work_item(helpdesk):
    api, h = helpdesk["api"], helpdesk
    await f.time_entry(api, work_item_id=h["order"]["id"], product_id=h["support"]["id"], billable=True)
    ticket_time = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    [invoice] = (await preview(api, customer_ids=[h["acme"]["id"]], source_type="ticket", **NOVEMBER))["invoices"]
    assert [line["time_entry_id"] for line in invoice["lines"]] == [ticket_time["id"]]


async def test_missing_address_blocks_validation_and_idle_customers_are_listed(helpdesk):
    api, h = helpdesk["api"], helpdesk
    await f.time_entry(api, work_item_id=h["globex_ticket"]["id"], product_id=h["support"]["id"])
    selection = await f.selection(api, customer_ids=[h["globex"]["id"], h["acme"]["id"]])
    result = await preview(api, selection_id=selection["id"], **NOVEMBER)
    [invoice] = result["invoices"]
    assert invoice["customer_id"] == h["globex"]["id"] and invoice["would_validate"] is False
    assert [r["code"] for r in invoice["not_validated_reasons"]] == ["missing_billing_address"]
    assert result["customers_without_times"] == [h["acme"]["id"]]
    assert invoice["total"] == "144.00"  # 1.50 h x 80.00 + 20 %


async def test_preview_writes_nothing(helpdesk):
    api, h = helpdesk["api"], helpdesk
    entry = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    await preview(api, customer_ids=[h["acme"]["id"]], **NOVEMBER)
    again = (await api.get(f"/v1/time-entries/{entry['id']}")).json()
    assert again == entry


@pytest.mark.parametrize(("change", "field"), [
    ({"selection_id": "00000000-0000-7000-8000-000000000000"}, "customer_ids"),  # both selection and customers
    ({"customer_ids": []}, "customer_ids"),
    ({"period_end": "2026-10-01"}, "period_end"),
    ({"run_at": (datetime.now(UTC) + timedelta(hours=25)).isoformat()}, "run_at"),
    ({"validate": "yes"}, "validate"),
    ({"unknown": 1}, "unknown"),
    ({"source_type": "invoice"}, "source_type"),
])
async def test_bad_definitions_are_refused_naming_the_field(helpdesk, change, field):
    api, h = helpdesk["api"], helpdesk
    response = await api.post("/v1/invoice-batches/preview",
                              json={"customer_ids": [h["acme"]["id"]], **NOVEMBER, **change})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert field in [e["field"] for e in response.json()["errors"]]


async def test_unknown_or_foreign_customers_and_selections_are_refused(helpdesk, other_api):
    api = helpdesk["api"]
    foreign = await f.customer(other_api)
    response = await api.post("/v1/invoice-batches/preview", json={"customer_ids": [foreign["id"]], **NOVEMBER})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "customer_ids[0]"
    foreign_selection = await f.selection(other_api, customer_ids=[foreign["id"]])
    response = await api.post("/v1/invoice-batches/preview",
                              json={"selection_id": foreign_selection["id"], **NOVEMBER})
    assert response.status_code == 404
