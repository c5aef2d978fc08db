"""A preview followed by the batch gives the same invoices and the same credit notes when the
batch settles corrections of billed time (SPEC §10): over generated data (several seeds), a first
validated batch bills, then corrections of what it billed (more hours, fewer, none at all, the same,
several in a row) and of what it did not bill, and new time; the preview of the next batch must
announce, per customer, exactly the invoice (lines, quantities, amounts, taxes, totals) and the
credit note (lines, credited invoices, totals) that the batch then makes. Two rounds, so that the
second settles against hours the first settled."""

import random
import uuid
from datetime import date, timedelta

import pytest

from app.invoice_batches.runner import run_batch
from tests.conftest import new_tenant
from tests.test_preview_equals_batch import generated_helpdesk


async def all_pages(api, path: str, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        page = (await api.get(path, params={"limit": 200, **params, **({"cursor": cursor} if cursor else {})})).json()
        items += page["data"]
        if not (cursor := page.get("next_cursor")):
            return items


def generated_definition(rng: random.Random, customers: list[str], *, validate: bool | None = None) -> dict:
    dates = rng.choice([
        {"period_start": "2026-11-01", "period_end": "2026-11-30", "include_late_time": rng.random() < 0.5},
        {"cutoff_date": (date(2026, 11, 1) + timedelta(days=rng.randint(5, 60))).isoformat()}])
    return {"customer_ids": rng.sample(customers, rng.randint(max(1, len(customers) // 2), len(customers))),
            "title": "November", **dates,
            "exclude_customer_ids": rng.sample(customers, min(rng.choice([0, 0, 0, 1]), len(customers) - 1)),
            "source_type": rng.choice([None, None, "ticket"]), "show_employee_names": rng.random() < 0.5,
            "validate": rng.random() < 0.8 if validate is None else validate,
            "product_mandatory": rng.random() < 0.3}


def hours_near(rng: random.Random, billed: str) -> str:
    """Corrected hours: more, fewer, none, or the same as billed."""
    billed_hours = float(billed)
    return rng.choice([f"{billed_hours + rng.randint(1, 300) / 100:.2f}",
                       f"{max(0.0, billed_hours - rng.randint(1, 300) / 100):.2f}", "0.00", f"{billed_hours:.2f}"])


async def generated_corrections(api, rng: random.Random, round_: int) -> dict[str, int]:
    """Adjustments of billed time (validated invoices) and of unbilled time, and new entries; time on
    a draft cannot be adjusted (409). Answers how many of each kind were made."""
    entries = await all_pages(api, "/v1/time-entries")
    invoices = {i["id"]: i for i in await all_pages(api, "/v1/invoices")}
    made = {"billed": 0, "unbilled": 0, "draft": 0, "new": 0}
    current = [e for e in entries if not e["superseded"] and e["adjustment_status"] in (None, "settled")
               and e["status"] == "approved"]
    family: dict[str, list[dict]] = {}
    for e in entries:
        family.setdefault(e["adjusts_id"] or e["id"], []).append(e)
    for entry in rng.sample(current, min(len(current), rng.randint(0, 25))):
        on = invoices.get(entry["invoice_id"]) if entry["invoice_id"] else None
        # Refused while any of the work's entries (the original, an adjustment) is on a draft.
        on_draft = any(invoices[e["invoice_id"]]["status"] == "draft"
                       for e in family[entry["adjusts_id"] or entry["id"]] if e["invoice_id"])
        for _ in range(rng.choice([1, 1, 1, 2, 3])):  # several in a row: the last one counts
            response = await api.post(f"/v1/time-entries/{entry['id']}/adjustments",
                                      json={"hours": hours_near(rng, entry["hours"])})
            if on_draft:
                assert response.status_code == 409 and response.json()["code"] == "time_entry_on_draft"
                made["draft"] += 1
                break
            assert response.status_code == 201, response.text
            made["billed" if on is not None else "unbilled"] += 1
    items = [e for e in entries if e["adjusts_id"] is None and not e["superseded"]]
    new = [{"external_id": f"r{round_}-{n}", "work_item_id": rng.choice(items)["work_item_id"],
            "started_at": rng.choice(items)["started_at"], "hours": f"{rng.randint(1, 999) / 100:.2f}",
            "status": "approved"} for n in range(rng.randint(0, 10))] if items else []
    if new:
        assert (await api.post("/v1/time-entries/bulk", json={"items": new})).status_code == 200
        made["new"] = len(new)
    return made


def line_view(line: dict) -> tuple:
    # Both name every entry a line bills (none on a block or retainer line).
    entry = tuple(line["time_entry_ids"])
    return (entry, line["description"], line["quantity"], line["unit"], line["unit_price"], line["amount"],
            line["tax_rate"], line["late"], line["credited_invoice_id"])


def document_view(document: dict) -> dict:
    return {"lines": [line_view(line) for line in document["lines"]],
            "taxes": document["taxes"], "untaxed_amount": document["untaxed_amount"],
            "tax_amount": document["tax_amount"], "total": document["total"], "currency": document["currency"],
            "subtitle": document["subtitle"], "period": (document["period_start"], document["period_end"]),
            "credited_invoice_ids": document.get("credited_invoice_ids", [])}


async def assert_batch_is_its_preview(api, sessionmaker, definition: dict) -> dict:
    preview = (await api.post("/v1/invoice-batches/preview", json=definition)).json()
    batch = (await api.post("/v1/invoice-batches", json=definition)).json()
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    report = (await api.get(f"/v1/invoice-batches/{batch['id']}/report")).json()
    made = await all_pages(api, "/v1/invoices", batch_id=batch["id"])
    invoices = {i["customer_id"]: i for i in made if i["type"] == "invoice"}
    notes = {n["customer_id"]: n for n in made if n["type"] == "credit_note"}
    assert len(invoices) + len(notes) == len(made), "a customer has two invoices or two credit notes in one batch"

    assert report["totals"] == preview["totals"]
    assert sorted(report["customers_without_times"]) == sorted(preview["customers_without_times"])
    assert sorted((u["time_entry_id"], u["reasons"][0]["code"]) for u in report["unbilled_times"]) == \
        sorted((u["time_entry_id"], u["reasons"][0]["code"]) for u in preview["unbilled_times"])
    for made_here, announced, kind in ((invoices, preview["invoices"], "invoice"),
                                       (notes, preview["credit_notes"], "credit note")):
        announced = {p["customer_id"]: p for p in announced}
        assert set(made_here) == set(announced), kind
        for customer, document in made_here.items():
            expected = announced[customer]
            assert document_view(document) == document_view(expected), (kind, customer)
            assert (document["status"] == "validated") == expected["would_validate"], (kind, customer)
    assert sorted((n["invoice_id"], n["total"], tuple(n["credited_invoice_ids"]))
                  for n in report["credit_notes_created"]) == \
        sorted((n["id"], n["total"], tuple(n["credited_invoice_ids"])) for n in notes.values())
    assert report["counts"]["credit_notes_created"] == len(notes)
    return {"invoices": len(invoices), "credit_notes": len(notes),
            "extra_lines": sum(1 for i in invoices.values() for line in i["lines"]
                               if "\nAdjustment: " in line["description"])}


@pytest.mark.parametrize("seed", range(12))
async def test_preview_then_batch_settle_corrections_alike(api, sessionmaker, seed):
    rng = random.Random(1000 + seed)
    customers = await generated_helpdesk(api, rng)
    first = {**generated_definition(rng, customers, validate=True), "customer_ids": customers,
             "exclude_customer_ids": [], "source_type": None, "product_mandatory": False}
    await assert_batch_is_its_preview(api, sessionmaker, first)
    for round_ in range(2):
        await generated_corrections(api, rng, round_)
        await assert_batch_is_its_preview(api, sessionmaker, generated_definition(rng, customers))


async def test_generated_corrections_do_reach_credit_notes_and_extra_lines(app, sessionmaker):
    """The generator is worth its seeds: over them, batches make credit notes and extra lines, and
    corrections of every kind are made (a guard against a generator that tests nothing)."""
    seen = {"credit_notes": 0, "extra_lines": 0, "billed": 0, "unbilled": 0, "new": 0}
    for seed in range(3):
        rng = random.Random(1000 + seed)
        api = await new_tenant(app)
        try:
            customers = await generated_helpdesk(api, rng)
            first = {**generated_definition(rng, customers, validate=True), "customer_ids": customers,
                     "exclude_customer_ids": [], "source_type": None, "product_mandatory": False}
            await assert_batch_is_its_preview(api, sessionmaker, first)
            for round_ in range(2):
                made = await generated_corrections(api, rng, round_)
                result = await assert_batch_is_its_preview(api, sessionmaker, generated_definition(rng, customers))
                for key in seen:
                    seen[key] += made.get(key, 0) + result.get(key, 0)
        finally:
            await api.http.aclose()
    assert all(seen.values()), seen
