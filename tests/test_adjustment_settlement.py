"""Batches settle adjustments of billed time (SPEC §10), as a helpdesk sees it through the API: at
the corrected line's unit price and tax rate, the extra hours on the customer's invoice of the
batch, the hours taken back on its credit note of the batch (own CN- numbers, credited invoice
ids, credited amounts), equal hours settled without a line; the preview shows the same; a credit
that releases time turns a correction still pending into a replacement."""

import uuid
from decimal import Decimal

from sqlalchemy import text

from app.invoice_batches.runner import run_batch
from tests import factories as f
from tests.test_invoice_delivery import mailer, pdf_text, smtp  # noqa: F401  (fixtures)
from tests.test_invoice_batch_preview import NOVEMBER, helpdesk  # noqa: F401  (fixture)
from tests.test_time_entry_adjustments import adjust, entry_of, run

# Acme pays 70.00 an hour for support (a negotiated price), taxed 20 %.
PRICE = Decimal("70.00")


async def bill(api, sessionmaker, h, hours: list[str]) -> tuple[dict, list[dict]]:
    """Entries of Acme billed by a first validated batch: the invoice, and the entries as read back."""
    entries = [await f.time_entry(api, work_item_id=h["ticket"]["id"], product_id=h["support"]["id"], hours=hours_,
                                  started_at=f"2026-11-{5 + n:02d}T10:00:00+01:00") for n, hours_ in enumerate(hours)]
    report = await run(api, sessionmaker, h["acme"]["id"])
    [created] = report["invoices_created"]
    invoice = (await api.get(f"/v1/invoices/{created['invoice_id']}")).json()
    assert invoice["status"] == "validated"
    return invoice, [await entry_of(api, e["id"]) for e in entries]


async def read(api, invoice_id: str) -> dict:
    response = await api.get(f"/v1/invoices/{invoice_id}")
    assert response.status_code == 200, response.text
    return response.json()


