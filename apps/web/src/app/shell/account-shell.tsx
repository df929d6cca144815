import { LastWorkspace } from "../../features/workspaces/components/last-workspace.tsx";
import { AppShell } from "./app-shell.tsx";

/** Pages outside a workspace (the account page) keep the header of the last workspace used. */
export function AccountShell() {
  return (
    <LastWorkspace>
      <AppShell />
    </LastWorkspace>
  );
}
