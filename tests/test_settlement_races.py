"""Settling corrections while everything else happens at once, the way it fails in production: two
batches over one customer with pending corrections of billed time (some taking hours back, some
adding), and a credit of the corrected invoice that releases its time, all at the same moment; then
a batch settling a correction racing a credit of the same invoice. Afterwards, through the API and
against the database row for row: no time entry on two lines of invoices that are not credited;
every invoice credited by exactly what the credit notes crediting it credit, never beyond its total;
every correction settled once or turned into a replacement (never both, never lost); credit note
numbers gapless; the reports' credit_notes_created are the credit notes the API lists."""

import asyncio
import random
import uuid
from collections import Counter, defaultdict
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

import httpx
from sqlalchemy import text

from app.db import session_scope
from app.invoice_batches.runner import run_batch
from tests import factories as f
from tests.test_preview_equals_batch_settlement import all_pages

YEAR = datetime.now(UTC).year
NOVEMBER = {"title": "November", "period_start": "2026-11-01", "period_end": "2026-11-30", "validate": True}
CREDIT = {"reason": "Disputed", "release_time": True, "send": False}
# (billed hours, corrected hours): fewer, none, more, the same, untouched.
WORK = [("2.00", "1.25"), ("1.50", "0.00"), ("1.00", "1.75"), ("0.75", "0.75"), ("0.50", None)]


def delays(rng: random.Random, round_: int):
    """Who starts first: round 0 the batches, round 1 the credit (each by 80 ms, so that both orders
    are met), later rounds at random within a few milliseconds: the true races."""
    if round_ < 2:
        first, second = (lambda: 0.0), (lambda: 0.08)
        return (first, second) if round_ == 0 else (second, first)
    return (lambda: rng.random() * 0.02), (lambda: rng.random() * 0.02)


async def later(seconds: float, awaitable):
    await asyncio.sleep(seconds)
    return await awaitable


async def launch(api, customer_id: str) -> dict:
    response = await api.post("/v1/invoice-batches", json={**NOVEMBER, "customer_ids": [customer_id]})
    assert response.status_code == 202, response.text
    return response.json()


async def corrected_customer(api, sessionmaker, *, name: str, product_id: str,
                             work=WORK) -> tuple[str, dict, dict[str, str]]:
    """A customer whose time a validated batch billed, then corrected: (customer id, the invoice,
    correction id -> original id)."""
    customer = await f.customer(api, name=name)
    ticket = await f.work_item(api, customer_id=customer["id"], reference=f"T-{name}")
    originals = [await f.time_entry(api, work_item_id=ticket["id"], product_id=product_id, hours=billed,
                                    started_at=f"2026-11-{n + 2:02d}T09:00:00Z")
                 for n, (billed, _) in enumerate(work)]
    batch = await launch(api, customer["id"])
    await run_batch(sessionmaker, uuid.UUID(batch["id"]))
    [created] = (await api.get(f"/v1/invoice-batches/{batch['id']}/report")).json()["invoices_created"]
    invoice = (await api.get(f"/v1/invoices/{created['invoice_id']}")).json()
    assert invoice["status"] == "validated"
    corrections = {}
    for original, (_, hours) in zip(originals, work, strict=True):
        if hours is not None:
            response = await api.post(f"/v1/time-entries/{original['id']}/adjustments", json={"hours": hours})
            assert response.status_code == 201, response.text
            assert response.json()["corrected_invoice_id"] == invoice["id"]
            corrections[response.json()["id"]] = original["id"]
    return customer["id"], invoice, corrections


