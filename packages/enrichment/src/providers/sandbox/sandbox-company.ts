import { textOf } from "../builtin/define-builtin.ts";
import type { CompanyField, ProviderInput } from "../provider.ts";
import { fundingStages, industries, places, sizeBands, technologies } from "./sandbox-data.ts";
import { type SandboxRandom, slug } from "./sandbox-random.ts";

export function companySeed(values: ProviderInput["values"]): string | null {
  const domain = textOf(values, "domain");
  if (domain) return `company:domain:${domain.toLowerCase()}`;
  const name = textOf(values, "name");
  return name ? `company:name:${name.toLowerCase()}` : null;
}

/** Roughly consistent made-up firmographics: revenue follows headcount, funding follows size and age. */
export function makeCompany(
  values: ProviderInput["values"],
  random: SandboxRandom,
): Map<CompanyField, unknown> {
  const out = new Map<CompanyField, unknown>();
  const name = textOf(values, "name") ?? textOf(values, "domain") ?? "This company";
  const place = random.pick(places);
  const industry = random.pick(industries);
  const [low, high] = random.pick(sizeBands);
  const employees = random.int(low, high);
  const stageIndex = Math.min(
    fundingStages.length - 1,
    Math.max(0, Math.floor(Math.log10(employees) * 1.5) + random.int(0, 1) - 1),
  );
  const [stage, minRaised, maxRaised] = fundingStages[stageIndex] ?? fundingStages[0];
  const founded = 2023 - random.int(1, 6) * (stageIndex + 1);
  out.set("industry", industry);
  out.set("employee_count", employees);
  out.set("annual_revenue", employees * random.int(8, 30) * 10_000);
  out.set("funding_stage", stage);
  out.set("funding_total", Math.round(random.int(minRaised, maxRaised) / 100_000) * 100_000);
  out.set("founded_year", founded);
  out.set("technologies", random.sample(technologies, random.int(3, 6)));
  out.set(
    "description",
    `Sandbox: ${name} is a made-up ${industry} company with about ${employees.toLocaleString("en-US")} employees in ${place.city}, generated as test data.`,
  );
  out.set("linkedin_url", `https://linkedin.example/company/${slug(name) || random.tag}`);
  out.set("phone", place.phone(random.int(0, 99)));
  out.set("city", place.city);
  out.set("state", place.state);
  out.set("country", place.country);
  return out;
}
