import { type InfiniteData, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { EntityKey, ListPage, ListParams, RecordRow } from "../entities/types.ts";
import { recordKeys } from "./record-keys.ts";

type Pages = InfiniteData<ListPage, string | null>;

function mapPages(
  data: Pages | undefined,
  fn: (page: ListPage, index: number) => ListPage,
): Pages | undefined {
  return data ? { ...data, pages: data.pages.map(fn) } : data;
}

/**
 * Edits the loaded grid pages in place instead of refetching them: a list can hold
 * thousands of loaded rows, and refetching every page after one edit would be slow.
 */
export function useRecordCache(entity: EntityKey, workspaceId: string) {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const lists = { queryKey: recordKeys.lists(entity, workspaceId) };
    // Live lists and the trash (`deleted: true`) change in opposite directions.
    const where = (trash: boolean) => ({
      ...lists,
      predicate: (query: { queryKey: readonly unknown[] }) =>
        Boolean((query.queryKey[4] as ListParams | undefined)?.deleted) === trash,
    });
    const without = (id: string) => (data: Pages | undefined) =>
      mapPages(data, (page, index) => ({
        ...page,
        items: page.items.filter((item) => item.id !== id),
        total: index === 0 ? { ...page.total, value: Math.max(0, page.total.value - 1) } : page.total,
      }));
    return {
      replace(record: RecordRow) {
        queryClient.setQueriesData<Pages>(lists, (data) =>
          mapPages(data, (page) => ({
            ...page,
            items: page.items.map((item) => (item.id === record.id ? record : item)),
          })),
        );
        queryClient.setQueryData(recordKeys.detail(entity, workspaceId, record.id), record);
      },
      /** A created or restored record: first in the live lists, gone from the trash. */
      prepend(record: RecordRow) {
        queryClient.setQueriesData<Pages>(where(true), without(record.id));
        queryClient.setQueriesData<Pages>(where(false), (data) =>
          mapPages(data, (page, index) =>
            index === 0
              ? {
                  ...page,
                  items: [record, ...page.items.filter((item) => item.id !== record.id)],
                  total: { ...page.total, value: page.total.value + 1 },
                }
              : page,
          ),
        );
        queryClient.setQueryData(recordKeys.detail(entity, workspaceId, record.id), record);
      },
      /** A deleted record: gone from the live lists; the trash reloads when next shown. */
      remove(id: string) {
        queryClient.setQueriesData<Pages>(where(false), without(id));
        void queryClient.invalidateQueries(where(true));
      },
    };
  }, [queryClient, entity, workspaceId]);
}
