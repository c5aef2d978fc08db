"""Schemathesis hooks for tests/test_schemathesis.py: they steer generated bodies toward what a JSON
schema cannot say, and nothing else.

A JSON schema describes one value at a time. What it cannot state is left to these hooks, so that
the positive-data check judges the document on what it can state:
- references: a generated id or external id names no record (the API answers 422 naming the
  field); ids of records the test created stand in for them;
- references to records whose rule spans other records (an adjustment's original, a customer's
  contract): left out;
- rules between fields: exactly one of `selection_id` and `customer_ids`; exactly one of the period
  (`period_start` and `period_end`) and `cutoff_date`; `period_end` not before `period_start`;
  `run_at` at most 24 hours ahead; an item's `x_id` or `x_external_id`, not both;
  a parent company only for a contact; external ids unique within one bulk push;
  a French VAT number's key (its SIREN's), a company id that fits `company_id_scheme` 0002/0009;
  an export's one selection (batch, invoice ids, or issue dates in order; ids name no record, so
  dates stand in); a payment's amount not zero.
Each rule is described in the document's text (field and operation descriptions). A hook only
rewrites a value of the right JSON type; what makes a negative case negative is left alone, and
Schemathesis re-validates a case after the hooks, so no case changes sides unnoticed.

The API and the key come from the test, in the environment (REBILL_SCHEMATHESIS_API and _KEY)."""

import os
import re
import threading
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import httpx
import schemathesis

from app.kit.identifiers import check_vat_number, company_id_problem
from app.kit.schemas import DATE_PATTERN, INSTANT_PATTERN, NOT_BLANK

# Field name -> the kind of record it references (by id, or a list of ids).
_BY_ID = {"customer_id": "company", "parent_id": "company", "product_id": "product",
          "work_item_id": "work_item", "selection_id": "selection", "default_product_id": "product",
          "customer_ids": "company", "exclude_customer_ids": "company"}
_BY_EXTERNAL_ID = {"customer_external_id": "company", "parent_external_id": "company",
                   "work_item_external_id": "work_item", "product_external_id": "product"}
# Pairs that name the same reference: give one, not both (the first is required in some bodies).
_EITHER = (("work_item_id", "work_item_external_id"), ("customer_id", "customer_external_id"),
           ("product_id", "product_external_id"), ("parent_id", "parent_external_id"))


class Records:
    """Records to reference, checked before each use: the run itself deletes and changes records
    (it was given their ids by list answers), so a record is re-created when it is gone or no
    longer fits (a company turned contact, an external id cleared)."""

    def __init__(self, base_url: str, key: str):
        self._api = httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {key}"}, timeout=30)
        self._lock = threading.Lock()
        self._current: dict[str, list[dict]] = {}
        self._checked: dict[str, float] = {}
        self._made = 0

    def ids(self, kind: str, count: int = 1) -> list[dict]:
        with self._lock:
            records = self._current.setdefault(kind, [])
            # Checked at most every half second: a check per generated case would slow the run
            # several times over, and a record that vanishes in between costs one rejected case.
            if time.monotonic() - self._checked.get(kind, 0) > 0.5 or len(records) < count:
                records[:] = [r for r in records if self._still_fits(kind, r)]
                self._checked[kind] = time.monotonic()
            while len(records) < count:
                records.append(self._make(kind))
            return records[:count]

    def _still_fits(self, kind: str, record: dict) -> bool:
        response = self._api.get(f"{_PATHS[kind]}/{record['id']}")
        if response.status_code != 200:
            return False
        current = response.json()
        return current.get("kind", "company") == "company" and current.get("external_id") == record.get("external_id")

    def _make(self, kind: str) -> dict:
        self._made += 1
        name = f"st-{kind}-{self._made}-{uuid.uuid4().hex[:6]}"
        body = {"company": lambda: {"name": name, "external_id": name},
                "product": lambda: {"code": name, "name": name, "unit_price": "80.00", "external_id": name},
                "work_item": lambda: {"type": "ticket", "reference": name, "external_id": name,
                                      "customer_id": self._make("company")["id"]},
                "selection": lambda: {"name": name, "customer_ids": [self._make("company")["id"]]}}[kind]()
        response = self._api.post(_PATHS[kind], json=body)
        response.raise_for_status()
        return response.json()


