import type { TestProject } from "vitest/node";
import { demarrerGrappe, type GrappePg } from "./postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

let grappe: GrappePg | undefined;

/** Démarre une grappe PostgreSQL pour toute la suite ; sans binaires, la partie PostgreSQL est sautée (jamais en CI). */
export async function setup(project: TestProject) {
  if (process.env.CEP_TEST_DATABASE_URL) {
    project.provide("pgUrl", process.env.CEP_TEST_DATABASE_URL);
    return;
  }
  grappe = await demarrerGrappe();
  if (!grappe) {
    const ligne =
      "⚠️⚠️⚠️  POSTGRESQL ABSENT : toute la partie PostgreSQL des tests est SAUTÉE (installez postgresql ou définissez CEP_TEST_DATABASE_URL)  ⚠️⚠️⚠️";
    if (process.env.CI) throw new Error(`${ligne} — interdit en CI.`);
    console.warn(`\n${ligne}\n`);
  }
  project.provide("pgUrl", grappe?.url ?? null);
}

export function teardown() {
  grappe?.arreter();
}
