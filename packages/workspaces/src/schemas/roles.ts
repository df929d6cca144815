import { z } from "zod";
import { roles } from "../permissions.ts";

export const roleSchema = z.enum(roles, { message: `must be one of ${roles.join(", ")}` });
