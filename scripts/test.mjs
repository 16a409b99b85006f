#!/usr/bin/env node
// `npm test` : lint, typage, tests unitaires + stockage (SQLite et PostgreSQL) + HTTP, construction, tests navigateur.
// Se termine par une ligne « N passed, N failed » (les contrôles lint/typage/construction comptent chacun pour un).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

mkdirSync("test-results", { recursive: true });
let reussis = 0;
let echoues = 0;
const bilan = [];

function etape(nom, commande, args, options = {}) {
  const debut = Date.now();
  console.log(`\n▶ ${nom}`);
  const r = spawnSync(commande, args, {
    stdio: "inherit",
    env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" },
    ...options,
  });
  const duree = ((Date.now() - debut) / 1000).toFixed(1);
  bilan.push(`${r.status === 0 ? "✔" : "✘"} ${nom} (${duree} s)`);
  return r.status === 0;
}

function controle(nom, commande, args) {
  if (etape(nom, commande, args)) reussis++;
  else echoues++;
}

function suite(nom, args, rapport) {
  rmSync(rapport, { force: true });
  const ok = etape(nom, "npx", [
    "vitest",
    "run",
    ...args,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${rapport}`,
  ]);
  if (!existsSync(rapport)) {
    echoues++;
    return;
  }
  const r = JSON.parse(readFileSync(rapport, "utf8"));
  reussis += r.numPassedTests;
  echoues += r.numFailedTests;
  // Une suite en échec hors tests (fichier qui ne charge pas, grappe qui ne démarre pas) compte comme un échec.
  if (!ok && r.numFailedTests === 0) echoues++;
}

controle("Lint et format (Biome)", "npx", ["biome", "check", "."]);
controle("Typage serveur (tsc)", "npx", ["tsc", "-p", "tsconfig.json"]);
controle("Typage interface (tsc)", "npx", ["tsc", "-p", "tsconfig.web.json"]);
suite("Tests unitaires, stockage (SQLite + PostgreSQL) et HTTP", [], "test-results/unitaires.json");
controle("Construction (vite build + tsc)", "npm", ["run", "build", "--silent"]);
suite(
  "Tests navigateur (Chromium + axe)",
  ["--config", "vitest.e2e.config.ts"],
  "test-results/navigateur.json",
);

console.log(`\n${bilan.join("\n")}\n`);
console.log(`${reussis} passed, ${echoues} failed`);
process.exit(echoues === 0 ? 0 : 1);
