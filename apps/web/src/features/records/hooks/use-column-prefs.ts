import { useCallback, useMemo, useState } from "react";
import { readStored, writeStored } from "../../../app/lib/storage.ts";
import type { ColumnDef, EntityKey } from "../entities/types.ts";

interface ColumnPrefs {
  order: string[];
  hidden: string[];
  /** Column key → width in px, after the user resized it. */
  widths?: Record<string, number>;
}

function isPrefs(value: unknown): value is ColumnPrefs {
  if (typeof value !== "object" || value === null) return false;
  const { order, hidden, widths } = value as Record<string, unknown>;
  return (
    Array.isArray(order) &&
    Array.isArray(hidden) &&
    (widths === undefined || (typeof widths === "object" && widths !== null))
  );
}

export interface ColumnEntry {
  column: ColumnDef;
  visible: boolean;
}

/**
 * Column order and widths, kept in localStorage per workspace and entity; which columns show
 * comes from the URL (`cols`) when it names them, so a shared link shows the same columns, and
 * from this device's last choice otherwise.
 */
export function useColumnPrefs(
  workspaceId: string,
  entity: EntityKey,
  available: readonly ColumnDef[],
  urlVisible: readonly string[] | null,
  setUrlVisible: (keys: readonly string[] | null) => void,
) {
  const storageKey = `quarry:columns:${workspaceId}:${entity}`;
  const [prefs, setPrefs] = useState<ColumnPrefs | null>(() => {
    const stored = readStored(storageKey);
    return isPrefs(stored) ? stored : null;
  });

  /** Every available column in the user's order (new columns at the end), with visibility. */
  const ordered = useMemo<ColumnEntry[]>(() => {
    const byKey = new Map(available.map((column) => [column.key, column]));
    const keys = [
      ...(prefs?.order.filter((key) => byKey.has(key)) ?? []),
      ...available.map((column) => column.key).filter((key) => !prefs?.order.includes(key)),
    ];
    const urlKeys = urlVisible?.filter((key) => byKey.has(key));
    return keys.flatMap((key) => {
      const column = byKey.get(key);
      if (!column) return [];
      const visible =
        urlKeys && urlKeys.length > 0
          ? urlKeys.includes(key)
          : prefs?.order.includes(key)
            ? !prefs.hidden.includes(key)
            : !column.defaultHidden;
      return [{ column, visible }];
    });
  }, [available, prefs, urlVisible]);

  const save = useCallback(
    (next: ColumnEntry[], widths = prefs?.widths) => {
      const value: ColumnPrefs = {
        order: next.map((entry) => entry.column.key),
        hidden: next.filter((entry) => !entry.visible).map((entry) => entry.column.key),
        ...(widths ? { widths } : {}),
      };
      setPrefs(value);
      writeStored(storageKey, value);
    },
    [storageKey, prefs?.widths],
  );

  const toggle = useCallback(
    (key: string) => {
      const next = ordered.map((entry) =>
        entry.column.key === key ? { ...entry, visible: !entry.visible } : entry,
      );
      save(next);
      setUrlVisible(next.filter((entry) => entry.visible).map((entry) => entry.column.key));
    },
    [ordered, save, setUrlVisible],
  );

  /** Moves a column one place (the column chooser's buttons) or before another (a header drag). */
  const moveTo = useCallback(
    (key: string, target: number) => {
      const index = ordered.findIndex((entry) => entry.column.key === key);
      const from = ordered[index];
      if (!from || target < 0 || target >= ordered.length || target === index) return;
      const next = ordered.filter((entry) => entry.column.key !== key);
      next.splice(target, 0, from);
      save(next);
    },
    [ordered, save],
  );
  const move = useCallback(
    (key: string, delta: -1 | 1) =>
      moveTo(key, ordered.findIndex((entry) => entry.column.key === key) + delta),
    [ordered, moveTo],
  );
  const moveBefore = useCallback(
    (key: string, beforeKey: string) => {
      const from = ordered.findIndex((entry) => entry.column.key === key);
      const to = ordered.findIndex((entry) => entry.column.key === beforeKey);
      if (from >= 0 && to >= 0) moveTo(key, to);
    },
    [ordered, moveTo],
  );

  const setWidths = useCallback((widths: Record<string, number>) => save(ordered, widths), [ordered, save]);

  const reset = useCallback(() => {
    setPrefs(null);
    writeStored(storageKey, null);
    setUrlVisible(null);
  }, [storageKey, setUrlVisible]);

  const visible = useMemo(
    () => ordered.filter((entry) => entry.visible).map((entry) => entry.column),
    [ordered],
  );
  const widths = useMemo(() => prefs?.widths ?? {}, [prefs?.widths]);
  return { ordered, visible, widths, toggle, move, moveBefore, setWidths, reset };
}
