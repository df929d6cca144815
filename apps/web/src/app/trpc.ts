import type { AppRouter } from "@quarry/api/root";
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The server refuses longer batches (apps/server/src/trpc-batch.ts). */
const MAX_BATCH_SIZE = 50;

const sameOrigin: typeof fetch = (url, options) => fetch(url, { ...options, credentials: "same-origin" });

/** Queries whose input can outgrow a URL (thousands of picked record ids) are sent as POST. */
const largeInputQueries = new Set(["enrichment.runs.preview"]);

/**
 * Subscriptions (live run progress) go over SSE; queries with large inputs as POST; everything
 * else over the batch link.
 */
export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: "/trpc" }),
        false: splitLink({
          condition: (op) => largeInputQueries.has(op.path),
          true: httpLink({ url: "/trpc", methodOverride: "POST", fetch: sameOrigin }),
          false: httpBatchLink({
            url: "/trpc",
            maxURLLength: 2000,
            maxItems: MAX_BATCH_SIZE,
            fetch: sameOrigin,
          }),
        }),
      }),
    ],
  });
}
