import type { WorkspaceAction } from "@quarry/workspaces/permissions";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo } from "react";
import { Link } from "react-router";
import { writeLastWorkspace } from "../../../app/lib/storage.ts";
import { errorCode } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { EmptyState, ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { type CurrentWorkspace, WorkspaceContext } from "../hooks/workspace-context.ts";

export function WorkspaceProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.workspaces.get.queryOptions({ workspaceId }));
  const data = query.data;

  const value = useMemo<CurrentWorkspace | null>(() => {
    if (!data) return null;
    const permissions: readonly string[] = data.permissions;
    return {
      id: data.id,
      name: data.name,
      role: data.role,
      permissions,
      can: (action: WorkspaceAction) => permissions.includes(action),
    };
  }, [data]);

  useEffect(() => {
    if (value) writeLastWorkspace(value.id);
  }, [value]);

  if (query.isPending) return <Spinner label="Loading workspace" />;
  if (query.isError) {
    if (errorCode(query.error) === "NOT_FOUND" || errorCode(query.error) === "BAD_REQUEST") {
      return (
        <main className="page">
          <EmptyState title="Workspace not found">
            <p>It doesn't exist, or you're not a member of it.</p>
            <Link to="/" className="button">
              Go to your workspaces
            </Link>
          </EmptyState>
        </main>
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <WorkspaceContext value={value}>{children}</WorkspaceContext>;
}
