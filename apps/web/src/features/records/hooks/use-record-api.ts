import { useMemo } from "react";
import { type RouterInputs, useTRPCClient } from "../../../app/trpc.ts";
import type { EntityKey, ListPage, ListParams, RecordPatch, RecordRow } from "../entities/types.ts";

type ContactData = RouterInputs["records"]["contacts"]["update"]["data"];
type CompanyData = RouterInputs["records"]["companies"]["update"]["data"];

export interface ListRequest extends ListParams {
  cursor?: string | null;
  limit: number;
}

/**
 * One interface over records.contacts.* and records.companies.* (same shapes per the contract),
 * so the grid, panel and dialogs are written once.
 */
export interface RecordApi {
  list(input: ListRequest, signal?: AbortSignal): Promise<ListPage>;
  get(id: string, signal?: AbortSignal): Promise<RecordRow>;
  create(data: RecordPatch): Promise<RecordRow>;
  update(id: string, data: RecordPatch): Promise<RecordRow>;
  remove(id: string): Promise<void>;
  restore(id: string): Promise<RecordRow>;
}

export function useRecordApi(entity: EntityKey, workspaceId: string): RecordApi {
  const client = useTRPCClient();
  return useMemo<RecordApi>(() => {
    if (entity === "contacts") {
      const api = client.records.contacts;
      return {
        list: (input, signal) => api.list.query({ workspaceId, ...input }, { signal }),
        get: (id, signal) => api.get.query({ workspaceId, id }, { signal }),
        create: (data) => api.create.mutate({ workspaceId, data: data as ContactData }),
        update: (id, data) => api.update.mutate({ workspaceId, id, data: data as ContactData }),
        remove: async (id) => {
          await api.delete.mutate({ workspaceId, id });
        },
        restore: (id) => api.restore.mutate({ workspaceId, id }),
      };
    }
    const api = client.records.companies;
    return {
      list: (input, signal) => api.list.query({ workspaceId, ...input }, { signal }),
      get: (id, signal) => api.get.query({ workspaceId, id }, { signal }),
      create: (data) => api.create.mutate({ workspaceId, data: data as CompanyData }),
      update: (id, data) => api.update.mutate({ workspaceId, id, data: data as CompanyData }),
      remove: async (id) => {
        await api.delete.mutate({ workspaceId, id });
      },
      restore: (id) => api.restore.mutate({ workspaceId, id }),
    };
  }, [client, entity, workspaceId]);
}
