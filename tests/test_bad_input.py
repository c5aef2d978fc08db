"""Bad input gets a clear 4xx problem response naming the field, never a 500, and changes nothing
(SPEC §3 conventions, §6, Appendix A).

Every case below is sent by a tenant that already owns one record of each kind (the `world`). The
answer must be a 4xx `application/problem+json` with a machine-readable `code`; for validation
errors `errors[].field` must name the field at fault in the client's own terms ("hours",
"items[3].hours", "billing_address.country"). Then everything the tenant can see (every list and
its settings) must be exactly what it was before the request: a refused request writes nothing,
not even the valid part that came with the bad one (most bodies carry a valid change too).

`test_valid_bases_are_accepted` shows that the bodies the cases start from are valid, so each
refusal is caused by the one thing the case breaks."""

import json
from dataclasses import dataclass
from typing import Any

import pytest

from tests import factories
from tests.observe import KINDS, bulk_counts, tenant_state
from tests.test_invoice_batch_report import SELECTIONS as REPORT_SELECTIONS
from tests.test_invoice_batch_report import an_hour_ahead

PROBLEM_JSON = "application/problem+json"
UNKNOWN_ID = "01900000-0000-7000-8000-000000000001"  # a well-formed id that names no record
STARTED = "2026-11-05T14:30:00+01:00"
ADDRESS = {"line1": "3 rue de la Paix", "line2": None, "postal_code": "75002", "city": "Paris", "country": "FR"}
NUL = "bad\x00value"
LONE_SURROGATE = "bad\ud800value"  # decodes from JSON ("\ud800") but is no Unicode text
HUGE = "99999999999999999999.00"


# --- the tenant's records and what it can see -----------------------------------------------------

@pytest.fixture
async def world(api) -> dict[str, str]:
    """One record of each kind, all with external ids; the values are the ids."""
    company = await factories.customer(api, name="Acme SARL", external_id="cust-acme")
    company2 = await factories.customer(api, name="Globex", external_id="cust-globex")
    contact = await factories.customer(api, name="Jane Doe", kind="contact", parent_id=company["id"],
                                       external_id="cust-jane")
    product = await factories.product(api, code="SUP-H", external_id="prod-sup")
    product2 = await factories.product(api, code="DEV-H", external_id="prod-dev", unit_price="95.00")
    price = await factories.price(api, customer_id=company["id"], product_id=product["id"])
    work_item = await factories.work_item(api, customer_id=company["id"], external_id="wi-1")
    time_entry = await factories.time_entry(api, work_item_id=work_item["id"], product_id=product["id"],
                                            external_id="te-1")
    selection = await factories.selection(api, customer_ids=[company["id"], company2["id"]])
    hook = await api.post("/v1/webhook-endpoints", json=webhook_endpoint(url="https://hooks.example/existing"))
    assert hook.status_code == 201, hook.text
    settings = await api.patch("/v1/settings", json={"legal_name": "Helpdesk Services SAS",
                                                     "default_product_id": product["id"]})
    assert settings.status_code == 200, settings.text
    return {"company": company["id"], "company2": company2["id"], "contact": contact["id"],
            "product": product["id"], "product2": product2["id"], "price": price["id"],
            "work_item": work_item["id"], "time_entry": time_entry["id"], "selection": selection["id"],
            "webhook_endpoint": hook.json()["id"]}


def assert_problem(response, status: int, *, code: str | None = None, field: str | None = None) -> dict:
    assert response.status_code == status, f"{response.status_code} {response.text[:2000]}"
    assert response.headers["content-type"].startswith(PROBLEM_JSON), response.headers["content-type"]
    body = response.json()
    assert body["status"] == status
    assert isinstance(body.get("code"), str) and body["code"], body
    assert isinstance(body.get("title"), str) and isinstance(body.get("detail"), str), body
    if code is not None:
        assert body["code"] == code, body
    if field is not None:
        fields = [e["field"] for e in body.get("errors", [])]
        assert field in fields, f"{field!r} not among the fields at fault {fields}: {body}"
    return body


# --- building request bodies ------------------------------------------------------------------------

DROP = object()  # an override that removes the key


class Raw:
    """A JSON value written verbatim (a JSON number such as 1e9999, which Python cannot hold)."""

    def __init__(self, json_text: str):
        self.json_text = json_text


def resolve(value: Any, w: dict[str, str]) -> Any:
    """Bodies are templates: callables receive the world's ids."""
    if callable(value):
        return resolve(value(w), w)
    if isinstance(value, dict):
        return {k: resolve(v, w) for k, v in value.items() if v is not DROP}
    if isinstance(value, list):
        return [resolve(v, w) for v in value]
    return value


def encode(body: Any) -> bytes:
    """JSON with \\u escapes (so NUL and lone surrogates travel as the client wrote them), and Raw
    values spliced in verbatim."""
    raws: dict[str, str] = {}

    def mark(value):
        if isinstance(value, Raw):
            key = f"__raw_{len(raws)}__"
            raws[key] = value.json_text
            return key
        if isinstance(value, dict):
            return {k: mark(v) for k, v in value.items()}
        if isinstance(value, list):
            return [mark(v) for v in value]
        return value

    out = json.dumps(mark(body), ensure_ascii=True)
    for key, raw in raws.items():
        out = out.replace(json.dumps(key), raw)
    return out.encode()


def ref(name: str):
    return lambda w: w[name]


def body_of(base: dict, over: dict) -> dict:
    return {**base, **over}


def addr(**over) -> dict:
    return {**ADDRESS, **over}


def customer(**over) -> dict:
    return body_of({"name": "Initech", "external_id": "cust-initech", "billing_address": addr(),
                    "emails": ["billing@initech.example"], "currency": "EUR", "tax_rate": "20.00"}, over)


def product(**over) -> dict:
    return body_of({"code": "TRV", "name": "Travel", "unit": "trip", "unit_price": "45.00",
                    "tax_rate": "10.00"}, over)


def price(**over) -> dict:
    return body_of({"customer_id": ref("company2"), "product_id": ref("product2"), "unit_price": "70.00"}, over)


def work_item(**over) -> dict:
    return body_of({"type": "ticket", "reference": "T-000099", "title": "VPN broken",
                    "customer_id": ref("company")}, over)


def time_entry(**over) -> dict:
    return body_of({"work_item_id": ref("work_item"), "employee_id": "e-9", "employee_name": "Bob Stone",
                    "started_at": STARTED, "hours": "2.25", "status": "approved", "note": "Fixed it"}, over)


def selection(**over) -> dict:
    return body_of({"name": "Key accounts", "customer_ids": [ref("company"), ref("company2")]}, over)


def webhook_endpoint(**over) -> dict:
    return body_of({"url": "https://hooks.example/rebill", "events": ["invoice.validated", "invoice.sent"],
                    "description": "Helpdesk sync"}, over)


def settings_patch(**over) -> dict:
    return body_of({"legal_name": "Should Not Stick SAS"}, over)


# Bulk: three valid items (one of them changes an existing record), then the item under test at
# index 3, so that a partial write would show.
def customer_items(**over) -> dict:
    return {"items": [
        {"external_id": "cust-acme", "name": "Acme Renamed By A Refused Push"},
        {"external_id": "cust-bulk-1", "name": "Bulk One", "emails": ["one@bulk.example"]},
        {"external_id": "cust-bulk-2", "name": "Bulk Two", "kind": "contact", "parent_external_id": "cust-acme"},
        body_of({"external_id": "cust-bulk-3", "name": "Bulk Three", "billing_address": addr(),
                 "emails": ["three@bulk.example"], "currency": "EUR", "tax_rate": "20.00"}, over),
    ]}


def work_item_items(**over) -> dict:
    return {"items": [
        {"external_id": "wi-1", "type": "ticket", "reference": "T-RENAMED", "customer_external_id": "cust-acme"},
        {"external_id": "wi-bulk-1", "type": "work_order", "reference": "WO-1", "customer_id": ref("company2")},
        {"external_id": "wi-bulk-2", "type": "contract", "reference": "C-1", "customer_external_id": "cust-jane"},
        body_of({"external_id": "wi-bulk-3", "type": "ticket", "reference": "T-3", "title": "Disk full",
                 "customer_external_id": "cust-globex"}, over),
    ]}


def time_entry_items(**over) -> dict:
    def item(ext, **fields):
        return {"external_id": ext, "work_item_external_id": "wi-1", "employee_id": "e-7",
                "employee_name": "Alice Martin", "started_at": STARTED, "hours": "1.00", "status": "approved",
                **fields}
    return {"items": [
        item("te-1", hours="7.75"),
        item("te-bulk-1", work_item_id=ref("work_item"), work_item_external_id=DROP),
        item("te-bulk-2", product_external_id="prod-dev"),
        body_of(item("te-bulk-3", product_id=ref("product"), note="Reinstalled"), over),
    ]}


# --- the table of bad requests ------------------------------------------------------------------------

@dataclass(frozen=True)
class Bad:
    method: str
    path: str  # formatted with the world's ids
    body: Any  # a JSON template, or bytes sent verbatim
    status: int = 422
    field: str | None = None
    code: str | None = None


