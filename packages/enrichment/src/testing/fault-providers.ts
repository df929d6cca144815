import type { ProviderDefinition } from "../providers/provider.ts";
import { hashOf, type ProviderCall, testProvider } from "./test-providers.ts";

/**
 * The provider of the crash test, deterministic per record so a restarted worker gets the same
 * answers: a title for 60% of records, nothing for 30%, a permanent error for 10%.
 */
export function faultProviders(calls: ProviderCall[] = []): ProviderDefinition[] {
  return [
    testProvider(
      {
        id: "vendor",
        contact: ["title"],
        cost: 1,
        batchSize: 25,
        latencyMs: 40,
        answer: (input) => {
          const h = hashOf(input.recordId);
          if (h < 0.6) {
            return {
              status: "found",
              values: [{ field: "title", value: `Title ${input.recordId.slice(0, 6)}`, confidence: 90 }],
            };
          }
          if (h < 0.9) return { status: "not_found" };
          return { status: "error", retryable: false, code: "invalid_input", message: "400 bad input" };
        },
      },
      calls,
    ),
  ];
}
