import {
  countField,
  domainField,
  emailField,
  type FieldMap,
  linkField,
  tagsField,
  textField,
  urlField,
  yearField,
} from "./field-types.ts";

/**
 * The one description of contacts and companies: every standard field with its kind and
 * validator. Schemas, services, queries and filters are all derived from it.
 */
export const contactFields = {
  first_name: textField(100),
  last_name: textField(100),
  full_name: textField(200),
  email: emailField(),
  phone: textField(50),
  mobile_phone: textField(50),
  title: textField(200),
  seniority: textField(50),
  department: textField(100),
  linkedin_url: urlField(),
  twitter_url: urlField(),
  city: textField(100),
  state: textField(100),
  country: textField(100),
  postal_code: textField(20),
  company_id: linkField(),
  company_name: textField(200),
  company_domain: domainField(),
} satisfies FieldMap;

export const companyFields = {
  name: textField(200),
  domain: domainField(),
  industry: textField(100),
  employee_count: countField(),
  annual_revenue: countField(Number.MAX_SAFE_INTEGER),
  funding_stage: textField(50),
  funding_total: countField(Number.MAX_SAFE_INTEGER),
  founded_year: yearField(),
  technologies: tagsField(),
  description: textField(5000),
  linkedin_url: urlField(),
  phone: textField(50),
  city: textField(100),
  state: textField(100),
  country: textField(100),
} satisfies FieldMap;

/**
 * The company fields a contact carries from its linked company (`company` on a contact record;
 * `company.<field>` in a contacts filter or sort). The long description stays on the company.
 */
export const linkedCompanyFields = [
  "name",
  "domain",
  "industry",
  "employee_count",
  "annual_revenue",
  "funding_stage",
  "funding_total",
  "founded_year",
  "technologies",
  "linkedin_url",
  "phone",
  "city",
  "state",
  "country",
] as const satisfies ReadonlyArray<keyof typeof companyFields>;
export type LinkedCompanyField = (typeof linkedCompanyFields)[number];

export const entityNames = ["contact", "company"] as const;
export type EntityName = (typeof entityNames)[number];

export interface EntityDef<F extends FieldMap = FieldMap> {
  name: EntityName;
  table: "contacts" | "companies";
  label: string;
  fields: F;
  /** The field unique per workspace among live records, and the index that enforces it. */
  unique: { field: string; constraint: string };
  /** Fields that hold the id of a record of another entity in the same workspace. */
  links: Record<string, EntityName>;
  /** The linked record whose fields come along (contacts: their company), read through `field`. */
  linked?: { field: string; as: "company"; table: "companies"; fields: FieldMap; names: readonly string[] };
  /** A record needs a value in at least one of these fields; `message` says so when it has none. */
  identity: { fields: readonly string[]; message: string };
}

export const contactEntity: EntityDef<typeof contactFields> = {
  name: "contact",
  table: "contacts",
  label: "Contact",
  fields: contactFields,
  unique: { field: "email", constraint: "contacts_workspace_email_key" },
  links: { company_id: "company" },
  linked: {
    field: "company_id",
    as: "company",
    table: "companies",
    fields: companyFields,
    names: linkedCompanyFields,
  },
  identity: {
    fields: ["first_name", "last_name", "full_name", "email", "linkedin_url"],
    message: "Add a name, an email or a LinkedIn URL: a contact needs at least one of them",
  },
};

export const companyEntity: EntityDef<typeof companyFields> = {
  name: "company",
  table: "companies",
  label: "Company",
  fields: companyFields,
  unique: { field: "domain", constraint: "companies_workspace_domain_key" },
  links: {},
  identity: {
    fields: ["name", "domain"],
    message: "Add a name or a domain: a company needs at least one of them",
  },
};

export const tableOf: Record<EntityName, "contacts" | "companies"> = {
  contact: "contacts",
  company: "companies",
};