def case(case_id: str, method: str, path: str, body: Any, status: int = 422, field: str | None = None,
         code: str | None = None, *, xfail: str | None = None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(Bad(method, path, body, status, field, code), id=case_id, marks=marks)


S, C, CP = "/v1/settings", "/v1/customers", "/v1/customers/{company}"
P, PP, PR, PRP = "/v1/products", "/v1/products/{product}", "/v1/prices", "/v1/prices/{price}"
W, WP, T, TP = "/v1/work-items", "/v1/work-items/{work_item}", "/v1/time-entries", "/v1/time-entries/{time_entry}"
SE, SEP = "/v1/selections", "/v1/selections/{selection}"
CB, WB, TB = "/v1/customers/bulk", "/v1/work-items/bulk", "/v1/time-entries/bulk"
WH, WHP = "/v1/webhook-endpoints", "/v1/webhook-endpoints/{webhook_endpoint}"
E = "/v1/exports"
V = "validation_error"

SETTINGS_CASES = [
    case("settings-unknown-field", "PATCH", S, settings_patch(nickname="x"), field="nickname", code=V),
    case("settings-unknown-nested-field", "PATCH", S, settings_patch(terms={"iban": "FR76"}), field="terms.iban"),
    case("settings-legal-name-number", "PATCH", S, settings_patch(legal_name=42), field="legal_name"),
    case("settings-legal-name-empty", "PATCH", S, settings_patch(legal_name="   "), field="legal_name"),
    case("settings-legal-name-null", "PATCH", S, settings_patch(legal_name=None), field="legal_name"),
    case("settings-legal-name-nul", "PATCH", S, settings_patch(legal_name=NUL), field="legal_name"),
    case("settings-legal-name-too-long", "PATCH", S, settings_patch(legal_name="x" * 256), field="legal_name"),
    case("settings-timezone-unknown", "PATCH", S, settings_patch(timezone="Mars/Olympus"), field="timezone"),
    case("settings-timezone-path", "PATCH", S, settings_patch(timezone="../../../etc/passwd"), field="timezone"),
    case("settings-timezone-empty", "PATCH", S, settings_patch(timezone=""), field="timezone"),
    case("settings-timezone-null", "PATCH", S, settings_patch(timezone=None), field="timezone"),
    case("settings-timezone-number", "PATCH", S, settings_patch(timezone=1), field="timezone"),
    case("settings-currency-xxx", "PATCH", S, settings_patch(currency="XXX"), field="currency"),
    case("settings-currency-lowercase", "PATCH", S, settings_patch(currency="eur"), field="currency"),
    case("settings-currency-null", "PATCH", S, settings_patch(currency=None), field="currency"),
    case("settings-currency-numeric-code", "PATCH", S, settings_patch(currency=978), field="currency"),
    case("settings-country-name", "PATCH", S, settings_patch(legal_address=addr(country="France")),
         field="legal_address.country"),
    case("settings-country-lowercase", "PATCH", S, settings_patch(legal_address=addr(country="fr")),
         field="legal_address.country"),
    case("settings-address-missing-city", "PATCH", S, settings_patch(legal_address=addr(city=DROP)),
         field="legal_address.city"),
    case("settings-address-nul", "PATCH", S, settings_patch(legal_address=addr(line1=NUL)), field="legal_address.line1"),
    case("settings-address-not-object", "PATCH", S, settings_patch(legal_address="3 rue de la Paix"),
         field="legal_address"),
    case("settings-email-sender-bad", "PATCH", S, settings_patch(email_sender="not-an-email"), field="email_sender"),
    case("settings-email-sender-header-injection", "PATCH", S,
         settings_patch(email_sender="billing@helpdesk.example\r\nBcc: all@evil.example"), field="email_sender"),
    case("settings-default-product-unknown", "PATCH", S, settings_patch(default_product_id=UNKNOWN_ID),
         field="default_product_id", code="unknown_reference"),
    case("settings-default-product-not-uuid", "PATCH", S, settings_patch(default_product_id="SUP-H"),
         field="default_product_id"),
    case("settings-prefix-too-long", "PATCH", S, settings_patch(invoice_number_prefix="I" * 256),
         field="invoice_number_prefix"),
    case("settings-prefix-null", "PATCH", S, settings_patch(invoice_number_prefix=None), field="invoice_number_prefix"),
    case("settings-yearly-reset-bad", "PATCH", S, settings_patch(invoice_number_yearly_reset="sometimes"),
         field="invoice_number_yearly_reset"),
    case("settings-yearly-reset-number", "PATCH", S, settings_patch(invoice_number_yearly_reset=1),
         field="invoice_number_yearly_reset"),
    case("settings-yearly-reset-null", "PATCH", S, settings_patch(invoice_number_yearly_reset=None),
         field="invoice_number_yearly_reset"),
    case("settings-terms-null", "PATCH", S, settings_patch(terms=None), field="terms"),
    case("settings-payment-days-negative", "PATCH", S, settings_patch(terms={"payment_terms_days": -1}),
         field="terms.payment_terms_days"),
    case("settings-payment-days-huge", "PATCH", S, settings_patch(terms={"payment_terms_days": 10 ** 30}),
         field="terms.payment_terms_days"),
    case("settings-payment-days-float", "PATCH", S, settings_patch(terms={"payment_terms_days": 30.5}),
         field="terms.payment_terms_days"),
    case("settings-terms-nul", "PATCH", S, settings_patch(terms={"bank_details": NUL}), field="terms.bank_details"),
    case("settings-terms-too-long", "PATCH", S, settings_patch(terms={"conditions_of_sale": "x" * 4001}),
         field="terms.conditions_of_sale"),
]

CUSTOMER_CASES = [
    case("customer-unknown-field", "POST", C, customer(nickname="x"), field="nickname", code=V),
    case("customer-camel-case-field", "POST", C, customer(taxRate="20.00"), field="taxRate"),
    case("customer-name-missing", "POST", C, customer(name=DROP), field="name"),
    case("customer-name-null", "POST", C, customer(name=None), field="name"),
    case("customer-name-number", "POST", C, customer(name=42), field="name"),
    case("customer-name-blank", "POST", C, customer(name="   "), field="name"),
    case("customer-name-nul", "POST", C, customer(name=NUL), field="name"),
    case("customer-name-lone-surrogate", "POST", C, customer(name=LONE_SURROGATE), field="name"),
    case("customer-name-256-chars", "POST", C, customer(name="x" * 256), field="name"),
    case("customer-name-1-mb", "POST", C, customer(name="x" * 1_000_000), field="name"),
    case("customer-kind-unknown", "POST", C, customer(kind="person"), field="kind"),
    case("customer-kind-uppercase", "POST", C, customer(kind="COMPANY"), field="kind"),
    case("customer-tax-rate-float", "POST", C, customer(tax_rate=20.5), field="tax_rate"),
    case("customer-tax-rate-int", "POST", C, customer(tax_rate=20), field="tax_rate"),
    case("customer-tax-rate-5-places", "POST", C, customer(tax_rate="20.12345"), field="tax_rate"),
    case("customer-tax-rate-over-100", "POST", C, customer(tax_rate="100.01"), field="tax_rate"),
    case("customer-tax-rate-negative", "POST", C, customer(tax_rate="-5.00"), field="tax_rate"),
    case("customer-tax-rate-huge", "POST", C, customer(tax_rate=HUGE), field="tax_rate"),
    case("customer-tax-rate-exponent", "POST", C, customer(tax_rate="1e9999"), field="tax_rate"),
    case("customer-tax-rate-json-exponent", "POST", C, customer(tax_rate=Raw("1e9999")), field="tax_rate"),
    case("customer-tax-rate-nan", "POST", C, customer(tax_rate="NaN"), field="tax_rate"),
    case("customer-tax-rate-percent-sign", "POST", C, customer(tax_rate="20%"), field="tax_rate"),
    case("customer-tax-exempt-not-bool", "POST", C, customer(tax_exempt="perhaps"), field="tax_exempt"),
    case("customer-tax-exempt-string-yes", "POST", C, customer(tax_exempt="yes"), field="tax_exempt"),
    case("customer-currency-xxx", "POST", C, customer(currency="XXX"), field="currency"),
    case("customer-currency-lowercase", "POST", C, customer(currency="eur"), field="currency"),
    case("customer-currency-word", "POST", C, customer(currency="EURO"), field="currency"),
    case("customer-currency-number", "POST", C, customer(currency=978), field="currency"),
    case("customer-country-name", "POST", C, customer(billing_address=addr(country="France")),
         field="billing_address.country"),
    case("customer-country-alpha3", "POST", C, customer(billing_address=addr(country="FRA")),
         field="billing_address.country"),
    case("customer-country-null", "POST", C, customer(billing_address=addr(country=None)),
         field="billing_address.country"),
    case("customer-address-missing-line1", "POST", C, customer(billing_address=addr(line1=DROP)),
         field="billing_address.line1"),
    case("customer-address-unknown-field", "POST", C, customer(billing_address=addr(street="x")),
         field="billing_address.street"),
    case("customer-address-city-nul", "POST", C, customer(billing_address=addr(city=NUL)),
         field="billing_address.city"),
    case("customer-address-list", "POST", C, customer(billing_address=[ADDRESS]), field="billing_address"),
    case("customer-email-bad", "POST", C, customer(emails=["not-an-email"]), field="emails[0]"),
    case("customer-second-email-bad", "POST", C, customer(emails=["ok@acme.example", "a@b@c.example"]),
         field="emails[1]"),
    case("customer-email-nul", "POST", C, customer(emails=["bill\x00ing@acme.example"]), field="emails[0]"),
    case("customer-emails-string", "POST", C, customer(emails="billing@acme.example"), field="emails"),
    case("customer-emails-21", "POST", C, customer(emails=[f"b{i}@acme.example" for i in range(21)]),
         field="emails"),
    case("customer-external-id-empty", "POST", C, customer(external_id=" "), field="external_id"),
    case("customer-external-id-nul", "POST", C, customer(external_id=NUL), field="external_id"),
    case("customer-external-id-taken", "POST", C, customer(external_id="cust-acme"), status=409,
         field="external_id", code="external_id_taken"),
    case("customer-parent-not-uuid", "POST", C, customer(kind="contact", parent_id="cust-acme"),
         field="parent_id"),
    case("customer-parent-unknown", "POST", C, customer(kind="contact", parent_id=UNKNOWN_ID), field="parent_id"),
    case("customer-parent-is-contact", "POST", C, customer(kind="contact", parent_id=ref("contact")),
         field="parent_id"),
    case("customer-company-with-parent", "POST", C, customer(kind="company", parent_id=ref("company")),
         field="parent_id"),
    case("customer-payment-days-negative", "POST", C, customer(terms={"payment_terms_days": -30}),
         field="terms.payment_terms_days"),
    # PATCH: a valid rename travels with the bad field; it must not stick.
    case("customer-patch-unknown-field", "PATCH", CP, customer(nickname="x"), field="nickname"),
    case("customer-patch-name-null", "PATCH", CP, {"name": None}, field="name"),
    case("customer-patch-kind-null", "PATCH", CP, {"name": "Renamed", "kind": None}, field="kind"),
    case("customer-patch-currency-null", "PATCH", CP, {"name": "Renamed", "currency": None}, field="currency"),
    case("customer-patch-emails-null", "PATCH", CP, {"name": "Renamed", "emails": None}, field="emails"),
    case("customer-patch-tax-exempt-null", "PATCH", CP, {"name": "Renamed", "tax_exempt": None},
         field="tax_exempt"),
    case("customer-patch-tax-rate-float", "PATCH", CP, {"name": "Renamed", "tax_rate": 5.5}, field="tax_rate"),
    case("customer-patch-country", "PATCH", CP, {"name": "Renamed", "billing_address": addr(country="XX1")},
         field="billing_address.country"),
    case("customer-patch-company-gets-parent", "PATCH", CP, {"name": "Renamed", "parent_id": ref("company2")},
         field="parent_id"),
    # A valid request the company's current state forbids: 409, naming the field.
    case("customer-patch-company-with-contacts-becomes-contact", "PATCH", CP,
         {"name": "Renamed", "kind": "contact", "parent_id": ref("company2")}, 409, field="kind", code="has_contacts"),
    case("customer-patch-contact-parent-is-itself", "PATCH", "/v1/customers/{contact}",
         {"name": "Renamed", "parent_id": ref("contact")}, field="parent_id"),
    case("customer-patch-contact-becomes-company-keeping-parent", "PATCH", "/v1/customers/{contact}",
         {"name": "Renamed", "kind": "company"}, field="parent_id"),
    case("customer-patch-contact-parent-unknown", "PATCH", "/v1/customers/{contact}",
         {"name": "Renamed", "parent_id": UNKNOWN_ID}, field="parent_id"),
    case("customer-patch-external-id-taken", "PATCH", CP, {"name": "Renamed", "external_id": "cust-globex"},
         status=409, field="external_id", code="external_id_taken"),
    case("customer-delete-with-contacts-and-work-items", "DELETE", CP, None, status=409, code="customer_in_use"),
]

PRODUCT_CASES = [
    case("product-unknown-field", "POST", P, product(vat="20.00"), field="vat", code=V),
    case("product-unit-price-float", "POST", P, product(unit_price=80.5), field="unit_price"),
    case("product-unit-price-int", "POST", P, product(unit_price=80), field="unit_price"),
    case("product-unit-price-5-places", "POST", P, product(unit_price="80.12345"), field="unit_price"),
    case("product-unit-price-negative", "POST", P, product(unit_price="-1.00"), field="unit_price"),
    case("product-unit-price-huge", "POST", P, product(unit_price=HUGE), field="unit_price"),
    case("product-unit-price-exponent", "POST", P, product(unit_price="1e9999"), field="unit_price"),
    case("product-unit-price-json-exponent", "POST", P, product(unit_price=Raw("1e9999")), field="unit_price"),
    case("product-unit-price-json-nan", "POST", P, product(unit_price=Raw("NaN")), field="unit_price"),
    case("product-unit-price-infinity", "POST", P, product(unit_price="Infinity"), field="unit_price"),
    case("product-unit-price-comma", "POST", P, product(unit_price="80,50"), field="unit_price"),
    case("product-unit-price-empty", "POST", P, product(unit_price=""), field="unit_price"),
    case("product-unit-price-missing", "POST", P, product(unit_price=DROP), field="unit_price"),
    case("product-unit-price-null", "POST", P, product(unit_price=None), field="unit_price"),
    case("product-tax-rate-float", "POST", P, product(tax_rate=5.5), field="tax_rate"),
    case("product-tax-rate-over-100", "POST", P, product(tax_rate="250.00"), field="tax_rate"),
    case("product-code-missing", "POST", P, product(code=DROP), field="code"),
    case("product-code-blank", "POST", P, product(code=""), field="code"),
    case("product-code-nul", "POST", P, product(code=NUL), field="code"),
    case("product-code-too-long", "POST", P, product(code="C" * 256), field="code"),
    case("product-code-taken", "POST", P, product(code="SUP-H"), status=409, field="code", code="code_taken"),
    case("product-description-too-long", "POST", P, product(description="d" * 4001), field="description"),
    case("product-unit-null", "POST", P, product(unit=None), field="unit"),
    case("product-name-list", "POST", P, product(name=["Travel"]), field="name"),
    case("product-patch-unit-price-null", "PATCH", PP, {"name": "Renamed", "unit_price": None},
         field="unit_price"),
    case("product-patch-unit-price-float", "PATCH", PP, {"name": "Renamed", "unit_price": 99.99},
         field="unit_price"),
    case("product-patch-code-null", "PATCH", PP, {"name": "Renamed", "code": None}, field="code"),
    case("product-patch-name-null", "PATCH", PP, {"description": "Renamed", "name": None}, field="name"),
    case("product-patch-unit-null", "PATCH", PP, {"name": "Renamed", "unit": None}, field="unit"),
    case("product-patch-code-taken", "PATCH", PP, {"name": "Renamed", "code": "DEV-H"}, status=409, field="code",
         code="code_taken"),
    case("product-patch-unknown-field", "PATCH", PP, {"name": "Renamed", "price": "1.00"}, field="price"),
    case("product-delete-in-use", "DELETE", PP, None, status=409, code="product_in_use"),
]

PRICE_CASES = [
    case("price-unknown-field", "POST", PR, price(discount="10"), field="discount", code=V),
    case("price-unit-price-float", "POST", PR, price(unit_price=70.5), field="unit_price"),
    case("price-unit-price-int", "POST", PR, price(unit_price=70), field="unit_price"),
    case("price-unit-price-huge", "POST", PR, price(unit_price=HUGE), field="unit_price"),
    case("price-unit-price-negative", "POST", PR, price(unit_price="-0.01"), field="unit_price"),
    case("price-customer-unknown", "POST", PR, price(customer_id=UNKNOWN_ID), field="customer_id",
         code="unknown_reference"),
    case("price-product-unknown", "POST", PR, price(product_id=UNKNOWN_ID), field="product_id",
         code="unknown_reference"),
    case("price-customer-not-uuid", "POST", PR, price(customer_id="cust-acme"), field="customer_id"),
    case("price-product-not-uuid", "POST", PR, price(product_id=12), field="product_id"),
    case("price-product-missing", "POST", PR, price(product_id=DROP), field="product_id"),
    case("price-customer-null", "POST", PR, price(customer_id=None), field="customer_id"),
    case("price-duplicate-customer-and-product", "POST", PR,
         price(customer_id=ref("company"), product_id=ref("product")), status=409, code="product_id_taken"),
    case("price-patch-unit-price-null", "PATCH", PRP, {"unit_price": None}, field="unit_price"),
    case("price-patch-unit-price-float", "PATCH", PRP, {"unit_price": 1.1}, field="unit_price"),
    case("price-patch-customer-not-changeable", "PATCH", PRP, {"unit_price": "1.00", "customer_id": ref("company2")},
         field="customer_id"),
]

WORK_ITEM_CASES = [
    case("work-item-unknown-field", "POST", W, work_item(status="open"), field="status", code=V),
    case("work-item-type-unknown", "POST", W, work_item(type="incident"), field="type"),
    case("work-item-type-missing", "POST", W, work_item(type=DROP), field="type"),
    case("work-item-type-number", "POST", W, work_item(type=1), field="type"),
    case("work-item-reference-missing", "POST", W, work_item(reference=DROP), field="reference"),
    case("work-item-reference-blank", "POST", W, work_item(reference=" "), field="reference"),
    case("work-item-reference-nul", "POST", W, work_item(reference=NUL), field="reference"),
    case("work-item-title-too-long", "POST", W, work_item(title="t" * 256), field="title"),
    case("work-item-title-lone-surrogate", "POST", W, work_item(title=LONE_SURROGATE), field="title"),
    case("work-item-customer-unknown", "POST", W, work_item(customer_id=UNKNOWN_ID), field="customer_id",
         code="unknown_reference"),
    case("work-item-customer-not-uuid", "POST", W, work_item(customer_id="cust-acme"), field="customer_id"),
    case("work-item-customer-missing", "POST", W, work_item(customer_id=DROP), field="customer_id"),
    case("work-item-customer-external-id-not-on-single-create", "POST", W,
         work_item(customer_id=DROP, customer_external_id="cust-acme"), field="customer_external_id"),
    case("work-item-external-id-taken", "POST", W, work_item(external_id="wi-1"), status=409, field="external_id",
         code="external_id_taken"),
    case("work-item-patch-customer-null", "PATCH", WP, {"title": "Renamed", "customer_id": None},
         field="customer_id"),
    case("work-item-patch-type-null", "PATCH", WP, {"title": "Renamed", "type": None}, field="type"),
    case("work-item-patch-reference-null", "PATCH", WP, {"title": "Renamed", "reference": None},
         field="reference"),
    case("work-item-patch-customer-unknown", "PATCH", WP, {"title": "Renamed", "customer_id": UNKNOWN_ID},
         field="customer_id"),
    case("work-item-patch-type-unknown", "PATCH", WP, {"title": "Renamed", "type": "bug"}, field="type"),
    case("work-item-delete-with-time-entries", "DELETE", WP, None, status=409, code="work_item_in_use"),
]

TIME_ENTRY_CASES = [
    case("time-entry-unknown-field", "POST", T, time_entry(duration="1.00"), field="duration", code=V),
    case("time-entry-invoice-id-not-settable", "POST", T, time_entry(invoice_id=UNKNOWN_ID), field="invoice_id"),
    case("time-entry-hours-float", "POST", T, time_entry(hours=1.5), field="hours"),
    case("time-entry-hours-int", "POST", T, time_entry(hours=2), field="hours"),
    case("time-entry-hours-3-places", "POST", T, time_entry(hours="1.555"), field="hours"),
    case("time-entry-hours-zero", "POST", T, time_entry(hours="0"), field="hours"),
    case("time-entry-hours-zero-decimal", "POST", T, time_entry(hours="0.00"), field="hours"),
    case("time-entry-hours-negative", "POST", T, time_entry(hours="-1.00"), field="hours"),
    case("time-entry-hours-huge", "POST", T, time_entry(hours=HUGE), field="hours"),
    case("time-entry-hours-over-max", "POST", T, time_entry(hours="10000.00"), field="hours"),
    case("time-entry-hours-exponent", "POST", T, time_entry(hours="1e9999"), field="hours"),
    case("time-entry-hours-json-exponent", "POST", T, time_entry(hours=Raw("1e9999")), field="hours"),
    case("time-entry-hours-json-huge-int", "POST", T, time_entry(hours=Raw("9" * 400)), field="hours"),
    case("time-entry-hours-nan", "POST", T, time_entry(hours="NaN"), field="hours"),
    case("time-entry-hours-words", "POST", T, time_entry(hours="one and a half"), field="hours"),
    case("time-entry-hours-comma", "POST", T, time_entry(hours="1,50"), field="hours"),
    case("time-entry-hours-missing", "POST", T, time_entry(hours=DROP), field="hours"),
    case("time-entry-started-at-without-offset", "POST", T, time_entry(started_at="2026-11-05T14:30:00"),
         field="started_at"),
    case("time-entry-started-at-date-only", "POST", T, time_entry(started_at="2026-11-05"), field="started_at"),
    case("time-entry-started-at-impossible-date", "POST", T, time_entry(started_at="2026-02-30T10:00:00+01:00"),
         field="started_at"),
    case("time-entry-started-at-hour-25", "POST", T, time_entry(started_at="2026-11-05T25:00:00+01:00"),
         field="started_at"),
    case("time-entry-started-at-bad-offset", "POST", T, time_entry(started_at="2026-11-05T14:30:00+25:00"),
         field="started_at"),
    case("time-entry-started-at-words", "POST", T, time_entry(started_at="yesterday"), field="started_at"),
    case("time-entry-started-at-french-format", "POST", T, time_entry(started_at="05/11/2026 14:30"),
         field="started_at"),
    case("time-entry-started-at-missing", "POST", T, time_entry(started_at=DROP), field="started_at"),
    case("time-entry-started-at-year-1-east-of-utc", "POST", T,
         time_entry(started_at="0001-01-01T00:00:00+14:00"), field="started_at"),
    case("time-entry-started-at-year-9999-west-of-utc", "POST", T,
         time_entry(started_at="9999-12-31T23:00:00-14:00"), field="started_at"),
    case("time-entry-started-at-unix-number", "POST", T, time_entry(started_at=1762349400), field="started_at"),
    case("time-entry-started-at-unix-string", "POST", T, time_entry(started_at="1762349400"), field="started_at"),
    case("time-entry-status-unknown", "POST", T, time_entry(status="invoiced"), field="status"),
    case("time-entry-status-uppercase", "POST", T, time_entry(status="APPROVED"), field="status"),
    case("time-entry-billable-not-bool", "POST", T, time_entry(billable="perhaps"), field="billable"),
    case("time-entry-billable-string-true", "POST", T, time_entry(billable="true"), field="billable"),
    case("time-entry-billable-number", "POST", T, time_entry(billable=0), field="billable"),
    case("time-entry-work-item-unknown", "POST", T, time_entry(work_item_id=UNKNOWN_ID), field="work_item_id",
         code="unknown_reference"),
    case("time-entry-work-item-not-uuid", "POST", T, time_entry(work_item_id="T-004211"), field="work_item_id"),
    case("time-entry-work-item-missing", "POST", T, time_entry(work_item_id=DROP), field="work_item_id"),
    case("time-entry-product-unknown", "POST", T, time_entry(product_id=UNKNOWN_ID), field="product_id",
         code="unknown_reference"),
    case("time-entry-product-not-uuid", "POST", T, time_entry(product_id="SUP-H"), field="product_id"),
    case("time-entry-product-is-a-customer", "POST", T, time_entry(product_id=ref("company")), field="product_id"),
    case("time-entry-employee-id-number", "POST", T, time_entry(employee_id=7), field="employee_id"),
    case("time-entry-employee-name-nul", "POST", T, time_entry(employee_name=NUL), field="employee_name"),
    case("time-entry-employee-name-too-long", "POST", T, time_entry(employee_name="n" * 256),
         field="employee_name"),
    case("time-entry-note-too-long", "POST", T, time_entry(note="n" * 4001), field="note"),
    case("time-entry-note-1-mb", "POST", T, time_entry(note="n" * 1_000_000), field="note"),
    case("time-entry-note-lone-surrogate", "POST", T, time_entry(note=LONE_SURROGATE), field="note"),
    case("time-entry-external-id-taken", "POST", T, time_entry(external_id="te-1"), status=409,
         field="external_id", code="external_id_taken"),
    case("time-entry-patch-hours-null", "PATCH", TP, {"note": "Changed", "hours": None}, field="hours"),
    case("time-entry-patch-hours-zero", "PATCH", TP, {"note": "Changed", "hours": "0.00"}, field="hours"),
    case("time-entry-patch-hours-float", "PATCH", TP, {"note": "Changed", "hours": 0.5}, field="hours"),
    case("time-entry-patch-hours-3-places", "PATCH", TP, {"note": "Changed", "hours": "1.555"}, field="hours"),
    case("time-entry-patch-started-at-null", "PATCH", TP, {"note": "Changed", "started_at": None},
         field="started_at"),
    case("time-entry-patch-started-at-without-offset", "PATCH", TP,
         {"note": "Changed", "started_at": "2026-11-06T09:00:00"}, field="started_at"),
    case("time-entry-patch-status-null", "PATCH", TP, {"note": "Changed", "status": None}, field="status"),
    case("time-entry-patch-status-unknown", "PATCH", TP, {"note": "Changed", "status": "paid"}, field="status"),
    case("time-entry-patch-billable-null", "PATCH", TP, {"note": "Changed", "billable": None}, field="billable"),
    case("time-entry-patch-work-item-null", "PATCH", TP, {"note": "Changed", "work_item_id": None},
         field="work_item_id"),
    case("time-entry-patch-work-item-unknown", "PATCH", TP, {"note": "Changed", "work_item_id": UNKNOWN_ID},
         field="work_item_id"),
    case("time-entry-patch-product-unknown", "PATCH", TP, {"note": "Changed", "product_id": UNKNOWN_ID},
         field="product_id"),
    case("time-entry-patch-invoice-id", "PATCH", TP, {"note": "Changed", "invoice_id": UNKNOWN_ID},
         field="invoice_id"),
    case("time-entry-patch-note-nul", "PATCH", TP, {"hours": "3.00", "note": NUL}, field="note"),
]

SELECTION_CASES = [
    case("selection-unknown-field", "POST", SE, selection(customers=[]), field="customers", code=V),
    case("selection-name-missing", "POST", SE, selection(name=DROP), field="name"),
    case("selection-name-blank", "POST", SE, selection(name=""), field="name"),
    case("selection-name-nul", "POST", SE, selection(name=NUL), field="name"),
    case("selection-name-too-long", "POST", SE, selection(name="s" * 256), field="name"),
    case("selection-customer-not-uuid", "POST", SE, selection(customer_ids=[ref("company"), "cust-acme"]),
         field="customer_ids[1]"),
    case("selection-customer-unknown", "POST", SE, selection(customer_ids=[ref("company"), UNKNOWN_ID]),
         field="customer_ids[1]", code="unknown_reference"),
    case("selection-customer-is-a-product", "POST", SE, selection(customer_ids=[ref("product")]),
         field="customer_ids[0]"),
    case("selection-customers-string", "POST", SE, selection(customer_ids=ref("company")), field="customer_ids"),
    case("selection-customers-null", "POST", SE, selection(customer_ids=None), field="customer_ids"),
    case("selection-patch-name-null", "PATCH", SEP, {"name": None}, field="name"),
    case("selection-patch-customers-null", "PATCH", SEP, {"name": "Renamed", "customer_ids": None},
         field="customer_ids"),
    case("selection-patch-customer-unknown", "PATCH", SEP, {"name": "Renamed", "customer_ids": [UNKNOWN_ID]},
         field="customer_ids[0]"),
    case("selection-patch-customer-not-uuid", "PATCH", SEP, {"name": "Renamed", "customer_ids": ["x"]},
         field="customer_ids[0]"),
]


def many(n: int, make) -> dict:
    return {"items": [make(i) for i in range(n)]}


CUSTOMER_BULK_CASES = [
    case("customers-bulk-unknown-top-level-field", "POST", CB, {**customer_items(), "mode": "replace"},
         field="mode", code=V),
    case("customers-bulk-items-missing", "POST", CB, {}, field="items"),
    case("customers-bulk-items-null", "POST", CB, {"items": None}, field="items"),
    case("customers-bulk-items-object", "POST", CB, {"items": {"external_id": "x", "name": "x"}}, field="items"),
    case("customers-bulk-item-not-object", "POST", CB, {"items": [*customer_items()["items"][:3], "cust-x"]},
         field="items[3]"),
    case("customers-bulk-unknown-item-field", "POST", CB, customer_items(nickname="x"), field="items[3].nickname"),
    case("customers-bulk-external-id-missing", "POST", CB, customer_items(external_id=DROP),
         field="items[3].external_id"),
    case("customers-bulk-external-id-null", "POST", CB, customer_items(external_id=None),
         field="items[3].external_id"),
    case("customers-bulk-external-id-nul", "POST", CB, customer_items(external_id=NUL),
         field="items[3].external_id"),
    case("customers-bulk-name-missing", "POST", CB, customer_items(name=DROP), field="items[3].name"),
    case("customers-bulk-name-nul", "POST", CB, customer_items(name=NUL), field="items[3].name"),
    case("customers-bulk-name-lone-surrogate", "POST", CB, customer_items(name=LONE_SURROGATE),
         field="items[3].name"),
    case("customers-bulk-kind-unknown", "POST", CB, customer_items(kind="person"), field="items[3].kind"),
    case("customers-bulk-tax-rate-float", "POST", CB, customer_items(tax_rate=20.0), field="items[3].tax_rate"),
    case("customers-bulk-tax-rate-huge", "POST", CB, customer_items(tax_rate=HUGE), field="items[3].tax_rate"),
    case("customers-bulk-currency-lowercase", "POST", CB, customer_items(currency="eur"),
         field="items[3].currency"),
    case("customers-bulk-currency-xxx", "POST", CB, customer_items(currency="XXX"), field="items[3].currency"),
    case("customers-bulk-country", "POST", CB, customer_items(billing_address=addr(country="Fr")),
         field="items[3].billing_address.country"),
    case("customers-bulk-email", "POST", CB, customer_items(emails=["ok@x.example", "nope"]),
         field="items[3].emails[1]"),
    case("customers-bulk-duplicate-external-id", "POST", CB, customer_items(external_id="cust-bulk-1"),
         field="items[3].external_id", code="duplicate_external_id"),
    case("customers-bulk-10001-items", "POST", CB, many(10_001, lambda i: {"external_id": f"c{i}", "name": "C"}),
         field="items"),
    case("customers-bulk-parent-external-id-unknown", "POST", CB,
         customer_items(kind="contact", parent_external_id="cust-nobody"), field="items[3].parent_external_id"),
    case("customers-bulk-parent-id-unknown", "POST", CB, customer_items(kind="contact", parent_id=UNKNOWN_ID),
         field="items[3].parent_id"),
    case("customers-bulk-parent-id-not-uuid", "POST", CB, customer_items(kind="contact", parent_id="cust-acme"),
         field="items[3].parent_id"),
    case("customers-bulk-parent-is-existing-contact", "POST", CB,
         customer_items(kind="contact", parent_external_id="cust-jane"), field="items[3].parent_external_id"),
    case("customers-bulk-parent-is-contact-in-request", "POST", CB,
         customer_items(kind="contact", parent_external_id="cust-bulk-2"), field="items[3].parent_external_id"),
    case("customers-bulk-parent-by-id-is-contact", "POST", CB,
         customer_items(kind="contact", parent_id=ref("contact")), field="items[3].parent_id"),
    case("customers-bulk-company-with-parent", "POST", CB,
         customer_items(kind="company", parent_external_id="cust-globex"), field="items[3].parent_external_id"),
    case("customers-bulk-contact-is-its-own-parent", "POST", CB,
         customer_items(kind="contact", parent_external_id="cust-bulk-3"), field="items[3].parent_external_id"),
    case("customers-bulk-parent-id-and-external-id", "POST", CB,
         customer_items(kind="contact", parent_id=ref("company"), parent_external_id="cust-acme"),
         field="items[3].parent_external_id"),
    case("customers-bulk-company-with-contacts-becomes-contact", "POST", CB,
         {"items": [{"external_id": "cust-bulk-1", "name": "Bulk One"},
                    {"external_id": "cust-acme", "name": "Acme SARL", "kind": "contact",
                     "parent_external_id": "cust-globex"}]},
         field="items[1].kind"),
    case("customers-bulk-parent-by-id-becomes-contact-in-same-push", "POST", CB,
         {"items": [{"external_id": "cust-globex", "name": "Globex", "kind": "contact",
                     "parent_external_id": "cust-acme"},
                    {"external_id": "cust-bulk-1", "name": "Bulk One", "kind": "contact",
                     "parent_id": ref("company2")}]},
         field="items[1].parent_id"),
]

WORK_ITEM_BULK_CASES = [
    case("work-items-bulk-unknown-item-field", "POST", WB, work_item_items(status="open"), field="items[3].status",
         code=V),
    case("work-items-bulk-items-array-body", "POST", WB, work_item_items()["items"], field="body"),
    case("work-items-bulk-type-unknown", "POST", WB, work_item_items(type="incident"), field="items[3].type"),
    case("work-items-bulk-reference-missing", "POST", WB, work_item_items(reference=DROP),
         field="items[3].reference"),
    case("work-items-bulk-external-id-missing", "POST", WB, work_item_items(external_id=DROP),
         field="items[3].external_id"),
    case("work-items-bulk-title-too-long", "POST", WB, work_item_items(title="t" * 256), field="items[3].title"),
    case("work-items-bulk-customer-missing", "POST", WB, work_item_items(customer_external_id=DROP),
         field="items[3].customer_id"),
    case("work-items-bulk-customer-external-id-unknown", "POST", WB,
         work_item_items(customer_external_id="cust-nobody"), field="items[3].customer_external_id"),
    case("work-items-bulk-customer-id-unknown", "POST", WB,
         work_item_items(customer_external_id=DROP, customer_id=UNKNOWN_ID), field="items[3].customer_id"),
    case("work-items-bulk-customer-id-not-uuid", "POST", WB,
         work_item_items(customer_external_id=DROP, customer_id="cust-acme"), field="items[3].customer_id"),
    case("work-items-bulk-customer-id-and-external-id", "POST", WB, work_item_items(customer_id=ref("company2")),
         field="items[3].customer_external_id"),
    case("work-items-bulk-duplicate-external-id", "POST", WB, work_item_items(external_id="wi-1"),
         field="items[3].external_id", code="duplicate_external_id"),
    case("work-items-bulk-10001-items", "POST", WB,
         many(10_001, lambda i: {"external_id": f"w{i}", "type": "ticket", "reference": "R",
                                 "customer_external_id": "cust-acme"}), field="items"),
]

TIME_ENTRY_BULK_CASES = [
    case("time-entries-bulk-unknown-item-field", "POST", TB, time_entry_items(duration="1"),
         field="items[3].duration", code=V),
    case("time-entries-bulk-hours-float", "POST", TB, time_entry_items(hours=1.5), field="items[3].hours"),
    case("time-entries-bulk-hours-int", "POST", TB, time_entry_items(hours=1), field="items[3].hours"),
    case("time-entries-bulk-hours-3-places", "POST", TB, time_entry_items(hours="1.555"), field="items[3].hours"),
    case("time-entries-bulk-hours-zero", "POST", TB, time_entry_items(hours="0.00"), field="items[3].hours"),
    case("time-entries-bulk-hours-negative", "POST", TB, time_entry_items(hours="-0.25"), field="items[3].hours"),
    case("time-entries-bulk-hours-huge", "POST", TB, time_entry_items(hours=HUGE), field="items[3].hours"),
    case("time-entries-bulk-hours-exponent", "POST", TB, time_entry_items(hours="1e9999"), field="items[3].hours"),
    case("time-entries-bulk-started-at-without-offset", "POST", TB,
         time_entry_items(started_at="2026-11-05T14:30:00"), field="items[3].started_at"),
    case("time-entries-bulk-started-at-impossible", "POST", TB,
         time_entry_items(started_at="2026-02-30T10:00:00+01:00"), field="items[3].started_at"),
    case("time-entries-bulk-started-at-year-1", "POST", TB,
         time_entry_items(started_at="0001-01-01T00:00:00+14:00"), field="items[3].started_at"),
    case("time-entries-bulk-billable-string", "POST", TB, time_entry_items(billable="no"),
         field="items[3].billable"),
    case("time-entries-bulk-status-unknown", "POST", TB, time_entry_items(status="done"), field="items[3].status"),
    case("time-entries-bulk-note-nul", "POST", TB, time_entry_items(note=NUL), field="items[3].note"),
    case("time-entries-bulk-note-lone-surrogate", "POST", TB, time_entry_items(note=LONE_SURROGATE),
         field="items[3].note"),
    case("time-entries-bulk-external-id-missing", "POST", TB, time_entry_items(external_id=DROP),
         field="items[3].external_id"),
    case("time-entries-bulk-work-item-missing", "POST", TB, time_entry_items(work_item_external_id=DROP),
         field="items[3].work_item_id"),
    case("time-entries-bulk-work-item-external-id-unknown", "POST", TB,
         time_entry_items(work_item_external_id="wi-nobody"), field="items[3].work_item_external_id"),
    case("time-entries-bulk-work-item-id-unknown", "POST", TB,
         time_entry_items(work_item_external_id=DROP, work_item_id=UNKNOWN_ID), field="items[3].work_item_id"),
    case("time-entries-bulk-work-item-id-not-uuid", "POST", TB,
         time_entry_items(work_item_external_id=DROP, work_item_id="wi-1"), field="items[3].work_item_id"),
    case("time-entries-bulk-work-item-id-and-external-id", "POST", TB,
         time_entry_items(work_item_id=ref("work_item")), field="items[3].work_item_external_id"),
    case("time-entries-bulk-work-item-is-a-customer", "POST", TB,
         time_entry_items(work_item_external_id="cust-acme"), field="items[3].work_item_external_id"),
    case("time-entries-bulk-product-external-id-unknown", "POST", TB,
         time_entry_items(product_id=DROP, product_external_id="prod-nobody"), field="items[3].product_external_id"),
    case("time-entries-bulk-product-id-and-external-id", "POST", TB,
         time_entry_items(product_external_id="prod-sup"), field="items[3].product_external_id"),
    case("time-entries-bulk-product-id-unknown", "POST", TB, time_entry_items(product_id=UNKNOWN_ID),
         field="items[3].product_id"),
    case("time-entries-bulk-duplicate-external-id", "POST", TB, time_entry_items(external_id="te-bulk-1"),
         field="items[3].external_id", code="duplicate_external_id"),
    case("time-entries-bulk-duplicate-external-id-after-strip", "POST", TB,
         time_entry_items(external_id=" te-bulk-1 "), field="items[3].external_id",
         code="duplicate_external_id"),
    case("time-entries-bulk-10001-items", "POST", TB,
         many(10_001, lambda i: {"external_id": f"t{i}", "work_item_external_id": "wi-1",
                                 "started_at": STARTED, "hours": "1.00"}), field="items"),
]

WEBHOOK_ENDPOINT_CASES = [
    case("webhook-secret-not-settable", "POST", WH, webhook_endpoint(secret="whsec_mine"), field="secret", code=V),
    case("webhook-unknown-field", "POST", WH, webhook_endpoint(status="active"), field="status", code=V),
    case("webhook-url-missing", "POST", WH, webhook_endpoint(url=DROP), field="url"),
    case("webhook-url-null", "POST", WH, webhook_endpoint(url=None), field="url"),
    case("webhook-url-number", "POST", WH, webhook_endpoint(url=42), field="url"),
    case("webhook-url-empty", "POST", WH, webhook_endpoint(url=""), field="url"),
    case("webhook-url-relative", "POST", WH, webhook_endpoint(url="/hooks/rebill"), field="url"),
    case("webhook-url-no-scheme", "POST", WH, webhook_endpoint(url="hooks.example/rebill"), field="url"),
    case("webhook-url-ftp", "POST", WH, webhook_endpoint(url="ftp://hooks.example/rebill"), field="url"),
    case("webhook-url-javascript", "POST", WH, webhook_endpoint(url="javascript:alert(1)"), field="url"),
    case("webhook-url-no-host", "POST", WH, webhook_endpoint(url="https:///rebill"), field="url"),
    case("webhook-url-credentials", "POST", WH, webhook_endpoint(url="https://user:pw@hooks.example/rebill"),
         field="url"),
    case("webhook-url-fragment", "POST", WH, webhook_endpoint(url="https://hooks.example/rebill#x"), field="url"),
    case("webhook-url-space", "POST", WH, webhook_endpoint(url="https://hooks.example/re bill"), field="url"),
    case("webhook-url-header-injection", "POST", WH,
         webhook_endpoint(url="https://hooks.example/rebill\r\nX-Evil: 1"), field="url"),
    case("webhook-url-nul", "POST", WH, webhook_endpoint(url="https://hooks.example/" + NUL), field="url"),
    case("webhook-url-port-out-of-range", "POST", WH, webhook_endpoint(url="https://hooks.example:99999/rebill"),
         field="url"),
    case("webhook-url-broken-ipv6", "POST", WH, webhook_endpoint(url="https://[::1/rebill"), field="url"),
    case("webhook-url-too-long", "POST", WH, webhook_endpoint(url="https://hooks.example/" + "a" * 2048),
         field="url"),
    case("webhook-events-missing", "POST", WH, webhook_endpoint(events=DROP), field="events"),
    case("webhook-events-empty", "POST", WH, webhook_endpoint(events=[]), field="events"),
    case("webhook-events-null", "POST", WH, webhook_endpoint(events=None), field="events"),
    case("webhook-events-string", "POST", WH, webhook_endpoint(events="invoice.sent"), field="events"),
    case("webhook-events-unknown", "POST", WH, webhook_endpoint(events=["invoice.sent", "invoice.refunded"]),
         field="events[1]"),
    case("webhook-events-wildcard", "POST", WH, webhook_endpoint(events=["*"]), field="events[0]"),
    case("webhook-events-number", "POST", WH, webhook_endpoint(events=[1]), field="events[0]"),
    case("webhook-events-duplicate", "POST", WH, webhook_endpoint(events=["invoice.sent", "invoice.sent"]),
         field="events"),
    case("webhook-enabled-string", "POST", WH, webhook_endpoint(enabled="true"), field="enabled"),
    case("webhook-enabled-number", "POST", WH, webhook_endpoint(enabled=1), field="enabled"),
    case("webhook-enabled-null", "POST", WH, webhook_endpoint(enabled=None), field="enabled"),
    case("webhook-description-nul", "POST", WH, webhook_endpoint(description=NUL), field="description"),
    case("webhook-description-too-long", "POST", WH, webhook_endpoint(description="d" * 4001),
         field="description"),
    case("webhook-patch-url-null", "PATCH", WHP, {"description": "Renamed", "url": None}, field="url"),
    case("webhook-patch-url-ftp", "PATCH", WHP, {"description": "Renamed", "url": "ftp://x.example/"}, field="url"),
    case("webhook-patch-events-null", "PATCH", WHP, {"description": "Renamed", "events": None}, field="events"),
    case("webhook-patch-events-empty", "PATCH", WHP, {"description": "Renamed", "events": []}, field="events"),
    case("webhook-patch-events-unknown", "PATCH", WHP, {"description": "Renamed", "events": ["invoice.refunded"]},
         field="events[0]"),
    case("webhook-patch-enabled-null", "PATCH", WHP, {"description": "Renamed", "enabled": None}, field="enabled"),
    case("webhook-patch-secret", "PATCH", WHP, {"description": "Renamed", "secret": "whsec_mine"}, field="secret"),
]

EXPORT_CASES = [
    case("export-format-unknown", "POST", E, {"format": "sage", "issued_from": "2026-01-01"}, field="format"),
    case("export-format-null", "POST", E, {"format": None, "issued_from": "2026-01-01"}, field="format"),
    case("export-no-selection", "POST", E, {"format": "csv"}, field="batch_id"),
    case("export-two-selections", "POST", E, {"format": "csv", "batch_id": UNKNOWN_ID, "issued_from": "2026-01-01"},
         field="issued_from"),
    case("export-batch-unknown", "POST", E, {"format": "csv", "batch_id": UNKNOWN_ID}, field="batch_id"),
    case("export-batch-not-an-id", "POST", E, {"format": "csv", "batch_id": "batch-1"}, field="batch_id"),
    case("export-invoice-ids-empty", "POST", E, {"format": "csv", "invoice_ids": []}, field="invoice_ids"),
    case("export-invoice-unknown", "POST", E, {"format": "csv", "invoice_ids": [UNKNOWN_ID]}, field="invoice_ids[0]"),
    case("export-dates-reversed", "POST", E, {"format": "csv", "issued_from": "2026-02-01", "issued_to": "2026-01-31"},
         field="issued_to"),
    case("export-date-not-iso", "POST", E, {"format": "csv", "issued_from": "01/02/2026"}, field="issued_from"),
    case("export-server-field", "POST", E, {"format": "csv", "issued_from": "2026-01-01", "status": "ready"},
         field="status"),
    case("settings-accounting-null", "PATCH", S, settings_patch(accounting=None), field="accounting"),
    case("settings-accounting-unknown-field", "PATCH", S, settings_patch(accounting={"ledger": "706"}),
         field="accounting.ledger"),
    case("settings-accounting-account-code-number", "PATCH", S, settings_patch(accounting={"account_code": 706}),
         field="accounting.account_code"),
]

BAD_REQUESTS = (SETTINGS_CASES + EXPORT_CASES + CUSTOMER_CASES + PRODUCT_CASES + PRICE_CASES + WORK_ITEM_CASES
                + TIME_ENTRY_CASES + SELECTION_CASES + CUSTOMER_BULK_CASES + WORK_ITEM_BULK_CASES
                + TIME_ENTRY_BULK_CASES + WEBHOOK_ENDPOINT_CASES)


async def send(client, method: str, path: str, body: Any, headers: dict | None = None):
    headers = {"content-type": "application/json", **(headers or {})}
    if body is None:
        return await client.request(method, path)
    content = body if isinstance(body, bytes) else encode(body)
    return await client.request(method, path, content=content, headers=headers)


@pytest.mark.parametrize("bad", BAD_REQUESTS)
async def test_bad_request_is_a_4xx_problem_naming_the_field_and_writes_nothing(api, world, bad: Bad):
    before = await tenant_state(api)
    response = await send(api, bad.method, bad.path.format(**world), resolve(bad.body, world))
    assert_problem(response, bad.status, code=bad.code, field=bad.field)
    assert await tenant_state(api) == before


# The bodies the cases start from are valid: each refusal above is caused by what the case breaks.
VALID_BASES = [
    ("PATCH", S, settings_patch()), ("POST", C, customer()), ("PATCH", CP, {"name": "Renamed"}), ("POST", P, product()),
    ("PATCH", PP, {"name": "Renamed"}), ("POST", PR, price()), ("PATCH", PRP, {"unit_price": "1.00"}),
    ("POST", W, work_item()), ("PATCH", WP, {"title": "Renamed"}), ("POST", T, time_entry()),
    ("PATCH", TP, {"note": "Changed"}), ("POST", SE, selection()), ("PATCH", SEP, {"name": "Renamed"}),
    ("POST", CB, customer_items()), ("POST", WB, work_item_items()), ("POST", TB, time_entry_items()),
    ("POST", CB, customer_items(kind="contact", parent_external_id="cust-acme")),
    ("POST", WH, webhook_endpoint()), ("PATCH", WHP, {"description": "Renamed"}),
    ("POST", E, {"format": "csv", "issued_from": "2026-01-01"}),
]


@pytest.mark.parametrize(("method", "path", "body"), VALID_BASES,
                         ids=[f"{m} {p}-{i}" for i, (m, p, _) in enumerate(VALID_BASES)])
async def test_valid_bases_are_accepted(api, world, method, path, body):
    before = await tenant_state(api)
    response = await send(api, method, path.format(**world), resolve(body, world))
    assert response.status_code in (200, 201, 202), response.text
    assert await tenant_state(api) != before


# --- bodies that are not a JSON object ------------------------------------------------------------

BODY_ROUTES = [("PATCH", S), ("POST", C), ("PATCH", CP), ("POST", P), ("PATCH", PP), ("POST", PR), ("PATCH", PRP),
               ("POST", W), ("PATCH", WP), ("POST", T), ("PATCH", TP), ("POST", SE), ("PATCH", SEP),
               ("POST", CB), ("POST", WB), ("POST", TB), ("POST", WH), ("PATCH", WHP)]

NOT_AN_OBJECT = [
    ("truncated", b'{"name": "Acme", "items": [', 400, "malformed_json"),
    ("trailing-garbage", b'{"name": "Acme"} and more', 400, "malformed_json"),
    ("single-quotes", b"{'name': 'Acme'}", 400, "malformed_json"),
    ("trailing-comma", b'{"name": "Acme",}', 400, "malformed_json"),
    ("not-json", b"name=Acme&kind=company", 400, "malformed_json"),
    ("empty-body", b"", 422, None),
    ("whitespace-body", b"  \n ", 400, "malformed_json"),
    ("json-array", b'[{"name": "Acme"}]', 422, None),
    ("json-string", b'"Acme"', 422, None),
    ("json-number", b"42", 422, None),
    ("json-null", b"null", 422, None),
]


@pytest.mark.parametrize(("label", "raw", "status", "code"), NOT_AN_OBJECT, ids=[n[0] for n in NOT_AN_OBJECT])
@pytest.mark.parametrize(("method", "path"), BODY_ROUTES, ids=[f"{m} {p}" for m, p in BODY_ROUTES])
async def test_a_body_that_is_not_a_json_object_is_refused(api, world, method, path, label, raw, status, code):
    before = await tenant_state(api)
    response = await send(api, method, path.format(**world), raw)
    body = assert_problem(response, status, code=code)
    if status == 422:
        assert "body" in [e["field"] for e in body["errors"]], body
    assert await tenant_state(api) == before


async def test_a_body_that_is_not_utf8_is_malformed_json(api, world):
    before = await tenant_state(api)
    response = await send(api, "POST", C, b'{"name": "Acme \xff\xfe"}')
    assert_problem(response, 400, code="malformed_json")
    assert await tenant_state(api) == before


UNPARSEABLE = [
    ("not-utf-8", b'{"name": "Acme \xff\xfe"}'),
    ("nested-100000-deep", b"[" * 100_000 + b"]" * 100_000),
    ("integer-of-5000-digits", b'{"name": "Acme", "tax_rate": ' + b"9" * 5000 + b"}"),
]


@pytest.mark.parametrize("raw", [r for _, r in UNPARSEABLE], ids=[n for n, _ in UNPARSEABLE])
async def test_a_body_the_json_parser_gives_up_on_is_a_400_problem(api, world, raw):
    before = await tenant_state(api)
    body = assert_problem(await send(api, "POST", C, raw), 400)
    assert body["code"] in ("malformed_json", "malformed_body"), body
    assert await tenant_state(api) == before


async def test_json_in_a_form_content_type_is_refused(api, world):
    before = await tenant_state(api)
    response = await api.post(C, content=encode(customer()), headers={"content-type": "text/plain"})
    assert_problem(response, 415, code="unsupported_media_type")
    assert await tenant_state(api) == before


# --- bodies over the size limit -----------------------------------------------------------------------

LIMIT = 8 * 1024 * 1024


def oversized_time_entries() -> bytes:
    """About 9 MiB of valid time entries: were the limit not enforced, they would all be stored."""
    note = "n" * 4000
    items = [{"external_id": f"big-{i}", "work_item_external_id": "wi-1", "started_at": STARTED,
              "hours": "0.25", "note": note} for i in range(2300)]
    raw = encode({"items": items})
    assert LIMIT + 512 * 1024 < len(raw) < 10 * 1024 * 1024
    return raw


async def test_settings_limit_is_the_one_these_tests_assume(settings):
    assert settings.max_body_bytes == LIMIT


async def test_oversized_body_with_content_length_is_413_and_writes_nothing(api, world):
    before = await tenant_state(api)
    raw = oversized_time_entries()
    response = await api.post(TB, content=raw, headers={"content-type": "application/json"})
    assert response.request.headers["content-length"] == str(len(raw))
    assert_problem(response, 413, code="payload_too_large")
    assert await tenant_state(api) == before


async def test_oversized_streamed_body_without_content_length_is_413_and_writes_nothing(api, world):
    before = await tenant_state(api)
    raw = oversized_time_entries()

    async def chunks():
        for start in range(0, len(raw), 64 * 1024):
            yield raw[start:start + 64 * 1024]

    response = await api.post(TB, content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    assert_problem(response, 413, code="payload_too_large")
    assert await tenant_state(api) == before


async def test_oversized_single_field_is_413_not_422(api, world):
    before = await tenant_state(api)
    response = await send(api, "PATCH", S, settings_patch(legal_name="x" * (9 * 1024 * 1024)))
    assert_problem(response, 413, code="payload_too_large")
    assert await tenant_state(api) == before


async def test_just_under_the_limit_is_parsed(api, world):
    """The limit is the configured one, not something smaller: a large body under it is read and
    judged on its content (here, one item too many)."""
    raw = encode(many(10_001, lambda i: {"external_id": f"t{i:05}-" + "x" * 200, "work_item_external_id": "wi-1",
                                         "started_at": STARTED, "hours": "1.00"}))
    assert 2 * 1024 * 1024 < len(raw) < LIMIT
    response = await api.post(TB, content=raw, headers={"content-type": "application/json"})
    assert_problem(response, 422, field="items")


# --- bulk: the upper bound is 10,000 ---------------------------------------------------------------

async def test_bulk_of_exactly_10000_time_entries_is_accepted(api, world):
    items = [{"external_id": f"t{i}", "work_item_external_id": "wi-1", "started_at": STARTED, "hours": "1.00"}
             for i in range(10_000)]
    response = await api.post(TB, json={"items": items})
    assert response.status_code == 200, response.text
    assert bulk_counts(response) == {"created": 10_000, "updated": 0, "unchanged": 0, "errors": 0}


# --- bulk with on_error=skip: a bad item is answered in place, the others are stored ----------------

ITEM_FAULTS = [bad for bad in CUSTOMER_BULK_CASES + WORK_ITEM_BULK_CASES + TIME_ENTRY_BULK_CASES
               if bad.values[0].field.startswith("items[")]


@pytest.mark.parametrize("bad", ITEM_FAULTS)
async def test_a_bad_bulk_item_with_on_error_skip_is_answered_in_place_and_the_others_stored(api, world, bad: Bad):
    response = await send(api, "POST", bad.path + "?on_error=skip", resolve(bad.body, world))
    assert response.status_code == 200, response.text[:2000]
    body = response.json()
    index = int(bad.field[len("items["):bad.field.index("]")])
    assert [n for n, item in enumerate(body["items"]) if item["result"] == "error"] == [index], body
    assert bad.field in [e["field"] for e in body["items"][index]["errors"]], body
    assert bulk_counts(response)["errors"] == 1
    for item in body["items"]:
        if item["result"] != "error":
            stored = await api.get(f"/v1/{bad.path.split('/')[2]}/{item['id']}")
            assert stored.status_code == 200 and stored.json()["external_id"] == item["external_id"]


@pytest.mark.parametrize(("external_id", "answered"), [(LONE_SURROGATE, None), (NUL, NUL), (42, None),
                                                       (" te-1 ", " te-1 ")])
async def test_a_bulk_item_in_error_answers_its_external_id_as_sent_when_it_is_text(api, world, external_id,
                                                                                   answered):
    body = {"items": [{"external_id": external_id, "work_item_external_id": "wi-1", "started_at": STARTED,
                       "hours": "0.00"}]}
    response = await send(api, "POST", TB + "?on_error=skip", body)
    assert response.status_code == 200, response.text[:2000]
    [item] = response.json()["items"]
    assert (item["external_id"], item["id"], item["result"]) == (answered, None, "error")


# --- query parameters of the list routes -----------------------------------------------------------

BAD_QUERIES = [
    (kind, params, field)
    for kind in KINDS
    for params, field in [
        ({"limit": "0"}, "limit"), ({"limit": "-1"}, "limit"), ({"limit": "201"}, "limit"),
        ({"limit": "100000"}, "limit"),
        ({"limit": "abc"}, "limit"), ({"limit": "1.5"}, "limit"), ({"limit": ""}, "limit"),
        ({"cursor": "garbage"}, "cursor"), ({"cursor": "!!!"}, "cursor"), ({"cursor": "x" * 65}, "cursor"),
        ({"cursor": "AAAA"}, "cursor"),
    ]
] + [
    ("customers", {"kind": "person"}, "kind"), ("customers", {"parent_id": "cust-acme"}, "parent_id"),
    ("customers", {"external_id": "x" * 256}, "external_id"),
    ("products", {"code": "c" * 256}, "code"),
    ("prices", {"customer_id": "nope"}, "customer_id"), ("prices", {"product_id": "nope"}, "product_id"),
    ("work-items", {"type": "incident"}, "type"), ("work-items", {"customer_id": "42"}, "customer_id"),
    ("time-entries", {"date_from": "notadate"}, "date_from"), ("time-entries", {"date_to": "2026-02-30"}, "date_to"),
    ("time-entries", {"date_from": "2026-11-05T10:00:00+01:00"}, "date_from"),
    ("time-entries", {"date_from": "05/11/2026"}, "date_from"),
    ("time-entries", {"status": "invoiced"}, "status"), ("time-entries", {"billable": "perhaps"}, "billable"),
    ("time-entries", {"invoiced": "perhaps"}, "invoiced"), ("time-entries", {"customer_id": "x"}, "customer_id"),
    ("time-entries", {"work_item_id": "x"}, "work_item_id"), ("time-entries", {"product_id": "x"}, "product_id"),
    ("invoices", {"payment_status": "settled"}, "payment_status"), ("invoices", {"exported": "perhaps"}, "exported"),
    ("invoices", {"issued_from": "30/11/2026"}, "issued_from"), ("invoices", {"issued_to": "2026-02-30"}, "issued_to"),
    ("invoices", {"type": "quote"}, "type"), ("exports", {"limit": "0"}, "limit"), ("exports", {"order": "up"}, "order"),
]


@pytest.mark.parametrize(("kind", "params", "field"), BAD_QUERIES,
                         ids=[f"{k}?{'&'.join(f'{a}={b[:12]}' for a, b in p.items())}" for k, p, _ in BAD_QUERIES])
async def test_bad_query_parameter_is_422_naming_it(api, kind, params, field):
    response = await api.get(f"/v1/{kind}", params=params)
    assert_problem(response, 422, field=field)


@pytest.mark.parametrize(("params", "field"), [({"limit": "0"}, "limit"), ({"limit": "201"}, "limit"),
                                                ({"cursor": "garbage"}, "cursor"), ({"cursor": "x" * 65}, "cursor")])
async def test_bad_query_parameter_of_the_delivery_log_is_422_naming_it(api, world, params, field):
    response = await api.get(f"{WHP.format(**world)}/deliveries", params=params)
    assert_problem(response, 422, field=field)


LIST_QUERIES = [({"limit": "0"}, "limit"), ({"limit": "201"}, "limit"), ({"limit": "abc"}, "limit"),
                ({"cursor": "garbage"}, "cursor"), ({"cursor": "x" * 65}, "cursor"), ({"cursor": "AAAA"}, "cursor")]


@pytest.mark.parametrize(("params", "field"), LIST_QUERIES,
                         ids=[next(iter(p.items()))[1][:12] for p, _ in LIST_QUERIES])
@pytest.mark.parametrize("selection", REPORT_SELECTIONS)
async def test_bad_query_parameter_of_a_report_list_is_422_naming_it(api, world, selection, params, field):
    batch = await api.post("/v1/invoice-batches", json={
        "title": "November", "period_start": "2026-11-01", "period_end": "2026-11-30",
        "customer_ids": [world["company"]], "run_at": an_hour_ahead()})
    assert batch.status_code == 202, batch.text
    response = await api.get(f"/v1/invoice-batches/{batch.json()['id']}/report/{selection}", params=params)
    assert_problem(response, 422, field=field)


NUL_FILTERS = [("customers", "external_id"), ("products", "code"), ("products", "external_id"),
               ("work-items", "external_id"), ("time-entries", "external_id")]


@pytest.mark.parametrize(("kind", "param"), NUL_FILTERS, ids=[f"{k}?{p}" for k, p in NUL_FILTERS])
async def test_nul_in_a_filter_is_422_naming_it(api, world, kind, param):
    response = await api.get(f"/v1/{kind}", params={param: NUL})
    assert_problem(response, 422, field=param)


async def test_dates_at_the_edge_of_the_calendar_are_not_a_500(api, world):
    assert (await api.patch(S, json={"timezone": "Pacific/Kiritimati"})).status_code == 200
    for params in ({"date_from": "0001-01-01"}, {"date_to": "0001-01-01"}, {"date_to": "9999-12-30"},
                   {"date_from": "9999-12-31"}, {"date_to": "9999-12-31"}):
        response = await api.get("/v1/time-entries", params=params)
        assert response.status_code == 200 or 400 <= response.status_code < 500, (params, response.text)
        if response.status_code != 200:
            assert_problem(response, response.status_code, field=next(iter(params)))


async def test_a_valid_cursor_still_pages(api, world):
    """The garbage cursors above are refused because they are garbage, not because cursors are."""
    first = await api.get("/v1/customers", params={"limit": 1})
    assert first.status_code == 200, first.text
    cursor = first.json()["next_cursor"]
    assert cursor
    second = await api.get("/v1/customers", params={"limit": 1, "cursor": cursor})
    assert second.status_code == 200, second.text
    assert second.json()["data"][0]["id"] != first.json()["data"][0]["id"]


async def test_the_default_product_cannot_be_deleted(api, world):
    spare = await factories.product(api, code="SPARE", external_id="prod-spare")
    response = await api.patch(S, json={"default_product_id": spare["id"]})
    assert response.status_code == 200, response.text
    before = await tenant_state(api)
    assert_problem(await api.delete(f"/v1/products/{spare['id']}"), 409)
    assert await tenant_state(api) == before


# --- ids in the path -------------------------------------------------------------------------------

PATCH_BODIES = {"customers": {"name": "Renamed"}, "products": {"name": "Renamed"}, "prices": {"unit_price": "1.00"},
                "contracts": {"name": "Renamed"},
                "work-items": {"title": "Renamed"}, "time-entries": {"note": "Changed"},
                "selections": {"name": "Renamed"}, "webhook-endpoints": {"description": "Renamed"}}
BAD_PATH_IDS = ["not-a-uuid", "12345", "cust-acme", UNKNOWN_ID, UNKNOWN_ID.replace("-", "")[:-1]]


@pytest.mark.parametrize("bad_id", BAD_PATH_IDS)
@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
@pytest.mark.parametrize("kind", KINDS)
async def test_an_id_that_names_no_record_is_404_and_writes_nothing(api, world, kind, method, bad_id):
    before = await tenant_state(api)
    path = f"/v1/{kind}/{bad_id}"
    if method == "PATCH":
        response = await send(api, method, path, PATCH_BODIES[kind])
    else:
        response = await api.request(method, path)
    assert_problem(response, 404, code="not_found")
    assert await tenant_state(api) == before


# --- an invoiced time entry is read-only -----------------------------------------------------------

@pytest.fixture
async def invoiced(api, world, sessionmaker) -> dict:
    """A time entry marked as billed, as a batch would leave it."""
    entry = await factories.time_entry(api, work_item_id=world["work_item"], external_id="te-invoiced",
                                       employee_id="e-7", employee_name="Alice Martin", hours="1.50",
                                       started_at=STARTED)
    invoice_id, line_id = await factories.mark_invoiced(sessionmaker, entry["id"])
    shown = await api.get(f"/v1/time-entries/{entry['id']}")
    assert shown.status_code == 200, shown.text
    assert shown.json()["invoice_id"] == str(invoice_id)
    assert shown.json()["invoice_line_id"] == str(line_id)
    return shown.json()


async def test_patching_an_invoiced_time_entry_is_409(api, invoiced):
    before = await tenant_state(api)
    for body in ({"note": "Changed after billing"}, {"hours": "9.00"}, {"billable": False}, {"status": "draft"}):
        response = await api.patch(f"/v1/time-entries/{invoiced['id']}", json=body)
        assert_problem(response, 409, code="time_entry_invoiced")
    assert await tenant_state(api) == before


async def test_deleting_an_invoiced_time_entry_is_409(api, invoiced):
    before = await tenant_state(api)
    response = await api.delete(f"/v1/time-entries/{invoiced['id']}")
    assert_problem(response, 409, code="time_entry_invoiced")
    assert await tenant_state(api) == before
    assert (await api.get(f"/v1/time-entries/{invoiced['id']}")).json() == invoiced


def invoiced_item(**over) -> dict:
    """The invoiced entry exactly as it was pushed."""
    return {"external_id": "te-invoiced", "work_item_external_id": "wi-1", "employee_id": "e-7",
            "employee_name": "Alice Martin", "started_at": STARTED, "hours": "1.50", "status": "approved", **over}


@pytest.mark.parametrize("change", [{"hours": "2.00"}, {"note": "Edited"}, {"status": "draft"}, {"billable": False},
                                    {"started_at": "2026-11-06T14:30:00+01:00"}, {"employee_name": "Bob"},
                                    {"product_external_id": "prod-dev"}],
                         ids=lambda c: next(iter(c)))
async def test_a_bulk_push_changing_an_invoiced_entry_is_409_and_writes_nothing(api, invoiced, change):
    before = await tenant_state(api)
    items = [{"external_id": "te-new", "work_item_external_id": "wi-1", "started_at": STARTED, "hours": "1.00"},
             {"external_id": "te-1", "work_item_external_id": "wi-1", "started_at": STARTED, "hours": "6.00"},
             invoiced_item(**change)]
    response = await api.post(TB, json={"items": items})
    body = assert_problem(response, 409, code="time_entry_invoiced")
    assert "items[2]" in [e["field"] for e in body["errors"]], body
    assert await tenant_state(api) == before


async def test_a_bulk_push_repeating_an_invoiced_entry_unchanged_is_fine(api, invoiced):
    before = await tenant_state(api)
    response = await api.post(TB, json={"items": [invoiced_item()]})
    assert response.status_code == 200, response.text
    assert bulk_counts(response) == {"created": 0, "updated": 0, "unchanged": 1, "errors": 0}
    assert await tenant_state(api) == before
    # The same instant written in another offset is the same entry, still unchanged.
    response = await api.post(TB, json={"items": [invoiced_item(started_at="2026-11-05T13:30:00Z")]})
    assert response.status_code == 200, response.text
    assert bulk_counts(response) == {"created": 0, "updated": 0, "unchanged": 1, "errors": 0}
    # With other entries in the push, those are written and the invoiced one is left alone.
    response = await api.post(TB, json={"items": [
        invoiced_item(), {"external_id": "te-new", "work_item_external_id": "wi-1", "started_at": STARTED,
                          "hours": "1.00"}]})
    assert response.status_code == 200, response.text
    assert bulk_counts(response) == {"created": 1, "updated": 0, "unchanged": 1, "errors": 0}
    assert (await api.get(f"/v1/time-entries/{invoiced['id']}")).json() == invoiced
