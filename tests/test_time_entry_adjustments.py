"""Adjustments of time entries (SPEC §10), as a helpdesk sees them through the API: an adjustment
replaces never-billed time, a later one replaces a pending one, time on a draft cannot be adjusted,
an adjustment of billed time is settled by the next batch, never billed as an entry, and two
adjustments at once leave one pending."""

import asyncio
import uuid
from datetime import date
from decimal import Decimal


from app.invoice_batches.runner import run_batch
from app.invoicing.cycles import Period
from app.invoicing.loading import Scope, load_pending_adjustments
from app.invoicing.settlement import plan_settlement
from tests import factories as f
from tests.test_invoice_batch_preview import NOVEMBER, helpdesk  # noqa: F401  (fixture)


async def adjust(api, entry_id: str, status: int = 201, **body) -> dict:
    response = await api.post(f"/v1/time-entries/{entry_id}/adjustments", json=body)
    assert response.status_code == status, response.text
    return response.json()


async def entry_of(api, entry_id: str) -> dict:
    response = await api.get(f"/v1/time-entries/{entry_id}")
    assert response.status_code == 200, response.text
    return response.json()


async def preview_lines(api, customer_id: str) -> list[tuple[str, str]]:
    response = await api.post("/v1/invoice-batches/preview", json={**NOVEMBER, "customer_ids": [customer_id]})
    assert response.status_code == 200, response.text
    return [(line["time_entry_id"], line["quantity"]) for invoice in response.json()["invoices"]
            for line in invoice["lines"]]


async def run(api, sessionmaker, customer_id: str, **body) -> dict:
    response = await api.post("/v1/invoice-batches", json={**NOVEMBER, "customer_ids": [customer_id], **body})
    assert response.status_code == 202, response.text
    await run_batch(sessionmaker, uuid.UUID(response.json()["id"]))
    report = await api.get(f"/v1/invoice-batches/{response.json()['id']}/report")
    return report.json()


async def count_entries(api) -> int:
    return len((await api.get("/v1/time-entries", params={"limit": 100})).json()["data"])


async def test_adjustment_of_unbilled_time_replaces_the_original(helpdesk):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"],
                                  external_id="te-9", note="Printer", hours="1.50")

    adjustment = await adjust(api, original["id"], hours="0.75", note="Half was training", external_id="te-9-a")

    assert adjustment["id"] != original["id"]
    assert {k: adjustment[k] for k in ("adjusts_id", "adjustment_status", "superseded", "status", "hours", "note",
                                       "external_id", "invoice_id", "corrected_invoice_id")} == {
        "adjusts_id": original["id"], "adjustment_status": "pending", "superseded": False, "status": "approved",
        "hours": "0.75", "note": "Half was training", "external_id": "te-9-a", "invoice_id": None,
        "corrected_invoice_id": None}
    for field in ("work_item_id", "employee_id", "employee_name", "started_at", "product_id", "billable"):
        assert adjustment[field] == original[field], field
    replaced = await entry_of(api, original["id"])
    assert replaced["superseded"] is True and replaced["adjustment_status"] is None and replaced["adjusts_id"] is None
    assert await preview_lines(api, h["acme"]["id"]) == [(adjustment["id"], "0.75")]


async def test_fields_not_given_are_the_originals(helpdesk):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], note="Printer")

    adjustment = await adjust(api, original["id"], hours="2.00")

    assert adjustment["note"] == "Printer" and adjustment["external_id"] is None
    assert adjustment["product_id"] is None and adjustment["employee_name"] == "Alice Martin"


