"""The TypeScript SDK (openapi/clients/typescript): its committed schema is a fresh generation of
openapi/openapi.json, the package and its Node test type-check against it, and the Node test,
run with `node --test` against a live `rebill api` and `rebill worker`, pushes data, runs a batch
to the end, reads its report and reads the API's errors as typed problems.

These tests need Node.js 20+ and npm; they install the package's pinned dependencies with
`npm ci` when node_modules does not already hold them."""

import asyncio
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from openapi.generate_clients import NodeMissing, ensure_node_modules

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "openapi" / "clients" / "typescript"


def readme_typescript_example() -> str:
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## The TypeScript SDK"):]
    return re.search(r"```js\n(.*?)```", section, re.S).group(1)


@pytest.fixture(scope="module")
def node_modules() -> Path:
    try:
        ensure_node_modules()
    except NodeMissing as missing:
        pytest.fail(str(missing))
    return PACKAGE / "node_modules"


def _run(*command: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=PACKAGE, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_committed_typescript_sdk_matches_a_fresh_generation(node_modules, tmp_path):
    subprocess.run([sys.executable, ROOT / "openapi" / "generate_clients.py", "--typescript-out", tmp_path],
                   check=True, capture_output=True)
    fresh, committed = (tmp_path / "schema.ts").read_bytes(), (PACKAGE / "src" / "schema.ts").read_bytes()
    assert b"export interface paths" in fresh
    assert committed == fresh, "the TypeScript SDK is stale: run `python openapi/generate_clients.py`"


@pytest.mark.slow
def test_the_typescript_sdk_its_node_test_and_readme_example_type_check(node_modules, tmp_path):
    # tsc --noEmit over test/ (checkJs) and what it imports: src/, the schema and the client factory.
    checked = _run("npm", "run", "--silent", "typecheck")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # README's example, as a TypeScript user would paste it, under the same strict options.
    (tmp_path / "example.mjs").write_text(readme_typescript_example())
    (tmp_path / "tsconfig.json").write_text(json.dumps({
        "extends": str(PACKAGE / "test" / "tsconfig.json"), "files": ["example.mjs"], "include": [],
        "compilerOptions": {"rootDir": "/", "typeRoots": [str(node_modules / "@types")]}}))
    checked = _run(str(node_modules / ".bin" / "tsc"), "--noEmit", "-p", str(tmp_path / "tsconfig.json"))
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.slow
async def test_the_typescript_sdk_runs_a_batch_against_a_live_api_and_worker(node_modules, live_rebill, stack):
    built = await asyncio.to_thread(_run, "npm", "run", "--silent", "build")
    assert built.returncode == 0, built.stdout + built.stderr
    env = {**os.environ, "REBILL_BASE_URL": live_rebill, "REBILL_API_KEY": stack.api.key, "NO_COLOR": "1"}
    ran = await asyncio.to_thread(_run, "node", "--test", "--test-reporter=tap", "test/", env=env)
    output = ran.stdout + ran.stderr
    assert ran.returncode == 0, output
    # A run that found no test would pass too: count what ran.
    counts = dict(re.findall(r"^# (pass|fail|skipped|todo|cancelled) (\d+)$", ran.stdout, re.MULTILINE))
    assert counts == {"pass": "4", "fail": "0", "skipped": "0", "todo": "0", "cancelled": "0"}, output

    # README's example, as written, run from the package folder (where `@rebill/client` names it).
    example = await asyncio.to_thread(_run, "node", "--input-type=module", "-e", readme_typescript_example(),
                                      env={**env, "API": live_rebill, "KEY": stack.api.key})
    assert example.returncode == 0, example.stdout + example.stderr
    assert example.stdout.splitlines() == ["created crm-90 20.00", "refused 422 validation_error [ 'tax_rate' ]",
                                           "found [ true ]"], example.stdout
