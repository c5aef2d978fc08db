"""Authentication (SPEC §2, §7): every /v1 request needs `Authorization: Bearer <api key>`; keys
come from the `rebill` command, are stored hashed, and a revoked key is refused on the next request."""

import asyncio
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import asyncpg
import httpx
import pytest

from app.routers import ROUTERS
from tests import factories

PROBLEM_JSON = "application/problem+json"
UUID_RE = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


def assert_401(response) -> dict:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.headers.get("www-authenticate", "").startswith("Bearer"), response.headers
    body = response.json()
    assert body["status"] == 401
    assert isinstance(body.get("code"), str) and body["code"]
    return body


def client_for(app, key: str | None = None, *, authorization: str | None = None) -> httpx.AsyncClient:
    headers = {}
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    if authorization is not None:
        headers["Authorization"] = authorization
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", headers=headers)


# --- refused requests ---------------------------------------------------------------------------

def split_key(key: str) -> tuple[str, str]:
    """"rbk_<prefix>_<secret>" -> ("rbk_<prefix>_", "<secret>") (the secret may itself hold "_")."""
    assert key.startswith("rbk_"), key
    head = key[: len("rbk_") + key[len("rbk_"):].index("_") + 1]
    return head, key[len(head):]


def _other_secret(key: str) -> str:
    head, secret = split_key(key)
    return head + ("A" * len(secret))


BAD_AUTHORIZATIONS = {
    "missing header": lambda key: None,
    "empty header": lambda key: "",
    "basic scheme": lambda key: "Basic dXNlcjpwYXNzd29yZA==",
    "token scheme with a valid key": lambda key: f"Token {key}",
    "key without scheme": lambda key: key,
    "bearer without key": lambda key: "Bearer",
    "bearer with blank key": lambda key: "Bearer    ",
    "malformed key": lambda key: "Bearer not-a-rebill-key",
    "key prefix only": lambda key: "Bearer rbk_",
    "key without secret": lambda key: "Bearer " + split_key(key)[0],
    "unknown key": lambda key: f"Bearer rbk_0123456789ab_{'x' * 43}",
    "known prefix, wrong secret": lambda key: f"Bearer {_other_secret(key)}",
    "valid key with extra characters": lambda key: f"Bearer {key}x",
    "valid key truncated": lambda key: f"Bearer {key[:-1]}",
}


@pytest.mark.parametrize("case", list(BAD_AUTHORIZATIONS))
async def test_bad_credentials_are_401_problem_with_bearer_challenge(app, api, case):
    authorization = BAD_AUTHORIZATIONS[case](api.key)
    headers = {} if authorization is None else {"Authorization": authorization}
    async with client_for(app) as client:
        response = await client.get("/v1/customers", headers=headers)
    body = assert_401(response)
    assert api.key not in response.text
    assert "data" not in body


async def test_bearer_scheme_is_case_insensitive(app, api):
    """RFC 9110 §11.1: the authentication scheme is case-insensitive."""
    async with client_for(app, authorization=f"bearer {api.key}") as client:
        response = await client.get("/v1/customers")
    assert response.status_code == 200, response.text


async def test_several_spaces_after_the_scheme_are_accepted(app, api):
    async with client_for(app, authorization=f"Bearer  {api.key}") as client:
        response = await client.get("/v1/customers")
    assert response.status_code == 200, response.text


async def test_a_request_without_key_is_401_even_with_a_malformed_body(anonymous):
    response = await anonymous.post("/v1/customers", content=b"{not json",
                                    headers={"Content-Type": "application/json"})
    assert_401(response)


V1_ROUTES = sorted({(method, route.path) for router in ROUTERS for route in router.routes
                    for method in route.methods if method != "HEAD"})


@pytest.mark.parametrize(("method", "path"), V1_ROUTES, ids=[f"{m} {p}" for m, p in V1_ROUTES])
async def test_every_v1_route_refuses_a_request_without_key(anonymous, method, path):
    url = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)
    # A valid-looking JSON body for writes, so that only the missing key is at fault.
    response = await anonymous.request(method, url, json={} if method in {"POST", "PATCH", "PUT"} else None)
    assert_401(response)


async def test_anonymous_request_on_an_existing_record_is_401_not_its_data(anonymous, api):
    customer = await factories.customer(api, name="Secret Customer Name")
    response = await anonymous.get(f"/v1/customers/{customer['id']}")
    assert_401(response)
    assert "Secret Customer Name" not in response.text
    patched = await anonymous.patch(f"/v1/customers/{customer['id']}", json={"name": "Hijacked"})
    assert_401(patched)
    deleted = await anonymous.delete(f"/v1/customers/{customer['id']}")
    assert_401(deleted)
    still = await api.get(f"/v1/customers/{customer['id']}")
    assert still.status_code == 200 and still.json()["name"] == "Secret Customer Name"


