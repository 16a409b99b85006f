import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { envoyerQuestionnaires } from "../../../src/app/pilotage/satisfaction.js";
import { executerSiLibre } from "../../../src/app/taches/planificateur.js";
import { assembler } from "../../../src/cli/assemblage.js";
import { chargerDemo } from "../../../src/cli/demo.js";
import { chargerConfiguration } from "../../../src/config.js";
import { importerReferentiels } from "../../../src/referentiels/import.js";
import { dossierReferentiels } from "../../support/environnement.js";
import { portLibre } from "../../support/postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    urlBase: string;
    dossierMails: string;
  }
}

let arreter: (() => Promise<void>) | undefined;

/** Démarre le vrai produit (SPA construit + API + SQLite + démonstration + référentiels officiels) sur un port libre. */
export async function setup(project: TestProject) {
  const dossierWeb = path.resolve("dist/web");
  if (!existsSync(path.join(dossierWeb, "index.html")))
    execFileSync("npx", ["vite", "build"], { stdio: "inherit" });
  const dataDir = mkdtempSync(path.join(tmpdir(), "cep-e2e-"));
  const port = await portLibre();
  const config = chargerConfiguration({
    NODE_ENV: "test",
    PORT: String(port),
    CEP_DATA_DIR: dataDir,
    CEP_LOG_LEVEL: "silent",
    CEP_RATE_LIMIT_PUBLIC: "100000",
    CEP_RATE_LIMIT_CONNEXION: "1000",
    CEP_PUBLIC_URL: `http://127.0.0.1:${port}`,
    CEP_REFERENTIELS_DIR: process.env.CEP_REFERENTIELS_DIR ?? path.resolve("../shared/data"),
  });
  const { app, base, services, referentiels } = await assembler(config, { dossierWeb });
  await chargerDemo(base, services.hachage);
  // Les vrais référentiels (ROME 4.0, BMO) : CEP_REFERENTIELS_DIR, sinon ../shared/data.
  await importerReferentiels(base, dossierReferentiels());
  await referentiels.recharger();
  // Questionnaires de satisfaction des parcours clos de la démonstration (courriels dans dossierMails).
  await executerSiLibre(
    services,
    { nom: envoyerQuestionnaires.nom, periodeMs: 86_400_000, cas: envoyerQuestionnaires },
    "e2e",
  );
  await app.listen({ host: "127.0.0.1", port });
  project.provide("urlBase", `http://127.0.0.1:${port}`);
  project.provide("dossierMails", path.join(dataDir, "mails"));
  arreter = async () => {
    await app.close();
    await base.fermer();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

export async function teardown() {
  await arreter?.();
}
