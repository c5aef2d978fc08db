"""Webhook endpoints through the API (SPEC §3, §5, Appendix A): the secret is shown on create and
rotate only; URLs must be https and public unless WEBHOOK_ALLOW_PRIVATE_URLS; the delivery log is
listed newest first and a delivery can be retried."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.main import create_app
from app.models import WebhookDelivery
from app.webhooks import delivery
from tests.conftest import new_tenant
from tests.webhook_helpers import deliveries, emit, endpoint, receiver  # noqa: F401  (fixture)

EP = "/v1/webhook-endpoints"
PUBLIC_URL = "https://93.184.215.14/hooks/rebill"  # a public address, no DNS needed


@pytest.fixture(scope="module")
async def strict_app(settings):
    """The app as in production: WEBHOOK_ALLOW_PRIVATE_URLS off."""
    application = create_app(settings.model_copy(update={"webhook_allow_private_urls": False}))
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def strict_api(strict_app):
    client = await new_tenant(strict_app, "Strict")
    yield client
    await client.http.aclose()


async def test_the_secret_is_shown_on_create_only(api):
    created = await endpoint(api, url="https://helpdesk.example/hooks/rebill", events=["invoice.sent"],
                             description="Helpdesk sync")
    assert created["secret"].startswith("whsec_") and len(created["secret"]) > 30
    assert {k: created[k] for k in ("url", "events", "enabled", "description")} == {
        "url": "https://helpdesk.example/hooks/rebill", "events": ["invoice.sent"], "enabled": True,
        "description": "Helpdesk sync"}

    read = await api.get(f"{EP}/{created['id']}")
    assert read.status_code == 200, read.text
    assert "secret" not in read.json()
    assert read.json() == {k: v for k, v in created.items() if k != "secret"}
    listed = (await api.get(EP)).json()
    assert listed == {"data": [read.json()], "next_cursor": None}
    patched = await api.patch(f"{EP}/{created['id']}", json={"description": "Renamed"})
    assert patched.status_code == 200, patched.text
    assert "secret" not in patched.json() and created["secret"] not in patched.text


async def test_update_changes_only_the_fields_sent(api):
    created = await endpoint(api, url="https://a.example/hook")
    response = await api.patch(f"{EP}/{created['id']}", json={"events": ["invoice.validated"], "enabled": False})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["events"] == ["invoice.validated"] and body["enabled"] is False
    assert body["url"] == "https://a.example/hook" and body["description"] is None
    assert body["updated_at"] >= created["updated_at"]
    response = await api.patch(f"{EP}/{created['id']}", json={"url": "https://b.example/hook", "description": None})
    assert response.json()["url"] == "https://b.example/hook"
    assert response.json()["events"] == ["invoice.validated"]


async def test_the_list_is_paginated(api):
    ids = [(await endpoint(api, url=f"https://{n}.example/hook"))["id"] for n in range(3)]
    first = (await api.get(EP, params={"limit": 2})).json()
    assert [e["id"] for e in first["data"]] == ids[:2] and first["next_cursor"]
    second = (await api.get(EP, params={"limit": 2, "cursor": first["next_cursor"]})).json()
    assert [e["id"] for e in second["data"]] == ids[2:] and second["next_cursor"] is None


async def test_delete_removes_the_endpoint_and_its_delivery_log(api, sessionmaker):
    created = await endpoint(api, url="https://a.example/hook")
    assert await emit(sessionmaker, api.tenant_id) is not None
    assert len(await deliveries(api, created["id"])) == 1

    assert (await api.delete(f"{EP}/{created['id']}")).status_code == 204

    assert (await api.get(f"{EP}/{created['id']}")).status_code == 404
    assert (await api.get(f"{EP}/{created['id']}/deliveries")).status_code == 404
    assert (await api.delete(f"{EP}/{created['id']}")).status_code == 404
    async with sessionmaker() as session:
        left = await session.scalar(select(func.count()).select_from(WebhookDelivery)
                                    .where(WebhookDelivery.endpoint_id == created["id"]))
    assert left == 0


async def test_rotating_gives_a_new_secret_shown_once(api):
    created = await endpoint(api, url="https://a.example/hook")
    rotated = await api.post(f"{EP}/{created['id']}/rotate-secret")
    assert rotated.status_code == 200, rotated.text
    secret = rotated.json()["secret"]
    assert secret.startswith("whsec_") and secret != created["secret"]
    assert rotated.json()["id"] == created["id"]
    assert "secret" not in (await api.get(f"{EP}/{created['id']}")).json()


# --- which URLs may receive webhooks --------------------------------------------------------------

REFUSED_URLS = [
    ("http", "http://93.184.215.14/hooks", "https"),
    ("loopback", "https://127.0.0.1/hooks", "private"),
    ("private-10", "https://10.1.2.3/hooks", "private"),
    ("private-192-168", "https://192.168.1.20:8443/hooks", "private"),
    ("localhost", "https://localhost/hooks", "private"),
    ("cloud-metadata", "https://169.254.169.254/latest/meta-data", "private"),
    ("shared-address-space", "https://100.64.0.1/hooks", "private"),
    ("ipv6-loopback", "https://[::1]/hooks", "private"),
    ("ipv4-mapped-loopback", "https://[::ffff:127.0.0.1]/hooks", "private"),
    ("decimal-loopback", "https://2130706433/hooks", "private"),
    ("unspecified", "https://0.0.0.0/hooks", "private"),
    ("multicast", "https://224.0.0.1/hooks", "private"),
    ("unresolvable", "https://no-such-host.invalid/hooks", "does not resolve"),
]


@pytest.mark.parametrize(("url", "reason"), [c[1:] for c in REFUSED_URLS], ids=[c[0] for c in REFUSED_URLS])
async def test_without_the_setting_only_public_https_urls_are_accepted(strict_api, url, reason):
    response = await strict_api.post(EP, json={"url": url, "events": ["invoice.sent"]})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    [error] = response.json()["errors"]
    assert error["field"] == "url" and reason in error["message"], error
    assert (await strict_api.get(EP)).json()["data"] == []


async def test_without_the_setting_a_public_https_url_is_accepted(strict_api):
    response = await strict_api.post(EP, json={"url": PUBLIC_URL, "events": ["invoice.sent"]})
    assert response.status_code == 201, response.text


# IPv6 literals that embed an IPv4 address (SPEC §14). Where the embedding reaches the IPv4 host
# (IPv4-mapped, well-known NAT64, 6to4) the URL is judged by that host; the other embeddings are
# refused whatever they carry. Teredo's client address is stored inverted: 80ff:fffe is 127.0.0.1.
EMBEDDED_PRIVATE_URLS = [
    ("ipv4-compatible-loopback", "https://[::127.0.0.1]/h"),
    ("ipv4-compatible-metadata", "https://[::a9fe:a9fe]/latest/meta-data"),
    ("ipv4-mapped-metadata", "https://[::ffff:169.254.169.254]/latest/meta-data"),
    ("nat64-metadata", "https://[64:ff9b::a9fe:a9fe]/latest/meta-data"),
    ("nat64-loopback-dotted", "https://[64:ff9b::127.0.0.1]/h"),
    ("nat64-private-10", "https://[64:ff9b::a00:1]/h"),
    ("nat64-local-use-metadata", "https://[64:ff9b:1::a9fe:a9fe]/latest/meta-data"),
    ("nat64-local-use-loopback", "https://[64:ff9b:1:7f00:1::]/h"),
    ("6to4-loopback", "https://[2002:7f00:1::]/h"),
    ("6to4-private-192-168", "https://[2002:c0a8:101::1]/h"),
    ("6to4-metadata", "https://[2002:a9fe:a9fe::]/latest/meta-data"),
    ("teredo-loopback-client", "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/h"),
    ("teredo-metadata-client", "https://[2001:0:4136:e378:8000:63bf:5601:5601]/latest/meta-data"),
]
# The same embeddings of a public address: refused where the embedding itself is.
EMBEDDED_PUBLIC_URLS = [
    ("ipv4-mapped", "https://[::ffff:93.184.215.14]/h", True),
    ("nat64", "https://[64:ff9b::5db8:d70e]/h", True),
    ("6to4", "https://[2002:5db8:d70e::1]/h", True),
    ("ipv4-compatible", "https://[::93.184.215.14]/h", False),
    ("nat64-local-use", "https://[64:ff9b:1::5db8:d70e]/h", False),
    ("teredo", "https://[2001:0:4136:e378:8000:63bf:a247:28f1]/h", False),
    ("reserved-outside-2000::/3", "https://[4000::1]/h", False),
]


@pytest.mark.parametrize("url", [c[1] for c in EMBEDDED_PRIVATE_URLS], ids=[c[0] for c in EMBEDDED_PRIVATE_URLS])
async def test_without_the_setting_an_ipv6_url_embedding_a_private_ipv4_is_refused(strict_api, url):
    response = await strict_api.post(EP, json={"url": url, "events": ["invoice.sent"]})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    [error] = response.json()["errors"]
    assert error["field"] == "url" and "private or reserved address" in error["message"], error
    assert (await strict_api.get(EP)).json()["data"] == []


@pytest.mark.parametrize("url", [c[1] for c in EMBEDDED_PRIVATE_URLS], ids=[c[0] for c in EMBEDDED_PRIVATE_URLS])
async def test_without_the_setting_an_update_to_an_ipv6_url_embedding_a_private_ipv4_is_refused(strict_api, url):
    created = (await strict_api.post(EP, json={"url": PUBLIC_URL, "events": ["invoice.sent"]})).json()
    response = await strict_api.patch(f"{EP}/{created['id']}", json={"url": url})
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == ["url"]
    assert (await strict_api.get(f"{EP}/{created['id']}")).json()["url"] == PUBLIC_URL


@pytest.mark.parametrize(("url", "accepted"), [c[1:] for c in EMBEDDED_PUBLIC_URLS],
                         ids=[c[0] for c in EMBEDDED_PUBLIC_URLS])
async def test_an_ipv6_url_embedding_a_public_ipv4_is_judged_by_its_embedding(strict_api, url, accepted):
    response = await strict_api.post(EP, json={"url": url, "events": ["invoice.sent"]})
    if accepted:
        assert response.status_code == 201, response.text
    else:
        assert response.status_code == 422, response.text
        assert [e["field"] for e in response.json()["errors"]] == ["url"]


@pytest.mark.parametrize("url", [c[1] for c in EMBEDDED_PRIVATE_URLS[:4]], ids=[c[0] for c in EMBEDDED_PRIVATE_URLS[:4]])
async def test_with_the_setting_an_ipv6_url_embedding_a_private_ipv4_is_accepted(api, url):
    await endpoint(api, url=url)


async def test_without_the_setting_an_update_to_a_private_url_is_refused(strict_api):
    created = (await strict_api.post(EP, json={"url": PUBLIC_URL, "events": ["invoice.sent"]})).json()
    response = await strict_api.patch(f"{EP}/{created['id']}", json={"url": "https://10.0.0.1/hooks",
                                                                     "description": "should not stick"})
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == ["url"]
    assert (await strict_api.get(f"{EP}/{created['id']}")).json() == {
        k: v for k, v in created.items() if k != "secret"}


async def test_with_the_setting_http_and_loopback_are_accepted(api, settings):
    assert settings.webhook_allow_private_urls
    await endpoint(api, url="http://127.0.0.1:9/hooks")
    await endpoint(api, url="http://localhost:9/hooks")


# --- the delivery log and retries -----------------------------------------------------------------

async def test_deliveries_are_listed_newest_first_with_their_event(api, sessionmaker, receiver):
    hook = await endpoint(api, url=receiver.url())
    first = await emit(sessionmaker, api.tenant_id, type="invoice.validated")
    second = await emit(sessionmaker, api.tenant_id, type="invoice.sent")

    rows = await deliveries(api, hook["id"])

    assert [(r["event_id"], r["event_type"], r["attempt"], r["status"]) for r in rows] == [
        (second, "invoice.sent", 1, "pending"), (first, "invoice.validated", 1, "pending")]
    assert set(rows[0]) >= {"id", "event_id", "event_type", "attempt", "status", "response_status",
                            "next_attempt_at", "created_at", "error", "attempted_at"}
    page = (await api.get(f"{EP}/{hook['id']}/deliveries", params={"limit": 1})).json()
    assert [r["event_id"] for r in page["data"]] == [second]
    rest = (await api.get(f"{EP}/{hook['id']}/deliveries", params={"limit": 1, "cursor": page["next_cursor"]})).json()
    assert [r["event_id"] for r in rest["data"]] == [first] and rest["next_cursor"] is None


async def test_a_delivery_can_be_sent_again(api, app, sessionmaker, receiver):
    hook = await endpoint(api, url=receiver.url())
    event_id = await emit(sessionmaker, api.tenant_id)
    [pending] = await deliveries(api, hook["id"])
    retry_path = f"{EP}/{hook['id']}/deliveries/{pending['id']}/retry"

    refused = await api.post(retry_path)  # attempt 1 has not been made yet
    assert refused.status_code == 409 and refused.json()["code"] == "delivery_pending", refused.text

    async with delivery.new_http_client() as http:
        await delivery.deliver(sessionmaker, http, event_id=event_id, endpoint_id=hook["id"],
                               allow_private_urls=True)
        before = datetime.now(UTC)
        response = await api.post(retry_path)
        assert response.status_code == 202, response.text
        retry = response.json()
        assert (retry["event_id"], retry["attempt"], retry["status"]) == (event_id, 2, "pending")
        assert abs(datetime.fromisoformat(retry["next_attempt_at"]) - before) < timedelta(seconds=5)
        # queued once the request committed
        assert await app.state.redis.exists(f"arq:job:{delivery.job_id(event_id, hook['id'], 2)}")
        assert (await api.post(retry_path)).status_code == 409
        await delivery.deliver(sessionmaker, http, event_id=event_id, endpoint_id=hook["id"],
                               allow_private_urls=True)

    assert [(r["attempt"], r["status"]) for r in await deliveries(api, hook["id"])] == [
        (2, "succeeded"), (1, "succeeded")]
    first, again = receiver.requests
    assert again.body == first.body
    assert again.headers["rebill-event-id"] == first.headers["rebill-event-id"] == event_id


async def test_retrying_for_a_disabled_endpoint_is_a_conflict(api, sessionmaker):
    hook = await endpoint(api, url="http://127.0.0.1:9/hooks")
    await emit(sessionmaker, api.tenant_id)
    [row] = await deliveries(api, hook["id"])
    assert (await api.patch(f"{EP}/{hook['id']}", json={"enabled": False})).status_code == 200
    response = await api.post(f"{EP}/{hook['id']}/deliveries/{row['id']}/retry")
    assert response.status_code == 409 and response.json()["code"] == "webhook_endpoint_disabled", response.text


@pytest.mark.parametrize("delivery_id", ["not-an-id", "01900000-0000-7000-8000-000000000001"])
async def test_retrying_an_unknown_delivery_is_404(api, delivery_id):
    hook = await endpoint(api, url="https://a.example/hook")
    response = await api.post(f"{EP}/{hook['id']}/deliveries/{delivery_id}/retry")
    assert response.status_code == 404 and response.json()["code"] == "not_found", response.text


async def test_a_delivery_is_retried_only_through_its_own_endpoint(api, sessionmaker):
    one = await endpoint(api, url="https://one.example/hook")
    other = await endpoint(api, url="https://other.example/hook")
    await emit(sessionmaker, api.tenant_id)
    row = (await deliveries(api, one["id"]))[0]
    response = await api.post(f"{EP}/{other['id']}/deliveries/{row['id']}/retry")
    assert response.status_code == 404, response.text
