import { describe, expect, it } from "vitest";
import { enrichOne, valuesOf } from "./enrich-one.testing.ts";
import { classifyTitle, titleClassifier } from "./title-classifier.ts";
import { departments, seniorities } from "./title-taxonomy.ts";

describe("classifyTitle", () => {
  it.each([
    // title, seniority, department
    ["VP of Sales", "vp", "sales"],
    ["SVP, Engineering", "vp", "engineering"],
    ["EVP & General Counsel", "vp", "legal"],
    ["Vice-President Marketing", "vp", "marketing"],
    ["Chief Technology Officer", "c_suite", "engineering"],
    ["Chief Executive Officer", "c_suite", "executive"],
    ["Chief People Officer", "c_suite", "human_resources"],
    ["Chief Operating Officer", "c_suite", "operations"],
    ["Chief Customer Officer", "c_suite", "executive"],
    ["CEO", "c_suite", "executive"],
    ["CTO", "c_suite", "engineering"],
    ["CFO", "c_suite", "finance"],
    ["COO", "c_suite", "operations"],
    ["CMO", "c_suite", "marketing"],
    ["CRO", "c_suite", "sales"],
    ["CPO", "c_suite", "product"],
    ["President & CEO", "c_suite", "executive"],
    ["Managing Director", "c_suite", "executive"],
    ["Co-Founder & CEO", "founder", "executive"],
    ["Founder", "founder", "executive"],
    ["Cofounder / CTO", "founder", "executive"],
    ["Founding Engineer", "entry", "engineering"],
    ["Owner", "owner", "executive"],
    ["Owner & Principal Designer", "owner", "executive"],
    ["Product Owner", "entry", "product"],
    ["Managing Partner", "partner", "executive"],
    ["Partner, Tax Advisory", "partner", "finance"],
    ["Partner Manager", "manager", "sales"],
    ["VP", "vp", "other"],
    ["HR Business Partner", null, "human_resources"],
    ["Head of Growth", "head", "marketing"],
    ["Head of People", "head", "human_resources"],
    ["Head of IT", "head", "it"],
    ["Director of Engineering", "director", "engineering"],
    ["Sr. Director, Product Marketing", "director", "marketing"],
    ["Associate Director of Finance", "director", "finance"],
    ["Executive Director", "director", "executive"],
    ["General Manager, EMEA", "director", "executive"],
    ["GM", "director", "executive"],
    ["Engineering Manager", "manager", "engineering"],
    ["Customer Success Manager", "manager", "customer_success"],
    ["Account Manager", "manager", "sales"],
    ["Office Manager", "manager", "operations"],
    ["Team Lead, Customer Support", "manager", "support"],
    ["Sr. Software Engineer", "senior", "engineering"],
    ["Senior Product Designer", "senior", "design"],
    ["Lead Data Scientist", "senior", "data"],
    ["Principal Engineer", "senior", "engineering"],
    ["Staff Software Engineer", "senior", "engineering"],
    ["Software Engineer III", "senior", "engineering"],
    ["Lead Generation Specialist", "entry", "marketing"],
    ["Software Engineer", "entry", "engineering"],
    ["Junior Accountant", "entry", "finance"],
    ["Account Executive", "entry", "sales"],
    ["Sales Development Representative", "entry", "sales"],
    ["Solutions Engineer", "entry", "sales"],
    ["Product Marketing Manager", "manager", "marketing"],
    ["Data Engineer", "entry", "data"],
    ["Machine Learning Engineer", "entry", "data"],
    ["Technical Support Engineer", "entry", "support"],
    ["Technical Recruiter", "entry", "human_resources"],
    ["Executive Assistant to the CEO", "entry", "operations"],
    ["Marketing Assistant", "entry", "marketing"],
    ["Marketing Intern", "intern", "marketing"],
    ["Software Engineering Intern", "intern", "engineering"],
    ["Summer Analyst", "intern", "other"],
    ["Internal Auditor", "entry", "finance"],
    ["Registered Nurse", "entry", "health"],
    ["High School Teacher", "entry", "education"],
    ["Paralegal", "entry", "legal"],
    ["Board Member", "c_suite", "executive"],
    ["Chief of Staff", null, "operations"],
    // Non-English
    ["Directeur Commercial", "director", "sales"],
    ["Directeur Général", "c_suite", "executive"],
    ["PDG", "c_suite", "executive"],
    ["Geschäftsführer", "c_suite", "executive"],
    ["Leiter Vertrieb", "head", "sales"],
    ["Gerente de Marketing", "manager", "marketing"],
    ["Jefe de Ventas", "head", "sales"],
    ["Responsable Ressources Humaines", "manager", "human_resources"],
    ["Praktikant Marketing", "intern", "marketing"],
    ["Stagiaire développeur", "intern", "engineering"],
    ["Fundadora", "founder", "executive"],
    ["Software-Entwickler", "entry", "engineering"],
  ])("%s → %s, %s", (title, seniority, department) => {
    const result = classifyTitle(title);
    expect(result.seniority?.value ?? null).toBe(seniority);
    expect(result.department?.value ?? null).toBe(department);
  });

  it.each([["Ninja"], ["—"], [""], ["Make it happen"]])("leaves %j unclassified", (title) => {
    expect(classifyTitle(title)).toEqual({ seniority: null, department: null });
  });

  it("only ever answers with the published enumerations", () => {
    for (const title of ["VP Sales", "Intern", "Partner", "Registered Nurse", "Janitor Supervisor"]) {
      const { seniority, department } = classifyTitle(title);
      if (seniority) expect(seniorities).toContain(seniority.value);
      if (department) expect(departments).toContain(department.value);
    }
  });

  it("is less sure of a default than of a stated level", () => {
    const stated = classifyTitle("Senior Software Engineer").seniority?.confidence ?? 0;
    const assumed = classifyTitle("Software Engineer").seniority?.confidence ?? 100;
    expect(stated).toBeGreaterThan(assumed);
  });
});

describe("title-classifier provider", () => {
  it("fills seniority and department from the title", async () => {
    const outcome = await enrichOne(titleClassifier, "contact", { title: "  VP of Sales, EMEA " });
    expect(valuesOf(outcome)).toEqual({ seniority: "vp", department: "sales" });
  });

  it.each([[{}], [{ title: "Ninja" }], [{ title: null }]])("finds nothing in %j", async (values) => {
    expect(await enrichOne(titleClassifier, "contact", values)).toEqual({ status: "not_found" });
  });
});
