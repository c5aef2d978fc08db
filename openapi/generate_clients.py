"""Generate the Python SDK (openapi/clients/python/) from openapi/openapi.json.

    python openapi/generate_clients.py            # regenerate the committed client
    python openapi/generate_clients.py --out DIR  # generate elsewhere (the staleness test does)

The generator is pinned and runs from its own virtualenv under .tools/ (created on first use):
its own dependencies (typer among them) must not bend the service's."""

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TARGET)
    generate(parser.parse_args().out)
    sys.stdout.write(f"wrote {parser.parse_args().out}\n")


if __name__ == "__main__":
    main()
