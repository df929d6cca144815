import { authedProcedure } from "@quarry/trpc/procedures";
import { emptyInput } from "../schemas/auth.ts";
import { revokeOtherSessionsOutput } from "../schemas/sessions.ts";
import { revokeOtherSessions } from "../services/revoke-other-sessions.ts";

export const revokeOtherSessionsProcedure = authedProcedure
  .meta({ action: "account" })
  .input(emptyInput)
  .output(revokeOtherSessionsOutput)
  .mutation(({ ctx }) => revokeOtherSessions(ctx.svc, { currentSessionId: ctx.session.id }));