def share(lines: list[dict]) -> Decimal:
    """What credit lines credit: their amounts and their tax, per rate, rounded half-up."""
    bases: dict[str, Decimal] = defaultdict(Decimal)
    for line in lines:
        bases[line["tax_rate"]] += Decimal(line["amount"])
    return sum((base + (base * Decimal(rate) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
                for rate, base in bases.items()), Decimal(0))


async def database_view(sessionmaker, tenant_id) -> tuple[dict, dict]:
    async with session_scope(sessionmaker) as session:
        invoices = (await session.execute(text(
            "SELECT id, type, status, number, total, credited_amount, batch_id, credited_invoice_ids "
            "FROM invoices WHERE tenant_id = :t"), {"t": tenant_id})).all()
        lines = (await session.execute(text(
            "SELECT invoice_id, position, time_entry_id, quantity, amount, credited_invoice_id, released "
            "FROM invoice_lines WHERE tenant_id = :t ORDER BY invoice_id, position"), {"t": tenant_id})).all()
        entries = (await session.execute(text(
            "SELECT id, adjusts_id, adjustment_status, invoice_id, superseded, corrected_invoice_id "
            "FROM time_entries WHERE tenant_id = :t"), {"t": tenant_id})).all()
    by_invoice = defaultdict(list)
    for line in lines:
        by_invoice[str(line.invoice_id)].append((
            str(line.time_entry_id) if line.time_entry_id else None, f"{line.quantity:.2f}", f"{line.amount:.2f}",
            str(line.credited_invoice_id) if line.credited_invoice_id else None, line.released))
    return ({str(i.id): (i.type, i.status, i.number, f"{i.total:.2f}", f"{i.credited_amount:.2f}",
                         str(i.batch_id) if i.batch_id else None, sorted(str(c) for c in i.credited_invoice_ids),
                         by_invoice[str(i.id)]) for i in invoices},
            {str(e.id): (str(e.adjusts_id) if e.adjusts_id else None, e.adjustment_status,
                         str(e.invoice_id) if e.invoice_id else None, e.superseded,
                         str(e.corrected_invoice_id) if e.corrected_invoice_id else None) for e in entries})


async def assert_api_agrees_with_database(api, sessionmaker) -> tuple[list[dict], list[dict]]:
    """Every invoice, credit note and time entry of the tenant, as the API lists them; checked row
    for row against the database."""
    documents = await all_pages(api, "/v1/invoices")
    entries = await all_pages(api, "/v1/time-entries")
    invoices_db, entries_db = await database_view(sessionmaker, api.tenant_id)
    assert {d["id"]: (d["type"], d["status"], d["number"], d["total"], d["credited_amount"], d["batch_id"],
                      sorted(d["credited_invoice_ids"]),
                      [(l["time_entry_ids"][0] if l["time_entry_ids"] else None, l["quantity"], l["amount"],
                        l["credited_invoice_id"], l["released"]) for l in d["lines"]])
            for d in documents} == invoices_db
    assert {e["id"]: (e["adjusts_id"], e["adjustment_status"], e["invoice_id"], e["superseded"],
                      e["corrected_invoice_id"]) for e in entries} == entries_db
    return documents, entries


def assert_documents_hold_together(documents: list[dict]) -> None:
    # No time entry on two lines of invoices that are not credited.
    active = Counter(entry for d in documents if d["type"] == "invoice" and d["status"] != "credited"
                     for l in d["lines"] for entry in l["time_entry_ids"])
    assert [entry for entry, lines in active.items() if lines > 1] == []
    # Each invoice credited by exactly what the credit notes crediting it credit, never beyond its total.
    credited: dict[str, Decimal] = defaultdict(Decimal)
    for note in (d for d in documents if d["type"] == "credit_note" and d["status"] == "validated"):
        for invoice_id in note["credited_invoice_ids"]:
            credited[invoice_id] += share([l for l in note["lines"] if l["credited_invoice_id"] == invoice_id])
    for invoice in (d for d in documents if d["type"] == "invoice"):
        assert Decimal(invoice["credited_amount"]) == credited[invoice["id"]], invoice["number"]
        assert Decimal(invoice["credited_amount"]) <= Decimal(invoice["total"]), invoice["number"]
        assert (invoice["status"] == "credited") == (credited[invoice["id"]] >= Decimal(invoice["total"]) > 0)
    # Credit note numbers gapless, in their own sequence.
    numbers = sorted(d["number"] for d in documents if d["type"] == "credit_note" and d["number"])
    assert numbers == [f"CN-{YEAR}-{n:06d}" for n in range(1, len(numbers) + 1)]


def assert_each_correction_settled_once_or_replacing(documents: list[dict], entries: list[dict],
                                                    corrections: dict[str, str], invoice: dict,
                                                    *, final: bool) -> None:
    by_id = {e["id"]: e for e in entries}
    lines_of = Counter(entry for d in documents for l in d["lines"] for entry in l["time_entry_ids"])
    for correction_id, original_id in corrections.items():
        correction, original = by_id[correction_id], by_id[original_id]
        replacing = correction["corrected_invoice_id"] is None
        if replacing:  # turned into a replacement by the release: its original is never billed again
            assert original["superseded"] and original["invoice_id"] is None, original_id
            assert correction["adjustment_status"] in ({"settled"} if final else {"pending", "settled"})
            if correction["adjustment_status"] == "settled" and correction["hours"] != "0.00":
                assert lines_of[correction_id] == 1 and correction["invoice_id"] is not None
        else:  # settled against the line it corrects, exactly once: never pending once a batch ran
            assert correction["corrected_invoice_id"] == invoice["id"]
            assert correction["adjustment_status"] == "settled", (correction_id, correction)
            if original["superseded"]:  # released after it was settled: billed again at the corrected hours
                assert correction["hours"] == "0.00" or any(
                    e["adjusts_id"] == original_id and e["id"] != correction_id for e in entries), original_id
            equal = correction["hours"] == original["hours"]
            assert lines_of[correction_id] == (0 if equal else 1), correction_id


async def test_two_batches_and_a_releasing_credit_at_once_keep_every_promise(app, api, sessionmaker):
    product = await f.product(api, code="SUP-R", unit_price="80.00")
    rng = random.Random(7)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test",
                                 headers=api.http.headers) as crediting:
        orders = Counter()
        for round_ in range(5):
            customer_id, invoice, corrections = await corrected_customer(
                api, sessionmaker, name=f"Round {round_}", product_id=product["id"])
            batches = [await launch(api, customer_id) for _ in range(2)]

            batch_delay, credit_delay = delays(rng, round_)
            *runs, credit = await asyncio.gather(
                *(later(batch_delay(), run_batch(sessionmaker, uuid.UUID(b["id"]))) for b in batches),
                later(credit_delay(), crediting.post(f"/v1/invoices/{invoice['id']}/credit", json=CREDIT)))

            assert [r["status"] for r in runs] == ["succeeded", "succeeded"]
            assert credit.status_code == 201, credit.text  # something is always left to credit
            documents, entries = await assert_api_agrees_with_database(api, sessionmaker)
            assert_documents_hold_together(documents)
            assert_each_correction_settled_once_or_replacing(documents, entries, corrections, invoice, final=False)
            notes_of_batches = {d["id"] for d in documents if d["type"] == "credit_note"
                                and d["batch_id"] in {b["id"] for b in batches}}
            reported = set()
            for batch in batches:
                report = (await api.get(f"/v1/invoice-batches/{batch['id']}/report")).json()
                reported |= {n["invoice_id"] for n in report["credit_notes_created"]}
                assert report["counts"]["credit_notes_created"] == len(report["credit_notes_created"])
            assert reported == notes_of_batches
            assert len(notes_of_batches) <= 1, "the customer's corrections were credited twice"
            orders["batch first" if notes_of_batches else "credit first"] += 1

            # A last batch bills what the release left billable; every correction is then settled.
            final = await launch(api, customer_id)
            await run_batch(sessionmaker, uuid.UUID(final["id"]))
            documents, entries = await assert_api_agrees_with_database(api, sessionmaker)
            assert_documents_hold_together(documents)
            assert_each_correction_settled_once_or_replacing(documents, entries, corrections, invoice, final=True)
    assert set(orders) == {"batch first", "credit first"}, orders


