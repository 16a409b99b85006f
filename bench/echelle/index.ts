import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { assembler } from "../../src/cli/assemblage.js";
import { chargerSynthetique, MOT_DE_PASSE_SYNTHETIQUE } from "../../src/cli/synthetique.js";
import { chargerConfiguration } from "../../src/config.js";
import { creerHachage } from "../../src/infra/hachage.js";
import type { ConfigBase } from "../../src/storage/base.js";
import { demarrerGrappe, trouverBinairesPg } from "../../test/support/postgres.js";
import { arrondi, type LigneBench, type ResultatBench } from "../outils.js";

/**
 * Échelle nationale : une base remplie par `cep seed --synthetique`, le vrai serveur (assemblage de `cep serve`) sur
 * 127.0.0.1, et des requêtes HTTP réelles.
 * 1. Latences p50/p95/p99 (requêtes l'une après l'autre) : portefeuille du conseiller, dossier, recherche par nom dans le
 *    portefeuille, journal d'accès du bénéficiaire, tableau de bord de l'opérateur (responsable du plus gros opérateur).
 * 2. Charge mixte avec autocannon, 50 connexions : 80 % de lectures (portefeuille, dossier, notes, chronologie), 20 %
 *    d'écritures (notes) par des conseillers différents : débit, p99, erreurs.
 *
 * Variables : BENCH_ECHELLE_PARCOURS (20 000 par défaut), BENCH_ECHELLE_BASES (« sqlite,postgresql »),
 * BENCH_ECHELLE_DUREE (secondes de charge mixte, 15), BENCH_ECHELLE_REQUETES (requêtes par mesure, 200),
 * BENCH_ECHELLE_SQLITE / BENCH_ECHELLE_PG_URL : réutiliser une base déjà remplie (ni chargement ni suppression).
 * PostgreSQL : grappe jetable (test/support/postgres.ts) avec fsync, comme en production.
 */
const N = Number(process.env.BENCH_ECHELLE_PARCOURS ?? 20_000);
const BASES = (process.env.BENCH_ECHELLE_BASES ?? "sqlite,postgresql").split(",");
const DUREE = Number(process.env.BENCH_ECHELLE_DUREE ?? 15);
const REQUETES = Number(process.env.BENCH_ECHELLE_REQUETES ?? 200);
const CONSEILLERS = 20;
const BENEFICIAIRES = 20;

const centile = (triees: number[], p: number) =>
  triees[Math.min(triees.length - 1, Math.ceil((p / 100) * triees.length) - 1)]!;

interface Session {
  cookie: string;
  csrf: string;
}

