"""Identifiers as typed by people (app/kit/identifiers.py): normalised, and refused when a typing
error would make an e-invoice rejected. Pure."""

import pytest
from pydantic import TypeAdapter, ValidationError

from app.kit.identifiers import CompanyId, VatNumber, company_id_problem, french_vat_key, luhn_ok

VAT = TypeAdapter(VatNumber)
COMPANY_ID = TypeAdapter(CompanyId)


@pytest.mark.parametrize(("typed", "stored"), [
    ("FR11123456782", "FR11123456782"), ("fr 11 123 456 782", "FR11123456782"), ("FR-11.123.456.782", "FR11123456782"),
    ("DE123456789", "DE123456789"), ("CHE-123.456.789", "CHE123456789"), ("FRAB123456782", "FRAB123456782"),
])
def test_vat_numbers_are_stored_without_separators(typed, stored):
    assert VAT.validate_python(typed) == stored


@pytest.mark.parametrize("typed", ["FR12123456782", "FR1112345678", "FR11123456A82", "1234", "F", "DE1", "DE" + "1" * 14])
def test_wrong_vat_numbers_are_refused(typed):
    with pytest.raises(ValidationError):
        VAT.validate_python(typed)


def test_the_french_vat_key_follows_the_siren():
    assert french_vat_key("123456782") == "11"
    assert french_vat_key("303265045") == "40"


def test_sirens_and_sirets_are_checked_by_their_luhn_digit():
    assert luhn_ok("123456782") and not luhn_ok("123456789")
    assert company_id_problem("123456782", "0002") is None
    assert company_id_problem("123456789", "0002") is not None
    assert company_id_problem("12345678200010", "0009") is None
    assert company_id_problem("123456782", "0009") is not None
    assert company_id_problem("HRB12345", "0204") is None  # other registers: form only


def test_company_ids_keep_letters_and_digits_only_up_to_35():
    assert COMPANY_ID.validate_python("123 456 782") == "123456782"
    assert COMPANY_ID.validate_python("hrb-12345") == "HRB12345"
    for typed in ("", "   ", "1" * 36, "12/34"):
        with pytest.raises(ValidationError):
            COMPANY_ID.validate_python(typed)
