"""Read everything a tenant can see, to prove that a refused request changed nothing."""

KINDS = ("customers", "products", "prices", "contracts", "work-items", "time-entries", "selections", "webhook-endpoints")


async def list_all(client, kind: str, **params) -> list[dict]:
    response = await client.get(f"/v1/{kind}", params={"limit": 200, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["next_cursor"] is None
    return body["data"]


async def tenant_state(client) -> dict:
    """Every list, whole records included, and the settings."""
    state = {kind: await list_all(client, kind) for kind in KINDS}
    settings = await client.get("/v1/settings")
    assert settings.status_code == 200, settings.text
    state["settings"] = settings.json()
    state["exports"] = await list_all(client, "exports")  # not in KINDS: exports are never changed or deleted
    return state


def bulk_counts(response) -> dict:
    """The counts a bulk upsert answered, checked against its one answer per item."""
    body = response.json()
    results = [item["result"] for item in body["items"]]
    counts = {key: body[key] for key in ("created", "updated", "unchanged", "errors")}
    assert counts == {"created": results.count("created"), "updated": results.count("updated"),
                      "unchanged": results.count("unchanged"), "errors": results.count("error")}, body
    return counts
