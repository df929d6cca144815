import type { z } from "zod";
import { contactFields } from "./entities.ts";
import { recordSchemas } from "./record-schemas.ts";

const contacts = recordSchemas(contactFields);

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