def money(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


def lines_of(document: dict) -> list[tuple]:
    return [(line["time_entry_id"] if "time_entry_id" in line else line["time_entry_ids"][0], line["quantity"],
             line["unit_price"], line["amount"], line["tax_rate"], line["credited_invoice_id"])
            for line in document["lines"]]


async def test_a_batch_settles_hours_up_down_to_zero_and_equal(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    invoice, (more, fewer, none, same) = await bill(api, sessionmaker, h, ["1.50", "1.50", "1.50", "1.50"])
    up = await adjust(api, more["id"], hours="2.00")
    down = await adjust(api, fewer["id"], hours="1.00")
    zero = await adjust(api, none["id"], hours="0.00", note="Not billable: warranty")
    equal = await adjust(api, same["id"], hours="1.50")

    preview = (await api.post("/v1/invoice-batches/preview",
                              json={**NOVEMBER, "customer_ids": [h["acme"]["id"]]})).json()
    report = await run(api, sessionmaker, h["acme"]["id"])

    # The extra half hour on this batch's invoice, at the corrected line's price and tax rate.
    [created] = report["invoices_created"]
    extra = await read(api, created["invoice_id"])
    assert extra["type"] == "invoice" and extra["status"] == "validated"
    assert lines_of(extra) == [(up["id"], "0.50", "70.00", "35.00", "20.00", None)]
    assert (extra["untaxed_amount"], extra["tax_amount"], extra["total"]) == ("35.00", "7.00", "42.00")
    # The half hour and the hour and a half taken back on the credit note of the batch.
    [listed] = report["credit_notes_created"]
    note = await read(api, listed["invoice_id"])
    assert note["type"] == "credit_note" and note["status"] == "validated"
    assert note["number"].startswith("CN-") and listed["number"] == note["number"]
    assert note["credited_invoice_ids"] == listed["credited_invoice_ids"] == [invoice["id"]]
    assert sorted(lines_of(note)) == sorted([(down["id"], "0.50", "70.00", "35.00", "20.00", invoice["id"]),
                                             (zero["id"], "1.50", "70.00", "105.00", "20.00", invoice["id"])])
    assert (note["untaxed_amount"], note["tax_amount"], note["total"]) == ("140.00", "28.00", "168.00")
    assert (listed["total"], listed["customer_id"]) == (note["total"], h["acme"]["id"])
    assert report["counts"]["credit_notes_created"] == 1 and report["counts"]["invoices_created"] == 1
    # The invoice it credits: content unchanged, credited amount grown, still partly due.
    after = await read(api, invoice["id"])
    assert (after["credited_amount"], after["status"]) == ("168.00", "validated")
    assert (after["lines"], after["total"]) == (invoice["lines"], invoice["total"])
    # Every correction settled once; the equal one without a line.
    for adjustment, on in ((up, extra["id"]), (down, note["id"]), (zero, note["id"]), (equal, None)):
        settled = await entry_of(api, adjustment["id"])
        assert (settled["adjustment_status"], settled["invoice_id"]) == ("settled", on), adjustment["hours"]
    # The preview said exactly this.
    [previewed] = preview["invoices"]
    [previewed_note] = preview["credit_notes"]
    assert [(line["time_entry_id"], line["quantity"], line["amount"]) for line in previewed["lines"]] == \
        [(up["id"], "0.50", "35.00")]
    assert sorted((line["time_entry_id"], line["quantity"], line["amount"], line["credited_invoice_id"])
                  for line in previewed_note["lines"]) == \
        sorted((line[0], line[1], line[3], line[5]) for line in lines_of(note))
    assert (previewed_note["total"], previewed_note["credited_invoice_ids"]) == (note["total"], [invoice["id"]])
    assert previewed["total"] == extra["total"] and previewed_note["would_validate"] is True
    # Nothing is left to settle: a third batch finds nothing.
    third = await run(api, sessionmaker, h["acme"]["id"])
    assert third["invoices_created"] == third["credit_notes_created"] == []
    assert third["customers_without_times"] == [h["acme"]["id"]]


async def test_taking_every_hour_back_credits_the_invoice_in_full(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    invoice, (entry,) = await bill(api, sessionmaker, h, ["2.00"])
    await adjust(api, entry["id"], hours="0.00")

    report = await run(api, sessionmaker, h["acme"]["id"])

    [listed] = report["credit_notes_created"]
    assert listed["total"] == invoice["total"] == "168.00"
    after = await read(api, invoice["id"])
    assert (after["status"], after["credited_amount"]) == ("credited", "168.00")
    # Nothing left to credit by hand.
    response = await api.post(f"/v1/invoices/{invoice['id']}/credit", json={"reason": "again"})
    assert response.status_code == 409 and response.json()["code"] == "nothing_to_credit"


async def test_a_second_correction_is_settled_against_what_the_first_left(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    invoice, (entry,) = await bill(api, sessionmaker, h, ["1.50"])
    await adjust(api, entry["id"], hours="2.00")
    first = await run(api, sessionmaker, h["acme"]["id"])
    assert [c["total"] for c in first["invoices_created"]] == ["42.00"]  # 0.50 h more

    second = await adjust(api, entry["id"], hours="1.00")  # 1.00 h is right after all: 1.00 h back
    report = await run(api, sessionmaker, h["acme"]["id"])

    # Taken back from the lines that billed it, the latest first: the extra half hour, then half an
    # hour of the first invoice's line; neither invoice is credited beyond what it billed.
    [listed] = report["credit_notes_created"]
    note = await read(api, listed["invoice_id"])
    [extra] = first["invoices_created"]
    assert lines_of(note) == [(second["id"], "0.50", "70.00", "35.00", "20.00", extra["invoice_id"]),
                              (second["id"], "0.50", "70.00", "35.00", "20.00", invoice["id"])]
    assert [(d["credited_amount"], d["status"]) for d in [await read(api, extra["invoice_id"]),
                                                          await read(api, invoice["id"])]] == [
        ("42.00", "credited"), ("42.00", "validated")]
    assert listed["credited_invoice_ids"] == [extra["invoice_id"], invoice["id"]]


async def test_credit_notes_of_batches_are_numbered_in_their_own_gapless_sequence(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    invoice, entries = await bill(api, sessionmaker, h, ["1.50", "1.50", "1.50"])
    numbers = []
    for entry in entries:
        await adjust(api, entry["id"], hours="1.00")
        report = await run(api, sessionmaker, h["acme"]["id"])
        numbers += [c["number"] for c in report["credit_notes_created"]]
    manual = (await api.post(f"/v1/invoices/{invoice['id']}/credit", json={"reason": "closing"})).json()

    year = numbers[0].split("-")[1]
    assert numbers + [manual["number"]] == [f"CN-{year}-{n:06d}" for n in range(1, 5)]
    assert (await read(api, invoice["id"]))["status"] == "credited"
    # The invoice sequence did not move for credit notes.
    listed = (await api.get("/v1/invoices", params={"type": "invoice", "limit": 100})).json()["data"]
    assert [i["number"] for i in listed] == [invoice["number"]]


async def test_a_batch_that_does_not_validate_leaves_its_credit_note_a_draft_until_validated(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    invoice, (entry,) = await bill(api, sessionmaker, h, ["1.50"])
    await adjust(api, entry["id"], hours="0.50")

    report = await run(api, sessionmaker, h["acme"]["id"], validate=False)

    [listed] = report["credit_notes_created"]
    assert (listed["status"], listed["number"]) == ("draft", None)
    assert (await read(api, invoice["id"]))["credited_amount"] == "0.00"  # a draft credits nothing yet
    validated = await api.post(f"/v1/invoices/{listed['invoice_id']}/validate")
    assert validated.status_code == 200, validated.text
    note = validated.json()
    assert note["number"].startswith("CN-") and note["due_date"] is None
    assert (await read(api, invoice["id"]))["credited_amount"] == note["total"] == "84.00"


async def test_a_credit_that_releases_time_turns_a_pending_correction_into_a_replacement(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    invoice, (kept, corrected) = await bill(api, sessionmaker, h, ["1.50", "1.50"])
    correction = await adjust(api, corrected["id"], hours="1.00")

    credit = await api.post(f"/v1/invoices/{invoice['id']}/credit", json={"reason": "rebill", "release_time": True})
    assert credit.status_code == 201, credit.text
    report = await run(api, sessionmaker, h["acme"]["id"])

    # The correction is billed in its original's stead, the other entry again; no credit note.
    assert report["credit_notes_created"] == []
    [created] = report["invoices_created"]
    rebilled = await read(api, created["invoice_id"])
    assert sorted((line["time_entry_ids"][0], line["quantity"]) for line in rebilled["lines"]) == \
        sorted([(kept["id"], "1.50"), (correction["id"], "1.00")])
    assert (await entry_of(api, corrected["id"]))["superseded"] is True
    assert (await entry_of(api, correction["id"]))["adjustment_status"] == "settled"


async def test_the_database_holds_one_line_in_force_per_entry_after_corrections(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    invoice, entries = await bill(api, sessionmaker, h, ["1.50", "1.50"])
    await adjust(api, entries[0]["id"], hours="3.00")
    await adjust(api, entries[1]["id"], hours="0.25")
    await run(api, sessionmaker, h["acme"]["id"])

    async with sessionmaker() as session:
        in_force = (await session.execute(text(
            "SELECT l.time_entry_id, count(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id "
            "WHERE i.tenant_id = :t AND i.type = 'invoice' AND i.status <> 'credited' AND NOT l.released "
            "GROUP BY 1"), {"t": api.tenant_id})).all()
        credited = await session.scalar(text(
            "SELECT sum(total) FROM invoices WHERE tenant_id = :t AND type = 'credit_note' AND status = 'validated' "
            "AND :invoice = ANY(credited_invoice_ids)"), {"t": api.tenant_id, "invoice": invoice["id"]})
    assert all(count == 1 for _, count in in_force) and len(in_force) == 3  # two originals, one extra
    assert money(credited) == (await read(api, invoice["id"]))["credited_amount"] == "105.00"


async def test_a_batch_that_sends_emails_its_credit_note_with_its_pdf(helpdesk, sessionmaker, smtp, mailer):  # noqa: F811
    api, h = helpdesk["api"], helpdesk
    invoice, (more, fewer) = await bill(api, sessionmaker, h, ["1.50", "1.50"])
    await adjust(api, more["id"], hours="2.00")
    await adjust(api, fewer["id"], hours="1.00")
    response = await api.post("/v1/invoice-batches", json={**NOVEMBER, "customer_ids": [h["acme"]["id"]],
                                                           "send": True})
    await run_batch(sessionmaker, uuid.UUID(response.json()["id"]), mailer=mailer)
    report = (await api.get(f"/v1/invoice-batches/{response.json()['id']}/report")).json()

    assert report["status"] == "succeeded" and report["invoices_not_sent"] == []
    [listed] = report["credit_notes_created"]
    note = await read(api, listed["invoice_id"])
    assert note["delivery"]["status"] == "sent"
    by_subject = {message["Subject"]: message for message in smtp.messages}
    [subject] = [s for s in by_subject if s.startswith(f"Credit note {note['number']}")]
    [attachment] = list(by_subject[subject].iter_attachments())
    content = pdf_text(attachment.get_content())
    assert "Credit note" in content and invoice["number"] in content and "35.00" in content
    assert len(smtp.messages) == 2  # this batch's invoice (the extra half hour) and its credit note


async def test_a_credit_needs_no_body_and_then_releases_nothing(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    invoice, (entry,) = await bill(api, sessionmaker, h, ["1.50"])

    response = await api.post(f"/v1/invoices/{invoice['id']}/credit", json={})

    assert response.status_code == 201, response.text
    note = response.json()
    assert (note["type"], note["status"], note["credit_reason"], note["total"]) == (
        "credit_note", "validated", None, invoice["total"])
    assert (await entry_of(api, entry["id"]))["invoice_id"] == invoice["id"]  # release_time defaults to false


async def test_a_correction_of_time_credited_by_hand_without_release_bills_nothing(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    invoice, (entry,) = await bill(api, sessionmaker, h, ["1.50"])
    credited = await api.post(f"/v1/invoices/{invoice['id']}/credit", json={"reason": "goodwill"})
    assert credited.status_code == 201, credited.text
    correction = await adjust(api, entry["id"], hours="2.00")

    report = await run(api, sessionmaker, h["acme"]["id"])

    # Written off by hand: the correction is settled, and no batch bills that time again.
    assert report["invoices_created"] == report["credit_notes_created"] == []
    settled = await entry_of(api, correction["id"])
    assert (settled["adjustment_status"], settled["invoice_id"]) == ("settled", None)
    assert (await read(api, invoice["id"]))["credited_amount"] == invoice["total"]


async def test_a_correction_is_rounded_as_the_time_it_corrects(helpdesk, sessionmaker):
    api, h = helpdesk["api"], helpdesk
    rounding = {"increment_minutes": 15, "mode": "up", "minimum_minutes": 30}
    assert (await api.patch(f"/v1/customers/{h['acme']['id']}", json={"time_rounding": rounding})).status_code == 200
    invoice, (short, long) = await bill(api, sessionmaker, h, ["0.10", "1.00"])
    assert [(line["hours_worked"], line["quantity"]) for line in invoice["lines"]] == [("0.10", "0.50"), ("1.00", "1.00")]
    same = await adjust(api, short["id"], hours="0.20")  # still half an hour once rounded: nothing to settle
    fewer = await adjust(api, long["id"], hours="0.60")  # 0.75 h once rounded up: 0.25 h back

    report = await run(api, sessionmaker, h["acme"]["id"])

    [listed] = report["credit_notes_created"]
    note = await read(api, listed["invoice_id"])
    assert lines_of(note) == [(fewer["id"], "0.25", "70.00", "17.50", "20.00", invoice["id"])]
    assert report["invoices_created"] == []
    assert (await entry_of(api, same["id"]))["adjustment_status"] == "settled"
