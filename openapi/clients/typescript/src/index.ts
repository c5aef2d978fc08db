/**
 * The Rebill API client: openapi-fetch typed by the schema generated from openapi/openapi.json
 * (src/schema.ts). This file is the only hand-written part: it sets the base URL and the API key,
 * and offers `unwrap` for callers who would rather have an exception than an `error` to check.
 */
import createClient, { type Client, type ClientOptions } from "openapi-fetch";

import type { Problem, paths } from "./schema.js";

export type * from "./schema.js";

export type RebillClient = Client<paths>;

export interface RebillClientOptions {
  /** Where the API answers, e.g. `https://billing.example.com` (without `/v1`). */
  baseUrl: string;
  /** The tenant's API key, sent as a bearer token. */
  apiKey: string;
  /** Extra headers sent with every request (e.g. `X-Request-ID`). */
  headers?: Record<string, string>;
  /** A `fetch` of your own (a proxy, a test double); the global one otherwise. */
  fetch?: ClientOptions["fetch"];
}

export function createRebillClient(options: RebillClientOptions): RebillClient {
  if (!options.apiKey) {
    throw new TypeError("createRebillClient: apiKey is required");
  }
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    headers: { ...options.headers, Authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** An answer other than 2xx. `problem` is the API's problem+json body (`code`, `detail`, `errors`
 * naming the fields at fault) when it sent one. */
export class RebillError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  readonly response: Response;

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    super(problem ? `${problem.status} ${problem.code}: ${problem.detail}` : `HTTP ${response.status}`);
    this.name = "RebillError";
    this.status = response.status;
    this.problem = problem;
    this.response = response;
  }
}

export function isProblem(body: unknown): body is Problem {
  if (typeof body !== "object" || body === null) {
    return false;
  }
  const fields = body as Record<string, unknown>;
  return typeof fields.status === "number" && typeof fields.code === "string" && typeof fields.detail === "string";
}

/** The data of a successful answer, or a `RebillError` thrown for any other. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) {
    throw new RebillError(result.response, result.error);
  }
  return result.data as T;
}
