import type { TestProject } from "vitest/node";
import { startTestServer } from "../helpers/pg";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
    pgTemplate: string;
  }
}

// TEST_POSTGRES_URL (set by tests/run.ts for its second pass): that server instead of an
// embedded one, so the integration tests also run on the oldest supported major.
export default async function setup(project: TestProject) {
  const server = await startTestServer({ externalUrl: process.env.TEST_POSTGRES_URL || undefined });
  project.provide("pgUrl", server.url);
  project.provide("pgTemplate", server.template);
  return () => server.stop();
}
