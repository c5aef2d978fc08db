"""The reference pages of docs/ name everything of its kind that the code has: every environment
variable, metric, report reason code, report list, webhook event type and `rebill` command. A new
one added to the code without a word in the documentation fails here, naming the page to complete."""

import re
import typing
from pathlib import Path

from app.cli import cli
from app.config import Settings
from app.invoice_batches.report import PAGED, SELECTIONS
from app.invoicing.reasons import REASONS
from app.webhooks import events

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def page(name: str) -> str:
    return (DOCS / name).read_text()


def missing(names, text: str) -> list[str]:
    return sorted(name for name in names if f"`{name}`" not in text)


def test_operations_page_documents_every_environment_variable():
    assert not missing([name.upper() for name in Settings.model_fields], page("operations.md")), \
        "docs/operations.md (Configuration) lacks these variables of app/config.py"


def test_operations_page_documents_every_metric():
    source = (ROOT / "app" / "observability.py").read_text()
    metrics = set(re.findall(r"\"(rebill_[a-z_]+)\"", source))
    assert len(metrics) >= 7
    assert not missing(metrics, page("operations.md")), "docs/operations.md (Metrics) lacks these metrics"


def test_operations_page_documents_every_command():
    def name(command) -> str:  # typer leaves the name unset when it is the function's
        return command.name or command.callback.__name__.replace("_", "-")

    commands = {name(command) for command in cli.registered_commands}
    commands |= {f"{group.name} {name(command)}" for group in cli.registered_groups
                 for command in group.typer_instance.registered_commands}
    assert {"serve", "api", "worker", "migrate", "tenants create", "keys create", "keys revoke"} <= commands
    text = page("operations.md")
    assert not sorted(c for c in commands if f"`rebill {c}" not in text), "docs/operations.md (Commands) lacks some"


def test_batches_page_explains_every_reason_code_and_report_list():
    text = page("invoice-batches.md")
    table = text[text.index("## Reason codes"):]
    assert not missing(REASONS, table), "docs/invoice-batches.md (Reason codes) lacks these codes"
    assert not missing(SELECTIONS, text), "docs/invoice-batches.md (The report) lacks these lists"
    assert not [path for path in PAGED if f"/report/{path}" not in text], "docs/invoice-batches.md lacks pages"


def test_webhooks_page_documents_every_event_type():
    types = set()
    for model in (events.InvoiceBatchCompletedEvent, events.InvoiceEvent, events.CreditNoteEvent):
        types |= set(typing.get_args(model.model_fields["type"].annotation))
    assert len(types) >= 4
    assert not missing(types, page("webhooks.md")), "docs/webhooks.md (Events) lacks these event types"
