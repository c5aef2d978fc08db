"""Generate the Python and TypeScript SDKs (openapi/clients/) from openapi/openapi.json.

    python openapi/generate_clients.py                       # regenerate both committed clients
    python openapi/generate_clients.py --python-only         # the Python one only (no Node needed)
    python openapi/generate_clients.py --out DIR             # the Python client elsewhere (its staleness test)
    python openapi/generate_clients.py --typescript-out DIR  # the TypeScript schema elsewhere (its staleness test)

The Python generator is pinned and runs from its own virtualenv under .tools/ (created on first
use): its own dependencies (typer among them) must not bend the service's. The TypeScript one
(openapi-typescript) is pinned in openapi/clients/typescript/package-lock.json and runs from that
package's node_modules (`npm ci` on first use); it needs Node.js 20+ and npm."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

GENERATOR = "openapi-python-client==0.29.1"
ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "openapi" / "openapi.json"
CONFIG = ROOT / "openapi" / "clients" / "python-config.yaml"
TARGET = ROOT / "openapi" / "clients" / "python"
TOOLS = ROOT / ".tools" / "openapi-python-client"
TYPESCRIPT = ROOT / "openapi" / "clients" / "typescript"
# Options of openapi-typescript (kept here only). A field with a default is optional in what a
# client sends (the server fills it in); what the server answers lists every field as required.
TYPESCRIPT_OPTIONS = ["--default-non-nullable", "false", "--root-types", "--root-types-no-schema-prefix"]


def generator_bin() -> Path:
    marker = TOOLS / "installed.txt"
    if not marker.is_file() or marker.read_text().strip() != GENERATOR:
        venv.create(TOOLS, with_pip=True, clear=True)
        subprocess.run([TOOLS / "bin" / "pip", "install", "-q", GENERATOR], check=True)
        marker.write_text(GENERATOR + "\n")
    return TOOLS / "bin"


def generate(out: Path) -> None:
    tools = generator_bin()
    with tempfile.TemporaryDirectory() as scratch:
        # Runs ruff (its post hooks) from the tool's virtualenv.
        env = {"PATH": f"{tools}:/usr/bin:/bin", "HOME": scratch, "RUFF_NO_CACHE": "true"}
        subprocess.run([tools / "openapi-python-client", "generate", "--path", DOCUMENT, "--config", CONFIG,
                        "--meta", "setup", "--output-path", Path(scratch) / "client"],
                       check=True, env=env, cwd=scratch, stdout=subprocess.DEVNULL)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(Path(scratch) / "client", out, ignore=shutil.ignore_patterns(".ruff_cache", "__pycache__"))


class NodeMissing(Exception):
    """node or npm is not on PATH: the TypeScript SDK cannot be generated here."""


def ensure_node_modules() -> None:
    """Install the TypeScript package's pinned dependencies unless node_modules already holds them
    (npm writes node_modules/.package-lock.json after an install; an older one predates the lock)."""
    missing = [tool for tool in ("node", "npm") if shutil.which(tool) is None]
    if missing:
        raise NodeMissing(f"{' and '.join(missing)} not found: the TypeScript SDK needs Node.js 20+ with npm")
    installed, lock = TYPESCRIPT / "node_modules" / ".package-lock.json", TYPESCRIPT / "package-lock.json"
    if not installed.is_file() or installed.stat().st_mtime < lock.stat().st_mtime:
        # --ignore-scripts: no `prepare` build here; a package that does not compile is the tests' to report.
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=TYPESCRIPT, check=True, stdout=subprocess.DEVNULL)


def generate_typescript(out: Path) -> None:
    """Write the schema types, schema.ts, into out (the package's src/ by default); the rest of
    the package (src/index.ts, the factory) is written by hand."""
    ensure_node_modules()
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([TYPESCRIPT / "node_modules" / ".bin" / "openapi-typescript", DOCUMENT,
                    "--output", out.resolve() / "schema.ts", *TYPESCRIPT_OPTIONS],
                   check=True, cwd=TYPESCRIPT, env={**os.environ, "NO_COLOR": "1"},
                   stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the Python client here, and nothing else")
    parser.add_argument("--typescript-out", type=Path, help="write the TypeScript schema here, and nothing else")
    parser.add_argument("--python-only", action="store_true", help="leave the TypeScript SDK as it is")
    args = parser.parse_args()
    python_out = args.out or (None if args.typescript_out else TARGET)
    typescript_out = args.typescript_out or (None if args.out or args.python_only else TYPESCRIPT / "src")
    if python_out:
        generate(python_out)
        sys.stdout.write(f"wrote {python_out}\n")
    if typescript_out:
        try:
            generate_typescript(typescript_out)
        except NodeMissing as missing:
            sys.exit(f"the TypeScript SDK was not regenerated: {missing} (or pass --python-only)")
        sys.stdout.write(f"wrote {typescript_out / 'schema.ts'}\n")


if __name__ == "__main__":
    main()
