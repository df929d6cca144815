import type { ColumnDef, EntityConfig, RecordRow } from "./types.ts";

function text(key: string, label: string, width = 160, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, label, type: "text", width, editable: true, sortable: true, ...extra };
}

const columns: readonly ColumnDef[] = [
  // The server sorts and filters "name" as shown: full name, else first and last, else email.
  {
    key: "name",
    label: "Name",
    type: "text",
    width: 200,
    editable: false,
    sortable: true,
    virtual: true,
    filterable: true,
  },
  {
    key: "quality",
    label: "Quality",
    type: "number",
    width: 110,
    editable: false,
    sortable: false,
    virtual: true,
  },
  text("first_name", "First name", 130),
  text("last_name", "Last name", 130),
  text("email", "Email", 220, { type: "email" }),
  text("title", "Title", 180),
  text("company_name", "Company", 170),
  text("company_domain", "Company domain", 160, { defaultHidden: true }),
  text("phone", "Phone", 140),
  text("mobile_phone", "Mobile phone", 140, { defaultHidden: true }),
  text("seniority", "Seniority", 120, { defaultHidden: true }),
  text("department", "Department", 140, { defaultHidden: true }),
  text("linkedin_url", "LinkedIn", 200, { type: "url", defaultHidden: true }),
  text("twitter_url", "Twitter", 180, { type: "url", defaultHidden: true }),
  text("city", "City", 130),
  text("state", "State", 110, { defaultHidden: true }),
  text("country", "Country", 120),
  text("postal_code", "Postal code", 110, { defaultHidden: true }),
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

/** Fields of the linked company (read-only here: they are edited on the company). */
function companyField(
  field: string,
  label: string,
  type: ColumnDef["type"] = "text",
  width = 150,
): ColumnDef {
  return {
    key: `company.${field}`,
    label,
    type,
    width,
    editable: false,
    sortable: type !== "tags",
    defaultHidden: true,
  };
}

const linkedCompanyColumns: readonly ColumnDef[] = [
  companyField("name", "Linked company", "text", 180),
  companyField("industry", "Company industry"),
  companyField("employee_count", "Company employees", "number", 150),
  companyField("annual_revenue", "Company revenue", "number", 150),
  companyField("funding_stage", "Company funding stage"),
  companyField("founded_year", "Company founded", "number", 140),
  companyField("technologies", "Company technologies", "tags", 200),
  companyField("country", "Company country", "text", 140),
];

function str(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

export function contactName(row: RecordRow): string {
  const joined = `${str(row.first_name)} ${str(row.last_name)}`.trim();
  return str(row.full_name) || joined || str(row.email) || "Unnamed contact";
}

export const contactsEntity: EntityConfig = {
  key: "contacts",
  entity: "contact",
  singular: "contact",
  plural: "contacts",
  columns: [...columns, ...linkedCompanyColumns],
  createFields: ["first_name", "last_name", "email", "linkedin_url", "title", "company_name", "phone"],
  displayName: contactName,
};
