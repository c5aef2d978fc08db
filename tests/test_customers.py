"""Customers: the JSON shape of Appendix A, changes, deletion, contacts and their parent company,
external ids, list filters and pagination."""

import uuid
from datetime import datetime

import pytest

from tests import factories

ADDRESS = {"line1": "3 rue de la Paix", "line2": None, "postal_code": "75002", "city": "Paris", "country": "FR"}


def without_timestamps(body: dict) -> dict:
    return {k: v for k, v in body.items() if k not in {"created_at", "updated_at"}}


async def list_ids(api, **params) -> list[str]:
    response = await api.get("/v1/customers", params=params)
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["data"]]


async def test_created_customer_reads_back_in_the_documented_shape(api):
    sent = {"external_id": "crm-42", "name": "Acme SARL", "kind": "company", "parent_id": None,
            "billing_address": ADDRESS, "emails": ["billing@acme.example", "boss@acme.example"],
            "currency": "EUR", "tax_rate": "20.00", "tax_exempt": False, "tax_exemption_reason": None, "terms": None,
            "billing_cycle": {"kind": "weekly", "week_ends_on": "sunday"}, "default_contract_id": None,
            "time_rounding": {"increment_minutes": 15, "mode": "up", "minimum_minutes": 30},
            "vat_number": "FR11123456782", "company_id": "123456782"}
    created = await api.post("/v1/customers", json=sent)
    assert created.status_code == 201, created.text

    response = await api.get(f"/v1/customers/{created.json()['id']}")

    assert response.status_code == 200
    body = response.json()
    assert isinstance(body["id"], str) and uuid.UUID(body["id"])
    assert without_timestamps(body) == {"id": body["id"], **sent}
    assert without_timestamps(created.json()) == without_timestamps(body)


async def test_customer_timestamps_carry_an_offset(api):
    body = await factories.customer(api)

    assert datetime.fromisoformat(body["created_at"]).tzinfo is not None
    assert datetime.fromisoformat(body["updated_at"]).tzinfo is not None


async def test_tax_rate_is_a_decimal_string_with_two_places(api):
    created = await factories.customer(api, tax_rate="5.5")

    body = (await api.get(f"/v1/customers/{created['id']}")).json()

    assert body["tax_rate"] == "5.50"


async def test_tax_rate_as_a_json_number_is_refused(api):
    response = await api.post("/v1/customers", json={"name": "Acme", "tax_rate": 20})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["tax_rate"]


async def test_currency_defaults_to_the_tenant_currency(api):
    assert (await api.patch("/v1/settings", json={"currency": "CHF"})).status_code == 200

    created = await factories.customer(api)

    assert created["currency"] == "CHF"
    assert (await api.get(f"/v1/customers/{created['id']}")).json()["currency"] == "CHF"


async def test_minimal_customer_is_a_company_with_empty_optional_fields(api):
    response = await api.post("/v1/customers", json={"name": "Bare Ltd"})

    assert response.status_code == 201, response.text
    assert without_timestamps(response.json()) == {
        "id": response.json()["id"], "external_id": None, "name": "Bare Ltd", "kind": "company",
        "parent_id": None, "billing_address": None, "emails": [], "currency": "EUR", "tax_rate": None,
        "tax_exempt": False, "tax_exemption_reason": None, "terms": None, "billing_cycle": {"kind": "monthly"},
        "default_contract_id": None, "time_rounding": None, "vat_number": None, "company_id": None}


async def test_customer_terms_override_reads_back_with_every_term(api):
    created = await factories.customer(api, terms={"payment_terms_days": 45})

    body = (await api.get(f"/v1/customers/{created['id']}")).json()

    assert body["terms"] == {"bank_details": None, "conditions_of_sale": None, "payment_terms_days": 45,
                             "late_payment_penalties": None, "early_payment_discount": None}


async def test_patch_changes_only_the_fields_sent(api):
    created = await factories.customer(api, external_id="crm-1", emails=["a@acme.example"])

    response = await api.patch(f"/v1/customers/{created['id']}",
                               json={"name": "Acme Group", "emails": ["b@acme.example", "a@acme.example"]})

    assert response.status_code == 200, response.text
    body = (await api.get(f"/v1/customers/{created['id']}")).json()
    assert body["name"] == "Acme Group"
    assert body["emails"] == ["b@acme.example", "a@acme.example"]
    unchanged = {"external_id", "kind", "parent_id", "billing_address", "currency", "tax_rate", "tax_exempt",
                 "tax_exemption_reason", "terms"}
    assert {k: body[k] for k in unchanged} == {k: created[k] for k in unchanged}


