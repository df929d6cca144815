import { isRole, roleLabels, type WorkspaceAction } from "@quarry/workspaces/permissions";
import { createContext, useContext } from "react";

export interface CurrentWorkspace {
  id: string;
  name: string;
  role: string;
  permissions: readonly string[];
  can: (action: WorkspaceAction) => boolean;
}

export const WorkspaceContext = createContext<CurrentWorkspace | null>(null);

/** The workspace of the current /w/:workspaceId route, with the caller's role and permissions. */
export function useWorkspace(): CurrentWorkspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error("useWorkspace is used outside a workspace route");
  return workspace;
}

export function useOptionalWorkspace(): CurrentWorkspace | null {
  return useContext(WorkspaceContext);
}

export function roleLabel(role: string): string {
  return isRole(role) ? roleLabels[role] : role;
}
