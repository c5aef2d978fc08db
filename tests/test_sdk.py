"""The generated Python SDK (openapi/clients/python) is current, and works end to end: installed
as a user installs it, against a live `rebill api` and `rebill worker`, it pushes data, runs a
batch, reads the report and downloads a PDF."""

import asyncio
import datetime
import subprocess
import sys
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from rebill_client import AuthenticatedClient
from rebill_client.api.customers import create_customer, get_customer
from rebill_client.api.invoice_batches import (create_invoice_batch, get_invoice_batch, get_invoice_batch_report,
                                              list_invoice_batch_invoices_created)
from rebill_client.api.invoices import get_invoice_pdf
from rebill_client.api.products import create_product
from rebill_client.api.settings import update_settings
from rebill_client.api.time_entries import bulk_upsert_time_entries
from rebill_client.api.work_items import create_work_item
from rebill_client.models import (Address, CustomerCreate, InvoiceBatchDefinition, Problem, ProductCreate,
                                  SettingsUpdate, TimeEntryBulk, TimeEntryBulkItem, TimeEntryBulkItemStatus,
                                  WorkItemCreate, WorkItemCreateType)


ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_committed_python_sdk_matches_a_fresh_generation(tmp_path):
    subprocess.run([sys.executable, ROOT / "openapi" / "generate_clients.py", "--out", tmp_path / "client"],
                   check=True, capture_output=True)
    committed, fresh = ROOT / "openapi" / "clients" / "python", tmp_path / "client"
    files = sorted(_sources(committed))
    assert files == sorted(_sources(fresh)), \
        "the SDK is stale: run `python openapi/generate_clients.py`"
    stale = [str(f) for f in files if (committed / f).read_bytes() != (fresh / f).read_bytes()]
    assert stale == [], "the SDK is stale: run `python openapi/generate_clients.py`"


def _sources(client: Path) -> list[Path]:
    """The client's own files, without what installing it leaves behind (build/, egg-info, caches)."""
    return [p.relative_to(client) for p in client.rglob("*") if p.is_file()
            and not {"build", "__pycache__"} & set(p.relative_to(client).parts)
            and not any(part.endswith(".egg-info") for part in p.parts)]


@pytest.mark.slow
async def test_the_sdk_pushes_data_runs_a_batch_and_reads_its_report(live_rebill, stack):
    client = AuthenticatedClient(base_url=live_rebill, token=stack.api.key)
    paris = Address(line1="3 rue de la Paix", postal_code="75002", city="Paris", country="FR")
    async with client:
        product = await create_product.asyncio(client=client, body=ProductCreate(code="SUP-H", name="Support",
                                                                                  unit_price="80.00"))
        await update_settings.asyncio(client=client, body=SettingsUpdate(default_product_id=product.id,
                                                                        timezone="Europe/Paris"))
        customer = await create_customer.asyncio(client=client, body=CustomerCreate(
            name="Acme SARL", billing_address=paris, emails=["billing@acme.example"], tax_rate="20.00"))
        ticket = await create_work_item.asyncio(client=client, body=WorkItemCreate(
            type_=WorkItemCreateType.TICKET, reference="T-004211", customer_id=customer.id))
        pushed = await bulk_upsert_time_entries.asyncio(client=client, body=TimeEntryBulk(items=[
            TimeEntryBulkItem(external_id=f"te-{n}", work_item_id=ticket.id, hours="1.25",
                              status=TimeEntryBulkItemStatus.APPROVED,
                              started_at=datetime.datetime(2026, 11, 3 + n, 9, tzinfo=datetime.UTC))
            for n in range(3)]))
        assert pushed.created == 3

        batch = await create_invoice_batch.asyncio(client=client, idempotency_key="sdk-november", body=(
            InvoiceBatchDefinition(title="Support — November 2026", customer_ids=[customer.id], validate=True,
                                   period_start=datetime.date(2026, 11, 1), period_end=datetime.date(2026, 11, 30))))
        for _ in range(600):
            batch = await get_invoice_batch.asyncio(client=client, batch_id=str(batch.id))
            if batch.status not in {"scheduled", "running"}:
                break
            await asyncio.sleep(0.05)
        report = await get_invoice_batch_report.asyncio(client=client, batch_id=str(batch.id))
        [created] = report.invoices_created
        listed = await list_invoice_batch_invoices_created.asyncio(str(batch.id), client=client, limit=10)
        pdf = await get_invoice_pdf.asyncio_detailed(client=client, invoice_id=str(created.invoice_id))
        missing = await get_customer.asyncio(client=client, customer_id=str(uuid.uuid4()))

    assert batch.status == "succeeded"
    assert created.number.startswith("INV-") and created.status == "validated"
    assert Decimal(created.total) == Decimal("360.00")  # 3 x 1.25 h x 80.00 + 20 %
    assert Decimal(report.totals.hours) == Decimal("3.75")
    assert report.counts.invoices_created == 1 and report.truncated is False
    assert listed.data == report.invoices_created and listed.next_cursor is None
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert isinstance(missing, Problem) and missing.status == 404 and missing.code == "not_found"
