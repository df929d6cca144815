import type { ProviderCallContext, ProviderInput } from "../providers/provider.ts";

/** A call context aimed at a local fake, with a short timeout so "slow" scenarios end quickly. */
export function fakeCallContext(
  baseUrl: string,
  apiKey: string | null,
  timeoutMs = 3000,
): ProviderCallContext {
  return { apiKey, baseUrl, signal: AbortSignal.timeout(timeoutMs), fetch };
}

let next = 0;
export function contactInput(values: Record<string, unknown>): ProviderInput {
  next += 1;
  return { entity: "contact", recordId: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`, values };
}

export function companyInput(values: Record<string, unknown>): ProviderInput {
  next += 1;
  return { entity: "company", recordId: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`, values };
}
