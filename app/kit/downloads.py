"""A document answered as a file (a PDF, an e-invoice): its name in Content-Disposition."""

from urllib.parse import quote

from fastapi import Response


def file_response(content: bytes, media_type: str, name: str, disposition: str = "inline") -> Response:
    # The name may hold the tenant's free text (a number prefix): an ASCII fallback, and the exact
    # name per RFC 6266.
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name)
    return Response(content, media_type=media_type, headers={
        "Content-Disposition": f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"})
