import { maintainActivityPartitionsTask } from "./maintain-activity-partitions.task.ts";

export const tasks = [maintainActivityPartitionsTask];
