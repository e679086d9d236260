import type { TestProject } from "vitest/node";
import { startTestServer } from "../helpers/pg";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  project.provide("pgUrl", server.url);
  return () => server.stop();
}
