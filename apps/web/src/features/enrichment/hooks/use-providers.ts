import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { type RouterOutputs, useTRPC } from "../../../app/trpc.ts";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";

export type ProviderSummary = RouterOutputs["enrichment"]["providers"]["list"]["items"][number];

/** The registry's providers with this workspace's health and stats, and a lookup by id. */
export function useProviders() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const enabled = workspace.can("enrichment.read");
  const query = useQuery(
    trpc.enrichment.providers.list.queryOptions(
      { workspaceId: workspace.id },
      { enabled, staleTime: 60_000 },
    ),
  );
  const byId = useMemo(
    () => new Map((query.data?.items ?? []).map((provider) => [provider.id, provider])),
    [query.data],
  );
  const nameOf = useCallback((id: string) => byId.get(id)?.name ?? id, [byId]);
  const isSandbox = useCallback((id: string) => byId.get(id)?.sandbox === true, [byId]);
  return { query, byId, nameOf, isSandbox };
}
