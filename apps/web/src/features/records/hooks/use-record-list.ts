import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { EntityKey, ListParams, RecordRow } from "../entities/types.ts";
import { recordKeys } from "./record-keys.ts";
import type { RecordApi } from "./use-record-api.ts";

export const pageSize = 100;

/** Keyset pages of 100, fetched as the grid scrolls. */
export function useRecordList(api: RecordApi, entity: EntityKey, workspaceId: string, params: ListParams) {
  const query = useInfiniteQuery({
    queryKey: recordKeys.list(entity, workspaceId, params),
    queryFn: ({ pageParam, signal }) => api.list({ ...params, cursor: pageParam, limit: pageSize }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 5 * 60_000,
  });
  const rows = useMemo<RecordRow[]>(
    () => query.data?.pages.flatMap((page) => page.items) ?? [],
    [query.data],
  );
  const total = query.data?.pages[0]?.total ?? null;
  return { ...query, rows, total };
}
