import { linkContactsTask } from "./link-contacts.task.ts";
import { linkContactsSweepTask } from "./link-contacts-sweep.task.ts";
import { maintainActivityPartitionsTask } from "./maintain-activity-partitions.task.ts";

export const tasks = [maintainActivityPartitionsTask, linkContactsTask, linkContactsSweepTask];
