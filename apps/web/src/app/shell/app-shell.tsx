import { Suspense } from "react";
import { Outlet } from "react-router";
import { WorkspaceSwitcher } from "../../features/workspaces/components/workspace-switcher.tsx";
import { useOptionalWorkspace } from "../../features/workspaces/hooks/workspace-context.ts";
import "./shell.css";
import { NavMenu } from "./nav-menu.tsx";
import { PageErrorBoundary, PageLoading } from "./page-loading.tsx";
import { UserMenu } from "./user-menu.tsx";

/** Top bar (workspace switcher, navigation, user menu) above the page. */
export function AppShell() {
  const workspace = useOptionalWorkspace();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <WorkspaceSwitcher />
        {workspace ? <NavMenu workspace={workspace} /> : <span className="nav" />}
        <UserMenu />
      </header>
      <div id="main" className="shell-main" tabIndex={-1}>
        {/* The top bar stays while the next page's code loads, and when it fails to. */}
        <PageErrorBoundary>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </div>
    </div>
  );
}
