"""The OpenAPI document states exactly what the server accepts (SPEC §14): nullability as the
server treats null, patterns that accept exactly what validation accepts, the 400 of a malformed
body, the bearer scheme, a description and examples for the operations; a 405 names every method
of its path; /docs and /redoc work without internet access."""

import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from app.kit.currency import CURRENCIES
from app.kit.money import Hours, TaxRate, UnitPrice
from app.kit.schemas import CalendarDate, Currency, ExternalId, Instant, LongText, Name, TimeZone
from app.kit.timezones import TIME_ZONES
from app.openapi import render
from app.webhooks.schemas import WebhookUrl
from tests import factories

DOCUMENT = json.loads(render())
SCHEMAS = DOCUMENT["components"]["schemas"]


def _operations():
    for path, operations in DOCUMENT["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


# --- 405 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("method", "path", "allow"), [
    ("OPTIONS", "/v1/customers", "GET, POST"),
    ("PUT", "/v1/customers", "GET, POST"),
    ("PUT", "/v1/customers/01900000-0000-7000-8000-000000000001", "DELETE, GET, PATCH"),
    ("GET", "/v1/customers/bulk", None),  # the id route reads "bulk" as an id: 404, not 405
    ("OPTIONS", "/v1/customers/bulk", "POST"),
    ("PUT", "/v1/time-entries/bulk", "POST"),  # DELETE would reach the id route (an id "bulk")
    ("OPTIONS", "/v1/settings", "GET, PATCH"),
    ("GET", "/v1/invoice-batches/preview", None),
    ("PUT", "/v1/invoice-batches/preview", "POST"),
    ("GET", "/v1/invoice-batches/01900000-0000-7000-8000-000000000001/cancel", "POST"),
    ("POST", "/v1/invoice-batches/01900000-0000-7000-8000-000000000001/report/unbilled-times", "GET"),
    ("DELETE", "/v1/webhook-endpoints/x/deliveries/y/retry", "POST"),
    ("POST", "/healthz", "GET"),
])
async def test_a_405_lists_every_method_of_the_path(anonymous, method, path, allow):
    response = await anonymous.request(method, path)
    if allow is None:
        assert response.status_code in {401, 404}, response.text
        return
    assert response.status_code == 405, response.text
    assert response.headers["allow"] == allow
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "method_not_allowed"


async def test_options_on_every_documented_path_allows_exactly_its_documented_methods(anonymous):
    for template, operations in DOCUMENT["paths"].items():
        response = await anonymous.options(re.sub(r"\{[^}]+\}", "x", template))
        assert response.status_code == 405, template
        assert set(response.headers["allow"].split(", ")) == {m.upper() for m in operations}, template


# --- /docs and /redoc offline ---------------------------------------------------------------------

class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in {"src", "href"} and value]


@pytest.mark.parametrize(("page", "scripts"), [("/docs", 1), ("/redoc", 1)])
async def test_the_documentation_pages_load_only_local_assets(anonymous, page, scripts):
    response = await anonymous.get(page)
    assert response.status_code == 200
    parser = _References()
    parser.feed(response.text)
    assert parser.urls and all(url.startswith("/") and not url.startswith("//") for url in parser.urls), parser.urls
    assert not re.search(r"https?://", response.text), "the page names a remote address"
    assert len([u for u in parser.urls if u.endswith(".js")]) == scripts
    for url in parser.urls:
        asset = await anonymous.get(url)
        assert asset.status_code == 200, url
        if url.endswith(".js"):
            assert "javascript" in asset.headers["content-type"] and len(asset.content) > 100_000
    assert "'/openapi.json'" in response.text or '"/openapi.json"' in response.text


def test_swagger_ui_offers_to_authorize_with_an_api_key():
    # An HTTP bearer scheme is what makes Swagger UI show its Authorize button.
    [(name, scheme)] = DOCUMENT["components"]["securitySchemes"].items()
    assert (name, scheme["type"], scheme["scheme"]) == ("bearerAuth", "http", "bearer")


# --- the document -----------------------------------------------------------------------------------

def test_every_authenticated_operation_declares_the_bearer_scheme():
    for path, method, operation in _operations():
        if path.startswith("/v1/"):
            assert operation.get("security") == [{"bearerAuth": []}], f"{method} {path}"
        else:
            assert "security" not in operation, f"{method} {path}"


