import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../embedded.ts";
import { ensureTemplate } from "./template.ts";

/**
 * Vitest global setup: finds PostgreSQL (DATABASE_URL, or an embedded one under .data/test-pg),
 * migrates the template database once, and hands both names to the test files.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const server = await startEmbeddedPostgres(".data/test-pg", 54330);
    adminUrl = server.url;
    stop = server.stop;
  }
  const template = await ensureTemplate(adminUrl);
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", template);
  return stop;
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}
