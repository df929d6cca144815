import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { type RouterOutputs, useTRPC } from "../../../app/trpc.ts";
import type { ColumnDef, ColumnType, EntityConfig } from "../entities/types.ts";

type CustomField = RouterOutputs["records"]["fields"]["list"]["items"][number];

const typeOf: Record<string, ColumnType> = {
  text: "text",
  number: "number",
  date: "date",
  boolean: "boolean",
  url: "url",
  email: "email",
  select: "select",
};

function customColumn(field: CustomField): ColumnDef {
  return {
    key: `custom.${field.key}`,
    label: field.label,
    type: typeOf[field.type] ?? "text",
    width: 150,
    editable: true,
    sortable: true,
    defaultHidden: false,
    options: field.options,
  };
}

/** The entity's standard columns followed by the workspace's custom fields. */
export function useEntityColumns(config: EntityConfig, workspaceId: string, enabled: boolean) {
  const trpc = useTRPC();
  const fields = useQuery(
    trpc.records.fields.list.queryOptions(
      { workspaceId, entity: config.entity },
      { enabled, staleTime: 5 * 60_000 },
    ),
  );
  return useMemo<readonly ColumnDef[]>(
    () => [...config.columns, ...(fields.data?.items.map(customColumn) ?? [])],
    [config.columns, fields.data],
  );
}