def test_every_operation_with_a_body_declares_the_400_of_a_malformed_one():
    with_body = [(path, method, op) for path, method, op in _operations() if "requestBody" in op]
    assert len(with_body) >= 20
    for path, method, operation in with_body:
        declared = operation["responses"].get("400")
        assert declared, f"{method} {path}"
        assert declared["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}


async def test_a_malformed_body_answers_the_declared_400(api):
    for body in (b"{", b"\xff\xfe", b"[" * 10_000 + b"]" * 10_000):
        response = await api.post("/v1/products", content=body, headers={"Content-Type": "application/json"})
        assert response.status_code == 400, response.text
        assert response.headers["content-type"].startswith("application/problem+json")


def test_every_operation_has_a_summary_and_a_description():
    for path, method, operation in _operations():
        assert operation.get("summary"), f"{method} {path}"
        assert len(operation.get("description", "")) > 10, f"{method} {path} has no description"


@pytest.mark.parametrize("schema", ["CustomerCreate", "CustomerBulk", "ProductCreate", "PriceCreate", "WorkItemCreate",
                                    "WorkItemBulk", "ContractCreate", "ContractBulk", "BlockCreate", "TimeEntryCreate", "TimeEntryBulk", "SelectionCreate",
                                    "InvoiceBatchDefinition", "WebhookEndpointCreate", "SettingsUpdate"])
def test_create_bulk_and_batch_bodies_carry_an_example_the_model_accepts(schema):
    import app.routers  # noqa: F401  (imports every schema module)
    from app.contracts import schemas as contracts
    from app.customers import schemas as customers
    from app.invoice_batches import schemas as batches
    from app.products import schemas as products
    from app.selections import schemas as selections
    from app.settings import schemas as settings_
    from app.time_entries import schemas as time_entries
    from app.webhooks import schemas as webhooks
    from app.work_items import schemas as work_items

    examples = SCHEMAS[schema].get("examples")
    assert examples, f"{schema} has no example"
    model = next(getattr(m, schema) for m in (contracts, customers, batches, products, selections, settings_, time_entries,
                                               webhooks, work_items) if hasattr(m, schema))
    for example in examples:
        model.model_validate(example)


# --- null: nullable in the document exactly when the server takes null ------------------------------

PATCHES = {"ProductUpdate": "/v1/products/{product}", "PriceUpdate": "/v1/prices/{price}",
           "ContractUpdate": "/v1/contracts/{contract}",
           "CustomerUpdate": "/v1/customers/{customer}", "WorkItemUpdate": "/v1/work-items/{work_item}",
           "TimeEntryUpdate": "/v1/time-entries/{time_entry}", "SelectionUpdate": "/v1/selections/{selection}",
           "SettingsUpdate": "/v1/settings", "WebhookEndpointUpdate": "/v1/webhook-endpoints/{webhook}"}


def _nullable(schema: dict) -> bool:
    return schema.get("type") == "null" or any(_nullable(s) for s in schema.get("anyOf", []))


async def test_a_patch_takes_null_exactly_for_the_fields_documented_nullable(api):
    company = await factories.customer(api)
    product = await factories.product(api)
    ticket = await factories.work_item(api, customer_id=company["id"])
    ids = {"customer": company["id"], "product": product["id"], "work_item": ticket["id"],
           "price": (await factories.price(api, customer_id=company["id"], product_id=product["id"]))["id"],
           "time_entry": (await factories.time_entry(api, work_item_id=ticket["id"]))["id"],
           "selection": (await factories.selection(api, customer_ids=[company["id"]]))["id"],
           "contract": (await factories.contract(api, customer_id=company["id"]))["id"],
           "webhook": (await api.post("/v1/webhook-endpoints", json={"url": "https://hooks.example/h",
                                                                     "events": ["invoice.sent"]})).json()["id"]}
    checked = 0
    for schema, path in PATCHES.items():
        for field, declared in SCHEMAS[schema]["properties"].items():
            response = await api.patch(path.format(**ids), json={field: None})
            if _nullable(declared):
                assert response.status_code == 200, f"{schema}.{field}: {response.text}"
                assert response.json().get(field, None) is None or field == "terms", f"{schema}.{field}"
            else:
                assert response.status_code == 422, f"{schema}.{field}: {response.status_code}"
                assert [e["field"] for e in response.json()["errors"]] == [field]
            checked += 1
    assert checked > 40


# --- patterns: accepted by the document exactly when accepted by validation ------------------------

def _published(type_) -> dict:
    return TypeAdapter(type_).json_schema()


def _accepts(adapter: TypeAdapter, value) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


def _document_accepts(schema: dict, value: str) -> bool:
    """The string keywords of a published schema, read as a JSON Schema validator reads them (a
    pattern is searched, unanchored; these patterns carry their own anchors)."""
    if "pattern" in schema and not re.search(schema["pattern"], value):
        return False
    return schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", len(value))


DECIMALS = st.text(alphabet="0123456789.", max_size=20) | st.from_regex(r"[0-9]{1,13}(\.[0-9]{1,5})?", fullmatch=True)


@pytest.mark.parametrize("type_", [UnitPrice, Hours, TaxRate], ids=["unit_price", "hours", "tax_rate"])
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=DECIMALS)
def test_a_decimal_pattern_accepts_exactly_what_validation_accepts(type_, value):
    assert _document_accepts(_published(type_), value) == _accepts(TypeAdapter(type_), value), value


