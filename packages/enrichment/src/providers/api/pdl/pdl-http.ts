import { z } from "zod";
import type { ProviderCallContext } from "../../provider.ts";
import {
  callVendor,
  detailText,
  type ErrorOutcome,
  errorOutcome,
  invalidInput,
  parseRetryAfter,
  quotaExceeded,
  serverError,
  unauthorized,
  unexpectedStatus,
  type VendorResponse,
  type VendorResult,
} from "../shared/vendor-http.ts";

/**
 * People Data Labs API v5 (https://docs.peopledatalabs.com): the key in the X-Api-Key header, 200
 * a match and 404 no match (neither is an error; only matches are charged). Failures are
 * { status, error: { type, message } }: 400/405 invalid_request_error, 401 authentication_error,
 * 402 payment_required (all matches used), 429 rate_limit_error, 5xx api_error.
 */

export const PDL = "People Data Labs";
export const pdlDefaultBaseUrl = "https://api.peopledatalabs.com";

/** Person and Company Enrichment: 1,000 requests a minute for paying customers (100 on the free plan). */
export const pdlRateLimit = { requests: 1000, perMs: 60_000 };

/** Matches below this likelihood (1–10) come back as 404 and cost nothing. */
export const PDL_MIN_LIKELIHOOD = 5;

export async function pdlGet(
  ctx: Pick<ProviderCallContext, "apiKey" | "baseUrl" | "signal" | "fetch">,
  path: string,
  query: Record<string, string | number | boolean | undefined>,
): Promise<VendorResult> {
  if (!ctx.apiKey) return { ok: false, outcome: unauthorized(PDL, "no API key is set for this workspace") };
  return callVendor(PDL, ctx, { method: "GET", path, query, headers: { "x-api-key": ctx.apiKey } });
}

export async function pdlPost(
  ctx: Pick<ProviderCallContext, "apiKey" | "baseUrl" | "signal" | "fetch">,
  path: string,
  json: unknown,
): Promise<VendorResult> {
  if (!ctx.apiKey) return { ok: false, outcome: unauthorized(PDL, "no API key is set for this workspace") };
  return callVendor(PDL, ctx, { method: "POST", path, json, headers: { "x-api-key": ctx.apiKey } });
}

const errorBody = z.object({
  error: z.object({ type: z.string().nullish(), message: z.string().nullish() }),
});

/** When to retry after a 429: Retry-After if sent, else the documented X-RateLimit-Reset (epoch seconds or a date). */
function retryAfterMs(headers: Headers): number | undefined {
  const retryAfter = parseRetryAfter(headers.get("retry-after"));
  if (retryAfter !== undefined) return retryAfter;
  const reset = headers.get("x-ratelimit-reset");
  if (!reset) return undefined;
  const n = Number(reset);
  if (Number.isFinite(n) && n > 1e9) return Math.max(0, n * 1000 - Date.now());
  const at = Date.parse(reset);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The outcome of a PDL answer other than 200 and 404. */
export function pdlFailure(res: VendorResponse): ErrorOutcome {
  const parsed = errorBody.safeParse(res.body);
  const detail = parsed.success ? detailText(parsed.data.error.message) : undefined;
  if (res.status === 400 || res.status === 405 || res.status === 422) return invalidInput(PDL, detail);
  if (res.status === 401 || res.status === 403) return unauthorized(PDL, detail);
  if (res.status === 402) return quotaExceeded(PDL, detail);
  if (res.status === 429) {
    return errorOutcome(
      "rate_limited",
      `${PDL} rate limit reached${detail ? `: ${detail}` : ""}`,
      true,
      retryAfterMs(res.headers),
    );
  }
  if (res.status >= 500) return serverError(PDL, res.status, res.headers);
  return unexpectedStatus(PDL, res.status);
}

/** PDL's likelihood (1–10) as a 0–100 confidence. */
export const confidenceOf = (likelihood: number) => Math.max(0, Math.min(100, likelihood * 10));

/** Fields a plan cannot see come back as `true` ("exists, not included"): keep text only. */
export const pdlText = z
  .union([z.string(), z.boolean(), z.number()])
  .nullish()
  .transform((v) => (typeof v === "string" ? v : null));
