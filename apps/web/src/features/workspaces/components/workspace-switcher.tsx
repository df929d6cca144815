import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { useDisclosure } from "../../../app/lib/use-disclosure.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { roleLabel, useOptionalWorkspace } from "../hooks/workspace-context.ts";
import { NewWorkspaceDialog } from "./new-workspace-dialog.tsx";

/** A disclosure listing the caller's workspaces, with "New workspace" at the bottom. */
export function WorkspaceSwitcher() {
  const trpc = useTRPC();
  const current = useOptionalWorkspace();
  const list = useQuery(trpc.workspaces.list.queryOptions());
  const { open, setOpen, menuId, root, button } = useDisclosure();
  const [creating, setCreating] = useState(false);

  return (
    <div className="switcher" ref={root}>
      <button
        ref={button}
        type="button"
        className="switcher-button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`Workspace: ${current?.name ?? "none selected"}. Switch workspace`}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="switcher-avatar" aria-hidden="true">
          {(current?.name ?? "Q").charAt(0).toUpperCase()}
        </span>
        <span className="switcher-name">{current?.name ?? "Select workspace"}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div className="popover switcher-menu" id={menuId}>
          <p className="popover-label">Workspaces</p>
          <ul aria-label="Workspaces">
            {list.data?.items.map((workspace) => (
              <li key={workspace.id}>
                <Link
                  to={`/w/${workspace.id}/contacts`}
                  aria-current={workspace.id === current?.id ? "page" : undefined}
                  onClick={() => setOpen(false)}
                >
                  <span>{workspace.name}</span>
                  <span className="muted small">{roleLabel(workspace.role)}</span>
                </Link>
              </li>
            ))}
            {list.isPending ? <li className="muted">Loading…</li> : null}
          </ul>
          <button
            type="button"
            className="button ghost full"
            onClick={() => {
              setOpen(false);
              setCreating(true);
            }}
          >
            + New workspace
          </button>
        </div>
      ) : null}
      <NewWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
