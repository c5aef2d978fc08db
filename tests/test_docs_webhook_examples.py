"""The signature checks docs/webhooks.md gives receivers (docs/examples/), run as shipped against
signatures made by the app's own signing code: a genuine delivery is accepted; a changed body, a
changed signature, another secret or an old timestamp is refused. The JavaScript one runs on node;
the TypeScript one is type-checked (strict) and compiled by tsc, then run on node, when a tsc with
@types/node beside it is found (TSC=/path/to/node_modules/.bin/tsc, tsc on PATH, or the TypeScript
SDK's, which CI installs)."""

import importlib.util
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from app.webhooks.signing import new_secret, signature_header

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
BODY = json.dumps({"id": "evt_0123", "type": "invoice.validated", "created": "2026-11-30T22:03:11+00:00",
                   "data": {"number": "INV-2026-000042", "total": "144.00", "name": "Société Générale — café"}},
                  ensure_ascii=False).encode()


def python_verify():
    spec = importlib.util.spec_from_file_location("verify_signature", EXAMPLES / "verify_signature.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.verify


def cases() -> list[tuple[str, str, bytes, str, bool]]:
    """(what, secret, body, header, accepted?) — every header made by app.webhooks.signing."""
    secret, other = new_secret(), new_secret()
    now = int(time.time())
    good = signature_header(secret, BODY, now)
    digest = good.split("v1=")[1]
    flipped = digest[:-1] + ("0" if digest[-1] != "0" else "1")
    return [
        ("genuine", secret, BODY, good, True),
        ("genuine, the header's fields in another order", secret, BODY, f"v1={digest},t={now}", True),
        ("body changed by one byte", secret, BODY.replace(b"144.00", b"144.01"), good, False),
        ("body re-serialised", secret, json.dumps(json.loads(BODY)).encode(), good, False),
        ("signature changed", secret, BODY, f"t={now},v1={flipped}", False),
        ("timestamp changed", secret, BODY, f"t={now - 1},v1={digest}", False),
        ("signed with another secret", other, BODY, good, False),
        ("secret without its whsec_ prefix", secret.removeprefix("whsec_"), BODY, good, False),
        ("too old: a replay", secret, BODY, signature_header(secret, BODY, now - 3600), False),
        ("no timestamp", secret, BODY, f"v1={digest}", False),
        ("no signature", secret, BODY, f"t={now}", False),
        ("empty header", secret, BODY, "", False),
    ]


@pytest.mark.parametrize("n", range(len(cases())), ids=[c[0] for c in cases()])
def test_python_example_accepts_genuine_deliveries_only(n):
    # Signed when the test runs, not when it is collected: a long run would age them past the tolerance.
    what, secret, body, header, accepted = cases()[n]
    assert python_verify()(secret, body, header) is accepted, what


def test_python_example_bounds_the_timestamp_age():
    verify, secret = python_verify(), new_secret()
    header = signature_header(secret, BODY, 1_000_000)
    assert verify(secret, BODY, header, now=1_000_000 + 300)
    assert not verify(secret, BODY, header, now=1_000_000 + 301)


NODE_DRIVER = """
import { readFileSync } from "node:fs";
import { verify } from %s;
const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map(([secret, body, header]) => verify(secret, Buffer.from(body, "base64"), header));
process.stdout.write(JSON.stringify(results));
"""


def run_on_node(module: Path, folder: Path) -> None:
    """Every case through `verify` of `module` (an ES module), run by node."""
    import base64

    table = cases()
    driver = folder / "driver.mjs"
    driver.write_text(NODE_DRIVER % json.dumps(module.as_uri()))
    stdin = json.dumps([[secret, base64.b64encode(body).decode(), header] for _, secret, body, header, _ in table])
    result = subprocess.run(["node", str(driver)], input=stdin, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert dict(zip([c[0] for c in table], json.loads(result.stdout))) == {c[0]: c[4] for c in table}


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_javascript_example_accepts_genuine_deliveries_only(tmp_path):
    run_on_node(EXAMPLES / "verify-signature.mjs", tmp_path)


def typescript_compiler() -> tuple[str, Path] | None:
    """tsc, and the @types folder beside it that holds the Node.js types; None when either is missing."""
    # The TypeScript SDK's own toolchain (CI installs it with npm ci) serves when nothing else is given.
    sdk_tsc = Path(__file__).parent.parent / "openapi/clients/typescript/node_modules/.bin/tsc"
    tsc = os.environ.get("TSC") or shutil.which("tsc") or (str(sdk_tsc) if sdk_tsc.exists() else None)
    if tsc is None:
        return None
    types = Path(tsc).parent.parent / "@types"  # node_modules/.bin/tsc -> node_modules/@types
    return (tsc, types) if (types / "node").is_dir() else None


@pytest.mark.skipif(shutil.which("node") is None or typescript_compiler() is None,
                    reason="node, or tsc with @types/node beside it, is not installed")
def test_typescript_example_type_checks_and_accepts_genuine_deliveries_only(tmp_path):
    tsc, types = typescript_compiler()
    (tmp_path / "package.json").write_text('{"type": "module"}')
    shutil.copy(EXAMPLES / "verify-signature.ts", tmp_path)
    result = subprocess.run([tsc, "--strict", "--target", "ES2022", "--module", "NodeNext", "--moduleResolution",
                             "NodeNext", "--typeRoots", str(types), "--types", "node", "--outDir", str(tmp_path / "out"),
                             str(tmp_path / "verify-signature.ts")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    run_on_node(tmp_path / "out" / "verify-signature.js", tmp_path)


@pytest.mark.parametrize("example, fence", [("verify_signature.py", "python"), ("verify-signature.ts", "ts"),
                                            ("verify-signature.mjs", "js")])
def test_webhooks_page_shows_the_tested_code(example, fence):
    """The code docs/webhooks.md shows is the tested file's, line for line (past its header comment)."""
    import re

    page = (EXAMPLES.parent / "webhooks.md").read_text()
    [shown] = [block for block in re.findall(rf"```{fence}\n(.*?)```", page, re.S) if "verify" in block]
    assert shown.strip() and shown.strip() in (EXAMPLES / example).read_text()
