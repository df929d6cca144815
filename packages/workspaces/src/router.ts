import { router } from "@quarry/trpc/init";
import { acceptInvitationProcedure } from "./procedures/accept-invitation.ts";
import { createApiKeyProcedure } from "./procedures/create-api-key.ts";
import { createInvitationProcedure } from "./procedures/create-invitation.ts";
import { createWorkspaceProcedure } from "./procedures/create-workspace.ts";
import { deleteInvitationProcedure } from "./procedures/delete-invitation.ts";
import { deleteMemberProcedure } from "./procedures/delete-member.ts";
import { getWorkspaceProcedure } from "./procedures/get-workspace.ts";
import { leaveWorkspaceProcedure } from "./procedures/leave-workspace.ts";
import { listApiKeysProcedure } from "./procedures/list-api-keys.ts";
import { listInvitationsProcedure } from "./procedures/list-invitations.ts";
import { listMembersProcedure } from "./procedures/list-members.ts";
import { listWorkspacesProcedure } from "./procedures/list-workspaces.ts";
import { previewInvitationProcedure } from "./procedures/preview-invitation.ts";
import { previewMemberRemovalProcedure } from "./procedures/preview-member-removal.ts";
import { revokeApiKeyProcedure } from "./procedures/revoke-api-key.ts";
import { transferOwnershipProcedure } from "./procedures/transfer-ownership.ts";
import { updateMemberProcedure } from "./procedures/update-member.ts";
import { updateWorkspaceProcedure } from "./procedures/update-workspace.ts";

export const workspacesRouter = router({
  list: listWorkspacesProcedure,
  create: createWorkspaceProcedure,
  get: getWorkspaceProcedure,
  update: updateWorkspaceProcedure,
  leave: leaveWorkspaceProcedure,
  transferOwnership: transferOwnershipProcedure,
  members: router({
    list: listMembersProcedure,
    update: updateMemberProcedure,
    delete: deleteMemberProcedure,
    removalPreview: previewMemberRemovalProcedure,
  }),
  invitations: router({
    list: listInvitationsProcedure,
    create: createInvitationProcedure,
    delete: deleteInvitationProcedure,
    preview: previewInvitationProcedure,
    accept: acceptInvitationProcedure,
  }),
  apiKeys: router({
    list: listApiKeysProcedure,
    create: createApiKeyProcedure,
    revoke: revokeApiKeyProcedure,
  }),
});
