"""What integrators rely on (SPEC §14): decimal strings are ASCII digits with an optional single dot
and nothing around them, exactly the pattern the OpenAPI document publishes; negative hours are
told to be positive; a body that is not JSON says so without naming a field, and a JSON body sent
under another Content-Type is told that it must be application/json (415).

Every refusal is checked over HTTP on a tenant that owns one record of each kind, and must leave
everything it can see unchanged."""

import re

import pytest

from tests.observe import tenant_state
from tests.test_bad_input import (C, CB, P, PR, TB, T, TP, assert_problem, customer, customer_items, encode, price,
                                  product, resolve, send, time_entry, time_entry_items, world)  # noqa: F401  (fixture)

# Each decimal field, reached through the routes that take it: (name, method, path, body for a value, field).
DECIMAL_FIELDS = [
    ("customer-tax-rate", "POST", C, lambda v: customer(tax_rate=v), "tax_rate"),
    ("customers-bulk-tax-rate", "POST", CB, lambda v: customer_items(tax_rate=v), "items[3].tax_rate"),
    ("product-unit-price", "POST", P, lambda v: product(unit_price=v), "unit_price"),
    ("product-tax-rate", "POST", P, lambda v: product(tax_rate=v), "tax_rate"),
    ("price-unit-price", "POST", PR, lambda v: price(unit_price=v), "unit_price"),
    ("time-entry-hours", "POST", T, lambda v: time_entry(hours=v), "hours"),
    ("time-entry-patch-hours", "PATCH", TP, lambda v: {"note": "Changed", "hours": v}, "hours"),
    ("time-entries-bulk-hours", "POST", TB, lambda v: time_entry_items(hours=v), "items[3].hours"),
]

NOT_DECIMAL_STRINGS = [
    ("spaces-around", " 1.00 "), ("trailing-space", "1.00 "), ("leading-space", " 1.00"), ("tab", "\t1.00"),
    ("trailing-newline", "1.00\n"), ("non-breaking-space", "1.00\u00a0"),
    ("arabic-indic-digits", "١٢٣.٠٠"), ("fullwidth-digits", "１２.００"), ("devanagari-digits", "१.००"),
    ("plus-sign", "+1"), ("exponent", "1e2"), ("underscore", "1_000"), ("thousands-comma", "1,000.00"),
    ("two-dots", "1.0.0"), ("trailing-dot", "1."), ("leading-dot", ".5"), ("hex", "0x10"), ("empty", ""),
]


@pytest.mark.parametrize("text", [t for _, t in NOT_DECIMAL_STRINGS], ids=[n for n, _ in NOT_DECIMAL_STRINGS])
@pytest.mark.parametrize(("method", "path", "body", "field"), [f[1:] for f in DECIMAL_FIELDS],
                         ids=[f[0] for f in DECIMAL_FIELDS])
async def test_a_decimal_string_other_than_ascii_digits_and_one_dot_is_refused_naming_the_field(
        api, world, method, path, body, field, text):
    before = await tenant_state(api)
    response = await send(api, method, path.format(**world), resolve(body(text), world))
    problem = assert_problem(response, 422, code="validation_error", field=field)
    [error] = [e for e in problem["errors"] if e["field"] == field]
    assert "ASCII digits with an optional single dot and nothing around it" in error["message"], error
    assert await tenant_state(api) == before


@pytest.mark.parametrize(("method", "path", "body", "field"), [f[1:] for f in DECIMAL_FIELDS],
                         ids=[f[0] for f in DECIMAL_FIELDS])
async def test_the_same_value_written_plainly_is_accepted(api, world, method, path, body, field):
    response = await send(api, method, path.format(**world), resolve(body("12.50"), world))
    assert response.status_code in (200, 201), response.text


@pytest.mark.parametrize("hours", ["-1.00", "-0.25", "-1", "0", "0.00", "-0"])
@pytest.mark.parametrize(("method", "path", "body", "field"), [f[1:] for f in DECIMAL_FIELDS if "hours" in f[0]],
                         ids=[f[0] for f in DECIMAL_FIELDS if "hours" in f[0]])
async def test_hours_that_are_not_positive_are_told_to_be_positive(api, world, method, path, body, field, hours):
    before = await tenant_state(api)
    response = await send(api, method, path.format(**world), resolve(body(hours), world))
    problem = assert_problem(response, 422, field=field)
    assert [e["message"] for e in problem["errors"] if e["field"] == field] == ["hours must be positive"]
    assert await tenant_state(api) == before


# The document's patterns, read as JSON Schema reads them (ECMA-262: `$` ends the string, `\d` is
# ASCII), accept exactly what the server accepts.
DOCUMENTED = [("CustomerCreate", "tax_rate"), ("ProductCreate", "unit_price"), ("ProductCreate", "tax_rate"),
              ("PriceCreate", "unit_price"), ("TimeEntryCreate", "hours"), ("TimeEntryBulkItem", "hours")]
# Candidates inside every field's range: only their form decides.
CANDIDATES = ["1", "1.5", "1.50", "12.25", "0001", "99.99", *[t for _, t in NOT_DECIMAL_STRINGS]]


