"""What the webhook tests share. A real HTTP receiver on 127.0.0.1: minimal HTTP/1.1 over asyncio
streams, one request per connection. It records every request and answers with the statuses it is told, in
order (then 200); `hang` answers nothing until the client gives up, to exercise the timeout."""

import asyncio
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import session_scope
from app.models import WebhookEvent
from app.webhooks.service import emit_event

HANG = "hang"


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: bytes


@dataclass
class Answer:
    status: int | str = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b"ok"


class Receiver:
    def __init__(self) -> None:
        self.requests: list[Received] = []
        self._answers: dict[str | None, list[Answer]] = {}  # by path; None: for any path
        self._server: asyncio.Server | None = None
        self._arrived = asyncio.Event()

    async def start(self) -> "Receiver":
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self

    async def close(self) -> None:
        self._server.close()
        await self._server.wait_closed()

    @property
    def port(self) -> int:
        return self._server.sockets[0].getsockname()[1]

    def url(self, path: str = "/hooks/rebill") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, *answers: int | str | Answer, path: str | None = None) -> None:
        """The next answers (to requests for `path`, if given), in order; 200 once they are used up."""
        self._answers.setdefault(path, []).extend(a if isinstance(a, Answer) else Answer(status=a) for a in answers)

    async def wait_for(self, count: int, *, path: str, timeout: float = 30) -> list[Received]:
        """The first `count` requests to `path` (a worker may also be sending other tests' leftovers)."""
        async with asyncio.timeout(timeout):
            while len(matching := [r for r in self.requests if r.path == path]) < count:
                self._arrived.clear()
                await self._arrived.wait()
        return matching[:count]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
            request_line, *header_lines = head.split("\r\n")
            method, path, _ = request_line.split(" ", 2)
            headers = {}
            for line in header_lines:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            self.requests.append(Received(method, path, headers, body))
            self._arrived.set()
            queue = self._answers.get(path) or self._answers.get(None)
            answer = queue.pop(0) if queue else Answer()
            if answer.status == HANG:
                await reader.read()  # until the client closes the connection
                return
            extra = "".join(f"{k}: {v}\r\n" for k, v in answer.headers.items())
            writer.write(f"HTTP/1.1 {answer.status} X\r\nContent-Length: {len(answer.body)}\r\n"
                         f"Connection: close\r\n{extra}\r\n".encode() + answer.body)
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@pytest.fixture
async def receiver():
    server = await Receiver().start()
    yield server
    await server.close()


def readme_verify():
    """The signature check README.md gives receivers, run as written there."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    snippet = next(block for block in re.findall(r"```python\n(.*?)```", readme, re.S) if "def verify(" in block)
    namespace: dict = {}
    exec(snippet, namespace)  # noqa: S102  (our own README)
    return namespace["verify"]


async def endpoint(api, *, url: str, events=("invoice_batch.completed", "invoice.validated", "invoice.sent"),
                   **fields) -> dict:
    response = await api.post("/v1/webhook-endpoints", json={"url": url, "events": list(events), **fields})
    assert response.status_code == 201, response.text
    return response.json()


async def emit(sessionmaker, tenant_id, *, type: str = "invoice.validated", data: dict | None = None) -> str | None:
    """emit_event in a transaction of its own; the new event's id (None when nobody subscribed)."""
    async with session_scope(sessionmaker) as session:
        before = await _last_event_id(session, tenant_id)
        await emit_event(session, tenant_id=tenant_id, type=type, data=data or {"invoice": {"id": "inv-1"}})
        after = await _last_event_id(session, tenant_id)
    return after if after != before else None


async def _last_event_id(session, tenant_id) -> str | None:
    return await session.scalar(select(WebhookEvent.id).where(WebhookEvent.tenant_id == tenant_id)
                                .order_by(WebhookEvent.id.desc()).limit(1))


async def deliveries(api, endpoint_id: str, **params) -> list[dict]:
    response = await api.get(f"/v1/webhook-endpoints/{endpoint_id}/deliveries", params={"limit": 200, **params})
    assert response.status_code == 200, response.text
    return response.json()["data"]
