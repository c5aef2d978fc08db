"""The demo tenant that `rebill serve` creates on first run: a small helpdesk with customers,
products, a negotiated price, tickets and a month of time entries, pushed through the same
services the API uses."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.customers.schemas import CustomerBulk
from app.customers.service import bulk_upsert_customers
from app.kit.repository import ids_by_external_id
from app.models import Customer, Price, Product
from app.settings.schemas import SettingsUpdate
from app.settings.service import update_settings
from app.tenants.service import IssuedKey, create_tenant
from app.time_entries.schemas import TimeEntryBulk
from app.time_entries.service import bulk_upsert_time_entries
from app.work_items.schemas import WorkItemBulk
from app.work_items.service import bulk_upsert_work_items

DEMO_TENANT = "Demo Helpdesk"

_ADDRESS = {"line1": "12 avenue des Champs", "line2": None, "postal_code": "75008", "city": "Paris",
            "country": "FR"}
_EMPLOYEES = [("e-1", "Alice Martin"), ("e-2", "Bruno Leroy"), ("e-3", "Chloé Petit")]


async def create_demo_tenant(session: AsyncSession) -> IssuedKey:
    tenant, key = await create_tenant(session, name=DEMO_TENANT)
    tid = tenant.id
    support = Product(tenant_id=tid, external_id="SUP-H", code="SUP-H", name="Support",
                      description="Remote support", unit="hour", unit_price=Decimal("80.00"))
    onsite = Product(tenant_id=tid, external_id="ONS-H", code="ONS-H", name="On-site intervention",
                     description="Technician on site", unit="hour", unit_price=Decimal("120.00"))
    session.add_all([support, onsite])
    await session.flush()
    await update_settings(session, tenant_id=tid, data=SettingsUpdate.model_validate({
        "legal_name": "Demo Helpdesk SAS", "legal_address": _ADDRESS, "timezone": "Europe/Paris",
        "currency": "EUR", "default_product_id": str(support.id), "email_sender": "billing@helpdesk.example",
        "terms": {"bank_details": "IBAN FR76 3000 6000 0112 3456 7890 189 - BIC AGRIFRPP",
                  "conditions_of_sale": "Services are invoiced monthly for the time spent.",
                  "payment_terms_days": 30,
                  "late_payment_penalties": "Three times the legal interest rate, plus a EUR 40 recovery fee.",
                  "early_payment_discount": "No discount for early payment."}}))
    await bulk_upsert_customers(session, tenant_id=tid, data=CustomerBulk.model_validate({"items": [
        {"external_id": "crm-acme", "name": "Acme SARL", "billing_address": {
            "line1": "3 rue de la Paix", "postal_code": "75002", "city": "Paris", "country": "FR"},
         "emails": ["billing@acme.example"], "tax_rate": "20.00"},
        {"external_id": "crm-acme-jd", "name": "Jeanne Dupont", "kind": "contact",
         "parent_external_id": "crm-acme", "emails": ["jeanne.dupont@acme.example"], "tax_rate": "20.00"},
        {"external_id": "crm-globex", "name": "Globex SA", "billing_address": {
            "line1": "8 quai du Rhône", "postal_code": "69002", "city": "Lyon", "country": "FR"},
         "tax_rate": "20.00"},
        {"external_id": "crm-initech", "name": "Initech GmbH", "emails": ["ap@initech.example"],
         "tax_exempt": True, "tax_exemption_reason": "Reverse charge: article 196 of Council Directive 2006/112/EC"},
    ]}))
    customers = await ids_by_external_id(session, Customer, tid, ["crm-acme"])
    session.add(Price(tenant_id=tid, customer_id=customers["crm-acme"].id, product_id=support.id,
                      unit_price=Decimal("70.00")))
    tickets = [("T-004211", "Printer down", "crm-acme"), ("T-004215", "VPN access for a new hire", "crm-acme-jd"),
               ("T-004220", "Mail server migration", "crm-globex"), ("WO-0107", "Network cabling", "crm-initech")]
    await bulk_upsert_work_items(session, tenant_id=tid, data=WorkItemBulk.model_validate({"items": [
        {"external_id": ref, "type": "work_order" if ref.startswith("WO") else "ticket", "reference": ref,
         "title": title, "customer_external_id": customer} for ref, title, customer in tickets]}))
    await bulk_upsert_time_entries(session, tenant_id=tid, data=TimeEntryBulk.model_validate({
        "items": list(_time_entries([ref for ref, _, _ in tickets]))}))
    return key


def _time_entries(references: list[str]):
    """Three weeks of approved time this month and last, a few entries without product or still draft."""
    today = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    n = 0
    for day in range(1, 22):
        started = today - timedelta(days=day)
        if started.weekday() >= 5:
            continue
        for k, reference in enumerate(references):
            if (day + k) % 3:
                continue
            n += 1
            employee_id, employee_name = _EMPLOYEES[n % len(_EMPLOYEES)]
            yield {"external_id": f"te-{n:04d}", "work_item_external_id": reference, "employee_id": employee_id,
                   "employee_name": employee_name, "started_at": (started + timedelta(hours=k)).isoformat(),
                   "hours": ["0.50", "1.25", "2.00", "0.75"][n % 4],
                   "product_external_id": None if n % 5 == 0 else ("ONS-H" if reference.startswith("WO") else "SUP-H"),
                   "status": "draft" if n % 7 == 0 else "approved", "billable": True,
                   "note": None}