_PATHS = {"company": "/v1/customers", "product": "/v1/products", "work_item": "/v1/work-items",
          "selection": "/v1/selections"}
RECORDS = Records(os.environ.get("REBILL_SCHEMATHESIS_API", "http://127.0.0.1"),
                  os.environ.get("REBILL_SCHEMATHESIS_KEY", ""))


def _is_uuid(value) -> bool:
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", value))


def _is_external_id(value) -> bool:
    return isinstance(value, str) and len(value) <= 255 and bool(re.search(NOT_BLANK, value))


def _is_uuid_list(value) -> bool:
    return isinstance(value, list) and 0 < len(value) <= 100_000 and all(_is_uuid(v) for v in value)


def _is_valid(field: str, value) -> bool:
    """A value of the form the document asks for: only those are rewritten, so that a value a
    negative case broke stays broken."""
    if field.endswith("_external_id"):
        return _is_external_id(value)
    if field.endswith("_ids"):
        return _is_uuid_list(value)
    return _is_uuid(value)


def _references(obj: dict) -> None:
    for field, kind in _BY_ID.items():
        value = obj.get(field)
        if _is_uuid(value):
            obj[field] = RECORDS.ids(kind)[0]["id"]
        elif _is_uuid_list(value):
            # Distinct records, at most three.
            obj[field] = [r["id"] for r in RECORDS.ids(kind, min(len(value), 3))]
    for field, kind in _BY_EXTERNAL_ID.items():
        if _is_external_id(obj.get(field)):
            obj[field] = RECORDS.ids(kind)[0]["external_id"]


def _either(obj: dict, *, item_of: str | None) -> None:
    for by_id, by_external_id in _EITHER:
        if _is_valid(by_id, obj.get(by_id)) and _is_valid(by_external_id, obj.get(by_external_id)):
            obj[by_external_id] = None
    # A bulk item must name its work item (time entries) or its customer (work items) one way.
    required = {"time_entries": "work_item", "work_items": "customer", "contracts": "customer"}.get(item_of or "")
    if required and obj.get(f"{required}_id") is None and obj.get(f"{required}_external_id") is None:
        obj[f"{required}_external_id"] = RECORDS.ids("company" if required == "customer" else required)[0]["external_id"]


def _customer_kind(obj: dict) -> None:
    # Only a contact has a parent company.
    if obj.get("kind", "company") != "contact":
        for field in ("parent_id", "parent_external_id"):
            if _is_valid(field, obj.get(field)):
                obj[field] = None


def _batch_definition(obj: dict) -> None:
    if _is_uuid(obj.get("selection_id")) and _is_uuid_list(obj.get("customer_ids")):
        obj["customer_ids"] = None
    if obj.get("selection_id") is None and obj.get("customer_ids") is None and "title" in obj:
        obj["selection_id"] = RECORDS.ids("selection")[0]["id"]
    _period_or_cutoff_date(obj)
    start, end = obj.get("period_start"), obj.get("period_end")
    if isinstance(start, str) and isinstance(end, str) and re.search(DATE_PATTERN, start) \
            and re.search(DATE_PATTERN, end):
        try:
            if date.fromisoformat(end) < date.fromisoformat(start):
                obj["period_start"], obj["period_end"] = end, start
        except ValueError:
            pass
    run_at = obj.get("run_at")
    if isinstance(run_at, str) and re.search(INSTANT_PATTERN, run_at):
        try:
            late = datetime.fromisoformat(run_at) > datetime.now(UTC) + timedelta(hours=23)
        except (ValueError, OverflowError, TypeError):
            late = False
        if late:
            obj["run_at"] = (datetime.now(UTC) + timedelta(hours=1)).isoformat()


