import { authedProcedure } from "@quarry/trpc/procedures";
import { sessionListOutput } from "../schemas/sessions.ts";
import { listSessions } from "../services/list-sessions.ts";

export const listSessionsProcedure = authedProcedure
  .meta({ action: "account" })
  .output(sessionListOutput)
  .query(({ ctx }) => listSessions(ctx.svc, { currentSessionId: ctx.session.id }));
