import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActeurConnecte } from "../../src/app/acteur.js";
import { lireMesAcces } from "../../src/app/moi/donnees.js";
import { lireParcours, listerParcours } from "../../src/app/parcours/parcours.js";
import { executer } from "../../src/app/pipeline.js";
import { creerServices } from "../../src/cli/assemblage.js";
import {
  chargerSynthetique,
  MOT_DE_PASSE_SYNTHETIQUE,
  type RapportSynthetique,
  regions,
} from "../../src/cli/synthetique.js";
import { chargerConfiguration } from "../../src/config.js";
import { CalculIndicateurs } from "../../src/domain/indicateurs.js";
import { type ContenuPlan, verifierPlan } from "../../src/domain/plan/plan.js";
import { creerHachage } from "../../src/infra/hachage.js";
import {
  lireChronologie,
  recalculerChronologies,
  SQL_CHRONOLOGIE,
} from "../../src/storage/chronologiePilotage.js";
import { creerDepotPilotage } from "../../src/storage/depotsPilotage.js";
import { fabriquesBase } from "../support/bases.js";

/**
 * `cep seed --synthetique` à petite échelle sur les deux bases : répartitions annoncées (régions, un conseiller pour
 * 80 parcours ouverts, ~50 événements d'audit par parcours), intégrité, et données relues par les vrais cas d'usage.
 */
const N = 300;
const MAINTENANT = new Date("2026-06-15T10:00:00.000Z");

