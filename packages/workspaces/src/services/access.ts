import type { Access } from "@quarry/db/service-context";
import { can } from "../permissions.ts";
import { findRole } from "../queries/memberships.queries.ts";

/** The Access the server hands to packages/trpc: membership lookup plus the permission matrix. */
export const workspaceAccess: Access = { roleIn: findRole, can };
