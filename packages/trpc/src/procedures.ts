import type { Action } from "@quarry/core/actions";
import { idSchema } from "@quarry/core/ids";
import { userActor } from "@quarry/core/service-context";
import type { AccountCtx, ServiceCtx } from "@quarry/db/service-context";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { baseProcedure, type Meta } from "./init.ts";

/**
 * The action a procedure takes, for `.meta()`: `.meta(requirePermission("records.write"))`.
 * `workspaceProcedure` checks the caller's role against it; a name not in the matrix does not compile.
 */
export function requirePermission(action: Action): Meta {
  return { action };
}

/** Anyone, signed in or not (sign-up, sign-in, password reset). */
export const publicProcedure = baseProcedure;

/** A signed-in user: ctx.user and ctx.session are non-null; `ctx.svc` is the account's service context. */
export const authedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  }
  // ctx.log is bound to the user id already (the server's createContext)
  const svc: AccountCtx = { db: ctx.db, actor: userActor(ctx.user.id), log: ctx.log, clock: ctx.clock };
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session, svc } });
});

export const workspaceInput = z.object({ workspaceId: idSchema });

/**
 * A member of the workspace named in the input, whose role allows the procedure's declared action.
 * Non-members get NOT_FOUND, so a workspace's existence is not revealed. Builds the one
 * `ctx.svc` its service receives: `createX(ctx.svc, input)`.
 */
export const workspaceProcedure = authedProcedure
  .input(workspaceInput)
  .use(async ({ ctx, input, meta, next }) => {
    const role = await ctx.access.roleIn(ctx.db, input.workspaceId, ctx.user.id);
    if (!role) throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found." });
    const action = meta?.action ?? "";
    if (!ctx.access.can(role, action)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Your role (${role}) cannot do this (${action}).` });
    }
    const log = ctx.log.child({ workspaceId: input.workspaceId });
    const svc: ServiceCtx = { ...ctx.svc, workspaceId: input.workspaceId, log, limits: ctx.outbound.limits };
    return next({ ctx: { ...ctx, workspaceId: input.workspaceId, role, log, svc } });
  });