async def test_patch_can_clear_an_optional_field(api):
    created = await factories.customer(api)

    response = await api.patch(f"/v1/customers/{created['id']}", json={"billing_address": None, "tax_rate": None})

    assert response.status_code == 200, response.text
    body = (await api.get(f"/v1/customers/{created['id']}")).json()
    assert body["billing_address"] is None
    assert body["tax_rate"] is None


async def test_patch_refuses_null_for_a_required_field(api):
    created = await factories.customer(api)

    response = await api.patch(f"/v1/customers/{created['id']}", json={"name": None})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["name"]
    assert (await api.get(f"/v1/customers/{created['id']}")).json()["name"] == "Acme SARL"


async def test_unknown_field_is_refused(api):
    response = await api.post("/v1/customers", json={"name": "Acme", "vat_number": "FR123"})

    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in response.json()["errors"]] == ["vat_number"]


async def test_delete_answers_204_then_the_customer_is_gone(api):
    created = await factories.customer(api)

    response = await api.delete(f"/v1/customers/{created['id']}")

    assert response.status_code == 204
    assert response.content == b""
    missing = await api.get(f"/v1/customers/{created['id']}")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"


async def test_deleting_an_unknown_customer_is_404(api):
    response = await api.delete(f"/v1/customers/{uuid.uuid4()}")

    assert response.status_code == 404


async def test_customer_with_work_items_cannot_be_deleted(api):
    created = await factories.customer(api)
    await factories.work_item(api, customer_id=created["id"])

    response = await api.delete(f"/v1/customers/{created['id']}")

    assert response.status_code == 409
    assert response.json()["code"] == "customer_in_use"
    assert (await api.get(f"/v1/customers/{created['id']}")).status_code == 200


async def test_company_with_contacts_cannot_be_deleted(api):
    company = await factories.customer(api)
    await factories.customer(api, name="Jane Doe", kind="contact", parent_id=company["id"])

    response = await api.delete(f"/v1/customers/{company['id']}")

    assert response.status_code == 409
    assert (await api.get(f"/v1/customers/{company['id']}")).status_code == 200


async def test_contact_with_a_parent_company(api):
    company = await factories.customer(api)

    contact = await factories.customer(api, name="Jane Doe", kind="contact", parent_id=company["id"])

    body = (await api.get(f"/v1/customers/{contact['id']}")).json()
    assert body["kind"] == "contact"
    assert body["parent_id"] == company["id"]


async def test_company_with_contacts_cannot_become_a_contact(api):
    company = await factories.customer(api)
    await factories.customer(api, name="Jane Doe", kind="contact", parent_id=company["id"])

    response = await api.patch(f"/v1/customers/{company['id']}", json={"kind": "contact"})

    # The body is valid (a company without contacts may become one): the company's state conflicts.
    assert response.status_code == 409
    assert response.json()["code"] == "has_contacts"
    assert [e["field"] for e in response.json()["errors"]] == ["kind"]
    assert (await api.get(f"/v1/customers/{company['id']}")).json()["kind"] == "company"