async def test_an_invalid_key_writes_nothing(app, api):
    async with client_for(app, f"{api.key}x") as client:
        response = await client.post("/v1/customers", json={"name": "Should not exist"})
    assert_401(response)
    listed = await api.get("/v1/customers")
    assert listed.json()["data"] == []


async def test_probes_need_no_key(anonymous):
    assert (await anonymous.get("/healthz")).status_code == 200


# --- the rebill command -------------------------------------------------------------------------

def rebill_executable() -> str:
    beside = Path(sys.executable).parent / "rebill"
    if beside.is_file():
        return str(beside)
    found = shutil.which("rebill")
    assert found, "the `rebill` console script is not installed"
    return found


async def rebill(database_url: str | None, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    if database_url is not None:
        env["DATABASE_URL"] = database_url
    return await asyncio.to_thread(subprocess.run, [rebill_executable(), *args], capture_output=True, text=True,
                                   env=env, cwd=cwd, timeout=120)


def single_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line, got {output!r}"
    return lines[0].strip()


def labelled_uuid(output: str, label: str) -> str:
    match = re.search(rf"^\s*{label}\s*:\s*({UUID_RE})\s*$", output, re.IGNORECASE | re.MULTILINE)
    assert match, f"no {label!r} line with an id in {output!r}"
    return match.group(1)


def printed_key(output: str) -> str:
    match = re.search(r"^\s*api key\s*:\s*(\S+)\s*$", output, re.IGNORECASE | re.MULTILINE)
    assert match, f"no api key line in {output!r}"
    return match.group(1)


async def status_with(app, key: str, path: str = "/v1/customers") -> int:
    async with client_for(app, key) as client:
        return (await client.get(path)).status_code


@pytest.mark.slow
async def test_tenants_create_quiet_prints_only_a_working_key(app, migrated_database, tmp_path):
    result = await rebill(migrated_database, "tenants", "create", f"Quiet Co {uuid.uuid4().hex[:6]}", "--quiet",
                          cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    key = single_line(result.stdout)
    assert " " not in key
    async with client_for(app, key) as client:
        created = await client.post("/v1/customers", json={"name": "First customer"})
        assert created.status_code == 201, created.text
        listed = await client.get("/v1/customers")
    assert [c["name"] for c in listed.json()["data"]] == ["First customer"]


@pytest.mark.slow
async def test_tenants_create_prints_tenant_id_key_id_and_key(app, migrated_database, tmp_path):
    result = await rebill(migrated_database, "tenants", "create", f"Loud Co {uuid.uuid4().hex[:6]}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    tenant_id = labelled_uuid(result.stdout, "tenant(?: id)?")
    key_id = labelled_uuid(result.stdout, "key id")
    key = printed_key(result.stdout)
    assert tenant_id != key_id
    assert await status_with(app, key) == 200

    # The printed tenant id is the key's tenant: a key made for it sees the same records.
    async with client_for(app, key) as client:
        customer = (await client.post("/v1/customers", json={"name": "Shared"})).json()
    second = await rebill(migrated_database, "keys", "create", tenant_id, "--quiet", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert await status_with(app, single_line(second.stdout), f"/v1/customers/{customer['id']}") == 200

    # The printed key id is the printed key's id: revoking it refuses that key.
    revoked = await rebill(migrated_database, "keys", "revoke", key_id, cwd=tmp_path)
    assert revoked.returncode == 0, revoked.stderr
    assert await status_with(app, key) == 401


@pytest.mark.slow
async def test_second_key_then_revocation_takes_effect_on_the_next_request(app, migrated_database, tmp_path):
    created = await rebill(migrated_database, "tenants", "create", f"Keys Co {uuid.uuid4().hex[:6]}", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    tenant_id = labelled_uuid(created.stdout, "tenant(?: id)?")
    first_key = printed_key(created.stdout)

    second = await rebill(migrated_database, "keys", "create", tenant_id, cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    second_key_id = labelled_uuid(second.stdout, "key id")
    second_key = printed_key(second.stdout)
    assert second_key != first_key

    async with client_for(app, first_key) as first, client_for(app, second_key) as other:
        customer = await first.post("/v1/customers", json={"name": "Seen by both keys"})
        assert customer.status_code == 201, customer.text
        seen = await other.get(f"/v1/customers/{customer.json()['id']}")
        assert seen.status_code == 200 and seen.json()["name"] == "Seen by both keys"

        revoked = await rebill(migrated_database, "keys", "revoke", second_key_id, cwd=tmp_path)
        assert revoked.returncode == 0, revoked.stderr

        # The very next request with the revoked key, on a client that worked a moment ago.
        refused = await other.get("/v1/customers")
        assert_401(refused)
        assert "Seen by both keys" not in refused.text
        assert_401(await other.post("/v1/customers", json={"name": "After revocation"}))
        still = await first.get("/v1/customers")
        assert still.status_code == 200
        assert [c["name"] for c in still.json()["data"]] == ["Seen by both keys"]


@pytest.mark.slow
async def test_keys_create_accepts_the_tenant_name(app, migrated_database, tmp_path):
    name = f"Named Co {uuid.uuid4().hex[:8]}"
    first = await rebill(migrated_database, "tenants", "create", name, "--quiet", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = await rebill(migrated_database, "keys", "create", name, "--quiet", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    async with client_for(app, single_line(first.stdout)) as a, client_for(app, single_line(second.stdout)) as b:
        customer = await a.post("/v1/customers", json={"name": "Via first key"})
        assert customer.status_code == 201, customer.text
        assert (await b.get(f"/v1/customers/{customer.json()['id']}")).status_code == 200


@pytest.mark.slow
@pytest.mark.parametrize("key_id", ["unknown uuid", "not-an-id"])
async def test_revoking_an_unknown_key_fails(migrated_database, tmp_path, key_id):
    value = str(uuid.uuid4()) if key_id == "unknown uuid" else key_id
    result = await rebill(migrated_database, "keys", "revoke", value, cwd=tmp_path)
    assert result.returncode != 0, result.stdout
    assert result.stderr.strip(), "the failure should be explained on stderr"


@pytest.mark.slow
async def test_revoking_a_key_twice_leaves_it_revoked(app, migrated_database, tmp_path):
    created = await rebill(migrated_database, "tenants", "create", f"Twice Co {uuid.uuid4().hex[:6]}", cwd=tmp_path)
    key_id, key = labelled_uuid(created.stdout, "key id"), printed_key(created.stdout)
    assert (await rebill(migrated_database, "keys", "revoke", key_id, cwd=tmp_path)).returncode == 0
    await rebill(migrated_database, "keys", "revoke", key_id, cwd=tmp_path)
    assert await status_with(app, key) == 401


@pytest.mark.slow
async def test_keys_create_for_an_unknown_tenant_fails_without_a_key(migrated_database, tmp_path):
    result = await rebill(migrated_database, "keys", "create", str(uuid.uuid4()), cwd=tmp_path)
    assert result.returncode != 0
    assert "rbk_" not in result.stdout


@pytest.mark.slow
async def test_tenants_create_without_database_url_fails(tmp_path):
    result = await rebill(None, "tenants", "create", "Nowhere", "--quiet", cwd=tmp_path)
    assert result.returncode != 0
    assert result.stdout.strip() == ""


@pytest.mark.slow
async def test_keys_are_stored_hashed(app, migrated_database, tmp_path):
    result = await rebill(migrated_database, "tenants", "create", f"Hash Co {uuid.uuid4().hex[:6]}", "--quiet",
                          cwd=tmp_path)
    key = single_line(result.stdout)
    secret = split_key(key)[1]
    connection = await asyncpg.connect(migrated_database)
    try:
        rows = await connection.fetch("SELECT CAST(k AS text) AS row FROM api_keys AS k")
    finally:
        await connection.close()
    assert rows
    assert not any(key in r["row"] or secret in r["row"] for r in rows)
    assert await status_with(app, key) == 200


@pytest.mark.slow
async def test_tenants_created_by_the_command_are_isolated(app, migrated_database, tmp_path):
    first = await rebill(migrated_database, "tenants", "create", "Same Name Co", "--quiet", cwd=tmp_path)
    second = await rebill(migrated_database, "tenants", "create", "Same Name Co", "--quiet", cwd=tmp_path)
    key_a, key_b = single_line(first.stdout), single_line(second.stdout)
    assert key_a != key_b
    async with client_for(app, key_a) as a, client_for(app, key_b) as b:
        customer = await a.post("/v1/customers", json={"name": "Only A's"})
        assert customer.status_code == 201
        other = await b.get(f"/v1/customers/{customer.json()['id']}")
        assert other.status_code == 404
        assert (await b.get("/v1/customers")).json()["data"] == []