async def test_a_batch_bills_the_adjustment_of_unbilled_time_and_marks_it_settled(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    adjustment = await adjust(api, original["id"], hours="0.50")

    previewed = await preview_lines(api, h["acme"]["id"])
    report = await run(api, sessionmaker, h["acme"]["id"])

    [created] = report["invoices_created"]
    invoice = (await api.get(f"/v1/invoices/{created['invoice_id']}")).json()
    assert [(line["time_entry_ids"], line["quantity"], line["amount"]) for line in invoice["lines"]] == [
        ([adjustment["id"]], "0.50", "35.00")]
    assert previewed == [(adjustment["id"], "0.50")]
    settled = await entry_of(api, adjustment["id"])
    assert settled["adjustment_status"] == "settled" and settled["invoice_id"] == invoice["id"]
    replaced = await entry_of(api, original["id"])
    assert replaced["invoice_id"] is None and replaced["superseded"] is True
    assert report["unbilled_times"] == []


async def test_a_later_adjustment_replaces_a_pending_one(helpdesk):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    first = await adjust(api, original["id"], hours="1.00")

    # Adjusting an adjustment adjusts its original.
    second = await adjust(api, first["id"], hours="1.25")

    assert second["adjusts_id"] == original["id"] and second["adjustment_status"] == "pending"
    listed = (await api.get("/v1/time-entries", params={"adjusts_id": original["id"]})).json()["data"]
    assert sorted(e["id"] for e in listed) == sorted([first["id"], second["id"]])
    replaced = await entry_of(api, first["id"])
    assert replaced["adjustment_status"] == "superseded" and replaced["superseded"] is True
    assert await preview_lines(api, h["acme"]["id"]) == [(second["id"], "1.25")]


async def test_a_pending_adjustment_replaced_is_never_billed(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    first = await adjust(api, original["id"], hours="1.00")
    second = await adjust(api, original["id"], hours="2.00")

    await run(api, sessionmaker, h["acme"]["id"])

    assert (await entry_of(api, first["id"]))["invoice_id"] is None
    assert (await entry_of(api, first["id"]))["adjustment_status"] == "superseded"
    assert (await entry_of(api, second["id"]))["adjustment_status"] == "settled"


async def test_an_entry_on_a_draft_invoice_cannot_be_adjusted(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"])
    await f.mark_invoiced(sessionmaker, original["id"])
    before = await count_entries(api)

    problem = await adjust(api, original["id"], status=409, hours="1.00")

    assert problem["code"] == "time_entry_on_draft"
    assert await count_entries(api) == before
    assert (await entry_of(api, original["id"]))["superseded"] is False


async def test_time_whose_adjustment_is_on_a_draft_cannot_be_adjusted(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    adjustment = await adjust(api, original["id"], hours="1.00")
    await run(api, sessionmaker, h["acme"]["id"], validate=False)

    for entry_id in (original["id"], adjustment["id"]):
        assert (await adjust(api, entry_id, status=409, hours="0.50"))["code"] == "time_entry_on_draft"


async def test_deleting_the_draft_makes_a_settled_adjustment_pending_and_billable_again(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    adjustment = await adjust(api, original["id"], hours="1.00")
    report = await run(api, sessionmaker, h["acme"]["id"], validate=False)

    assert (await api.delete(f"/v1/invoices/{report['invoices_created'][0]['invoice_id']}")).status_code == 204

    freed = await entry_of(api, adjustment["id"])
    assert freed["adjustment_status"] == "pending" and freed["invoice_id"] is None
    assert await preview_lines(api, h["acme"]["id"]) == [(adjustment["id"], "1.00")]


async def test_an_adjustment_of_billed_time_is_settled_not_billed_as_an_entry(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    report = await run(api, sessionmaker, h["acme"]["id"])
    billed = await entry_of(api, original["id"])
    assert report["invoices_created"][0]["status"] == "validated"

    adjustment = await adjust(api, original["id"], hours="0.00")

    assert adjustment["adjustment_status"] == "pending" and adjustment["hours"] == "0.00"
    assert adjustment["corrected_invoice_id"] == billed["invoice_id"]
    assert adjustment["corrected_invoice_line_id"] == billed["invoice_line_id"]
    after = await entry_of(api, original["id"])
    assert after["superseded"] is False and after["invoice_id"] == billed["invoice_id"]
    assert await preview_lines(api, h["acme"]["id"]) == []  # no invoice line: hours are taken back
    again = await run(api, sessionmaker, h["acme"]["id"])
    assert again["invoices_created"] == [] and again["customers_without_times"] == []
    assert [n["credited_invoice_ids"] for n in again["credit_notes_created"]] == [[billed["invoice_id"]]]
    assert (await entry_of(api, adjustment["id"]))["adjustment_status"] == "settled"


async def test_an_adjustment_of_a_billed_replacement_corrects_the_replacements_line(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    replacement = await adjust(api, original["id"], hours="1.00")
    await run(api, sessionmaker, h["acme"]["id"])
    billed = await entry_of(api, replacement["id"])

    correction = await adjust(api, original["id"], hours="0.25")

    assert correction["adjusts_id"] == original["id"]
    assert (correction["corrected_invoice_id"], correction["corrected_invoice_line_id"]) == (
        billed["invoice_id"], billed["invoice_line_id"])
    assert (await entry_of(api, replacement["id"]))["adjustment_status"] == "settled"
    assert await preview_lines(api, h["acme"]["id"]) == []


async def test_adjustments_at_once_are_all_recorded_and_leave_one_pending(helpdesk):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    hours = [f"{n}.00" for n in range(1, 9)]

    responses = await asyncio.gather(*(api.post(f"/v1/time-entries/{original['id']}/adjustments",
                                                json={"hours": h}) for h in hours))

    assert [r.status_code for r in responses] == [201] * len(hours), [r.text for r in responses]
    statuses = sorted([(await entry_of(api, r.json()["id"]))["adjustment_status"] for r in responses])
    assert statuses == ["pending"] + ["superseded"] * (len(hours) - 1)
    assert len(await preview_lines(api, h["acme"]["id"])) == 1


async def test_unknown_or_another_tenants_entry_is_not_found(helpdesk, other_api):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"])

    assert (await adjust(other_api, original["id"], status=404, hours="1.00"))["code"] == "not_found"
    assert (await adjust(api, str(uuid.uuid4()), status=404, hours="1.00"))["code"] == "not_found"
    assert (await adjust(api, "not-an-id", status=404, hours="1.00"))["code"] == "not_found"
    assert (await entry_of(api, original["id"]))["superseded"] is False


async def test_bad_hours_are_refused_naming_the_field_and_write_nothing(helpdesk):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"])
    before = await count_entries(api)

    for hours in ("-1.00", "0.125", 0.5, "abc", None):
        problem = await adjust(api, original["id"], status=422, hours=hours)
        assert [e["field"] for e in problem["errors"]] == ["hours"], problem
    problem = await adjust(api, original["id"], status=422, hours="1.00", work_item_id=h["ticket"]["id"])
    assert [e["field"] for e in problem["errors"]] == ["work_item_id"]

    assert await count_entries(api) == before
    assert (await entry_of(api, original["id"]))["superseded"] is False


async def test_ordinary_entries_still_need_positive_hours(helpdesk):
    api, h = helpdesk["api"], helpdesk
    response = await api.post("/v1/time-entries", json={"work_item_id": h["ticket"]["id"], "hours": "0.00",
                                                         "started_at": "2026-11-05T14:30:00+01:00"})
    assert response.status_code == 422 and [e["field"] for e in response.json()["errors"]] == ["hours"]


async def test_an_external_id_already_used_is_a_conflict(helpdesk):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], external_id="te-9")

    problem = await adjust(api, original["id"], status=409, hours="1.00", external_id="te-9")

    assert problem["code"] == "external_id_taken" and [e["field"] for e in problem["errors"]] == ["external_id"]
    assert (await entry_of(api, original["id"]))["superseded"] is False


async def test_an_adjusted_entry_cannot_be_deleted_but_a_pending_adjustment_can(helpdesk):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    adjustment = await adjust(api, original["id"], hours="1.00")

    refused = await api.delete(f"/v1/time-entries/{original['id']}")
    assert refused.status_code == 409 and refused.json()["code"] == "time_entry_adjusted"

    assert (await api.delete(f"/v1/time-entries/{adjustment['id']}")).status_code == 204
    assert (await entry_of(api, original["id"]))["superseded"] is False
    assert await preview_lines(api, h["acme"]["id"]) == [(original["id"], "1.50")]


# The bulk path: items with adjusts_external_id (or adjusts_id), item by item, by the same rules.

async def push(api, items: list[dict], status: int = 200, on_error: str | None = None) -> dict:
    response = await api.post("/v1/time-entries/bulk", json={"items": items},
                              params={"on_error": on_error} if on_error else None)
    assert response.status_code == status, response.text[:2000]
    return response.json()


def pushed_entry(external_id: str, **fields) -> dict:
    return {"external_id": external_id, "work_item_external_id": "T-1", "started_at": "2026-11-05T14:30:00+01:00",
            "hours": "1.50", "status": "approved", "employee_name": "Alice Martin", **fields}


async def ticket_t1(api, h) -> None:
    await f.work_item(api, customer_id=h["acme"]["id"], reference="T-1", external_id="T-1")


async def test_bulk_item_adjusts_an_entry_of_the_same_push_by_external_id(helpdesk):
    api, h = helpdesk["api"], helpdesk
    await ticket_t1(api, h)

    body = await push(api, [pushed_entry("te-9", note="Printer"),
                            {"external_id": "te-9-a", "adjusts_external_id": "te-9", "hours": "0.50"}])

    assert [(i["external_id"], i["result"]) for i in body["items"]] == [("te-9", "created"), ("te-9-a", "created")]
    original, adjustment = [await entry_of(api, i["id"]) for i in body["items"]]
    assert adjustment["adjusts_id"] == original["id"] and adjustment["adjustment_status"] == "pending"
    assert (adjustment["note"], adjustment["started_at"], adjustment["work_item_id"], adjustment["status"]) == (
        "Printer", original["started_at"], original["work_item_id"], "approved")
    assert original["superseded"] is True
    assert await preview_lines(api, h["acme"]["id"]) == [(adjustment["id"], "0.50")]


async def test_bulk_adjustment_pushed_twice_is_unchanged_then_updated(helpdesk):
    api, h = helpdesk["api"], helpdesk
    await ticket_t1(api, h)
    items = [pushed_entry("te-9"), {"external_id": "te-9-a", "adjusts_external_id": "te-9", "hours": "0.00"}]
    first = await push(api, items)

    again = await push(api, items)
    changed = await push(api, [{**items[1], "hours": "0.25"}])

    assert [i["result"] for i in again["items"]] == ["unchanged", "unchanged"]
    assert changed["items"][0] == {"external_id": "te-9-a", "id": first["items"][1]["id"], "result": "updated"}
    adjustment = await entry_of(api, first["items"][1]["id"])
    assert adjustment["hours"] == "0.25" and adjustment["adjustment_status"] == "pending"


async def test_bulk_adjustment_supersedes_a_pending_one(helpdesk):
    api, h = helpdesk["api"], helpdesk
    await ticket_t1(api, h)
    await push(api, [pushed_entry("te-9"), {"external_id": "te-9-a", "adjusts_external_id": "te-9", "hours": "1.00"}])

    body = await push(api, [{"external_id": "te-9-b", "adjusts_external_id": "te-9-a", "hours": "2.00"}])

    latest = await entry_of(api, body["items"][0]["id"])
    first = (await api.get("/v1/time-entries", params={"external_id": "te-9-a"})).json()["data"][0]
    assert first["adjustment_status"] == "superseded" and latest["adjustment_status"] == "pending"
    assert latest["adjusts_id"] == first["adjusts_id"]


async def test_bulk_adjustment_of_an_unknown_entry_is_refused_naming_the_field(helpdesk):
    api, h = helpdesk["api"], helpdesk
    await ticket_t1(api, h)

    problem = await push(api, [pushed_entry("te-1"), {"external_id": "te-9-a", "adjusts_external_id": "te-404",
                                                      "hours": "1.00"}], status=422)

    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("items[1].adjusts_external_id",
                                                                      "unknown_reference")]
    assert await count_entries(api) == 0


async def test_bulk_adjustment_of_time_on_a_draft_is_refused_whole_or_skipped(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    await ticket_t1(api, h)
    pushed = await push(api, [pushed_entry("te-9")])
    await f.mark_invoiced(sessionmaker, pushed["items"][0]["id"])
    items = [pushed_entry("te-10"), {"external_id": "te-9-a", "adjusts_external_id": "te-9", "hours": "1.00"}]

    problem = await push(api, items, status=409)
    assert problem["code"] == "time_entry_on_draft"
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("items[1].adjusts_external_id",
                                                                      "time_entry_on_draft")]
    assert await count_entries(api) == 1

    skipped = await push(api, items, on_error="skip")
    assert [i["result"] for i in skipped["items"]] == ["created", "error"]
    assert skipped["items"][1]["errors"][0]["field"] == "items[1].adjusts_external_id"
    assert await count_entries(api) == 2


async def test_bulk_items_keep_positive_hours_and_a_start_unless_they_adjust(helpdesk):
    api, h = helpdesk["api"], helpdesk
    await ticket_t1(api, h)
    no_start = pushed_entry("te-2")
    del no_start["started_at"]

    body = await push(api, [pushed_entry("te-1", hours="0.00"), no_start,
                            {"external_id": "te-3", "adjusts_external_id": "te-1", "hours": "1.00",
                             "status": "draft"}], on_error="skip")

    assert [[(e["field"], e["code"]) for e in i.get("errors", [])] for i in body["items"]] == [
        [("items[0].hours", "value_error")], [("items[1].started_at", "missing")],
        [("items[2].adjusts_external_id", "unknown_reference")]]


async def test_bulk_adjustment_item_must_not_move_time_or_change_its_status(helpdesk):
    api, h = helpdesk["api"], helpdesk
    await ticket_t1(api, h)
    await push(api, [pushed_entry("te-1")])

    problem = await push(api, [{"external_id": "te-1-a", "adjusts_external_id": "te-1", "hours": "1.00",
                                "status": "draft", "work_item_id": h["ticket"]["id"]}], status=422)

    assert sorted(e["field"] for e in problem["errors"]) == ["items[0].status", "items[0].work_item_id"]
    assert await count_entries(api) == 1


async def test_bulk_item_with_the_external_id_of_another_entry_is_refused(helpdesk):
    api, h = helpdesk["api"], helpdesk
    await ticket_t1(api, h)
    await push(api, [pushed_entry("te-1"), pushed_entry("te-2")])

    problem = await push(api, [{"external_id": "te-2", "adjusts_external_id": "te-1", "hours": "1.00"}], status=422)

    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("items[0].external_id", "not_an_adjustment")]


async def test_bulk_adjustment_of_another_tenants_entry_is_an_unknown_reference(helpdesk, other_api):
    api, h = helpdesk["api"], helpdesk
    theirs = await f.time_entry(api, work_item_id=h["ticket"]["id"])

    problem = await push(other_api, [{"external_id": "te-x", "adjusts_id": theirs["id"], "hours": "1.00"}], status=422)

    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("items[0].adjusts_id", "unknown_reference")]
    assert (await entry_of(api, theirs["id"]))["superseded"] is False


async def test_an_adjustment_cannot_move_to_another_work_item(helpdesk):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["ticket"]["id"])
    adjustment = await adjust(api, original["id"], hours="1.00")

    response = await api.patch(f"/v1/time-entries/{adjustment['id']}", json={"work_item_id": h["order"]["id"]})

    assert response.status_code == 422 and [e["field"] for e in response.json()["errors"]] == ["work_item_id"]
    assert (await entry_of(api, adjustment["id"]))["work_item_id"] == h["ticket"]["id"]


async def test_bulk_cannot_change_an_invoiced_adjustment(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    await ticket_t1(api, h)
    items = [pushed_entry("te-9"), {"external_id": "te-9-a", "adjusts_external_id": "te-9", "hours": "1.00"}]
    await push(api, items)
    await run(api, sessionmaker, h["acme"]["id"])

    assert [i["result"] for i in (await push(api, items))["items"]] == ["unchanged", "unchanged"]
    problem = await push(api, [{**items[1], "hours": "2.00"}], status=409)

    assert problem["code"] == "time_entry_invoiced" and problem["errors"][0]["field"] == "items[0]"


# What a batch will settle: the pending adjustments of billed time, with the line each corrects.

async def pending_of(api, sessionmaker, customer_id: str) -> list:
    scope = Scope(tenant_id=api.tenant_id, timezone="Europe/Paris", source_type=None,
                  period=Period(date(2026, 11, 1), date(2026, 11, 30)))
    async with sessionmaker() as session:
        loaded = await load_pending_adjustments(session, scope=scope, targets=[uuid.UUID(customer_id)])
    return loaded.get(uuid.UUID(customer_id), [])


async def test_pending_adjustments_of_billed_time_are_loaded_with_the_line_they_correct(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    original = await f.time_entry(api, work_item_id=h["contact_ticket"]["id"], product_id=h["support"]["id"])
    await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"])
    await run(api, sessionmaker, h["acme"]["id"])
    billed = await entry_of(api, original["id"])
    invoice = (await api.get(f"/v1/invoices/{billed['invoice_id']}")).json()
    [line] = [line for line in invoice["lines"] if line["id"] == billed["invoice_line_id"]]
    assert await pending_of(api, sessionmaker, h["acme"]["id"]) == []

    first = await adjust(api, original["id"], hours="0.75")
    [pending] = await pending_of(api, sessionmaker, h["acme"]["id"])  # a contact's time, billed to its company

    assert (pending.time_entry_id, pending.hours, pending.billed_hours, pending.invoice_id, pending.product_id,
            pending.description, pending.unit, pending.unit_price, pending.tax_rate) == (
        uuid.UUID(first["id"]), Decimal("0.75"), Decimal("1.50"), uuid.UUID(invoice["id"]),
        uuid.UUID(h["support"]["id"]), line["description"], "hour", Decimal("70.00"), Decimal("20.00"))
    plan = plan_settlement(customer_id=uuid.UUID(h["acme"]["id"]), currency="EUR", adjustments=[pending])
    assert [(line.quantity, line.amount, line.credited_invoice_id) for line in plan.credit_note.lines] == [
        (Decimal("0.75"), Decimal("52.50"), uuid.UUID(invoice["id"]))]

    # Once a batch has settled it (0.75 h credited), what is billed is what the credit note left.
    await run(api, sessionmaker, h["acme"]["id"])
    second = await adjust(api, original["id"], hours="2.00")
    [pending] = await pending_of(api, sessionmaker, h["acme"]["id"])
    assert (pending.time_entry_id, pending.hours, pending.billed_hours) == (
        uuid.UUID(second["id"]), Decimal("2.00"), Decimal("0.75"))
    # Settled by the next batch, not billed as an entry: the preview shows the 1.25 hours more only.
    assert await preview_lines(api, h["acme"]["id"]) == [(second["id"], "1.25")]
