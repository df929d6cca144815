import { contactsEntity } from "../entities/contacts.ts";
import { RecordsPage } from "./records-page.tsx";

export function ContactsPage() {
  return <RecordsPage config={contactsEntity} />;
}
