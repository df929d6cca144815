import type { AnyTask } from "@quarry/queue/define-task";

export const tasks: AnyTask[] = [];
