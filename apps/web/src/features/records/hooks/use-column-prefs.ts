import { useCallback, useMemo, useState } from "react";
import { readStored, writeStored } from "../../../app/lib/storage.ts";
import type { ColumnDef, EntityKey } from "../entities/types.ts";

interface ColumnPrefs {
  order: string[];
  hidden: string[];
}

function isPrefs(value: unknown): value is ColumnPrefs {
  if (typeof value !== "object" || value === null) return false;
  const { order, hidden } = value as Record<string, unknown>;
  return Array.isArray(order) && Array.isArray(hidden);
}

/** Column order and visibility, kept in localStorage per workspace and entity. */
export function useColumnPrefs(workspaceId: string, entity: EntityKey, available: readonly ColumnDef[]) {
  const storageKey = `quarry:columns:${workspaceId}:${entity}`;
  const [prefs, setPrefs] = useState<ColumnPrefs | null>(() => {
    const stored = readStored(storageKey);
    return isPrefs(stored) ? stored : null;
  });

  /** Every available column in the user's order (new columns at the end), with visibility. */
  const ordered = useMemo(() => {
    const byKey = new Map(available.map((column) => [column.key, column]));
    const keys = [
      ...(prefs?.order.filter((key) => byKey.has(key)) ?? []),
      ...available.map((column) => column.key).filter((key) => !prefs?.order.includes(key)),
    ];
    return keys.flatMap((key) => {
      const column = byKey.get(key);
      if (!column) return [];
      const visible = prefs?.order.includes(key) ? !prefs.hidden.includes(key) : !column.defaultHidden;
      return [{ column, visible }];
    });
  }, [available, prefs]);

  const save = useCallback(
    (next: { column: ColumnDef; visible: boolean }[]) => {
      const value: ColumnPrefs = {
        order: next.map((entry) => entry.column.key),
        hidden: next.filter((entry) => !entry.visible).map((entry) => entry.column.key),
      };
      setPrefs(value);
      writeStored(storageKey, value);
    },
    [storageKey],
  );

  const toggle = useCallback(
    (key: string) =>
      save(
        ordered.map((entry) => (entry.column.key === key ? { ...entry, visible: !entry.visible } : entry)),
      ),
    [ordered, save],
  );

  const move = useCallback(
    (key: string, delta: -1 | 1) => {
      const index = ordered.findIndex((entry) => entry.column.key === key);
      const target = index + delta;
      const from = ordered[index];
      const to = ordered[target];
      if (!from || !to) return;
      const next = [...ordered];
      next[index] = to;
      next[target] = from;
      save(next);
    },
    [ordered, save],
  );

  const reset = useCallback(() => {
    setPrefs(null);
    writeStored(storageKey, null);
  }, [storageKey]);

  const visible = useMemo(
    () => ordered.filter((entry) => entry.visible).map((entry) => entry.column),
    [ordered],
  );
  return { ordered, visible, toggle, move, reset };
}
