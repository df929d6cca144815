import { z } from "zod";
import type { ProviderCallContext } from "../../provider.ts";
import {
  callVendor,
  detailText,
  type ErrorOutcome,
  invalidInput,
  quotaExceeded,
  rateLimited,
  serverError,
  unauthorized,
  unexpectedStatus,
  type VendorRequest,
  type VendorResponse,
  type VendorResult,
} from "../shared/vendor-http.ts";

/**
 * Apollo REST API (https://docs.apollo.io/reference): endpoints under /api/v1, the key in the
 * x-api-key header. Enrichment answers 200 even when nobody matched (person: null). Credits are
 * spent only when credit-consuming data comes back (1 for demographics or email).
 */

export const APOLLO = "Apollo";
export const apolloDefaultBaseUrl = "https://api.apollo.io";

/** Rate limits (docs.apollo.io/reference/rate-limits), API enrichment endpoints: 1,000 requests a
 * minute on Basic, Organization and Professional plans (Free: 50/min, 200/h, 600/day). */
export const apolloEnrichmentRateLimit = { requests: 1000, perMs: 60_000 };

export async function apolloCall(
  ctx: Pick<ProviderCallContext, "apiKey" | "baseUrl" | "signal" | "fetch">,
  req: Omit<VendorRequest, "headers">,
): Promise<VendorResult> {
  if (!ctx.apiKey)
    return { ok: false, outcome: unauthorized(APOLLO, "no API key is set for this workspace") };
  return callVendor(APOLLO, ctx, {
    ...req,
    headers: { "x-api-key": ctx.apiKey, "cache-control": "no-cache" },
  });
}

const errorBody = z.object({
  error: z.string().nullish(),
  message: z.string().nullish(),
  error_message: z.string().nullish(),
});

const aboutCredits = (detail: string | undefined) => /credit/i.test(detail ?? "");

/** The outcome of an Apollo answer that is not a success. Out-of-credits answers name credits. */
export function apolloFailure(res: VendorResponse): ErrorOutcome {
  const parsed = errorBody.safeParse(res.body);
  const detail = parsed.success
    ? detailText(parsed.data.error ?? parsed.data.error_message ?? parsed.data.message)
    : undefined;
  if (res.status === 402 || ((res.status === 403 || res.status === 422) && aboutCredits(detail))) {
    return quotaExceeded(APOLLO, detail);
  }
  if (res.status === 401) return unauthorized(APOLLO, detail);
  if (res.status === 403) return unauthorized(APOLLO, detail ?? "this key may not call this endpoint");
  if (res.status === 400 || res.status === 422) return invalidInput(APOLLO, detail);
  if (res.status === 429) return rateLimited(APOLLO, res.headers, detail);
  if (res.status >= 500) return serverError(APOLLO, res.status, res.headers);
  return unexpectedStatus(APOLLO, res.status);
}
