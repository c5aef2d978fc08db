"""Write the OpenAPI document the app serves to openapi/openapi.json (committed; a test fails when
it is stale). Run: python -m app.openapi"""

import json
import sys
from pathlib import Path

from app.config import Settings
from app.main import create_app

TARGET = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"


def render() -> str:
    document = create_app(Settings(database_url=None, redis_url=None)).openapi()
    return json.dumps(document, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def main() -> None:
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(render())
    sys.stdout.write(f"wrote {TARGET.relative_to(Path.cwd()) if TARGET.is_relative_to(Path.cwd()) else TARGET}\n")


if __name__ == "__main__":
    main()