def _is_date(value) -> bool:
    """A date of the form the document asks for (its pattern, and a day that exists)."""
    if not (isinstance(value, str) and re.search(DATE_PATTERN, value)):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _period_or_cutoff_date(obj: dict) -> None:
    """Both: the period stays. Half a period: the other half is the same day. Neither: a cut-off."""
    start, end = obj.get("period_start"), obj.get("period_end")
    if _is_date(obj.get("cutoff_date")) and (_is_date(start) or _is_date(end)):
        obj["cutoff_date"] = None
    if obj.get("cutoff_date") is not None:
        return
    if _is_date(start) and end is None:
        obj["period_end"] = start
    elif _is_date(end) and start is None:
        obj["period_start"] = end
    elif start is None and end is None and "title" in obj:
        obj["cutoff_date"] = "2026-11-30"


# References whose rule spans records the hooks do not keep: an adjustment's original (an entry
# not on a draft, whose work item the item must not change), a contract (one of the same customer).
# A value of the right form is dropped (each field is nullable): the hooks never guess one.
_LEFT_OUT = ("adjusts_id", "adjusts_external_id", "contract_id", "contract_external_id", "default_contract_id",
             "default_contract_external_id")


def _left_out(obj: dict) -> None:
    for field in _LEFT_OUT:
        if _is_valid(field, obj.get(field)):
            obj[field] = None


# Terms of one kind of contract only: a retainer's amount and included hours, a block contract's
# overage price. A contract's kind and customer never change (PATCH leaves them out, and the terms
# of a kind it does not know). Its end is not before its start.
_KIND_TERMS = {"retainer_amount": "retainer", "included_hours": "retainer", "overage_unit_price": "block_hours"}


