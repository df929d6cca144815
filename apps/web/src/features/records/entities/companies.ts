import type { ColumnDef, EntityConfig, RecordRow } from "./types.ts";

function col(key: string, label: string, width = 150, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, label, type: "text", width, editable: true, sortable: true, ...extra };
}

const columns: readonly ColumnDef[] = [
  col("name", "Name", 200),
  {
    key: "quality",
    label: "Quality",
    type: "number",
    width: 110,
    editable: false,
    sortable: false,
    virtual: true,
  },
  col("domain", "Domain", 170),
  col("industry", "Industry", 150),
  col("employee_count", "Employees", 110, { type: "number" }),
  col("annual_revenue", "Annual revenue", 140, { type: "number" }),
  col("funding_stage", "Funding stage", 130, { defaultHidden: true }),
  col("funding_total", "Funding total", 130, { type: "number", defaultHidden: true }),
  col("founded_year", "Founded", 100, { type: "number" }),
  col("technologies", "Technologies", 200, { type: "tags", sortable: false, defaultHidden: true }),
  col("description", "Description", 240, { defaultHidden: true }),
  col("linkedin_url", "LinkedIn", 200, { type: "url", defaultHidden: true }),
  col("phone", "Phone", 140, { defaultHidden: true }),
  col("city", "City", 130),
  col("state", "State", 110, { defaultHidden: true }),
  col("country", "Country", 120),
  { key: "createdAt", label: "Created", type: "date", width: 130, editable: false, sortable: true },
  {
    key: "updatedAt",
    label: "Updated",
    type: "date",
    width: 130,
    editable: false,
    sortable: true,
    defaultHidden: true,
  },
];

export function companyName(row: RecordRow): string {
  const name = typeof row.name === "string" ? row.name.trim() : "";
  const domain = typeof row.domain === "string" ? row.domain : "";
  return name || domain || "Unnamed company";
}

export const companiesEntity: EntityConfig = {
  key: "companies",
  entity: "company",
  singular: "company",
  plural: "companies",
  columns,
  createFields: ["name", "domain", "industry", "employee_count", "city", "country"],
  displayName: companyName,
};
