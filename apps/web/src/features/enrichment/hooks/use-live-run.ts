import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect } from "react";
import { useTRPC } from "../../../app/trpc.ts";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { isFinished } from "../lib/run-status.ts";

/**
 * A run with live progress: loaded once, then updated by the `watch` subscription (SSE). If the
 * stream fails, it falls back to polling `runs.get` every second until the run finishes.
 */
export function useLiveRun(runId: string) {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const input = { workspaceId: workspace.id, id: runId };
  const queryKey = trpc.enrichment.runs.get.queryKey(input);
  const run = useQuery(trpc.enrichment.runs.get.queryOptions(input, { staleTime: 0 }));
  const status = run.data?.status;
  const live = status !== undefined && !isFinished(status);
  const stream = useSubscription(
    trpc.enrichment.runs.watch.subscriptionOptions(input, {
      enabled: live,
      onData: (snapshot) => queryClient.setQueryData(queryKey, snapshot),
    }),
  );
  const streamBroken = stream.status === "error";
  useQuery(
    trpc.enrichment.runs.get.queryOptions(input, {
      enabled: live && streamBroken,
      refetchInterval: 1000,
      staleTime: 0,
    }),
  );
  // Once it ends, what it wrote and spent shows elsewhere: grids, balances, provider stats.
  const ended = status !== undefined && isFinished(status);
  useEffect(() => {
    if (!ended) return;
    void queryClient.invalidateQueries({ queryKey: ["records"] });
    void queryClient.invalidateQueries({ queryKey: trpc.credits.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.enrichment.providers.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.enrichment.runs.list.pathKey() });
  }, [ended, queryClient, trpc]);
  return { run, live, mode: streamBroken ? "polling" : "live" } as const;
}
