import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { readLastWorkspace } from "../../../app/lib/storage.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { WorkspaceProvider } from "./workspace-provider.tsx";

/**
 * Pages outside a workspace (the account page) keep the workspace header: the children get the
 * last workspace used (or the first), or none when the user has no workspace yet.
 */
export function LastWorkspace({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.workspaces.list.queryOptions());
  const items = list.data?.items ?? [];
  const last = readLastWorkspace();
  const target = items.find((workspace) => workspace.id === last) ?? items[0];
  if (list.isPending) return null;
  if (!target) return children;
  return (
    <WorkspaceProvider key={target.id} workspaceId={target.id}>
      {children}
    </WorkspaceProvider>
  );
}
