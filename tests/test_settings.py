"""The tenant's settings: sensible defaults for a new tenant, partial updates, merged terms and the
default service product."""

from datetime import datetime

import pytest

from tests import factories

ALL_TERMS_EMPTY = {"bank_details": None, "conditions_of_sale": None, "payment_terms_days": None,
                   "late_payment_penalties": None, "early_payment_discount": None}


async def get_settings(api) -> dict:
    response = await api.get("/v1/settings")
    assert response.status_code == 200, response.text
    return response.json()


async def patch_settings(api, body: dict) -> dict:
    response = await api.patch("/v1/settings", json=body)
    assert response.status_code == 200, response.text
    return response.json()


async def test_new_tenant_has_default_settings(api):
    body = await get_settings(api)

    assert body["legal_name"].startswith("Tenant A")  # the tenant's name until the tenant sets one
    assert {k: v for k, v in body.items() if k not in {"legal_name", "updated_at"}} == {
        "legal_address": None, "timezone": "UTC", "currency": "EUR", "invoice_number_prefix": "INV-",
        "invoice_number_yearly_reset": True, "credit_note_number_prefix": "CN-", "default_product_id": None,
        "email_sender": None, "terms": ALL_TERMS_EMPTY, "vat_number": None, "company_id": None,
        "company_id_scheme": None, "registration": None, "legal_form_and_capital": None, "language": "en",
        "einvoice_format": "pdf", "accounting": {"account_code": None, "tax_types": {}},
    }
    assert datetime.fromisoformat(body["updated_at"]).tzinfo is not None


async def test_patch_changes_only_the_fields_sent(api):
    before = await get_settings(api)

    after = await patch_settings(api, {"timezone": "Europe/Paris", "invoice_number_prefix": "FAC-"})

    assert after["timezone"] == "Europe/Paris"
    assert after["invoice_number_prefix"] == "FAC-"
    unchanged = {k for k in before if k not in {"timezone", "invoice_number_prefix", "updated_at"}}
    assert {k: after[k] for k in unchanged} == {k: before[k] for k in unchanged}


async def test_patch_is_stored(api):
    address = {"line1": "1 avenue des Champs", "line2": "Bât. B", "postal_code": "75008", "city": "Paris",
               "country": "FR"}
    await patch_settings(api, {"legal_name": "Helpdesk Services SAS", "legal_address": address,
                               "currency": "USD", "email_sender": "billing@helpdesk.example",
                               "invoice_number_yearly_reset": False})

    body = await get_settings(api)

    assert body["legal_name"] == "Helpdesk Services SAS"
    assert body["legal_address"] == address
    assert body["currency"] == "USD"
    assert body["email_sender"] == "billing@helpdesk.example"
    assert body["invoice_number_yearly_reset"] is False


async def test_terms_sent_are_merged_into_the_current_terms(api):
    await patch_settings(api, {"terms": {"bank_details": "IBAN FR76 3000 1000", "payment_terms_days": 30,
                                         "conditions_of_sale": "Our general conditions apply."}})

    await patch_settings(api, {"terms": {"payment_terms_days": 45}})

    assert (await get_settings(api))["terms"] == {**ALL_TERMS_EMPTY, "bank_details": "IBAN FR76 3000 1000",
                                                  "conditions_of_sale": "Our general conditions apply.",
                                                  "payment_terms_days": 45}


async def test_a_term_sent_as_null_is_cleared_and_the_others_stay(api):
    await patch_settings(api, {"terms": {"bank_details": "IBAN FR76 3000 1000", "payment_terms_days": 30}})

    await patch_settings(api, {"terms": {"bank_details": None}})

    assert (await get_settings(api))["terms"] == {**ALL_TERMS_EMPTY, "payment_terms_days": 30}


async def test_default_product_can_be_set(api):
    product = await factories.product(api)

    await patch_settings(api, {"default_product_id": product["id"]})

    assert (await get_settings(api))["default_product_id"] == product["id"]


async def test_default_product_can_be_cleared(api):
    product = await factories.product(api)
    await patch_settings(api, {"default_product_id": product["id"]})

    await patch_settings(api, {"default_product_id": None})

    assert (await get_settings(api))["default_product_id"] is None


async def test_default_product_of_another_tenant_is_refused(api, other_api):
    foreign = await factories.product(other_api)

    response = await api.patch("/v1/settings", json={"default_product_id": foreign["id"]})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["default_product_id"]
    assert (await get_settings(api))["default_product_id"] is None


async def test_the_default_product_cannot_be_deleted(api):
    product = await factories.product(api)
    await patch_settings(api, {"default_product_id": product["id"]})

    response = await api.delete(f"/v1/products/{product['id']}")

    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "product_in_use"
    assert (await api.get(f"/v1/products/{product['id']}")).status_code == 200


