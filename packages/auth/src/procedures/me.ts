import { publicProcedure } from "@quarry/trpc/procedures";
import { meOutput } from "../schemas/auth.ts";

/** The signed-in user, or null: the server already validated the session cookie into ctx.user. */
export const meProcedure = publicProcedure
  .meta({ action: "public" })
  .output(meOutput)
  .query(({ ctx }) => (ctx.user ? { user: ctx.user } : null));