def test_decimal_patterns_at_their_bounds():
    cases = {Hours: {"0": False, "0.00": False, "0.01": True, "0000.1": True, "9999.99": True, "10000": False,
                     "1.001": False, "0001": True},
             TaxRate: {"100": True, "100.0000": True, "100.0001": False, "099.9999": True, "0": True, "101": False},
             UnitPrice: {"0": True, "999999999999.9999": True, "1.": False, ".5": False, " 1.00": False,
                         "١٢٣.٠٠": False}}
    for type_, values in cases.items():
        for value, expected in values.items():
            assert _document_accepts(_published(type_), value) is expected, (type_, value)
            assert _accepts(TypeAdapter(type_), value) is expected, (type_, value)


TEXT = st.text(alphabet=st.sampled_from(" \t\n\x00\x1c\x85\xa0\u2003\u3000ab"), max_size=6)


@pytest.mark.parametrize("type_", [Name, ExternalId, LongText], ids=["name", "external_id", "long_text"])
@settings(max_examples=2000, deadline=None)
@given(value=TEXT)
def test_a_text_pattern_accepts_exactly_what_validation_accepts(type_, value):
    assert _document_accepts(_published(type_), value) == _accepts(TypeAdapter(type_), value), repr(value)


def test_text_lengths_are_judged_as_sent():
    name = TypeAdapter(Name)
    assert _accepts(name, "a" * 255) and not _accepts(name, "a" * 256) and not _accepts(name, " " + "a" * 255)
    assert _published(Name)["maxLength"] == 255


def test_currencies_and_time_zones_are_the_lists_validation_uses():
    for type_, names, outsiders in ((Currency, CURRENCIES, ["AAA", "eur", "EURO", "XXX"]),
                                    (TimeZone, TIME_ZONES, ["localtime", "Europe/Nowhere", "", "utc"])):
        adapter, schema = TypeAdapter(type_), _published(type_)
        assert len(names) > 100
        for name in names:
            assert _document_accepts(schema, name) and _accepts(adapter, name), name
        for name in outsiders:
            assert not _document_accepts(schema, name) and not _accepts(adapter, name), name


@settings(max_examples=3000, deadline=None)
@given(value=st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,3})?)?"
                           r"([Zz]|[+-][0-9]{2}:[0-9]{2})?)?", fullmatch=True))
def test_date_and_instant_patterns_accept_what_validation_accepts(value):
    for type_ in (Instant, CalendarDate):
        schema = _published(type_)
        if _accepts(TypeAdapter(type_), value):
            assert _document_accepts(schema, value), (type_, value)
        elif _document_accepts(schema, value):
            # The pattern states the form and the years; an impossible date (02-30) is the format's.
            assert not _valid_calendar(value), (type_, value)


def _valid_calendar(value: str) -> bool:
    from datetime import date, datetime

    try:
        (datetime if len(value) > 10 else date).fromisoformat(value.replace("t", "T").replace("z", "Z"))
    except ValueError:
        return False
    return True


URL_PARTS = st.sampled_from(["https://", "http://", "HTTPS://", "https:/", "https://user@", "ftp://"])
HOSTS = st.sampled_from(["hooks.example", "a_b.example", "-a.example", "1.2.3.4", "256.1.1.1", "[::1]",
                         "[::127.0.0.1]", "[64:ff9b::a9fe:a9fe]", "[1::2::3]", "[fe80::1%25eth0]", "", "xn--bcher-kva.example"])
REST = st.sampled_from(["", "/h", ":443/h", ":65535", ":65536/", ":/h", "/a b", "/h#frag", "/h?x=1", "?x", "/é"])


@settings(max_examples=1500, deadline=None)
@given(value=st.builds(lambda a, b, c: a + b + c, URL_PARTS, HOSTS, REST))
def test_the_webhook_url_pattern_accepts_exactly_the_https_urls_validation_accepts(value):
    accepted = _accepts(TypeAdapter(WebhookUrl), value) and value.startswith("https://")
    assert _document_accepts(_published(WebhookUrl), value) == accepted, value


def test_patterns_are_ascii_digits_only():
    # \d is Unicode-wide in Python's regex dialect (and so in generators reading the document).
    assert "\\d" not in json.dumps(DOCUMENT)
