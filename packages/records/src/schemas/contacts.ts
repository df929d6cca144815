import { z } from "zod";
import { companyFields, contactFields, linkedCompanyFields } from "./entities.ts";
import { recordSchemas } from "./record-schemas.ts";

/** The contact's linked company (null: none, or it is in the trash): its id and main fields. */
export const linkedCompanySchema = z.object({
  id: z.string(),
  ...(Object.fromEntries(linkedCompanyFields.map((f) => [f, companyFields[f].output])) as {
    [K in (typeof linkedCompanyFields)[number]]: (typeof companyFields)[K]["output"];
  }),
});
export type LinkedCompany = z.infer<typeof linkedCompanySchema>;

const contacts = recordSchemas(contactFields, { company: linkedCompanySchema.nullable().optional() });

export const contactSchema = contacts.record;
export type Contact = z.infer<typeof contactSchema>;
export const contactDataInput = contacts.data;
export const createContactInput = contacts.createInput;
export const updateContactInput = contacts.updateInput;
export const contactIdInput = contacts.idInput;
export const listContactsInput = contacts.listInput;
export const listContactsOutput = contacts.listOutput;
export type CreateContactInput = z.infer<typeof createContactInput>;
export type UpdateContactInput = z.infer<typeof updateContactInput>;
