import type { ProviderCallContext } from "../../provider.ts";
import type { ErrorOutcome } from "./vendor-http.ts";

/** The answer to "does this API key work?", from each vendor's cheapest documented call. */
export type KeyCheckStatus = "valid" | "invalid" | "quota_exceeded" | "unreachable";

export interface KeyCheck {
  status: KeyCheckStatus;
  message: string;
}

export type KeyCheckContext = Pick<ProviderCallContext, "apiKey" | "baseUrl" | "signal" | "fetch">;

export function keyCheckFromFailure(outcome: ErrorOutcome): KeyCheck {
  if (outcome.code === "unauthorized") return { status: "invalid", message: outcome.message };
  if (outcome.code === "quota_exceeded") return { status: "quota_exceeded", message: outcome.message };
  return { status: "unreachable", message: outcome.message };
}
