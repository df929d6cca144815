import { systemClock } from "@quarry/core/clock";
import { defineTask, taskLogger } from "@quarry/queue/define-task";
import { z } from "zod";
import { processStripeEvent } from "../services/process-stripe-event.ts";
import { stripeClient } from "../services/stripe-client.ts";

/** Applies one stored Stripe event (billing/process-stripe-event); safe to run again. */
export const processStripeEventTask = defineTask({
  name: "billing/process-stripe-event",
  payload: z.object({ eventId: z.string().min(1).max(255) }),
  async run({ eventId }, helpers) {
    await processStripeEvent(
      {
        db: helpers.db,
        clock: helpers.clock ?? systemClock,
        log: taskLogger(helpers.log),
        stripe: stripeClient(helpers.outbound.stripe),
      },
      eventId,
    );
  },
});