describe.each(fabriquesBase())("jeu synthétique ($nom)", (fabrique) => {
  let base: Awaited<ReturnType<typeof fabrique.ouvrir>>;
  let rapport: RapportSynthetique;
  let hash: string;
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-synthetique-"));

  beforeAll(async () => {
    base = await fabrique.ouvrir();
    hash = await creerHachage().hacher(MOT_DE_PASSE_SYNTHETIQUE);
    rapport = await chargerSynthetique(base.config, {
      parcours: N,
      graine: 42,
      hashMotDePasse: hash,
      maintenant: MAINTENANT,
      lot: 70,
    });
  }, 120_000);
  afterAll(async () => {
    await base?.detruire();
    rmSync(dossier, { recursive: true, force: true });
  });

  const compter = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(base.db)).rows[0]!.n,
    );

  it("écrit en base exactement les lignes annoncées, table par table", async () => {
    expect(rapport.parcours).toBe(N);
    for (const [table, n] of Object.entries(rapport.lignes))
      expect([table, await compter(table)]).toEqual([table, n]);
    if (base.type === "sqlite")
      expect((await sql`pragma foreign_key_check`.execute(base.db)).rows).toEqual([]);
  });

  it("place des opérateurs, chacun avec au moins un site, dans chacune des 18 régions", async () => {
    const attendues = regions().map((r) => r.code);
    expect(attendues).toHaveLength(18);
    const lignes = await base.db
      .selectFrom("operateur")
      .select(["id", "code_region"])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("site").select("site.id").whereRef("site.operateur_id", "=", "operateur.id"),
          ),
        ),
      )
      .execute();
    expect(lignes).toEqual([]);
    const codes = (await base.db.selectFrom("operateur").select("code_region").distinct().execute()).map(
      (r) => r.code_region,
    );
    expect(codes.sort()).toEqual([...attendues].sort());
  });

  it("donne à chaque opérateur un conseiller pour 80 parcours ouverts (au moins un)", async () => {
    const ouverts = await base.db
      .selectFrom("operateur")
      .leftJoin("parcours", (j) =>
        j.onRef("parcours.operateur_id", "=", "operateur.id").on("parcours.statut", "!=", "clos"),
      )
      .select((eb) => ["operateur.id", eb.fn.count("parcours.id").as("n")])
      .groupBy("operateur.id")
      .execute();
    const conseillers = await base.db
      .selectFrom("compte")
      .select((eb) => ["operateur_id", eb.fn.countAll().as("n")])
      .where("role", "=", "conseiller")
      .groupBy("operateur_id")
      .execute();
    const parOperateur = new Map(conseillers.map((c) => [c.operateur_id, Number(c.n)]));
    for (const o of ouverts)
      expect([o.id, parOperateur.get(o.id)]).toEqual([o.id, Math.max(1, Math.ceil(Number(o.n) / 80))]);
    // Les parcours ouverts sont tous suivis par un conseiller de leur opérateur (ou dans sa file d'attente).
    const horsOperateur = await base.db
      .selectFrom("parcours")
      .innerJoin("compte", "compte.id", "parcours.referent_id")
      .select("parcours.id")
      .whereRef("compte.operateur_id", "!=", "parcours.operateur_id")
      .execute();
    expect(horsOperateur).toEqual([]);
  });

  it("répartit les parcours sur tous les niveaux, phases et statuts", async () => {
    const etats = await base.db
      .selectFrom("parcours")
      .select((eb) => ["niveau", "phase", "statut", eb.fn.countAll().as("n")])
      .groupBy(["niveau", "phase", "statut"])
      .execute();
    const cles = etats.map((e) => `${e.niveau}/${e.phase ?? "-"}/${e.statut}`).sort();
    expect(cles).toEqual(
      [
        "1/-/clos",
        "1/-/en_cours",
        "2/conseil/clos",
        "2/conseil/en_cours",
        "2/conseil/en_pause",
        "2/mise_en_oeuvre/clos",
        "2/mise_en_oeuvre/en_cours",
        "2/mise_en_oeuvre/en_pause",
      ].sort(),
    );
    const clos = etats.filter((e) => e.statut === "clos").reduce((s, e) => s + Number(e.n), 0);
    // La moitié des parcours environ est close (50 % attendus).
    expect(clos / N).toBeGreaterThan(0.4);
    expect(clos / N).toBeLessThan(0.6);
    // Chaque parcours clos a sa transition de clôture, chaque parcours sa transition d'ouverture.
    expect(await compter("transition_parcours")).toBeGreaterThanOrEqual(N + clos);
  });

  it("journalise environ 50 événements d'audit par parcours, tous rattachés à la personne", async () => {
    const parParcours = await base.db
      .selectFrom("evenement_audit")
      .select((eb) => ["objet_id", eb.fn.countAll().as("n")])
      .groupBy("objet_id")
      .execute();
    expect(parParcours).toHaveLength(N);
    const n = parParcours.map((p) => Number(p.n));
    const moyenne = n.reduce((s, x) => s + x, 0) / N;
    expect(moyenne).toBeGreaterThan(45);
    expect(moyenne).toBeLessThan(55);
    expect(Math.min(...n)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...n)).toBeLessThanOrEqual(70);
    const sansPersonne = await base.db
      .selectFrom("evenement_audit")
      .select("id")
      .where("beneficiaire_id", "is", null)
      .execute();
    expect(sansPersonne).toEqual([]);
  });

  it("donne un plan d'actions cohérent, avec son plan de financement, aux parcours en mise en œuvre", async () => {
    const plans = await base.db
      .selectFrom("plan_actions_version as v")
      .innerJoin("parcours as p", "p.id", "v.parcours_id")
      .select(["v.contenu", "v.statut", "p.niveau", "p.phase"])
      .execute();
    const enMiseEnOeuvre = Number(
      (
        await base.db
          .selectFrom("parcours")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("phase", "=", "mise_en_oeuvre")
          .where("referent_id", "is not", null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(plans.length).toBeGreaterThanOrEqual(enMiseEnOeuvre);
    expect(plans.every((p) => Number(p.niveau) === 2)).toBe(true);
    expect(new Set(plans.map((p) => p.statut))).toEqual(new Set(["convenu", "brouillon"]));
    const contenus = plans.map((p) => JSON.parse(p.contenu) as ContenuPlan);
    // Les règles du plan (src/domain/plan/plan.ts) : aucune erreur, et le financement ne dépasse jamais le coût.
    expect(contenus.flatMap(verifierPlan)).toEqual([]);
    const lignes = contenus.flatMap((c) => c.etapes.flatMap((e) => e.actions.flatMap((a) => a.lignes)));
    expect(lignes.length).toBeGreaterThan(plans.length);
    expect(new Set(lignes.map((l) => l.dispositif)).size).toBeGreaterThan(2);
  });

  it("tient sur chaque parcours la chronologie de pilotage que la migration 0017 recalcule depuis les transitions, les entretiens et les documents", async () => {
    const lire = async () =>
      (
        await base.db
          .selectFrom("parcours")
          .select(["id", sql<string>`${sql.raw(SQL_CHRONOLOGIE)}`.as("chronologie")])
          .orderBy("id")
          .execute()
      ).map((r) => ({ id: r.id, ...lireChronologie(r.chronologie) }));
    const ecrites = await lire();
    expect(ecrites).toHaveLength(N);
    // Un parcours a au moins son ouverture ; les parcours suivis par un conseiller ont des entretiens.
    expect(ecrites.every((p) => p.transitions[0]?.type === "ouverture")).toBe(true);
    expect(ecrites.filter((p) => p.entretiens.length > 0).length).toBeGreaterThan(N / 2);
    const natures = new Set(ecrites.flatMap((p) => p.documents.map(([nature]) => nature)));
    expect(natures).toEqual(new Set(["etat_des_lieux_niveau1", "synthese"]));
    await recalculerChronologies(base.db, base.dialecte);
    expect(await lire()).toEqual(ecrites);
  });

  it("donne les mêmes indicateurs quelle que soit la taille des paquets lus en flux (curseur)", async () => {
    // Toute la plateforme sur un an : les parcours passent au calcul par paquets de 7, ou tous d'un coup.
    const periode = { debut: "2025-06-16", fin: "2026-06-15" };
    const calculerParPaquets = async (paquet: number) => {
      const calcul = new CalculIndicateurs(periode, {});
      let lus = 0;
      const reste = await creerDepotPilotage(base.db, paquet).lignes(periode, (p) => {
        lus++;
        calcul.ajouter(p);
      });
      return { lus, indicateurs: calcul.terminer(reste) };
    };
    const parSept = await calculerParPaquets(7);
    const enUnPaquet = await calculerParPaquets(10 * N);
    expect(parSept.lus).toBeGreaterThan(7 * 10);
    expect(parSept.indicateurs.parcoursSuivis).toBeGreaterThan(0);
    expect(parSept).toEqual(enUnPaquet);
  });

  it("est relu par les vrais cas d'usage : portefeuille d'un conseiller, dossier, journal d'accès", async () => {
    const services = creerServices(
      chargerConfiguration({ CEP_DATA_DIR: dossier, CEP_REFERENTIELS_URL: "aucune" }),
      base,
    );
    services.horloge = { maintenant: () => MAINTENANT };
    const conseiller = await base.db
      .selectFrom("compte")
      .innerJoin("parcours", "parcours.referent_id", "compte.id")
      .select(["compte.id", "compte.operateur_id", "compte.email", "compte.hash_mot_de_passe"])
      .groupBy(["compte.id", "compte.operateur_id", "compte.email", "compte.hash_mot_de_passe"])
      .orderBy("compte.email")
      .executeTakeFirstOrThrow();
    // Le mot de passe commun ouvre le compte (une seule empreinte argon2 pour tous).
    expect(await services.hachage.verifier(conseiller.hash_mot_de_passe, MOT_DE_PASSE_SYNTHETIQUE)).toBe(
      true,
    );
    const acteur: ActeurConnecte = {
      type: "compte",
      compteId: conseiller.id,
      role: "conseiller",
      operateurId: conseiller.operateur_id,
      ip: "127.0.0.1",
    };
    const siens = (
      await base.db.selectFrom("parcours").select("id").where("referent_id", "=", conseiller.id).execute()
    ).map((p) => p.id);
    expect(siens.length).toBeGreaterThan(0);
    const liste = await executer(
      services,
      listerParcours,
      { mesDossiers: "true", parPage: "200" },
      { acteur, requeteId: "t1" },
    );
    expect(liste.total).toBe(siens.length);
    expect(liste.dossiers).toHaveLength(Math.min(siens.length, 200));
    expect(liste.dossiers.every((p) => siens.includes(p.id))).toBe(true);
    const dossierLu = await executer(services, lireParcours, { id: siens[0]! }, { acteur, requeteId: "t2" });
    expect(dossierLu.transitions[0]?.type).toBe("ouverture");
    expect(dossierLu.referent).not.toBeNull();

    const p = await base.depots.parcours.parId(siens[0]!);
    const beneficiaire: ActeurConnecte = {
      type: "compte",
      compteId: p!.beneficiaireId,
      role: "beneficiaire",
      operateurId: null,
      ip: "127.0.0.1",
    };
    const acces = await executer(services, lireMesAcces, {}, { acteur: beneficiaire, requeteId: "t3" });
    // Les lectures du conseiller (chargées et celles de ce test) apparaissent dans le journal de la personne.
    expect(acces.length).toBeGreaterThan(10);
    expect(acces.some((e) => e.role === "conseiller")).toBe(true);
  });
});
