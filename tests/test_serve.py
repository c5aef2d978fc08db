"""`rebill serve` with nothing configured: embedded PostgreSQL and Redis, migrations, the demo tenant,
the printed key, a working API; `rebill tenants create` next to it; README's walk-through and SDK
example run as written against it and leave the demo tenant's own data as it was."""

import os
import re
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager, suppress
from pathlib import Path

import httpx
import pytest

from app.kit.net import free_port

REBILL = str(Path(sys.executable).parent / "rebill")
README = Path(__file__).resolve().parent.parent / "README.md"
# What `rebill serve` must find unset to start everything itself (XDG_RUNTIME_DIR: as in a container
# or under cron, where a warning about it used to show).
UNSET = {"DATABASE_URL", "REDIS_URL", "SMTP_HOST", "SMTP_PORT", "DATA_DIR", "XDG_RUNTIME_DIR"}


def serve_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in UNSET}


@contextmanager
def serving(folder: Path):
    """A `rebill serve` started in `folder`: (base URL, demo key, the banner it printed)."""
    port = free_port()
    process = subprocess.Popen([REBILL, "serve", "--port", str(port)], cwd=folder, env=serve_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = []
    try:
        key = None
        deadline = time.monotonic() + 120
        while key is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            assert line or process.poll() is None, "".join(output)
            output.append(line)
            match = re.search(r"API key\s*:\s*(rbk_\S+)", line)
            key = match.group(1) if match else None
        assert key, "".join(output)
        output += [process.stdout.readline() for _ in range(3)]  # the rest of the banner
        banner = "".join(output)
        # Keep reading what it prints: a full pipe would block its logging, and then the server.
        threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        ready = False
        while not ready and time.monotonic() < deadline:
            try:
                ready = httpx.get(f"{base}/readyz", timeout=2).status_code == 200
            except httpx.TransportError:
                time.sleep(0.2)
        assert ready, "".join(output)
        yield base, key, banner
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            # Killed, it could not stop its PostgreSQL: do it here (SIGTERM: a smart shutdown).
            postmaster = folder / ".data" / "pg" / "postmaster.pid"
            if postmaster.exists():
                with suppress(ProcessLookupError):
                    os.kill(int(postmaster.read_text().split()[0]), signal.SIGTERM)


@pytest.mark.slow
def test_serve_starts_embedded_servers_with_demo_data(tmp_path):
    with serving(tmp_path) as (base, key, output):
        assert "RuntimeDirWarning" not in output and "XDG_RUNTIME_DIR" not in output, output
        assert f"database : postgresql://postgres:@/rebill?host={tmp_path.resolve() / '.data' / 'pg'}" in output
        customers = httpx.get(f"{base}/v1/customers", headers={"Authorization": f"Bearer {key}"}).json()
        assert {c["name"] for c in customers["data"]} >= {"Acme SARL", "Globex SA"}
        entries = httpx.get(f"{base}/v1/time-entries?status=approved",
                            headers={"Authorization": f"Bearer {key}"}).json()
        assert entries["data"], "the demo tenant has approved time to invoice"
        assert (tmp_path / ".data" / "demo-api-key").read_text().strip() == key
        assert httpx.get(f"{base}/docs").status_code == 200
        assert f"console  : {base}/console/" in output
        assert "API key" in httpx.get(f"{base}/console/").text
        assert_tenants_create_uses_the_embedded_database(base, tmp_path)
        assert_a_batch_with_send_leaves_mail_in_the_data_dir(base, key, tmp_path / ".data" / "mail")


def assert_tenants_create_uses_the_embedded_database(base: str, folder: Path) -> None:
    created = subprocess.run([REBILL, "tenants", "create", "Helpdesk Services SAS", "--quiet"], cwd=folder,
                             env=serve_env(), capture_output=True, text=True, timeout=60)
    assert created.returncode == 0, created.stderr
    assert "embedded PostgreSQL" in created.stderr
    settings = httpx.get(f"{base}/v1/settings", headers={"Authorization": f"Bearer {created.stdout.strip()}"})
    assert settings.status_code == 200, settings.text
    assert settings.json()["legal_name"] == "Helpdesk Services SAS"


def assert_a_batch_with_send_leaves_mail_in_the_data_dir(base: str, key: str, mail_dir: Path) -> None:
    from datetime import date, timedelta
    from email import message_from_bytes, policy

    auth = {"Authorization": f"Bearer {key}"}
    customers = httpx.get(f"{base}/v1/customers", headers=auth).json()["data"]
    acme = next(c for c in customers if c["name"] == "Acme SARL")
    today = date.today()
    batch = httpx.post(f"{base}/v1/invoice-batches", headers=auth, json={
        "customer_ids": [acme["id"]], "title": "Demo", "period_start": str(today - timedelta(days=40)),
        "period_end": str(today), "validate": True, "send": True}).json()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = httpx.get(f"{base}/v1/invoice-batches/{batch['id']}", headers=auth).json()["status"]
        if status not in {"scheduled", "running"}:
            break
        time.sleep(0.2)
    assert status == "succeeded", status
    [kept] = list(mail_dir.glob("*.eml"))
    message = message_from_bytes(kept.read_bytes(), policy=policy.default)
    assert message["To"] == "billing@acme.example"
    [pdf] = list(message.iter_attachments())
    assert pdf.get_content().startswith(b"%PDF")


def readme_walkthrough(api: str) -> str:
    """The shell blocks of README's walk-through, from its start to the webhooks (which need a public
    receiver), with API pointing at this server."""
    text = README.read_text()
    section = text[text.index("## A walk through the API"):text.index("### Webhooks")]
    script = "\n".join(re.findall(r"```sh\n(.*?)```", section, re.S))
    assert "export API=http://127.0.0.1:8000\n" in script
    return script.replace("export API=http://127.0.0.1:8000\n", f"export API={api}\n")


def readme_sdk_example() -> str:
    text = README.read_text()
    section = text[text.index("## The Python SDK"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def run_shell(script: str, folder: Path) -> str:
    """Run `script` as bash would run it pasted, but stopping at the first failing command; it prints
    the KEY it used last."""
    try:
        result = subprocess.run(["bash", "-euo", "pipefail", "-c", script + '\necho; echo "KEY=$KEY"\n'],
                                cwd=folder, env=serve_env(), capture_output=True, text=True, timeout=180)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"the walk-through did not end:\n{exc.stdout}\n{exc.stderr}") from None
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    return result.stdout


# What README's walk-through and SDK example push.
WALKTHROUGH_IDS = {"crm-42", "crm-43", "te-9", "te-9-adj", "te-10", "crm-77", "te-77-1", "te-77-2", "te-77-3"}


def demo_state(base: str, key: str) -> dict:
    """What the walk-through must leave as it was: the demo tenant's settings, customers and time."""
    auth = {"Authorization": f"Bearer {key}"}
    settings = httpx.get(f"{base}/v1/settings", headers=auth).json()
    settings.pop("updated_at")
    state = {"settings": settings}
    for resource in ("customers", "time-entries"):
        page = httpx.get(f"{base}/v1/{resource}?limit=200", headers=auth).json()
        assert page["next_cursor"] is None
        state[resource] = sorted((row for row in page["data"] if row["external_id"] not in WALKTHROUGH_IDS),
                                 key=lambda row: row["id"])
    return state


def only_invoice_of(base: str, key: str, external_id: str) -> dict:
    auth = {"Authorization": f"Bearer {key}"}
    [customer] = httpx.get(f"{base}/v1/customers?external_id={external_id}", headers=auth).json()["data"]
    invoices = httpx.get(f"{base}/v1/invoices?customer_id={customer['id']}&type=invoice", headers=auth).json()["data"]
    assert len(invoices) == 1, invoices
    return invoices[0]


@pytest.mark.slow
def test_readme_walkthrough_and_sdk_example_run_as_written_and_spare_the_demo_data(tmp_path):
    (tmp_path / ".venv").symlink_to(sys.prefix)  # the walk-through calls .venv/bin/rebill
    with serving(tmp_path) as (base, demo_key, _):
        demo_before = demo_state(base, demo_key)
        walkthrough = readme_walkthrough(base)

        printed = run_shell(walkthrough, tmp_path)
        assert f"KEY={demo_key}" in printed
        assert "\nsucceeded\n" in printed, printed
        invoice = only_invoice_of(base, demo_key, "crm-42")
        # te-9's 1.50 h corrected to 1.25 h before it was billed, at 80.00 + 20 %; then credited.
        assert (invoice["status"], invoice["total"], invoice["credited_amount"]) == ("credited", "120.00", "120.00")
        assert re.fullmatch(r"INV-\d{4}-000001", invoice["number"])  # the year is the issue date's
        assert (tmp_path / "invoice.pdf").read_bytes().startswith(b"%PDF")
        assert demo_state(base, demo_key) == demo_before

        sdk = subprocess.run([sys.executable, "-c", readme_sdk_example()], cwd=tmp_path, capture_output=True,
                             text=True, timeout=120, env={**serve_env(), "API": base, "KEY": demo_key})
        assert sdk.returncode == 0, sdk.stderr
        assert re.fullmatch(r"succeeded \[\('INV-\d{4}-000002', '96.00'\)\]", sdk.stdout.splitlines()[-1]), sdk.stdout
        assert demo_state(base, demo_key) == demo_before

        own_tenant = walkthrough.replace("# export KEY=$(.venv/bin/rebill tenants create",
                                         "export KEY=$(.venv/bin/rebill tenants create")
        assert own_tenant != walkthrough
        printed = run_shell(own_tenant, tmp_path)
        [own_key] = re.findall(r"^KEY=(rbk_\S+)$", printed, re.M)
        assert own_key != demo_key
        assert "\nsucceeded\n" in printed, printed
        invoice = only_invoice_of(base, own_key, "crm-42")
        # te-9's 1.50 h corrected to 1.25 h before it was billed, at 80.00 + 20 %; then credited.
        assert (invoice["status"], invoice["total"], invoice["credited_amount"]) == ("credited", "120.00", "120.00")
        assert re.fullmatch(r"INV-\d{4}-000001", invoice["number"])
        assert demo_state(base, demo_key) == demo_before
