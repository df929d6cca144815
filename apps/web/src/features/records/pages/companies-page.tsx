import { companiesEntity } from "../entities/companies.ts";
import { RecordsPage } from "./records-page.tsx";

export function CompaniesPage() {
  return <RecordsPage config={companiesEntity} />;
}
