import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useTRPC } from "../../../app/trpc.ts";
import type { ColumnDef, RecordRow } from "../entities/types.ts";
import { parseInput, patchFor, withValue } from "../entities/values.ts";
import type { RecordApi } from "./use-record-api.ts";
import type { useRecordCache } from "./use-record-cache.ts";

/**
 * The grid's inline edits. `validate` answers at once (the editor keeps focus on an error);
 * `onSave` is optimistic: the row shows the new value at once, the server's copy replaces it,
 * and a refusal puts the old row back (the grid reopens the editor with the reason).
 */
export function useInlineSave(api: RecordApi, cache: ReturnType<typeof useRecordCache>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const activity = useMemo(() => trpc.records.activity.list.pathKey(), [trpc]);
  const validate = useCallback((column: ColumnDef, text: string) => {
    const parsed = parseInput(text, column);
    return parsed.ok ? null : `${column.label} ${parsed.error}`;
  }, []);

  const onSave = useCallback(
    async (row: RecordRow, column: ColumnDef, text: string) => {
      const parsed = parseInput(text, column);
      if (!parsed.ok) throw new Error(`${column.label} ${parsed.error}`);
      cache.replace(withValue(row, column.key, parsed.value));
      try {
        cache.replace(await api.update(row.id, patchFor(column.key, parsed.value)));
        // A panel opened while this was saving shows the edit in its activity once it lands.
        void queryClient.invalidateQueries({ queryKey: activity });
      } catch (error) {
        cache.replace(row);
        throw error;
      }
    },
    [api, cache, queryClient, activity],
  );

  return { validate, onSave };
}
