import { z } from "zod";
import type {
  ProviderCallContext,
  ProviderDefinition,
  ProviderInput,
  ProviderOutcome,
} from "../../provider.ts";
import { eachInput, errorOutcome, invalidInput, malformed, parseRetryAfter } from "../shared/vendor-http.ts";
import { inputText } from "../shared/vendor-values.ts";
import {
  HUNTER,
  HUNTER_LEGAL_RESTRICTION,
  hunterDefaultBaseUrl,
  hunterFailure,
  hunterGet,
  hunterVerification,
  hunterVerificationStatus,
  hunterVerifierRateLimit,
} from "./hunter-http.ts";

/**
 * Hunter Email Verifier: GET /v2/email-verifier?email= → status valid | invalid | accept_all |
 * webmail | disposable | unknown, with a 0–100 score. 202 means the check is still running (ask
 * again later, it counts once) and 222 means the remote mail server failed the check (retry later).
 * Hunter skips and does not count webmail and unknown results: for us they are "not found", so a
 * waterfall moves on to the next verifier.
 */

const verifierBody = z.object({
  data: z.object({ email: z.string(), status: hunterVerificationStatus, score: z.number().nullish() }),
});

async function verify(input: ProviderInput, ctx: ProviderCallContext): Promise<ProviderOutcome> {
  const email = inputText(input, "email");
  if (!email) return invalidInput(HUNTER, "an email address is needed");
  const result = await hunterGet(ctx, "/v2/email-verifier", { email });
  if (!result.ok) return result.outcome;
  const res = result.response;
  if (res.status === 202) {
    const wait = parseRetryAfter(res.headers.get("retry-after"));
    return errorOutcome("verification_pending", "Hunter is still verifying this address", true, wait);
  }
  if (res.status === 222) {
    return errorOutcome(
      "verification_failed",
      "The remote mail server failed Hunter's check; try later",
      true,
    );
  }
  if (res.status === HUNTER_LEGAL_RESTRICTION) return { status: "not_found", raw: res.body };
  if (res.status !== 200) return hunterFailure(res);
  const parsed = verifierBody.safeParse(res.body);
  if (!parsed.success) return malformed(HUNTER);
  const { status, score } = parsed.data.data;
  if (status === "unknown" || status === "webmail") return { status: "not_found", raw: res.body };
  const { verification, flags } = hunterVerification(status);
  return {
    status: "found",
    values: [
      { field: "email", value: email, confidence: score ?? 50, verification, ...(flags ? { flags } : {}) },
    ],
    raw: res.body,
  };
}

export const hunterEmailVerifier: ProviderDefinition = {
  id: "hunter-email-verifier",
  name: "Hunter Email Verifier",
  kind: "api",
  fields: { contact: ["email"], company: [] },
  requires: { contact: [["email"]] },
  costCredits: 1,
  rateLimit: hunterVerifierRateLimit,
  batchSize: 1,
  needsApiKey: true,
  defaultBaseUrl: hunterDefaultBaseUrl,
  enrich: (inputs, ctx) => eachInput(inputs, (input) => verify(input, ctx)),
};
