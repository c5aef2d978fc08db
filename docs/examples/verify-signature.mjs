// Checking the `Rebill-Signature` header of a webhook delivery, in JavaScript or TypeScript on
// Node.js 18 or later (node:crypto only, no dependency).
//
// Call verify() with the endpoint's secret (the whole string, `whsec_` included), the request body
// exactly as it arrived (a Buffer or Uint8Array, before any JSON parsing: with Express, use
// express.raw({ type: "application/json" }) on this route) and the header's value. Answer 2xx only
// when it returns true; otherwise answer 400 and drop the request.
//
//   import { verify } from "./verify-signature.mjs";
//   app.post("/hooks/rebill", express.raw({ type: "application/json" }), (req, res) => {
//     if (!verify(SECRET, req.body, req.get("Rebill-Signature") ?? "")) return res.sendStatus(400);
//     const event = JSON.parse(req.body.toString("utf8"));
//     // ... deduplicate on event.id, then handle event.type ...
//     res.sendStatus(204);
//   });
//
// In TypeScript, the signature is:
//   verify(secret: string, body: Uint8Array, header: string,
//          options?: { toleranceSeconds?: number; now?: number }): boolean

import { createHmac, timingSafeEqual } from "node:crypto";

// How old (or how far in the future) a signature's timestamp may be, in seconds: the bound that
// makes a captured request useless for a replay later on.
export const TOLERANCE_SECONDS = 300;

export function verify(secret, body, header, { toleranceSeconds = TOLERANCE_SECONDS, now } = {}) {
  const fields = new Map();
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    fields.set(name, [...(fields.get(name) ?? []), part.slice(at + 1).trim()]);
  }
  const timestamps = fields.get("t") ?? [];
  if (timestamps.length !== 1 || !/^[0-9]+$/.test(timestamps[0])) return false;
  const timestamp = Number(timestamps[0]);
  const current = now ?? Date.now() / 1000;
  if (Math.abs(current - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(`${timestamps[0]}.`)
    .update(body)
    .digest();
  // Any v1 value may match; each is compared in constant time.
  return (fields.get("v1") ?? []).some((candidate) => {
    if (!/^[0-9a-f]{64}$/.test(candidate)) return false;
    return timingSafeEqual(expected, Buffer.from(candidate, "hex"));
  });
}
