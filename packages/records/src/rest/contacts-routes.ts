import { restShape } from "@quarry/rest/snake-case";
import { contactDataInput, contactSchema, listContactsOutput } from "../schemas/contacts.ts";
import { contactEntity, contactFields } from "../schemas/entities.ts";
import { requiredMatchField } from "./list-query.ts";
import { recordRoutes } from "./record-routes.ts";

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
  record: restShape("Contact", contactSchema),
  list: restShape("ContactList", listContactsOutput),
  example: { email: "ada@example.com", title: "Head of Analytics", first_name: "Ada", last_name: "Lovelace" },
  patchExample: { title: "VP Analytics" },
});
