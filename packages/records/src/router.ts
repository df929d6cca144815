import { router } from "@quarry/trpc/init";
import { createCompany } from "./procedures/create-company.ts";
import { createContact } from "./procedures/create-contact.ts";
import { createCustomField } from "./procedures/create-custom-field.ts";
import { deleteCompany } from "./procedures/delete-company.ts";
import { deleteContact } from "./procedures/delete-contact.ts";
import { deleteCustomField } from "./procedures/delete-custom-field.ts";
import { getCompany } from "./procedures/get-company.ts";
import { getContact } from "./procedures/get-contact.ts";
import { getRecordSettingsProcedure } from "./procedures/get-record-settings.ts";
import { listActivity } from "./procedures/list-activity.ts";
import { listCompanies } from "./procedures/list-companies.ts";
import { listContacts } from "./procedures/list-contacts.ts";
import { listCustomFields } from "./procedures/list-custom-fields.ts";
import { restoreCompany } from "./procedures/restore-company.ts";
import { restoreContact } from "./procedures/restore-contact.ts";
import { updateCompany } from "./procedures/update-company.ts";
import { updateContact } from "./procedures/update-contact.ts";
import { updateCustomField } from "./procedures/update-custom-field.ts";
import { updateRecordSettingsProcedure } from "./procedures/update-record-settings.ts";

export const recordsRouter = router({
  contacts: router({
    list: listContacts,
    get: getContact,
    create: createContact,
    update: updateContact,
    delete: deleteContact,
    restore: restoreContact,
  }),
  companies: router({
    list: listCompanies,
    get: getCompany,
    create: createCompany,
    update: updateCompany,
    delete: deleteCompany,
    restore: restoreCompany,
  }),
  activity: router({ list: listActivity }),
  fields: router({
    list: listCustomFields,
    create: createCustomField,
    update: updateCustomField,
    delete: deleteCustomField,
  }),
  settings: router({ get: getRecordSettingsProcedure, update: updateRecordSettingsProcedure }),
});
