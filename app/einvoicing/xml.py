"""What the CII and UBL writers share: namespaced elements written one by one, and amounts."""

from decimal import Decimal

from lxml import etree


def element(namespaces: dict[str, str], parent: etree._Element, tag: str, text: str | None = None,
            **attributes) -> etree._Element:
    """A child `prefix:name` of `parent`, its prefix looked up in `namespaces`, with its text if given."""
    prefix, name = tag.split(":")
    child = etree.SubElement(parent, f"{{{namespaces[prefix]}}}{name}", **attributes)
    if text is not None:
        child.text = text
    return child


def amount(value: Decimal) -> str:
    """A decimal as both syntaxes write amounts: plain digits, never an exponent."""
    return f"{value:f}"
