import { idSchema } from "@quarry/core/ids";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { baseProcedure } from "./init.ts";

/** Anyone, signed in or not (sign-up, sign-in, password reset). */
export const publicProcedure = baseProcedure;

/** A signed-in user: ctx.user and ctx.session are non-null. */
export const authedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  }
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});

export const workspaceInput = z.object({ workspaceId: idSchema });

/**
 * A member of the workspace named in the input, whose role allows the procedure's declared action.
 * Non-members get NOT_FOUND, so a workspace's existence is not revealed.
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
    return next({
      ctx: {
        ...ctx,
        workspaceId: input.workspaceId,
        role,
        log: ctx.log.child({ workspaceId: input.workspaceId }),
      },
    });
  });
