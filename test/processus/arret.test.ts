import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { nouvelleBasePg } from "../support/bases.js";
import { Client, lancerServeur } from "../support/processus.js";

/**
 * Arrêt brutal : SIGKILL au milieu d'un flot d'écritures ; au redémarrage, toute écriture acquittée au client est là et la
 * base est intègre. Arrêt propre : SIGTERM laisse finir les requêtes en cours. Sur SQLite et PostgreSQL.
 */
const dossiers: string[] = [];
afterAll(() => {
  for (const d of dossiers) rmSync(d, { recursive: true, force: true });
});

async function baseDeTest(type: "sqlite" | "postgresql") {
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-arret-"));
  dossiers.push(dossier);
  const url =
    type === "sqlite" ? `sqlite:${path.join(dossier, "cep.sqlite")}` : await nouvelleBasePg(inject("pgUrl")!);
  return { env: { CEP_DATA_DIR: dossier, CEP_DATABASE_URL: url, CEP_RATE_LIMIT_CONNEXION: "1000" }, url };
}

async function verifierIntegrite(type: "sqlite" | "postgresql", url: string) {
  if (type === "sqlite") {
    const db = new SQLite(url.slice("sqlite:".length), { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    db.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const invalides = await client.query("select conname from pg_constraint where not convalidated");
    expect(invalides.rows).toEqual([]);
    const orphelins = await client.query(
      "select count(*)::int as n from site s left join operateur o on o.id = s.operateur_id where o.id is null",
    );
    expect(orphelins.rows[0].n).toBe(0);
    await client.end();
  }
}

const types = (["sqlite", "postgresql"] as const).filter((t) => t === "sqlite" || inject("pgUrl"));

describe.each(types)("arrêts du serveur (%s)", (type) => {
  it("SIGKILL au milieu des écritures : rien d'acquitté n'est perdu, la base est intègre", async () => {
    const { env, url } = await baseDeTest(type);
    const serveur = await lancerServeur(env);
    const admin = await new Client(serveur.url).connecter("admin@demo.cep.invalid");
    const operateurId = (
      (await (await admin.requete("GET", "/api/v1/operateurs")).json()) as { id: string }[]
    )[0]!.id;
    const acquittes: string[] = [];
    let tue = false;
    const flot = async (n: number) => {
      for (let i = 0; !tue; i++) {
        try {
          const r = await admin.requete("POST", `/api/v1/operateurs/${operateurId}/sites`, {
            nom: `Site ${n}-${i}`,
          });
          if (r.status === 201) acquittes.push(((await r.json()) as { id: string }).id);
        } catch {
          return;
        }
      }
    };
    const flots = [0, 1, 2, 3].map(flot);
    // Tué en plein flot, une fois au moins 30 écritures acquittées (quelle que soit la charge de la machine).
    const limite = Date.now() + 20_000;
    while (acquittes.length < 30 && Date.now() < limite) await new Promise((r) => setTimeout(r, 5));
    serveur.processus.kill("SIGKILL");
    tue = true;
    expect((await serveur.fin).signal).toBe("SIGKILL");
    await Promise.all(flots);
    expect(acquittes.length).toBeGreaterThanOrEqual(30);
    await verifierIntegrite(type, url);

    const redemarre = await lancerServeur(env);
    try {
      const admin2 = await new Client(redemarre.url).connecter("admin@demo.cep.invalid");
      const sites = (
        (await (await admin2.requete("GET", `/api/v1/operateurs/${operateurId}`)).json()) as {
          sites: { id: string }[];
        }
      ).sites;
      const presents = new Set(sites.map((s) => s.id));
      expect(acquittes.filter((id) => !presents.has(id))).toEqual([]);
    } finally {
      redemarre.processus.kill("SIGTERM");
      await redemarre.fin;
    }
  });

  it("SIGTERM : les requêtes en cours reçoivent leur réponse, les nouvelles sont refusées, le processus s'arrête proprement", async () => {
    const { env } = await baseDeTest(type);
    const serveur = await lancerServeur({ ...env, CEP_LOG_LEVEL: "info" });
    const recues = () =>
      serveur.sortie
        .join("")
        .split("\n")
        .filter((l) => l.includes('"incoming request"') && l.includes('"method":"POST"')).length;
    // Des connexions (vérification argon2id, ≈ 50 ms chacune) : encore en cours de traitement quand SIGTERM arrive.
    const enCours = Array.from({ length: 10 }, () =>
      new Client(serveur.url).connecter("conseillere.ara@demo.cep.invalid").then(
        () => 201,
        (e: Error) => e.message,
      ),
    );
    // SIGTERM seulement quand le serveur a reçu les 10 requêtes (son journal le dit) : elles sont alors « en cours ».
    const limite = Date.now() + 15_000;
    while (recues() < 10 && Date.now() < limite) await new Promise((r) => setTimeout(r, 10));
    serveur.processus.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 20));
    const apres = await fetch(`${serveur.url}/api/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status,
      () => "refusée",
    );
    const resultats = await Promise.all(enCours);
    const fin = await serveur.fin;
    expect(resultats).toEqual(Array(10).fill(201));
    expect([503, "refusée"]).toContain(apres);
    expect(fin.code, serveur.sortie.join("")).toBe(0);
  });
});
