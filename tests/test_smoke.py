"""The service answers its probes and refuses requests without a valid key."""


async def test_healthz_answers_ok(anonymous):
    response = await anonymous.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_checks_postgres_and_redis(anonymous):
    response = await anonymous.get("/readyz")
    assert response.status_code == 200, response.text


async def test_v1_without_key_is_401_problem(anonymous):
    response = await anonymous.get("/v1/customers")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "unauthorized"
