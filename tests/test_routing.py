"""Routing: each resource's router skips the paths outside its prefix at once (app/kit/routing.py).
What a client sees must be what FastAPI's full scan gave: every route reached, unknown paths 404,
known paths with another method 405, a trailing slash redirected."""

import pytest

from app.routers import ROUTERS


async def test_every_resource_answers_its_own_paths(api, anonymous):
    assert (await anonymous.get("/healthz")).json() == {"status": "ok"}
    for router in ROUTERS:
        listed = [route for route in router.routes if "GET" in route.methods and route.path == router.prefix]
        for route in listed:
            response = await api.get(route.path)
            assert response.status_code == 200, (route.path, response.text)
    assert (await api.get("/v1/settings")).status_code == 200


@pytest.mark.parametrize("path", ["/v1/customersX", "/v1/customer", "/v1", "/v1/", "/v1/settings/extra",
                                  "/v1/nothing/here", "/healthzz", "/v1/customers/x/y"])
async def test_paths_no_router_owns_are_404_problems(api, path):
    response = await api.get(path)
    assert response.status_code == 404, (path, response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "not_found"


async def test_a_known_path_with_another_method_is_405(api):
    response = await api.delete("/v1/settings")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert response.headers["allow"]


async def test_a_trailing_slash_is_redirected_to_the_route(api):
    response = await api.get("/v1/customers/", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"].endswith("/v1/customers")