def _is_decimal(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[0-9]+(\.[0-9]+)?", value) is not None


def _contract(obj: dict, *, patch: bool) -> None:
    if patch:  # nor its dates, which the stored ones bound; only values of the right form go
        fits = {"kind": lambda v: v in ("hourly", "block_hours", "retainer"), "customer_id": _is_uuid,
                "starts_on": _is_date, "ends_on": lambda v: v is None or _is_date(v),
                **{field: lambda v: v is None or _is_decimal(v) for field in _KIND_TERMS}}
        for field, fit in fits.items():
            if field in obj and fit(obj[field]):
                del obj[field]
    else:
        for field, kind in _KIND_TERMS.items():
            if obj.get("kind") != kind and _is_decimal(obj.get(field)):
                obj[field] = None
        if obj.get("kind") == "retainer":
            for field, value in (("retainer_amount", "500.00"), ("included_hours", "5.00")):
                if obj.get(field) is None:
                    obj[field] = value
    start, end = obj.get("starts_on"), obj.get("ends_on")
    if _is_date(start) and _is_date(end) and date.fromisoformat(end) < date.fromisoformat(start):
        obj["starts_on"], obj["ends_on"] = end, start


def _unique_external_ids(items: list) -> None:
    seen = set()
    for index, item in enumerate(items):
        if isinstance(item, dict) and _is_external_id(item.get("external_id")):
            if item["external_id"] in seen:
                item["external_id"] = f"{item['external_id'][:240]}-{index}"
            seen.add(item["external_id"])


_FRENCH_VAT = "FR11123456782"
_ID_OF_SCHEME = {"0002": "123456782", "0009": "12345678200010"}


def _identifiers(obj: dict, *, settings: bool) -> None:
    """A schema-valid VAT number whose French key is wrong is given a right one; in the settings, a
    company id that does not fit its scheme (SIREN, SIRET check digits) one that does (also when the
    request changes the scheme alone: the stored id is judged against it)."""
    vat = obj.get("vat_number")
    if isinstance(vat, str) and re.fullmatch(r"[ .\-]*[A-Za-z][ .\-]*[A-Za-z]([ .\-]*[A-Za-z0-9+*]){2,13}[ .\-]*", vat):
        try:
            check_vat_number(re.sub(r"[ .\-]", "", vat).upper())
        except ValueError:
            obj["vat_number"] = _FRENCH_VAT
    if settings and isinstance(obj.get("company_id"), str) and "company_id_scheme" not in obj:
        obj["company_id_scheme"] = None  # the stored scheme (an earlier case's) would judge it
    scheme = obj.get("company_id_scheme")
    if settings and isinstance(scheme, str) and scheme in _ID_OF_SCHEME:
        company_id = obj.get("company_id")
        if not isinstance(company_id, str) or company_id_problem(re.sub(r"[ .\-]", "", company_id).upper(), scheme):
            obj["company_id"] = _ID_OF_SCHEME[scheme]


def steer(path: str, body):
    if not isinstance(body, dict):
        return
    if path.endswith("/bulk") and isinstance(body.get("items"), list):
        item_of = path.split("/")[2].replace("-", "_")
        for item in body["items"]:
            if isinstance(item, dict):
                _left_out(item)
                _references(item)
                _either(item, item_of=item_of)
                if item_of == "customers":
                    _customer_kind(item)
                    _identifiers(item, settings=False)
                if item_of == "contracts":
                    _contract(item, patch=False)
                    # Each run's contracts are new ones: an earlier contract's kind cannot change.
                    if _is_external_id(item.get("external_id")):
                        item["external_id"] = f"{item['external_id'][:200]}-{uuid.uuid4().hex[:8]}"
                if item_of == "time_entries":  # ordinary entries (adjustments are left out above)
                    if item.get("started_at") is None:
                        item["started_at"] = "2026-11-05T10:00:00Z"  # optional on adjustments only
                    if _is_decimal(item.get("hours")) and Decimal(item["hours"]) == 0:
                        item["hours"] = "0.25"  # zero hours: an adjustment's only
        _unique_external_ids(body["items"])
        return
    _left_out(body)
    _references(body)
    _either(body, item_of=None)
    if path.startswith("/v1/customers"):
        _customer_kind(body)
        _identifiers(body, settings=False)
    if path == "/v1/settings":
        _identifiers(body, settings=True)
    if path.startswith("/v1/invoice-batches"):
        _batch_definition(body)
    if path.startswith("/v1/contracts") and not path.endswith("/blocks"):
        _contract(body, patch="{" in path)
    if path == "/v1/exports":
        _export_selection(body)
    if path.endswith("/payments"):
        _payment(body)


def _export_selection(obj: dict) -> None:
    """Exactly one of batch_id, invoice_ids, issued_from/issued_to, dates in order. Generated ids name
    no batch and no invoice (422 naming the field): issue dates stand in for them. A null is absent."""
    named = [key for key in ("batch_id", "invoice_ids") if obj.get(key) is not None]
    if "batch_id" in named and not _is_uuid(obj["batch_id"]) or \
            "invoice_ids" in named and not _is_uuid_list(obj["invoice_ids"]):
        return  # a negative case: left as it is
    for key in ("batch_id", "invoice_ids"):
        obj.pop(key, None)
    if obj.get("issued_from") is None and obj.get("issued_to") is None:
        obj["issued_from"] = "2026-01-01"
    start, end = obj.get("issued_from"), obj.get("issued_to")
    if _is_date(start) and _is_date(end) and end < start:
        obj["issued_from"], obj["issued_to"] = end, start


def _payment(obj: dict) -> None:
    amount = obj.get("amount")
    if isinstance(amount, str) and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", amount) and Decimal(amount) == 0:
        obj["amount"] = "1.00"


# map_case reaches the coverage, fuzzing and stateful phases; before_add_examples the examples.
@schemathesis.hook
def map_case(context, case):
    steer(case.operation.path, case.body)
    # A bulk push with ?on_error=skip answers 200 with each bad item's errors (the document says so),
    # which the "schema-violating request accepted" check cannot tell from a fault: bulk pushes are
    # sent with on_error=reject, which refuses a bad body whole (422). Not only the bodies generated
    # negative: the stateful phase fills a positive body's fields from links and can leave an item
    # without its required fields (CI saw POST /v1/contracts/bulk?on_error=skip answer 200 so).
    # tests/test_bulk_upsert.py covers on_error=skip.
    if isinstance(case.query, dict) and case.query.get("on_error") == "skip":
        case.query["on_error"] = "reject"
    return case


@schemathesis.hook
def before_add_examples(context, examples):
    for case in examples:
        steer(case.operation.path, case.body)
