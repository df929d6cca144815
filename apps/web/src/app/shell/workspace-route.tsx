import { useParams } from "react-router";
import { WorkspaceProvider } from "../../features/workspaces/components/workspace-provider.tsx";
import { AppShell } from "./app-shell.tsx";

/** /w/:workspaceId/*: the workspace's context (permissions, name) around the shell and its pages. */
export function WorkspaceRoute() {
  const { workspaceId = "" } = useParams();
  return (
    <WorkspaceProvider key={workspaceId} workspaceId={workspaceId}>
      <AppShell />
    </WorkspaceProvider>
  );
}
