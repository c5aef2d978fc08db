// @ts-check
/**
 * The TypeScript client against a live `rebill api` and `rebill worker` (started by
 * tests/test_typescript_sdk.py, which passes REBILL_BASE_URL and a fresh tenant's REBILL_API_KEY):
 * it pushes customers, a product, a work item each and their time, runs a batch to the end, reads
 * its report, and reads the API's problem+json errors as typed values.
 * Type-checked (`npm run typecheck`) against the generated schema, so a call that no longer
 * matches the API fails before it runs.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { RebillError, createRebillClient, unwrap } from "@rebill/client";

const baseUrl = process.env.REBILL_BASE_URL;
const apiKey = process.env.REBILL_API_KEY;
assert.ok(baseUrl && apiKey, "set REBILL_BASE_URL and REBILL_API_KEY (a tenant of a running `rebill api`)");
const client = createRebillClient({ baseUrl, apiKey });

test("pushes time, runs a batch to the end and reads its report", async () => {
  const product = unwrap(await client.POST("/v1/products", {
    body: { code: "SUP-H", name: "Support", unit_price: "80.00" },
  }));
  unwrap(await client.PATCH("/v1/settings", {
    body: { default_product_id: product.id, timezone: "Europe/Paris" },
  }));
  const address = { line1: "3 rue de la Paix", postal_code: "75002", city: "Paris", country: "FR" };
  /** @type {Array<[string, string[]]>} each customer and the hours of its entries */
  const plan = [["Acme SARL", ["1.25", "1.25", "1.25"]], ["Globex SA", ["2.50"]]];
  const customerIds = [];
  for (const [index, [name, hours]] of plan.entries()) {
    const customer = unwrap(await client.POST("/v1/customers", {
      body: { name, billing_address: address, emails: ["billing@example.com"], tax_rate: "20.00" },
    }));
    customerIds.push(customer.id);
    const ticket = unwrap(await client.POST("/v1/work-items", {
      body: { type: "ticket", reference: `T-${4211 + index}`, customer_id: customer.id },
    }));
    const pushed = unwrap(await client.POST("/v1/time-entries/bulk", {
      body: {
        items: hours.map((h, n) => ({
          external_id: `te-${index}-${n}`, work_item_id: ticket.id, hours: h, status: /** @type {const} */ ("approved"),
          started_at: `2026-11-0${3 + n}T09:00:00Z`,
        })),
      },
    }));
    assert.equal(pushed.created, hours.length);
    assert.deepEqual(pushed.items.map((item) => item.result), hours.map(() => "created"));
  }

  let batch = unwrap(await client.POST("/v1/invoice-batches", {
    params: { header: { "Idempotency-Key": "ts-sdk-november" } },
    body: {
      title: "Support — November 2026", customer_ids: customerIds, validate: true,
      period_start: "2026-11-01", period_end: "2026-11-30",
    },
  }));
  for (let poll = 0; poll < 1200 && ["scheduled", "running"].includes(batch.status); poll++) {
    await sleep(50);
    batch = unwrap(await client.GET("/v1/invoice-batches/{batch_id}", { params: { path: { batch_id: batch.id } } }));
  }
  assert.equal(batch.status, "succeeded");

  const report = unwrap(await client.GET("/v1/invoice-batches/{batch_id}/report", {
    params: { path: { batch_id: batch.id } },
  }));
  assert.equal(report.counts.invoices_created, 2);
  assert.equal(report.totals.invoices, 2);
  assert.equal(report.totals.hours, "6.25");
  // 3.75 h and 2.50 h at 80.00, plus 20 % tax: 360.00 + 240.00. Amounts stay decimal strings.
  assert.deepEqual(report.totals.by_currency.map(({ currency, untaxed, tax, total }) => ({ currency, untaxed, tax, total })),
    [{ currency: "EUR", untaxed: "500.00", tax: "100.00", total: "600.00" }]);
  const totals = Object.fromEntries(report.invoices_created.map((invoice) => [invoice.customer_id, invoice.total]));
  assert.deepEqual(totals, { [customerIds[0]]: "360.00", [customerIds[1]]: "240.00" });
  for (const invoice of report.invoices_created) {
    assert.equal(invoice.status, "validated");
    assert.match(invoice.number ?? "", /^INV-/);
  }
});

test("reads a 422 as a typed problem naming the field at fault", async () => {
  const { data, error, response } = await client.POST("/v1/time-entries/bulk", {
    body: { items: [{ external_id: "te-bad", work_item_external_id: "T-4211", started_at: "2026-11-03T09:00:00Z", hours: "0" }] },
  });
  assert.equal(data, undefined);
  assert.equal(response.status, 422);
  assert.match(response.headers.get("content-type") ?? "", /^application\/problem\+json/);
  assert.ok(error, "a 422 comes back as `error`");
  assert.equal(error.status, 422);
  assert.equal(error.code, "validation_error");
  assert.deepEqual(error.errors?.map((fault) => fault.field), ["items[0].hours"]);
});

test("unwrap throws a RebillError carrying the problem", async () => {
  const missing = "01900000-0000-7000-8000-000000000001";
  const answer = await client.GET("/v1/customers/{customer_id}", { params: { path: { customer_id: missing } } });
  assert.throws(() => unwrap(answer), (thrown) => {
    assert.ok(thrown instanceof RebillError);
    assert.equal(thrown.status, 404);
    assert.equal(thrown.problem?.code, "not_found");
    return true;
  });
});

test("a wrong API key is refused with 401", async () => {
  const stranger = createRebillClient({ baseUrl, apiKey: "rb_not-a-key" });
  const { error, response } = await stranger.GET("/v1/settings");
  assert.equal(response.status, 401);
  assert.equal(error?.code, "unauthorized");
});
