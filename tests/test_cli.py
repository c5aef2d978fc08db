"""`rebill tenants` / `rebill keys` with no DATABASE_URL: they use the embedded PostgreSQL of a running
`rebill serve`, and say what to do when none runs. (The case where one runs is in test_serve.py.)"""

import os
import subprocess
import sys
from pathlib import Path

REBILL = str(Path(sys.executable).parent / "rebill")


def run_rebill(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DATA_DIR"}}
    return subprocess.run([REBILL, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


def test_tenants_create_without_database_url_or_serve_says_how(tmp_path):
    result = run_rebill("tenants", "create", "Helpdesk Services SAS", "--quiet", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "DATABASE_URL is not set" in result.stderr
    assert "rebill serve" in result.stderr
    assert str(tmp_path.resolve() / ".data" / "pg") in result.stderr


def test_a_stale_postmaster_pid_is_not_taken_for_a_running_serve(tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    pgdata = tmp_path / ".data" / "pg"
    pgdata.mkdir(parents=True)
    (pgdata / "postmaster.pid").write_text(
        f"{dead.pid}\n{pgdata}\n1796209800\n5432\n{pgdata}\n\n  5940233         9\nready   \n")
    result = run_rebill("keys", "create", "Demo Helpdesk", cwd=tmp_path)
    assert result.returncode == 2
    assert "no `rebill serve` runs an embedded PostgreSQL" in result.stderr
