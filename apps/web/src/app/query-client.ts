import { QueryClient } from "@tanstack/react-query";
import { errorStatus } from "./lib/trpc-error.ts";

/** Client errors (4xx) are answers, not glitches: retry only network and server failures. */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          const status = errorStatus(error);
          if (status !== null && status >= 400 && status < 500) return false;
          return count < 2;
        },
      },
    },
  });
}
