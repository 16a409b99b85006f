import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type Base, type ConfigBase, ouvrirBase } from "../../src/storage/base.js";

/**
 * Les deux adaptateurs sur lesquels tournent les tests de stockage (et HTTP) :
 * un fichier SQLite temporaire, et une base PostgreSQL neuve dans la grappe de test.
 */
export interface FabriqueBase {
  nom: "sqlite" | "postgresql";
  ouvrir(): Promise<Base & { config: ConfigBase; detruire(): Promise<void> }>;
}

async function baseSqlite() {
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-sqlite-"));
  const config = { type: "sqlite" as const, fichier: path.join(dossier, "test.sqlite") };
  const base = ouvrirBase(config);
  await base.migrer();
  return Object.assign(base, {
    config,
    async detruire() {
      await base.fermer();
      rmSync(dossier, { recursive: true, force: true });
    },
  });
}

/** Crée une base vide dans la grappe de test et renvoie son URL. */
export async function nouvelleBasePg(urlGrappe: string): Promise<string> {
  const nom = `cep_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const client = new pg.Client({ connectionString: urlGrappe });
  await client.connect();
  await client.query(`create database ${nom}`);
  await client.end();
  const url = new URL(urlGrappe);
  url.pathname = `/${nom}`;
  return url.toString();
}

async function basePg(urlGrappe: string) {
  const url = await nouvelleBasePg(urlGrappe);
  const config = { type: "postgresql" as const, url, max: 5 };
  const base = ouvrirBase(config);
  await base.migrer();
  return Object.assign(base, {
    config,
    async detruire() {
      await base.fermer();
    },
  });
}

export function fabriquesBase(): FabriqueBase[] {
  const url = inject("pgUrl");
  const liste: FabriqueBase[] = [{ nom: "sqlite", ouvrir: baseSqlite }];
  if (url) liste.push({ nom: "postgresql", ouvrir: () => basePg(url) });
  return liste;
}
