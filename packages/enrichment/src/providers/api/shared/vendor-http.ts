import { findPrivateAddressRefusal } from "@quarry/core/public-address";
import type { ProviderCallContext, ProviderOutcome } from "../../provider.ts";

/**
 * The one HTTP path of the API providers: builds the URL on the configurable base URL, sends the
 * request with the call's signal, reads JSON, and turns transport failures into outcomes. Adapters
 * never throw for a vendor-side failure; they map what comes back to a ProviderOutcome.
 */

export type ErrorOutcome = Extract<ProviderOutcome, { status: "error" }>;

export interface VendorRequest {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  json?: unknown;
}

export interface VendorResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body was empty or not JSON. */
  body: unknown;
}

export type VendorResult = { ok: true; response: VendorResponse } | { ok: false; outcome: ErrorOutcome };

export function vendorUrl(baseUrl: string, path: string, query: VendorRequest["query"] = {}): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

/** The most a vendor response may hold; past it the call is stopped (a vendor may stream without end). */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export async function callVendor(
  vendor: string,
  ctx: Pick<ProviderCallContext, "baseUrl" | "signal" | "fetch">,
  req: VendorRequest,
  opts: { maxBytes?: number } = {},
): Promise<VendorResult> {
  const maxBytes = opts.maxBytes ?? MAX_RESPONSE_BYTES;
  const headers: Record<string, string> = { accept: "application/json", ...req.headers };
  if (req.json !== undefined) headers["content-type"] = "application/json";
  // Stopping a response that grew too large aborts the request, which closes the socket.
  const stop = new AbortController();
  try {
    const res = await ctx.fetch(vendorUrl(ctx.baseUrl, req.path, req.query), {
      method: req.method,
      headers,
      body: req.json === undefined ? undefined : JSON.stringify(req.json),
      signal: AbortSignal.any([ctx.signal, stop.signal]),
      redirect: "manual",
    });
    if (res.status >= 300 && res.status < 400) {
      stop.abort();
      return { ok: false, outcome: redirected(vendor, res.status, res.headers.get("location")) };
    }
    const text = await readCapped(res, maxBytes);
    if (text === null) {
      stop.abort();
      return { ok: false, outcome: tooLarge(vendor, maxBytes) };
    }
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { ok: true, response: { status: res.status, headers: res.headers, body } };
  } catch (error) {
    return { ok: false, outcome: transportOutcome(vendor, ctx.signal, error) };
  }
}

/** The body as text, or null once it passes `maxBytes` (declared or counted): nothing more is read. */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(res.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) return null;
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}

const sizeText = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;

/** A vendor that sends more than Quarry reads: the same answer next time, so not retried. */
export const tooLarge = (vendor: string, maxBytes: number) =>
  errorOutcome(
    "response_too_large",
    `${vendor} sent a response larger than ${sizeText(maxBytes)}; the call was stopped`,
    false,
  );

/**
 * A vendor redirect is not followed (the base URL names the vendor; a redirect could lead the
 * worker anywhere): a setting to check, not a blip to retry.
 */
export const redirected = (vendor: string, status: number, location: string | null) =>
  errorOutcome(
    "redirect",
    `${vendor} answered with a redirect (HTTP ${status}) to ${detailText(location) ?? "no Location"}, which Quarry does not follow: check the base URL`,
    false,
  );

function transportOutcome(vendor: string, signal: AbortSignal, error: unknown): ErrorOutcome {
  const name = error instanceof Error ? error.name : "";
  if (signal.aborted || name === "AbortError" || name === "TimeoutError") {
    return errorOutcome("timeout", `${vendor} did not answer in time (the call was aborted)`, true);
  }
  // The base URL leads to a private address (guarded-fetch.ts): a setting to change, not a blip.
  const refused = findPrivateAddressRefusal(error);
  if (refused) return errorOutcome("private_address", `Could not reach ${vendor}: ${refused.message}`, false);
  const reason =
    error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
  return errorOutcome("timeout", `Could not reach ${vendor}${reason ? `: ${reason}` : ""}`, true);
}

export function errorOutcome(
  code: string,
  message: string,
  retryable: boolean,
  retryAfterMs?: number,
): ErrorOutcome {
  return retryAfterMs === undefined
    ? { status: "error", code, message, retryable }
    : { status: "error", code, message, retryable, retryAfterMs };
}

/** Retry-After as milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export const rateLimited = (vendor: string, headers: Headers, detail?: string) =>
  errorOutcome(
    "rate_limited",
    `${vendor} rate limit reached${detail ? `: ${detail}` : ""}`,
    true,
    parseRetryAfter(headers.get("retry-after")),
  );

export const serverError = (vendor: string, status: number, headers: Headers) =>
  errorOutcome(
    "server_error",
    `${vendor} failed on its side (HTTP ${status})`,
    true,
    parseRetryAfter(headers.get("retry-after")),
  );

export const malformed = (vendor: string) =>
  errorOutcome("server_error", `${vendor} sent a response Quarry could not read`, true);

export const unauthorized = (vendor: string, detail?: string) =>
  errorOutcome("unauthorized", `${vendor} rejected the API key${detail ? `: ${detail}` : ""}`, false);

export const quotaExceeded = (vendor: string, detail?: string) =>
  errorOutcome("quota_exceeded", `${vendor} account is out of credits${detail ? `: ${detail}` : ""}`, false);

export const invalidInput = (vendor: string, detail?: string) =>
  errorOutcome("invalid_input", `${vendor} refused the lookup${detail ? `: ${detail}` : ""}`, false);

export const unexpectedStatus = (vendor: string, status: number) =>
  errorOutcome("unexpected_status", `${vendor} answered HTTP ${status}`, false);

/** Vendor messages are shown to users: one line, bounded. */
export function detailText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim()
    ? value.trim().replace(/\s+/g, " ").slice(0, 200)
    : undefined;
}

/** Runs one lookup per input, in order (batch size 1 providers may still be handed several). */
export async function eachInput<T>(
  inputs: readonly T[],
  lookUp: (input: T) => Promise<ProviderOutcome>,
): Promise<ProviderOutcome[]> {
  const outcomes: ProviderOutcome[] = [];
  for (const input of inputs) outcomes.push(await lookUp(input));
  return outcomes;
}
