"""`rebill serve` with nothing configured: embedded PostgreSQL and Redis, migrations, the demo tenant,
the printed key, a working API."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REBILL = str(Path(sys.executable).parent / "rebill")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_starts_embedded_servers_with_demo_data(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
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
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
