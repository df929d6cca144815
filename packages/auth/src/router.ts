import { router } from "@quarry/trpc/init";
import { changePasswordProcedure } from "./procedures/change-password.ts";
import { confirmPasswordResetProcedure } from "./procedures/confirm-password-reset.ts";
import { listSessionsProcedure } from "./procedures/list-sessions.ts";
import { meProcedure } from "./procedures/me.ts";
import { requestPasswordResetProcedure } from "./procedures/request-password-reset.ts";
import { revokeOtherSessionsProcedure } from "./procedures/revoke-other-sessions.ts";
import { signInProcedure } from "./procedures/sign-in.ts";
import { signOutProcedure } from "./procedures/sign-out.ts";
import { signUpProcedure } from "./procedures/sign-up.ts";
import { updateAccountProcedure } from "./procedures/update-account.ts";

export const authRouter = router({
  signUp: signUpProcedure,
  signIn: signInProcedure,
  signOut: signOutProcedure,
  me: meProcedure,
  account: router({ update: updateAccountProcedure }),
  password: router({ change: changePasswordProcedure }),
  sessions: router({ list: listSessionsProcedure, revokeOthers: revokeOtherSessionsProcedure }),
  passwordReset: router({ request: requestPasswordResetProcedure, confirm: confirmPasswordResetProcedure }),
});
