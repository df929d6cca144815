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

export async function callVendor(
  vendor: string,
  ctx: Pick<ProviderCallContext, "baseUrl" | "signal" | "fetch">,
  req: VendorRequest,
): Promise<VendorResult> {
  const headers: Record<string, string> = { accept: "application/json", ...req.headers };
  if (req.json !== undefined) headers["content-type"] = "application/json";
  try {
    const res = await ctx.fetch(vendorUrl(ctx.baseUrl, req.path, req.query), {
      method: req.method,
      headers,
      body: req.json === undefined ? undefined : JSON.stringify(req.json),
      signal: ctx.signal,
      redirect: "error",
    });
    const text = await res.text();
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
