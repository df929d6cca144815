import type { EntityKey, ListParams } from "../entities/types.ts";

/** Query keys for records; each starts with the entity and workspace so one prefix clears them. */
export const recordKeys = {
  all: (entity: EntityKey, workspaceId: string) => ["records", entity, workspaceId] as const,
  lists: (entity: EntityKey, workspaceId: string) => ["records", entity, workspaceId, "list"] as const,
  list: (entity: EntityKey, workspaceId: string, params: ListParams) =>
    ["records", entity, workspaceId, "list", params] as const,
  detail: (entity: EntityKey, workspaceId: string, id: string) =>
    ["records", entity, workspaceId, "detail", id] as const,
};