async def test_contact_cannot_be_the_parent(api):
    company = await factories.customer(api)
    contact = await factories.customer(api, name="Jane Doe", kind="contact", parent_id=company["id"])

    response = await api.post("/v1/customers", json={"name": "John Doe", "kind": "contact",
                                                     "parent_id": contact["id"]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["parent_id"]


async def test_company_cannot_have_a_parent(api):
    company = await factories.customer(api)

    response = await api.post("/v1/customers", json={"name": "Subsidiary", "kind": "company",
                                                     "parent_id": company["id"]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["parent_id"]


async def test_parent_of_another_tenant_is_refused(api, other_api):
    foreign = await factories.customer(other_api)

    response = await api.post("/v1/customers", json={"name": "Jane Doe", "kind": "contact",
                                                     "parent_id": foreign["id"]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["parent_id"]


async def test_external_id_is_unique_per_tenant(api):
    await factories.customer(api, external_id="crm-42")

    response = await api.post("/v1/customers", json={"name": "Other", "external_id": "crm-42"})

    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in response.json()["errors"]] == ["external_id"]
    assert len(await list_ids(api, external_id="crm-42")) == 1


async def test_patch_to_a_taken_external_id_is_409(api):
    await factories.customer(api, external_id="crm-42")
    other = await factories.customer(api, external_id="crm-43")

    response = await api.patch(f"/v1/customers/{other['id']}", json={"external_id": "crm-42"})

    assert response.status_code == 409
    assert (await api.get(f"/v1/customers/{other['id']}")).json()["external_id"] == "crm-43"


async def test_another_tenant_may_reuse_an_external_id(api, other_api):
    mine = await factories.customer(api, external_id="crm-42")

    theirs = await factories.customer(other_api, external_id="crm-42")

    assert theirs["id"] != mine["id"]
    assert await list_ids(api, external_id="crm-42") == [mine["id"]]
    assert await list_ids(other_api, external_id="crm-42") == [theirs["id"]]


async def test_another_tenants_customer_is_404(api, other_api):
    foreign = await factories.customer(other_api)

    assert (await api.get(f"/v1/customers/{foreign['id']}")).status_code == 404
    assert (await api.patch(f"/v1/customers/{foreign['id']}", json={"name": "Mine"})).status_code == 404
    assert (await api.delete(f"/v1/customers/{foreign['id']}")).status_code == 404
    assert (await other_api.get(f"/v1/customers/{foreign['id']}")).json()["name"] == "Acme SARL"


async def test_list_filters_by_kind(api):
    company = await factories.customer(api)
    contact = await factories.customer(api, name="Jane Doe", kind="contact")

    assert await list_ids(api, kind="company") == [company["id"]]
    assert await list_ids(api, kind="contact") == [contact["id"]]


async def test_list_filters_by_parent(api):
    acme = await factories.customer(api)
    globex = await factories.customer(api, name="Globex")
    jane = await factories.customer(api, name="Jane Doe", kind="contact", parent_id=acme["id"])
    john = await factories.customer(api, name="John Doe", kind="contact", parent_id=acme["id"])
    await factories.customer(api, name="Hank Scorpio", kind="contact", parent_id=globex["id"])

    assert await list_ids(api, parent_id=acme["id"]) == [jane["id"], john["id"]]


async def test_list_filters_by_external_id(api):
    await factories.customer(api, external_id="crm-1")
    wanted = await factories.customer(api, external_id="crm-2")

    assert await list_ids(api, external_id="crm-2") == [wanted["id"]]


async def test_list_with_unknown_kind_is_422(api):
    response = await api.get("/v1/customers", params={"kind": "person"})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["kind"]


async def test_pages_cover_every_customer_once_in_creation_order(api):
    created = [(await factories.customer(api, name=f"Customer {n}"))["id"] for n in range(7)]

    pages, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        response = await api.get("/v1/customers", params=params)
        assert response.status_code == 200, response.text
        pages.append([c["id"] for c in response.json()["data"]])
        cursor = response.json()["next_cursor"]
        if cursor is None:
            break
        assert len(pages) < 10, "pagination does not end"

    assert [len(p) for p in pages] == [3, 3, 1]
    assert [i for page in pages for i in page] == created


async def test_default_page_returns_everything_with_no_next_cursor(api):
    created = [(await factories.customer(api, name=f"Customer {n}"))["id"] for n in range(3)]

    response = await api.get("/v1/customers")

    assert response.json() == {"data": response.json()["data"], "next_cursor": None}
    assert [c["id"] for c in response.json()["data"]] == created


async def test_a_cursor_that_is_not_ours_is_422(api):
    response = await api.get("/v1/customers", params={"cursor": "not-a-cursor!"})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["cursor"]


# --- the reason a customer pays no tax (SPEC §14) -----------------------------------------------------

REVERSE_CHARGE = "Autoliquidation — article 283-2 du CGI"


async def test_a_tax_exemption_reason_is_stored_and_read_back(api):
    created = await factories.customer(api, tax_exempt=True, tax_exemption_reason=REVERSE_CHARGE)

    body = (await api.get(f"/v1/customers/{created['id']}")).json()

    assert created["tax_exemption_reason"] == body["tax_exemption_reason"] == REVERSE_CHARGE
    listed = (await api.get("/v1/customers")).json()["data"]
    assert [c["tax_exemption_reason"] for c in listed] == [REVERSE_CHARGE]


async def test_a_tax_exemption_reason_can_be_set_changed_and_cleared_by_patch(api):
    created = await factories.customer(api)
    path = f"/v1/customers/{created['id']}"

    for reason in ("Exonération de TVA, article 262 ter I du CGI", REVERSE_CHARGE, None):
        response = await api.patch(path, json={"tax_exemption_reason": reason})
        assert response.status_code == 200, response.text
        assert (await api.get(path)).json()["tax_exemption_reason"] == reason
    assert (await api.patch(path, json={"name": "Renamed"})).json()["tax_exemption_reason"] is None


async def test_a_patch_without_the_reason_keeps_it(api):
    created = await factories.customer(api, tax_exemption_reason=REVERSE_CHARGE)
    response = await api.patch(f"/v1/customers/{created['id']}", json={"name": "Renamed"})
    assert response.json()["tax_exemption_reason"] == REVERSE_CHARGE


async def test_a_bulk_push_sets_changes_and_keeps_the_reason_unchanged_when_repeated(api):
    items = [{"external_id": "crm-1", "name": "Acme", "tax_exempt": True, "tax_exemption_reason": REVERSE_CHARGE},
             {"external_id": "crm-2", "name": "Globex"}]
    first = await api.post("/v1/customers/bulk", json={"items": items})
    again = await api.post("/v1/customers/bulk", json={"items": items})
    items[1]["tax_exemption_reason"] = "Article 44 de la directive 2006/112/CE"
    changed = await api.post("/v1/customers/bulk", json={"items": items})

    assert (first.status_code, again.status_code, changed.status_code) == (200, 200, 200), changed.text
    assert (first.json()["created"], again.json()["unchanged"], changed.json()["updated"]) == (2, 2, 1)
    stored = {c["external_id"]: c["tax_exemption_reason"] for c in (await api.get("/v1/customers")).json()["data"]}
    assert stored == {"crm-1": REVERSE_CHARGE, "crm-2": "Article 44 de la directive 2006/112/CE"}


BAD_REASONS = [("too-long", "x" * 501), ("blank", "   "), ("empty", ""), ("nul", "bad\x00reason"), ("number", 283)]


async def test_a_reason_of_500_characters_is_accepted_and_surrounding_spaces_dropped(api):
    created = await factories.customer(api, tax_exemption_reason="x" * 500)
    assert created["tax_exemption_reason"] == "x" * 500
    created = await factories.customer(api, tax_exemption_reason="  Reverse charge  ")
    assert created["tax_exemption_reason"] == "Reverse charge"


@pytest.mark.parametrize("reason", [r for _, r in BAD_REASONS], ids=[n for n, _ in BAD_REASONS])
async def test_a_bad_tax_exemption_reason_is_refused_naming_it(api, reason):
    created = await factories.customer(api, external_id="crm-1")
    refusals = [
        (await api.post("/v1/customers", json={"name": "Acme", "tax_exemption_reason": reason}), "tax_exemption_reason"),
        (await api.patch(f"/v1/customers/{created['id']}", json={"tax_exemption_reason": reason}),
         "tax_exemption_reason"),
        (await api.post("/v1/customers/bulk", json={"items": [
            {"external_id": "crm-1", "name": "Acme"},
            {"external_id": "crm-2", "name": "Globex", "tax_exemption_reason": reason}]}), "items[1].tax_exemption_reason"),
    ]
    for response, field in refusals:
        assert response.status_code == 422, response.text
        assert [e["field"] for e in response.json()["errors"]] == [field]
    assert [c["id"] for c in (await api.get("/v1/customers")).json()["data"]] == [created["id"]]
    assert (await api.get(f"/v1/customers/{created['id']}")).json() == created


async def test_identifiers_are_stored_without_separators_and_cleared_by_null(api):
    created = await api.post("/v1/customers", json={"name": "Acme SARL", "vat_number": "fr11 123.456.782",
                                                    "company_id": "123 456 782"})
    assert created.status_code == 201, created.text
    assert (created.json()["vat_number"], created.json()["company_id"]) == ("FR11123456782", "123456782")
    cleared = await api.patch(f"/v1/customers/{created.json()['id']}", json={"vat_number": None})
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["vat_number"] is None and cleared.json()["company_id"] == "123456782"


async def test_a_bad_vat_number_is_refused_naming_the_field(api):
    for vat_number in ("FR99123456782", "F1", "FR1112345678"):
        response = await api.post("/v1/customers", json={"name": "Acme SARL", "vat_number": vat_number})
        assert response.status_code == 422, (vat_number, response.text)
        assert [e["field"] for e in response.json()["errors"]] == ["vat_number"]


async def test_bulk_items_carry_identifiers(api):
    response = await api.post("/v1/customers/bulk", json={"items": [
        {"external_id": "crm-v1", "name": "Acme SARL", "vat_number": "DE123456789", "company_id": "HRB 12345"}]})
    assert response.status_code == 200, response.text
    body = (await api.get(f"/v1/customers/{response.json()['items'][0]['id']}")).json()
    assert (body["vat_number"], body["company_id"]) == ("DE123456789", "HRB12345")
