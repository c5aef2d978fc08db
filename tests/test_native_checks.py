"""Native checks (app/kit/native_checks.py) make the usual form of a bulk item cheaper to check and
decide nothing else: wherever a field type's native check accepts a value, the type's own check
accepts it too and gives the same value; the other forms are checked by the type itself."""

import random
from decimal import Decimal
from typing import Annotated, get_args, get_origin

import pytest
from pydantic import TypeAdapter, ValidationError

from app.contracts.schemas import ContractBulkItem
from app.customers.schemas import CustomerBulkItem
from app.kit import money, schemas
from app.kit.native_checks import NativeCheck, _native, native_twin
from app.time_entries.schemas import TimeEntryBulkItem
from app.work_items.schemas import WorkItemBulkItem
from tests.test_bulk_upsert import one, push

TYPES = {f"{module.__name__}.{name}": value for module in (schemas, money) for name, value in vars(module).items()
         if get_origin(value) is Annotated and any(isinstance(m, NativeCheck) for m in get_args(value)[1:])}

_rng = random.Random(20261203)
TEXTS = ["", " ", "a", "te-1", " a", "a ", "\ta", "a\n", "a\x1f", "\x1fa", "\x1ca", "a\x00b", "\x00", "é", "😀",
         "x" * 255, "x" * 256, " " + "x" * 254, "x" * 254 + " ", "x" * 4000, "x" * 4001, "\u00a0a", "a\u3000",
         "\u200ba", "a\u2028", "\x85a", "a\ud800", "Alice Martin", "Ticket call #5: printer queue restarted",
         *("".join(_rng.choice("ab \t\x00\x1f\u00a0\u3000é") for _ in range(_rng.randint(0, 6))) for _ in range(300))]
INSTANTS = ["2026-11-05T14:30:00+01:00", "2026-11-05T14:30:00Z", "2026-11-05T14:30:00z", "2026-11-05t14:30:00Z",
            "2026-11-05T14:30:00.123456Z", "2026-11-05T14:30:00.1234567Z", "2026-11-05T14:30:00.1+19:24",
            "1899-12-31T23:59:59Z", "1900-01-01T00:00:00+23:59", "9998-12-31T23:59:59-23:59", "9999-01-01T00:00:00Z",
            "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-05T24:00:00Z", "2026-11-05T23:59:60Z",
            "2026-11-05T14:30:00", "2026-11-05T14:30:00+24:00", "2026-11-05T14:30:00-00:00", "2026-11-05 14:30:00Z",
            "2026-11-05T14:30Z", "2026-11-05", 1_700_000_000, "1700000000", None,
            *(f"{_rng.randint(1890, 9999):04d}-{_rng.randint(0, 13):02d}-{_rng.randint(0, 32):02d}"
              f"{_rng.choice('Tt ')}{_rng.randint(0, 25):02d}:{_rng.randint(0, 61):02d}:{_rng.randint(0, 61):02d}"
              f"{_rng.choice(['', '.5', '.000001', '.1234567'])}{_rng.choice(['Z', 'z', '+01:00', '-23:59', '+24:00', ''])}"
              for _ in range(300))]
DECIMALS = ["0", "0.0", "0.00", "00", "0001", "1", "1.", ".5", "1.5", "1.50", "1.505", "9999.99", "10000", "99999",
            "-1", "-0", "-0.00", "+1", "1e3", " 1", "1 ", "1_0", "\u0661", "100", "100.0", "100.0001", "100.00001",
            "999999999999.9999", "1000000000000", "0.0001", "0.00001", 1, 1.5, Decimal("1.5"), None, "NaN",
            "Infinity", *("".join(_rng.choice("0123456789.-") for _ in range(_rng.randint(1, 16)))
                          for _ in range(600))]


def _same(a, b) -> bool:
    return type(a) is type(b) and a == b and str(a) == str(b)


@pytest.mark.parametrize("name", sorted(TYPES))
def test_where_a_native_check_accepts_a_value_the_type_gives_the_same(name):
    own, native = TypeAdapter(TYPES[name]), TypeAdapter(_native(TYPES[name]))
    accepted = 0
    for value in TEXTS + INSTANTS + DECIMALS:
        try:
            fast = native.validate_python(value)
        except ValidationError:
            continue
        accepted += 1
        assert _same(own.validate_python(value), fast), (name, value)
    assert accepted > 0, f"{name}'s native check accepts none of the values"


@pytest.mark.parametrize("name, value", [("app.kit.schemas.ExternalId", "te-1"), ("app.kit.schemas.ShortText", "Alice Martin"),
                                         ("app.kit.schemas.LongText", ""), ("app.kit.schemas.Name", "Acme"),
                                         ("app.kit.schemas.Instant", "2026-11-05T14:30:00+01:00"),
                                         ("app.kit.schemas.Instant", "2026-11-05T14:30:00.5Z"),
                                         ("app.kit.money.BulkHours", "1.50"), ("app.kit.money.TaxRate", "20.0")])
def test_the_usual_form_is_checked_natively(name, value):
    assert _same(TypeAdapter(_native(TYPES[name])).validate_python(value), TypeAdapter(TYPES[name]).validate_python(value))


@pytest.mark.parametrize("model", [TimeEntryBulkItem, CustomerBulkItem, WorkItemBulkItem, ContractBulkItem])
def test_a_bulk_items_twin_is_the_model_with_the_same_fields(model):
    twin = native_twin(model)
    assert issubclass(twin, model) and twin.model_fields.keys() == model.model_fields.keys()
    assert {n: f.is_required() for n, f in twin.model_fields.items()} == {
        n: f.is_required() for n, f in model.model_fields.items()}
    assert {n: f.default for n, f in twin.model_fields.items()} == {n: f.default for n, f in model.model_fields.items()}


def test_a_bulk_time_entry_twin_refuses_what_the_model_refuses():
    twin = TypeAdapter(native_twin(TimeEntryBulkItem))
    item = {"external_id": "te-1", "work_item_external_id": "T-1", "started_at": "2026-11-05T14:30:00+01:00",
            "hours": "1.50", "status": "approved"}
    assert twin.validate_python(item).hours == Decimal("1.50")
    for change in ({"unknown": 1}, {"status": "done"}, {"billable": "true"}, {"hours": 1.5}, {"external_id": None}):
        with pytest.raises(ValidationError):
            twin.validate_python({**item, **change})
        with pytest.raises(ValidationError):
            TypeAdapter(TimeEntryBulkItem).validate_python({**item, **change})


async def test_a_push_mixing_usual_and_other_forms_stores_what_the_model_reads(api):
    await push(api, "customers", [{"external_id": "c-1", "name": "Acme"}])
    await push(api, "work-items", [{"external_id": "T-1", "type": "ticket", "reference": "T-1",
                                    "customer_external_id": "c-1"}])
    usual = {"external_id": "te-usual", "work_item_external_id": "T-1", "started_at": "2026-11-05T14:30:00+01:00",
             "hours": "1.50", "status": "approved"}
    other = {"external_id": "  te-other\u3000", "work_item_external_id": " T-1", "employee_name": "Bob",
             "started_at": "2026-11-05t14:30:00.1234567z", "hours": "0001.5", "status": "approved"}
    body = await push(api, "time-entries", [usual, other])
    assert [item["external_id"] for item in body["items"]] == ["te-usual", "te-other"]
    stored = await one(api, "time-entries", "te-other")
    assert (stored["hours"], stored["started_at"][:26]) == ("1.50", "2026-11-05T14:30:00.123456")
    assert (await one(api, "time-entries", "te-usual"))["started_at"].startswith("2026-11-05T13:30:00")
