import type { AnyTask } from "@quarry/queue/define-task";
import { processStripeEventTask } from "./process-stripe-event.task.ts";

export const tasks: AnyTask[] = [processStripeEventTask];
