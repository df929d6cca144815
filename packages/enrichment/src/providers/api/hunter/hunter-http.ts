import { z } from "zod";
import type { ProviderCallContext, Verification } from "../../provider.ts";
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
  type VendorResponse,
  type VendorResult,
} from "../shared/vendor-http.ts";

/**
 * Hunter API v2 (https://hunter.io/api-documentation/v2): GET requests under /v2, the key in the
 * X-API-KEY header (the docs also accept an api_key query parameter; the header keeps it out of
 * URLs and logs), answers as { data, meta }, failures as { errors: [{ id, code, details }] }.
 * Hunter's status codes differ from the usual: 403 means the rate limit was reached and 429 means
 * the plan's monthly usage limit was reached.
 */

export const HUNTER = "Hunter";
export const hunterDefaultBaseUrl = "https://api.hunter.io";

/** Documented limits (per key): 15 requests/s and 500/min for Domain Search and Email Finder,
 * 10/s and 300/min for Email Verifier. One window that keeps under both: */
export const hunterSearchRateLimit = { requests: 8, perMs: 1000 };
export const hunterVerifierRateLimit = { requests: 5, perMs: 1000 };

export async function hunterGet(
  ctx: Pick<ProviderCallContext, "apiKey" | "baseUrl" | "signal" | "fetch">,
  path: string,
  query: Record<string, string | number | undefined>,
): Promise<VendorResult> {
  if (!ctx.apiKey)
    return { ok: false, outcome: unauthorized(HUNTER, "no API key is set for this workspace") };
  return callVendor(HUNTER, ctx, { method: "GET", path, query, headers: { "x-api-key": ctx.apiKey } });
}

const errorsBody = z.object({
  errors: z.array(
    z.object({ id: z.string().nullish(), code: z.number().nullish(), details: z.string().nullish() }),
  ),
});

function hunterDetail(body: unknown): string | undefined {
  const parsed = errorsBody.safeParse(body);
  return parsed.success ? detailText(parsed.data.errors[0]?.details ?? parsed.data.errors[0]?.id) : undefined;
}

/** The outcome of a Hunter answer that is not a success. */
export function hunterFailure(res: VendorResponse): ErrorOutcome {
  const detail = hunterDetail(res.body);
  if (res.status === 400 || res.status === 422) return invalidInput(HUNTER, detail);
  if (res.status === 401) return unauthorized(HUNTER, detail);
  if (res.status === 403) return rateLimited(HUNTER, res.headers, detail);
  if (res.status === 429) return quotaExceeded(HUNTER, detail ?? "the plan's usage limit is reached");
  if (res.status >= 500) return serverError(HUNTER, res.status, res.headers);
  return unexpectedStatus(HUNTER, res.status);
}

/** 451: the person asked Hunter to stop processing their data. Nothing to find, nothing to retry. */
export const HUNTER_LEGAL_RESTRICTION = 451;

export const hunterVerificationStatus = z.enum([
  "valid",
  "invalid",
  "accept_all",
  "webmail",
  "disposable",
  "unknown",
]);
export type HunterVerificationStatus = z.infer<typeof hunterVerificationStatus>;

/** Hunter's verification status → ours, with a flag for the statuses that need explaining. */
export function hunterVerification(status: HunterVerificationStatus | null | undefined): {
  verification: Verification;
  flags?: string[];
} {
  switch (status) {
    case "valid":
      return { verification: "valid" };
    case "invalid":
      return { verification: "invalid" };
    case "accept_all":
      return { verification: "risky", flags: ["accept_all"] };
    case "disposable":
      return { verification: "risky", flags: ["disposable"] };
    case "webmail":
      return { verification: "unknown", flags: ["free_mail"] };
    default:
      return { verification: "unknown" };
  }
}