async def test_a_batch_settling_a_correction_races_a_credit_of_the_same_invoice(app, api, sessionmaker):
    product = await f.product(api, code="SUP-R", unit_price="80.00")
    rng = random.Random(11)
    orders = Counter()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test",
                                 headers=api.http.headers) as crediting:
        for round_ in range(5):
            customer_id, invoice, corrections = await corrected_customer(
                api, sessionmaker, name=f"Race {round_}", product_id=product["id"],
                work=[("2.00", "1.25"), ("1.00", None)])
            batch = await launch(api, customer_id)

            batch_delay, credit_delay = delays(rng, round_)
            run, credit = await asyncio.gather(
                later(batch_delay(), run_batch(sessionmaker, uuid.UUID(batch["id"]))),
                later(credit_delay(), crediting.post(f"/v1/invoices/{invoice['id']}/credit",
                                                     json={**CREDIT, "release_time": round_ in (0, 1, 4)})))

            assert run["status"] == "succeeded"
            assert credit.status_code == 201, credit.text  # one credit, something always left: never 409
            documents, entries = await assert_api_agrees_with_database(api, sessionmaker)
            assert_documents_hold_together(documents)
            notes = [d for d in documents if d["type"] == "credit_note" and invoice["id"] in d["credited_invoice_ids"]]
            by_batch = [n for n in notes if n["batch_id"] == batch["id"]]
            after = next(d for d in documents if d["id"] == invoice["id"])
            # Whoever came first, the invoice ends credited in full, by the two credit notes together.
            assert (after["status"], after["credited_amount"]) == ("credited", invoice["total"]) == (
                "credited", "288.00")
            assert sum((Decimal(n["total"]) for n in notes), Decimal(0)) == Decimal("288.00")
            [correction_id] = corrections
            correction = next(e for e in entries if e["id"] == correction_id)
            if by_batch:  # the batch first: 0.75 h credited at 80.00 + 20 %, the credit took the rest
                assert [n["total"] for n in by_batch] == ["72.00"] and credit.json()["total"] == "216.00"
                assert correction["adjustment_status"] == "settled"
                orders["batch first"] += 1
            else:  # the credit first: nothing left for the batch to credit
                assert credit.json()["total"] == "288.00"
                # Released: the correction replaces its original, billed at its hours. Not released:
                # the time is written off, and the correction is settled without a line.
                assert correction["adjustment_status"] in {"pending", "settled"}
                if correction["corrected_invoice_id"] is not None:
                    assert (correction["adjustment_status"], correction["invoice_id"]) == ("settled", None)
                orders["credit first"] += 1
    assert set(orders) == {"batch first", "credit first"}, orders
