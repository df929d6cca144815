import { NavLink, Outlet } from "react-router";
import { WorkspaceSwitcher } from "../../features/workspaces/components/workspace-switcher.tsx";
import { useOptionalWorkspace } from "../../features/workspaces/hooks/workspace-context.ts";
import "./shell.css";
import { UserMenu } from "./user-menu.tsx";

/** Top bar (workspace switcher, navigation, user menu) above the page. */
export function AppShell() {
  const workspace = useOptionalWorkspace();
  const base = workspace ? `/w/${workspace.id}` : null;
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <WorkspaceSwitcher />
        {base ? (
          <nav aria-label="Workspace" className="nav">
            <NavLink to={`${base}/contacts`}>Contacts</NavLink>
            <NavLink to={`${base}/companies`}>Companies</NavLink>
            <NavLink to={`${base}/settings/members`}>Members</NavLink>
          </nav>
        ) : (
          <span className="nav" />
        )}
        <UserMenu />
      </header>
      <div id="main" className="shell-main" tabIndex={-1}>
        <Outlet />
      </div>
    </div>
  );
}
