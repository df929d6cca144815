import { GettingStarted } from "../../enrichment/components/getting-started.tsx";
import { contactsEntity } from "../entities/contacts.ts";
import { RecordsPage } from "./records-page.tsx";

export function ContactsPage() {
  return (
    <>
      <GettingStarted />
      <RecordsPage config={contactsEntity} />
    </>
  );
}
