"""ASGI middleware: refuse request bodies over the configured size with 413, before parsing them."""

import json

from starlette.exceptions import HTTPException

from app.errors import PROBLEM_JSON


class _TooLarge(HTTPException):
    """An HTTPException, so that FastAPI's body parsing re-raises it rather than calling it a 400."""

    def __init__(self, max_bytes: int):
        super().__init__(413, f"The request body exceeds {max_bytes} bytes.")


class BodySizeLimit:
    def __init__(self, app, *, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = next((value for name, value in scope["headers"] if name == b"content-length"), None)
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self._refuse(send)
        received = 0
        started = False

        async def counting_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge(self.max_bytes)
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send):
        body = json.dumps({"type": "about:blank", "title": "Payload too large", "status": 413,
                           "detail": f"The request body exceeds {self.max_bytes} bytes.",
                           "code": "payload_too_large", "errors": []}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", PROBLEM_JSON.encode()),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
