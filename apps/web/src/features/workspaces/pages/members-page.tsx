import { Link } from "react-router";
import { Notice } from "../../../app/ui/states.tsx";
import { InvitationsSection } from "../components/invitations-section.tsx";
import { InviteForm } from "../components/invite-form.tsx";
import { MembersTable } from "../components/members-table.tsx";
import { useWorkspace } from "../hooks/workspace-context.ts";

export function MembersPage() {
  const workspace = useWorkspace();
  return (
    <main className="page narrow">
      <header className="page-header">
        <h1>Members</h1>
        <p className="muted">
          People with access to {workspace.name}.{" "}
          <Link to={`/w/${workspace.id}/settings/roles`}>What each role may do</Link>
        </p>
      </header>
      {workspace.can("members.read") ? (
        <MembersTable />
      ) : (
        <Notice>The member list is not available to your role.</Notice>
      )}
      {workspace.can("invitations.manage") ? <InviteForm /> : null}
      {workspace.can("invitations.read") ? <InvitationsSection /> : null}
    </main>
  );
}
