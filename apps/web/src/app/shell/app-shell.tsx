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
            {workspace?.can("enrichment.read") ? (
              <NavLink to={`${base}/enrichment/runs`}>Enrichment runs</NavLink>
            ) : null}
            <span className="nav-separator" aria-hidden="true" />
            <NavLink to={`${base}/settings/members`}>Members</NavLink>
            {workspace?.can("enrichment.read") ? (
              <NavLink to={`${base}/settings/providers`}>Providers</NavLink>
            ) : null}
            {workspace?.can("credits.read") ? (
              <NavLink to={`${base}/settings/credits`}>Credits</NavLink>
            ) : null}
            {workspace?.can("apikeys.manage") ? (
              <NavLink to={`${base}/settings/api-keys`}>API keys</NavLink>
            ) : null}
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
