import {
  actionDescriptions,
  can,
  roleLabels,
  roles,
  type WorkspaceAction,
} from "@quarry/workspaces/permissions";
import { Link } from "react-router";
import { useWorkspace } from "../hooks/workspace-context.ts";

const actions = Object.keys(actionDescriptions) as WorkspaceAction[];

/** What each role may do, generated from the permission matrix the server enforces. */
export function RolesPage() {
  const workspace = useWorkspace();
  return (
    <main className="page">
      <header className="page-header">
        <h1>Roles</h1>
        <p className="muted">
          What each role may do in {workspace.name}. Your role is{" "}
          <strong>{roleLabels[workspace.role as keyof typeof roleLabels] ?? workspace.role}</strong>.{" "}
          <Link to={`/w/${workspace.id}/settings/members`}>Back to members</Link>
        </p>
      </header>
      <div className="card table-scroll">
        <table className="table roles-table">
          <caption className="visually-hidden">Permissions by role</caption>
          <thead>
            <tr>
              <th scope="col">Permission</th>
              {roles.map((role) => (
                <th scope="col" key={role} aria-current={role === workspace.role ? "true" : undefined}>
                  {roleLabels[role]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action}>
                <th scope="row">{actionDescriptions[action]}</th>
                {roles.map((role) =>
                  can(role, action) ? (
                    <td key={role}>
                      <span aria-hidden="true">✓</span>
                      <span className="visually-hidden">Allowed</span>
                    </td>
                  ) : (
                    <td key={role} className="muted">
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">Not allowed</span>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
