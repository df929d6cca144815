import { z } from "zod";

/** The first steps in a workspace, each ticked off by what the workspace holds. */
export const onboardingSchema = z.object({
  /** At least one contact. */
  contacts: z.boolean(),
  /** A run was started in test mode. */
  testRun: z.boolean(),
  /** Test mode is on now. */
  testMode: z.boolean(),
  /** A vendor API key is stored. */
  providerKey: z.boolean(),
  /** Someone else is a member, or was invited. */
  teammate: z.boolean(),
});
export type Onboarding = z.infer<typeof onboardingSchema>;
