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
}

export const contactEntity: EntityDef<typeof contactFields> = {
  name: "contact",
  table: "contacts",
  label: "Contact",
  fields: contactFields,
  unique: { field: "email", constraint: "contacts_workspace_email_key" },
  links: { company_id: "company" },
};

export const companyEntity: EntityDef<typeof companyFields> = {
  name: "company",
  table: "companies",
  label: "Company",
  fields: companyFields,
  unique: { field: "domain", constraint: "companies_workspace_domain_key" },
  links: {},
};

export const tableOf: Record<EntityName, "contacts" | "companies"> = {
  contact: "contacts",
  company: "companies",
};
