"""`rebill serve` with nothing configured: embedded PostgreSQL and Redis, migrations, the demo tenant,
the printed key, a working API."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app.kit.net import free_port

REBILL = str(Path(sys.executable).parent / "rebill")


@pytest.mark.slow
def test_serve_starts_embedded_servers_with_demo_data(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SMTP_HOST", "SMTP_PORT"}}
    process = subprocess.Popen([REBILL, "serve", "--port", str(port)], cwd=tmp_path, env=env,
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
        base = f"http://127.0.0.1:{port}"
        ready = False
        while not ready and time.monotonic() < deadline:
            try:
                ready = httpx.get(f"{base}/readyz", timeout=2).status_code == 200
            except httpx.TransportError:
                time.sleep(0.2)
        assert ready, "".join(output)
        customers = httpx.get(f"{base}/v1/customers", headers={"Authorization": f"Bearer {key}"}).json()
        assert {c["name"] for c in customers["data"]} >= {"Acme SARL", "Globex SA"}
        entries = httpx.get(f"{base}/v1/time-entries?status=approved",
                            headers={"Authorization": f"Bearer {key}"}).json()
        assert entries["data"], "the demo tenant has approved time to invoice"
        assert (tmp_path / ".data" / "demo-api-key").read_text().strip() == key
        assert httpx.get(f"{base}/docs").status_code == 200
        assert_a_batch_with_send_leaves_mail_in_the_data_dir(base, key, tmp_path / ".data" / "mail")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


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