def ecma_full_match(pattern: str, text: str) -> bool:
    assert pattern.startswith("^") and pattern.endswith("$"), pattern
    return re.fullmatch(pattern[1:-1], text, flags=re.ASCII) is not None


def published_pattern(document: dict, schema: str, field: str) -> str:
    prop = document["components"]["schemas"][schema]["properties"][field]
    [variant] = [v for v in prop.get("anyOf", [prop]) if v.get("type") == "string"]
    return variant["pattern"]


@pytest.mark.parametrize("text", CANDIDATES)
@pytest.mark.parametrize(("schema", "field"), DOCUMENTED, ids=[f"{s}.{f}" for s, f in DOCUMENTED])
async def test_the_published_pattern_accepts_exactly_what_the_server_accepts(app, api, world, schema, field, text):
    pattern = published_pattern(app.openapi(), schema, field)
    assert "\\d" not in pattern, "[0-9] reads the same in every regex dialect; \\d does not"
    route = {("CustomerCreate", "tax_rate"): DECIMAL_FIELDS[0], ("ProductCreate", "unit_price"): DECIMAL_FIELDS[2],
             ("ProductCreate", "tax_rate"): DECIMAL_FIELDS[3], ("PriceCreate", "unit_price"): DECIMAL_FIELDS[4],
             ("TimeEntryCreate", "hours"): DECIMAL_FIELDS[5], ("TimeEntryBulkItem", "hours"): DECIMAL_FIELDS[7]}
    _, method, path, body, _ = route[(schema, field)]
    response = await send(api, method, path.format(**world), resolve(body(text), world))
    assert (response.status_code in (200, 201)) == ecma_full_match(pattern, text), (pattern, text, response.text)


# --- bodies that are not JSON, or not sent as JSON -------------------------------------------------

NOT_JSON = [
    ("truncated", b'{"name": "Acme", "items": ['), ("trailing-comma", b'{"name": "Acme",}'),
    ("single-quotes", b"{'name': 'Acme'}"), ("not-utf-8", b'{"name": "Acme \xff\xfe"}'),
    ("nested-100000-deep", b"[" * 100_000 + b"]" * 100_000),
]


@pytest.mark.parametrize("raw", [r for _, r in NOT_JSON], ids=[n for n, _ in NOT_JSON])
async def test_a_body_that_is_not_json_is_a_400_naming_the_body_not_a_position(api, world, raw):
    before = await tenant_state(api)
    problem = assert_problem(await send(api, "POST", C, raw), 400, code="malformed_json")
    assert problem["detail"].startswith("The request body is not valid JSON"), problem
    assert [e["field"] for e in problem["errors"]] in ([], ["body"]), problem
    assert await tenant_state(api) == before


async def test_a_json_syntax_error_says_where(api, world):
    problem = assert_problem(await send(api, "POST", C, b'{"name": "Acme",}'), 400)
    assert "at character 16" in problem["detail"], problem


async def test_a_strangers_body_that_is_not_json_or_not_sent_as_json_is_told_401_first(anonymous):
    for raw, content_type in ((b'{"name": ', "application/json"), (b'{"name": "\xff"}', "application/json"),
                              (b'{"name": "Acme"}', "text/plain")):
        response = await anonymous.post(C, content=raw, headers={"content-type": content_type})
        assert_problem(response, 401, code="unauthorized")


CONTENT_TYPES = [("text-plain", "text/plain"), ("form", "application/x-www-form-urlencoded"),
                 ("xml", "application/xml"), ("none", None)]


@pytest.mark.parametrize("content_type", [c for _, c in CONTENT_TYPES], ids=[n for n, _ in CONTENT_TYPES])
@pytest.mark.parametrize(("method", "path", "body"), [("POST", C, customer()), ("PATCH", TP, {"note": "Changed"}),
                                                      ("POST", TB, time_entry_items())], ids=["create", "patch", "bulk"])
async def test_a_json_body_sent_without_the_json_content_type_is_415_saying_so(api, world, method, path, body,
                                                                                content_type):
    before = await tenant_state(api)
    headers = {"content-type": content_type} if content_type else {}
    response = await api.request(method, path.format(**world), content=encode(resolve(body, world)), headers=headers)
    assert "content-type" not in response.request.headers or content_type
    problem = assert_problem(response, 415, code="unsupported_media_type")
    assert "Content-Type: application/json" in problem["detail"], problem
    assert await tenant_state(api) == before


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "application/merge-patch+json"])
async def test_json_content_types_with_parameters_or_a_json_suffix_are_read(api, world, content_type):
    response = await api.post(C, content=encode(customer()), headers={"content-type": content_type})
    assert response.status_code == 201, response.text


async def test_415_is_declared_on_every_route_that_takes_a_body(app):
    document = app.openapi()
    operations = [op for item in document["paths"].values() for op in item.values() if "requestBody" in op]
    assert operations
    for operation in operations:
        assert "415" in operation["responses"], operation["operationId"]
