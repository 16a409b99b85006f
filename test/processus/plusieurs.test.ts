import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { nouvelleBasePg } from "../support/bases.js";
import { Client, lancerServeur, type ServeurLance } from "../support/processus.js";

/**
 * Deux processus serveur sur une même base PostgreSQL, comme derrière un répartiteur de charge : sessions valables sur
 * chacun, limites de débit partagées, tâches planifiées exécutées une seule fois par créneau.
 */
describe.skipIf(!inject("pgUrl"))("deux processus sur une même base PostgreSQL", () => {
  let a: ServeurLance;
  let b: ServeurLance;
  let url: string;
  let dossier: string;
  beforeAll(async () => {
    // Les compteurs de débit sont par minute : on évite de chevaucher un changement de minute.
    const secondes = new Date().getSeconds();
    if (secondes > 45) await new Promise((r) => setTimeout(r, (61 - secondes) * 1000));
    url = await nouvelleBasePg(inject("pgUrl")!);
    dossier = mkdtempSync(path.join(tmpdir(), "cep-2p-"));
    const env = {
      CEP_DATABASE_URL: url,
      CEP_DATA_DIR: dossier,
      CEP_MAINTENANCE_SECONDES: "1",
      CEP_RATE_LIMIT_PUBLIC: "8",
    };
    // Démarrés ensemble sur une base vide : un seul charge la démonstration.
    [a, b] = await Promise.all([lancerServeur(env), lancerServeur(env)]);
  }, 120_000);
  afterAll(async () => {
    for (const s of [a, b]) {
      s?.processus.kill("SIGTERM");
      await s?.fin;
    }
    rmSync(dossier, { recursive: true, force: true });
  });

  it("une session ouverte sur un processus est valable sur l'autre, et la déconnexion aussi", async () => {
    const client = await new Client(a.url).connecter("conseillere.ara@demo.cep.invalid");
    const surB = (await (await client.requete("GET", "/api/v1/session", undefined, b.url)).json()) as {
      connecte: boolean;
    };
    expect(surB.connecte).toBe(true);
    expect((await client.requete("DELETE", "/api/v1/session", undefined, b.url)).status).toBe(204);
    const surA = (await (await client.requete("GET", "/api/v1/session", undefined, a.url)).json()) as {
      connecte: boolean;
    };
    expect(surA.connecte).toBe(false);
  });

  it("la limite de débit publique est partagée : 8 requêtes par minute au total, réparties sur les deux", async () => {
    const anonyme = new Client(a.url);
    const statuts: number[] = [];
    for (let i = 0; i < 10; i++)
      statuts.push(
        (await anonyme.requete("GET", "/api/v1/session", undefined, i % 2 ? b.url : a.url)).status,
      );
    // La première requête du test précédent (connexion) n'est pas publique ; les GET /api/v1/session précédents comptent.
    expect(statuts.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuts.indexOf(429)).toBeLessThanOrEqual(8);
    expect(statuts.slice(statuts.indexOf(429)).every((s) => s === 429)).toBe(true);
  });

  it("la tâche planifiée ne s'exécute qu'une fois par créneau, quel que soit le nombre de processus", async () => {
    await new Promise((r) => setTimeout(r, 4500));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const executions = await client.query(
      "select creneau, processus from execution_tache where nom = 'tache.maintenance' order by creneau",
    );
    const audits = await client.query(
      "select count(*)::int as n from evenement_audit where action = 'tache.maintenance'",
    );
    const chargements = await client.query(
      "select count(*)::int as n from compte where email = 'admin@demo.cep.invalid'",
    );
    await client.end();
    expect(executions.rows.length).toBeGreaterThanOrEqual(3);
    // Chaque exécution de la tâche écrit un événement d'audit : autant d'événements que de créneaux, pas deux fois plus.
    expect(audits.rows[0].n).toBe(executions.rows.length);
    expect(new Set(executions.rows.map((r) => r.creneau)).size).toBe(executions.rows.length);
    expect(chargements.rows[0].n).toBe(1);
  });
});
