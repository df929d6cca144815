import { idSchema } from "@quarry/core/ids";
import { nameSchema } from "@quarry/core/schemas";
import { z } from "zod";
import { roleSchema } from "./roles.ts";

export const createWorkspaceInput = z.object({ name: nameSchema });
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceInput>;

export const updateWorkspaceInput = z.object({ data: z.object({ name: nameSchema }) });
export type UpdateWorkspaceInput = z.infer<typeof updateWorkspaceInput>;

export const transferOwnershipInput = z.object({ userId: idSchema });
export type TransferOwnershipInput = z.infer<typeof transferOwnershipInput>;

export const workspaceSummary = z.object({ id: z.string(), name: z.string() });
export const workspaceWithRole = workspaceSummary.extend({ role: roleSchema });
export const workspaceListOutput = z.object({ items: z.array(workspaceWithRole) });
export const workspaceDetail = workspaceWithRole.extend({ permissions: z.array(z.string()) });
export type WorkspaceDetail = z.infer<typeof workspaceDetail>;

export const okOutput = z.object({ ok: z.literal(true) });
