"""Every link of README.md and docs/ leads somewhere inside the repository: a relative link names a
file or folder of the repository (and, when it has one, a heading of that page, as GitHub renders
its anchor), and no link leaves the repository. The documentation is read from a clone, on GitHub
or offline, where anything outside the repository does not exist."""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
# Public sites the documentation deliberately links to. None so far: keep it that way if you can.
ALLOWED_SITES: set[str] = set()

FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*(\S+)", re.M)
HTML_LINK = re.compile(r"<(?:a|img)\b[^>]*\b(?:href|src)=\"([^\"]*)\"", re.I)


def prose(text: str) -> str:
    """The page without its code: links shown inside code are examples, not links."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def links(page: Path) -> list[str]:
    text = prose(page.read_text())
    return [*LINK.findall(text), *REFERENCE.findall(text), *HTML_LINK.findall(text)]


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text, lower case, without punctuation, spaces as hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link keeps its text
    text = text.replace("`", "").strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    found, seen = set(), {}
    for heading in re.findall(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", FENCE.sub("", page.read_text()), re.M):
        base = slug(heading)
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def all_links() -> list[tuple[str, str]]:
    return [(str(page.relative_to(ROOT)), target) for page in PAGES for target in links(page)]


def test_the_documentation_exists_and_has_links():
    names = {str(page.relative_to(ROOT)) for page in PAGES}
    assert {"README.md", "docs/README.md", "docs/architecture.md"} <= names
    assert len(all_links()) > 50


@pytest.mark.parametrize("page, target", all_links())
def test_link_resolves_inside_the_repository(page, target):
    source = ROOT / page
    assert target, f"{page}: an empty link"
    scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", target)
    if scheme:
        site = re.match(r"^https?://([^/?#]+)", target)
        assert site and site.group(1).lower() in ALLOWED_SITES, f"{page}: {target} leaves the repository"
        return
    assert not target.startswith(("/", "\\", "//")), f"{page}: {target} is an absolute path, not in a clone"
    path_part, _, anchor = target.partition("#")
    resolved = (source.parent / unquote(path_part)).resolve() if path_part else source
    assert resolved == ROOT or ROOT in resolved.parents, f"{page}: {target} points outside the repository"
    assert resolved.exists(), f"{page}: {target} names nothing in the repository"
    if anchor:
        assert resolved.suffix == ".md", f"{page}: {target}: an anchor into a page that is not Markdown"
        assert anchor in anchors(resolved), f"{page}: {target}: no such heading in {resolved.relative_to(ROOT)}"


@pytest.mark.parametrize("page", PAGES, ids=[str(page.relative_to(ROOT)) for page in PAGES])
def test_page_names_nothing_a_clone_lacks(page):
    """The specification and the shared notes live outside the repository: the documentation neither
    links to them nor sends the reader to them; nor does it name paths of one machine."""
    text = page.read_text()
    for outside in ("../shared", "SPEC", "/work/"):
        assert outside not in text, f"{page.relative_to(ROOT)} mentions {outside!r}"


def test_slugs_follow_github():
    assert slug("Billing cycles, cut-off dates, late time and exclusions") == \
        "billing-cycles-cut-off-dates-late-time-and-exclusions"
    assert slug("What happens when…") == "what-happens-when"
    assert slug("JavaScript and TypeScript (Node.js)") == "javascript-and-typescript-nodejs"
    assert slug("The `rebill` command") == "the-rebill-command"
