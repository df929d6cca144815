import { deliverMailTask } from "./deliver-mail.task.ts";

export const tasks = [deliverMailTask];
