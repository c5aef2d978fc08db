"""Company identifiers printed on invoices and carried by e-invoices: VAT numbers, company ids
(SIREN, SIRET or any other register) and the ISO 6523 scheme that says which register.

Checks are what a typo would break, not what a register says: a French VAT number's key and a
SIREN's or SIRET's Luhn digit are verified, since a wrong one makes an e-invoice rejected by the
buyer's platform; other countries' numbers are checked for form only. Separators people type
(spaces, dots, dashes) are removed, letters upper-cased, so the stored value is the one e-invoices
need (EN 16931 BT-31/BT-48 take the number without separators)."""

import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

_SEPARATORS = re.compile(r"[ .\-]")
_VAT = re.compile(r"^[A-Z]{2}[A-Z0-9+*]{2,13}$")
_COMPANY_ID = re.compile(r"^[A-Z0-9]{1,35}$")
_SCHEME = re.compile(r"^[0-9]{4}$")

# ISO 6523 ICD codes whose ids are checked: France's SIREN and SIRET.
SIREN_SCHEME = "0002"
SIRET_SCHEME = "0009"


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        n = int(char) * (2 if position % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def french_vat_key(siren: str) -> str:
    return f"{(12 + 3 * (int(siren) % 97)) % 97:02d}"


def _compact(value):
    if isinstance(value, str) and len(value) <= 100:
        return _SEPARATORS.sub("", value).upper()
    return value


def check_vat_number(value: str) -> str:
    if not _VAT.fullmatch(value):
        raise PydanticCustomError("vat_number", "must be a VAT number: a two-letter country prefix, then 2 to 13 "
                                                "letters or digits, e.g. FR11123456782")
    if value.startswith("FR"):
        key, siren = value[2:4], value[4:]
        if not re.fullmatch(r"[0-9A-Z]{2}[0-9]{9}", value[2:]):
            raise PydanticCustomError("vat_number", "a French VAT number is FR, a two-character key and the "
                                                    "9-digit SIREN, e.g. FR11123456782")
        if key.isdigit() and key != french_vat_key(siren):
            raise PydanticCustomError("vat_number", "the key of this French VAT number does not match its SIREN "
                                                    "(a typing error?)")
    return value


def check_company_id(value: str) -> str:
    if not _COMPANY_ID.fullmatch(value):
        raise PydanticCustomError("company_id", "must be a company registration id of 1 to 35 letters or digits, "
                                                "e.g. a SIREN such as 123456782")
    return value


def company_id_problem(company_id: str, scheme: str | None) -> str | None:
    """Why `company_id` cannot be an id of `scheme`, or None."""
    if scheme == SIREN_SCHEME and not (re.fullmatch(r"[0-9]{9}", company_id) and luhn_ok(company_id)):
        return "with company_id_scheme 0002 (SIREN), must be 9 digits with a valid check digit"
    if scheme == SIRET_SCHEME and not (re.fullmatch(r"[0-9]{14}", company_id) and luhn_ok(company_id)):
        return "with company_id_scheme 0009 (SIRET), must be 14 digits with a valid check digit"
    return None


# The document states the form exactly, separators included (they are removed before the check);
# what a pattern cannot state, a French VAT number's key, is said in the description.
_SEP = r"[ .\-]*"
VatNumber = Annotated[str, AfterValidator(check_vat_number), BeforeValidator(_compact), WithJsonSchema({
    "type": "string", "maxLength": 100,
    "pattern": rf"^{_SEP}[A-Za-z]{_SEP}[A-Za-z]({_SEP}[A-Za-z0-9+*]){{2,13}}{_SEP}$",
    "description": "A VAT identification number with its country prefix; spaces, dots and dashes are removed "
                   "and letters upper-cased. A French number (FR) is a two-character key and the 9-digit SIREN, "
                   "and a numeric key must match the SIREN.",
    "examples": ["FR11123456782"]})]
CompanyId = Annotated[str, AfterValidator(check_company_id), BeforeValidator(_compact), WithJsonSchema({
    "type": "string", "maxLength": 100, "pattern": rf"^{_SEP}([A-Za-z0-9]{_SEP}){{1,35}}$",
    "description": "The company's registration id (in France its SIREN), 1 to 35 letters or digits; spaces, dots "
                   "and dashes are removed.",
    "examples": ["123456782"]})]


def _scheme(value: str) -> str:
    if not _SCHEME.fullmatch(value):
        raise PydanticCustomError("company_id_scheme", "must be a 4-digit ISO 6523 code, e.g. 0002 for a SIREN")
    return value


CompanyIdScheme = Annotated[str, AfterValidator(_scheme), WithJsonSchema({
    "type": "string", "pattern": r"^[0-9]{4}$",
    "description": "The ISO 6523 code of the register `company_id` belongs to: 0002 SIREN, 0009 SIRET, "
                   "0088 GLN, 0060 DUNS…", "examples": ["0002"]})]
