import { contactDataInput, contactSchema, listContactsOutput } from "@quarry/records/schemas/contacts";
import { contactEntity, contactFields } from "@quarry/records/schemas/entities";
import { recordRoutes, requiredMatchField } from "./record-routes.ts";

/** /api/v1/contacts: the same schemas and services as records.contacts.* in the app. */
export const contactRoutes = recordRoutes({
  entity: contactEntity,
  path: "/contacts",
  tag: "Contacts",
  noun: "contact",
  data: { name: "ContactInput", schema: contactDataInput },
  upsert: {
    name: "ContactUpsert",
    schema: contactDataInput.extend({
      email: requiredMatchField(contactFields.email.input, "contacts are matched on it"),
    }),
  },
  record: { name: "Contact", schema: contactSchema },
  list: { name: "ContactList", schema: listContactsOutput },
  example: { email: "ada@example.com", title: "Head of Analytics", first_name: "Ada", last_name: "Lovelace" },
  patchExample: { title: "VP Analytics" },
});