async def test_a_product_no_longer_default_can_be_deleted(api):
    product = await factories.product(api)
    await patch_settings(api, {"default_product_id": product["id"]})
    await patch_settings(api, {"default_product_id": None})

    assert (await api.delete(f"/v1/products/{product['id']}")).status_code == 204


async def test_unknown_time_zone_is_refused_naming_the_field(api):
    response = await api.patch("/v1/settings", json={"timezone": "Europe/Atlantis"})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["timezone"]
    assert (await get_settings(api))["timezone"] == "UTC"


async def test_required_setting_cannot_be_set_to_null(api):
    response = await api.patch("/v1/settings", json={"currency": None})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["currency"]
    assert (await get_settings(api))["currency"] == "EUR"


async def test_unknown_field_is_refused(api):
    response = await api.patch("/v1/settings", json={"time_zone": "Europe/Paris"})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["time_zone"]


async def test_settings_are_per_tenant(api, other_api):
    await patch_settings(api, {"timezone": "Europe/Paris"})

    assert (await get_settings(other_api))["timezone"] == "UTC"


async def test_a_legal_address_without_its_optional_line_reads_back_with_it_null(api):
    # Found by Schemathesis: the address was stored without `line2`, and every read answered 500.
    address = {"line1": "3 rue de la Paix", "postal_code": "75002", "city": "Paris", "country": "FR"}
    patched = await patch_settings(api, {"legal_address": address})

    assert patched["legal_address"] == {**address, "line2": None}
    assert (await get_settings(api))["legal_address"] == {**address, "line2": None}


async def test_identifiers_mentions_language_and_einvoice_format_are_kept_as_sent(api):
    body = await patch_settings(api, {
        "vat_number": "fr 11 123 456 782", "company_id": "123 456 782", "company_id_scheme": "0002",
        "registration": "RCS Paris 123 456 782", "legal_form_and_capital": "SAS au capital de 10 000 €",
        "language": "fr", "einvoice_format": "facturx"})
    assert {k: body[k] for k in ("vat_number", "company_id", "company_id_scheme", "registration",
                                 "legal_form_and_capital", "language", "einvoice_format")} == {
        "vat_number": "FR11123456782", "company_id": "123456782", "company_id_scheme": "0002",
        "registration": "RCS Paris 123 456 782", "legal_form_and_capital": "SAS au capital de 10 000 €",
        "language": "fr", "einvoice_format": "facturx"}
    assert (await get_settings(api))["vat_number"] == "FR11123456782"


@pytest.mark.parametrize(("body", "field"), [
    ({"vat_number": "FR12123456782"}, "vat_number"),  # wrong key for this SIREN
    ({"vat_number": "12345"}, "vat_number"),
    ({"company_id": "123456789", "company_id_scheme": "0002"}, "company_id"),  # Luhn digit wrong
    ({"company_id_scheme": "SIREN"}, "company_id_scheme"),
    ({"language": "de"}, "language"),
    ({"einvoice_format": "ubl"}, "einvoice_format"),
    ({"language": None}, "language"),
])
async def test_bad_identifiers_or_choices_are_refused_naming_the_field(api, body, field):
    before = await get_settings(api)
    response = await api.patch("/v1/settings", json=body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert field in {error["field"].split(".")[-1] for error in response.json()["errors"]}
    assert await get_settings(api) == before


async def test_a_scheme_set_later_is_checked_against_the_stored_company_id(api):
    await patch_settings(api, {"company_id": "ABC123"})
    response = await api.patch("/v1/settings", json={"company_id_scheme": "0002"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "company_id"


async def test_accounting_codes_are_replaced_whole_and_rates_are_normalised(api):
    first = await api.patch("/v1/settings", json={"accounting": {"account_code": "706",
                                                                 "tax_types": {"20.0": "20% (VAT on Income)"}}})
    assert first.status_code == 200, first.text
    assert first.json()["accounting"] == {"account_code": "706", "tax_types": {"20.00": "20% (VAT on Income)"}}
    second = await api.patch("/v1/settings", json={"accounting": {"tax_types": {"5.5": "TVA 5,5"}}})
    assert second.json()["accounting"] == {"account_code": None, "tax_types": {"5.50": "TVA 5,5"}}
    assert (await get_settings(api))["accounting"] == second.json()["accounting"]


async def test_bad_accounting_codes_name_the_field(api):
    for accounting in ({"tax_types": {"abc": "X"}}, {"tax_types": {"101": "X"}}, {"account_code": 706},
                       {"tax_types": {"20.00": "X"}, "other": 1}):
        response = await api.patch("/v1/settings", json={"accounting": accounting})
        assert response.status_code == 422, (accounting, response.text)
        assert all(e["field"].startswith("accounting") for e in response.json()["errors"]), response.json()
    assert (await api.patch("/v1/settings", json={"accounting": None})).status_code == 422
    assert (await get_settings(api))["accounting"] == {"account_code": None, "tax_types": {}}