async function connecter(adresse: string, email: string): Promise<Session> {
  const r = await fetch(`${adresse}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, motDePasse: MOT_DE_PASSE_SYNTHETIQUE }),
  });
  if (r.status !== 201) throw new Error(`Connexion de ${email} impossible : ${r.status} ${await r.text()}`);
  const corps = (await r.json()) as { jetonCsrf: string };
  return { cookie: r.headers.get("set-cookie")!.split(";")[0]!, csrf: corps.jetonCsrf };
}

/** `fois` requêtes l'une après l'autre (après 3 de mise en route), latences côté client. */
async function latences(fois: number, requete: (k: number) => Promise<Response>) {
  for (let k = 0; k < 3; k++) await (await requete(k)).arrayBuffer();
  const temps: number[] = [];
  let erreurs = 0;
  let octets = 0;
  for (let k = 0; k < fois; k++) {
    const t = performance.now();
    const r = await requete(k);
    const corps = await r.arrayBuffer();
    temps.push(performance.now() - t);
    octets += corps.byteLength;
    if (!r.ok) erreurs++;
  }
  temps.sort((a, b) => a - b);
  return {
    "p50 (ms)": arrondi(centile(temps, 50), 1),
    "p95 (ms)": arrondi(centile(temps, 95), 1),
    "p99 (ms)": arrondi(centile(temps, 99), 1),
    requêtes: fois,
    "réponse (ko)": arrondi(octets / fois / 1024, 1),
    erreurs,
  };
}

async function basePg(): Promise<{ config: ConfigBase; arreter(): void }> {
  if (process.env.BENCH_ECHELLE_PG_URL)
    return { config: { type: "postgresql", url: process.env.BENCH_ECHELLE_PG_URL }, arreter() {} };
  const grappe = await demarrerGrappe({ fsync: true });
  if (!grappe) throw new Error("PostgreSQL introuvable sur cette machine (initdb).");
  const client = new pg.Client({ connectionString: grappe.url });
  await client.connect();
  await client.query("create database cep_echelle");
  await client.end();
  const url = new URL(grappe.url);
  url.pathname = "/cep_echelle";
  return { config: { type: "postgresql", url: url.toString() }, arreter: () => grappe.arreter() };
}

async function mesurer(nomBase: string): Promise<{ lignes: LigneBench[]; notes: string[] }> {
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-bench-echelle-"));
  const reutilisee =
    nomBase === "sqlite" ? process.env.BENCH_ECHELLE_SQLITE : process.env.BENCH_ECHELLE_PG_URL;
  const pgBase = nomBase === "postgresql" ? await basePg() : undefined;
  const configBase: ConfigBase = pgBase?.config ?? {
    type: "sqlite",
    fichier: reutilisee ?? path.join(dossier, "echelle.sqlite"),
  };
  const config = chargerConfiguration({
    CEP_DATA_DIR: dossier,
    CEP_DATABASE_URL: configBase.type === "sqlite" ? `sqlite:${configBase.fichier}` : configBase.url,
    CEP_LOG_LEVEL: "silent",
    CEP_RATE_LIMIT_PUBLIC: "1000000",
    CEP_RATE_LIMIT_CONNEXION: "10000",
    CEP_TACHES: "false",
    CEP_DEMO: "false",
    CEP_REFERENTIELS_URL: "aucune",
    PORT: "0",
  });
  const notes: string[] = [];
  const lignes: LigneBench[] = [];
  const etiquette = `${nomBase}, ${N.toLocaleString("fr-FR")} parcours`;

  // 1. La base : migrations (dont les index), puis le jeu synthétique.
  let { app, base } = await assembler(config);
  if (!reutilisee) {
    await app.close();
    await base.fermer();
    const r = await chargerSynthetique(configBase, {
      parcours: N,
      graine: 1,
      hashMotDePasse: await creerHachage().hacher(MOT_DE_PASSE_SYNTHETIQUE),
      journal: (l) => console.error(`  [${nomBase}] ${l}`),
    });
    const total = Object.values(r.lignes).reduce((s, x) => s + x, 0);
    lignes.push({
      banc: "echelle",
      mesure: `${etiquette} : chargement (cep seed --synthetique)`,
      valeurs: {
        "durée (s)": arrondi(r.dureeMs / 1000, 1),
        lignes: total,
        "lignes/s": Math.round(total / (r.dureeMs / 1000)),
      },
    });
    ({ app, base } = await assembler(config));
  }
  await app.listen({ host: "127.0.0.1", port: 0 });
  const adresse = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  // 2. Les personnes : les conseillers du plus gros opérateur, son responsable, des bénéficiaires de leurs dossiers.
  const operateur = await base.db
    .selectFrom("parcours")
    .select((eb) => ["operateur_id", eb.fn.countAll().as("n")])
    .groupBy("operateur_id")
    .orderBy("n", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  const conseillers = await base.db
    .selectFrom("compte")
    .select(["id", "email"])
    .where("operateur_id", "=", operateur.operateur_id)
    .where("role", "=", "conseiller")
    .orderBy("email")
    .limit(CONSEILLERS)
    .execute();
  const responsable = await base.db
    .selectFrom("compte")
    .select("email")
    .where("operateur_id", "=", operateur.operateur_id)
    .where("role", "=", "responsable")
    .executeTakeFirstOrThrow();
  const dossiers = await base.db
    .selectFrom("parcours")
    .innerJoin("compte", "compte.id", "parcours.beneficiaire_id")
    .select(["parcours.id", "parcours.referent_id", "compte.email", "compte.nom"])
    .where(
      "parcours.referent_id",
      "in",
      conseillers.map((c) => c.id),
    )
    .execute();
  const sessions = await Promise.all(conseillers.map((c) => connecter(adresse, c.email)));
  const parConseiller = conseillers.map((c) => dossiers.filter((d) => d.referent_id === c.id));
  const sessionResponsable = await connecter(adresse, responsable.email);
  const beneficiaires = await Promise.all(
    dossiers.slice(0, BENEFICIAIRES).map((d) => connecter(adresse, d.email)),
  );
  const taillePortefeuille = dossiers.length / conseillers.length;
  notes.push(
    `echelle (${etiquette}) : plus gros opérateur ${Number(operateur.n).toLocaleString("fr-FR")} parcours ; ${conseillers.length} de ses conseillers mesurés, ${arrondi(taillePortefeuille, 0)} dossiers chacun en moyenne (ouverts et clos) ; charge de la machine au départ ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" / ")}.`,
  );
  const get = (s: Session, chemin: string) => fetch(`${adresse}${chemin}`, { headers: { cookie: s.cookie } });
  const conseiller = (k: number) => k % conseillers.length;
  // Tableau de bord sur les douze derniers mois.
  const aujourdhui = new Date().toISOString().slice(0, 10);
  const debutAnnee = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);

  // 3. Latences, requête par requête.
  const mesures: [string, number, (k: number) => Promise<Response>][] = [
    [
      // Tout le portefeuille en une page (200 au plus par page ; ≈ 160 dossiers par conseiller).
      "portefeuille du conseiller (GET /api/v1/parcours?mesDossiers=true&parPage=200)",
      REQUETES,
      (k) => get(sessions[conseiller(k)]!, "/api/v1/parcours?mesDossiers=true&parPage=200"),
    ],
    [
      // Tous les dossiers de l'opérateur, première page de 50, avec leur nombre total.
      "liste du responsable, tous les dossiers, 1re page (GET /api/v1/parcours)",
      Math.max(10, Math.round(REQUETES / 4)),
      () => get(sessionResponsable, "/api/v1/parcours"),
    ],
    [
      "dossier (GET /api/v1/parcours/:id)",
      REQUETES,
      (k) => {
        const c = conseiller(k);
        const liste = parConseiller[c]!;
        return get(sessions[c]!, `/api/v1/parcours/${liste[(k * 7) % liste.length]!.id}`);
      },
    ],
    [
      "recherche par nom dans le portefeuille (…&recherche=)",
      REQUETES,
      (k) => {
        const c = conseiller(k);
        const liste = parConseiller[c]!;
        const nom = liste[(k * 3) % liste.length]!.nom.slice(0, 4);
        return get(sessions[c]!, `/api/v1/parcours?mesDossiers=true&recherche=${encodeURIComponent(nom)}`);
      },
    ],
    [
      "journal d'accès du bénéficiaire (GET /api/v1/moi/acces)",
      REQUETES,
      (k) => get(beneficiaires[k % beneficiaires.length]!, "/api/v1/moi/acces"),
    ],
    [
      "tableau de bord de l'opérateur (GET /api/v1/pilotage/indicateurs)",
      Math.max(10, Math.round(REQUETES / 10)),
      () => get(sessionResponsable, `/api/v1/pilotage/indicateurs?debut=${debutAnnee}&fin=${aujourdhui}`),
    ],
  ];
  for (const [mesure, fois, requete] of mesures) {
    console.error(`  [${nomBase}] ${mesure}…`);
    lignes.push({
      banc: "echelle",
      mesure: `${etiquette} : ${mesure}`,
      valeurs: await latences(fois, requete),
    });
  }

  // 4. Charge mixte : chaque connexion enchaîne 4 lectures et 1 écriture, sur les dossiers d'un conseiller tiré au sort.
  console.error(`  [${nomBase}] charge mixte, 50 connexions, ${DUREE} s…`);
  let tirage = 0;
  const cible = () => {
    tirage++;
    const c = tirage % conseillers.length;
    const liste = parConseiller[c]!;
    return { s: sessions[c]!, id: liste[(tirage * 13) % liste.length]!.id };
  };
  const lecture = (chemin: (id: string) => string) => ({
    method: "GET" as const,
    setupRequest: (req: autocannon.Request) => {
      const { s, id } = cible();
      return { ...req, path: chemin(id), headers: { cookie: s.cookie } };
    },
  });
  const charge = await autocannon({
    url: adresse,
    connections: 50,
    duration: DUREE,
    requests: [
      lecture(() => "/api/v1/parcours?mesDossiers=true"),
      lecture((id) => `/api/v1/parcours/${id}`),
      lecture((id) => `/api/v1/parcours/${id}/notes`),
      lecture((id) => `/api/v1/parcours/${id}/journal`),
      {
        method: "POST",
        setupRequest: (req) => {
          const { s, id } = cible();
          return {
            ...req,
            path: `/api/v1/parcours/${id}/notes`,
            headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "application/json" },
            body: JSON.stringify({ texte: "Note écrite pendant le banc de charge.", partagee: false }),
          };
        },
      },
    ],
  });
  lignes.push({
    banc: "echelle",
    mesure: `${etiquette} : charge mixte 80 % lectures / 20 % écritures, 50 connexions, ${DUREE} s`,
    valeurs: {
      "req/s": arrondi(charge.requests.average, 0),
      "p50 (ms)": charge.latency.p50,
      "p99 (ms)": charge.latency.p99,
      requêtes: charge.requests.total,
      erreurs: charge.errors + charge.non2xx + charge.timeouts,
    },
  });

  await app.close();
  await base.fermer();
  pgBase?.arreter();
  rmSync(dossier, { recursive: true, force: true });
  return { lignes, notes };
}

export default async function (): Promise<ResultatBench> {
  const lignes: LigneBench[] = [];
  const notes: string[] = [];
  for (const b of BASES) {
    if (b === "postgresql" && !process.env.BENCH_ECHELLE_PG_URL && !trouverBinairesPg()) {
      notes.push("echelle : PostgreSQL introuvable sur cette machine (initdb), mesures PostgreSQL sautées.");
      continue;
    }
    const r = await mesurer(b);
    lignes.push(...r.lignes);
    notes.push(...r.notes);
  }
  notes.push(
    `echelle : latences mesurées côté client, une requête à la fois (${REQUETES} par mesure, 1/10 pour le tableau de bord) ; autocannon et serveur dans le même processus Node, 2 cœurs partagés avec d'autres travaux.`,
  );
  return { lignes, notes };
}
