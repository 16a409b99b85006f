import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Insertable } from "kysely";
import { calculer } from "../../src/app/pilotage/indicateurs.js";
import { chargerDemo } from "../../src/cli/demo.js";
import { calculerIndicateurs, type ParcoursPilotage } from "../../src/domain/indicateurs.js";
import { creerHachage } from "../../src/infra/hachage.js";
import { ouvrirBase } from "../../src/storage/base.js";
import type { TableEntretien, TableParcours, TableTransitionParcours } from "../../src/storage/schema.js";
import { arrondi, type ResultatBench } from "../outils.js";

/**
 * Tableau de bord des indicateurs (SQLite) : temps de calcul de tous les tableaux pour l'opérateur de démonstration,
 * puis pour un opérateur synthétique de 50 000 parcours (20 conseillers, 2 sites, 3 à 5 transitions et 2 entretiens par
 * parcours), sur une année ; lecture des lignes (dépôt) et calcul (domaine) mesurés aussi séparément.
 */
const N = Number(process.env.BENCH_PARCOURS ?? 50_000);

async function mesurer(fn: () => Promise<unknown>, fois: number) {
  await fn();
  const temps: number[] = [];
  for (let i = 0; i < fois; i++) {
    const t = performance.now();
    await fn();
    temps.push(performance.now() - t);
  }
  temps.sort((a, b) => a - b);
  return {
    "p50 (ms)": arrondi(temps[Math.floor(fois / 2)]!, 1),
    "max (ms)": arrondi(temps.at(-1)!, 1),
    appels: fois,
  };
}

const MODALITES = ["presentiel", "telephone", "visio", "ecrit"];
const MOTIFS = ["projet_realise", "formation_engagee", "emploi_trouve", "abandon"];
const STATUTS = ["salarie_prive", "agent_public", "independant", "demandeur_emploi", "autre"];
const AGES = ["moins_26", "26_44", "45_54", "55_plus"];

export default async function (): Promise<ResultatBench> {
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-bench-indicateurs-"));
  const base = ouvrirBase({ type: "sqlite", fichier: path.join(dossier, "bench.sqlite") });
  await base.migrer();
  const lignes: ResultatBench["lignes"] = [];
  const annee = new Date().getUTCFullYear();
  const periode = { debut: `${annee}-01-01`, fin: `${annee}-12-31` };

  // 1. Opérateur de démonstration.
  await chargerDemo(base, creerHachage());
  const demo = (await base.depots.operateurs.lister()).find((o) => o.nom.startsWith("Avenir Actifs"))!;
  lignes.push({
    banc: "indicateurs",
    mesure: "tableau de bord, opérateur de démonstration (14 parcours)",
    valeurs: await mesurer(() => calculer(base.depots, periode, { operateurId: demo.id }), 50),
  });

  // 2. Opérateur synthétique.
  const operateurId = randomUUID();
  const cree = `${annee - 1}-01-01T00:00:00.000Z`;
  await base.depots.operateurs.creer({
    id: operateurId,
    nom: "Banc",
    type: "autre",
    codeRegion: "84",
    creeLe: cree,
  });
  const sites = [randomUUID(), randomUUID()];
  for (const [i, id] of sites.entries())
    await base.depots.sites.creer({
      id,
      operateurId,
      nom: `Site ${i}`,
      adresse: null,
      codePostal: null,
      commune: null,
      creeLe: cree,
    });
  const conseillers = Array.from({ length: 20 }, () => randomUUID());
  const beneficiaire = randomUUID();
  await base.db
    .insertInto("compte")
    .values(
      [
        ...conseillers.map((id, i) => ({
          id,
          role: "conseiller",
          operateur_id: operateurId as string | null,
          email: `c${i}@bench.invalid`,
        })),
        { id: beneficiaire, role: "beneficiaire", operateur_id: null, email: "b@bench.invalid" },
      ].map((c) => ({
        ...c,
        prenom: "P",
        nom: "N",
        hash_mot_de_passe: null,
        actif: 1,
        demo: 0,
        echecs_connexion: 0,
        verrouille_jusqu_a: null,
        version: 1,
        cree_le: cree,
      })),
    )
    .execute();
  const debutInsertion = performance.now();
  const jour = (j: number) => new Date(Date.UTC(annee - 1, 0, 1) + j * 86_400_000).toISOString();
  const LOT = 500;
  for (let lot = 0; lot < N; lot += LOT) {
    const parcours: Insertable<TableParcours>[] = [];
    const transitions: Insertable<TableTransitionParcours>[] = [];
    const entretiens: Insertable<TableEntretien>[] = [];
    for (let i = lot; i < Math.min(N, lot + LOT); i++) {
      const id = randomUUID();
      const ouvert = (i * 7) % 700;
      const clos = i % 3 === 0 ? ouvert + 30 + (i % 90) : null;
      parcours.push({
        id,
        beneficiaire_id: beneficiaire,
        operateur_id: operateurId,
        referent_id: conseillers[i % 20]!,
        niveau: 2,
        phase: "conseil",
        statut: clos ? "clos" : "en_cours",
        version: 1,
        cree_le: jour(ouvert),
        modifie_le: jour(ouvert),
        situation_statut: STATUTS[i % 5]!,
        situation_tranche_age: AGES[i % 4]!,
        situation_qualification: String(3 + (i % 6)),
        clos_le: clos ? jour(clos) : null,
      });
      const t = (type: string, j: number, extra: Record<string, unknown> = {}) =>
        transitions.push({
          id: randomUUID(),
          parcours_id: id,
          type,
          le: jour(j),
          niveau: null,
          phase: null,
          motif: null,
          retour_prevu: null,
          commentaire: null,
          auteur_id: null,
          ...extra,
        });
      t("ouverture", ouvert, { niveau: 1 });
      t("passage", ouvert + 10, { niveau: 2, phase: "conseil" });
      if (i % 5 === 0) {
        t("pause", ouvert + 15, { motif: "Banc", retour_prevu: jour(ouvert + 25).slice(0, 10) });
        t("reprise", ouvert + 20);
      }
      if (clos) t("cloture", clos, { motif: MOTIFS[i % 4]!, commentaire: "Banc" });
      for (const k of [2, 12])
        entretiens.push({
          id: randomUUID(),
          parcours_id: id,
          auteur_id: null,
          modalite: MODALITES[(i + k) % 4]!,
          site_id: sites[i % 2]!,
          le: jour(ouvert + k),
          duree_minutes: 45,
          participants: null,
          resume: "Banc",
          cree_le: jour(ouvert + k),
        });
    }
    await base.db.transaction().execute(async (trx) => {
      await trx.insertInto("parcours").values(parcours).execute();
      for (let k = 0; k < transitions.length; k += 500)
        await trx
          .insertInto("transition_parcours")
          .values(transitions.slice(k, k + 500))
          .execute();
      await trx.insertInto("entretien").values(entretiens).execute();
    });
  }
  const insertion = performance.now() - debutInsertion;

  const f = { operateurId };
  lignes.push({
    banc: "indicateurs",
    mesure: `tableau de bord, opérateur synthétique (${N.toLocaleString("fr-FR")} parcours)`,
    valeurs: await mesurer(() => calculer(base.depots, periode, f), 5),
  });
  lignes.push({
    banc: "indicateurs",
    mesure: "  dont lecture des lignes (dépôt)",
    valeurs: await mesurer(() => base.depots.pilotage.lignes({ operateurId, ...periode }, () => {}), 5),
  });
  // Les parcours gardés en tableau (le tableau de bord les calcule à mesure de la lecture, sans les garder).
  const parcours: ParcoursPilotage[] = [];
  const brutes = await base.depots.pilotage.lignes({ operateurId, ...periode }, (p) => parcours.push(p));
  lignes.push({
    banc: "indicateurs",
    mesure: "  dont calcul (domaine pur)",
    valeurs: await mesurer(async () => calculerIndicateurs({ ...brutes, parcours, periode, filtre: f }), 5),
  });
  lignes.push({
    banc: "indicateurs",
    mesure: "  filtré par site",
    valeurs: await mesurer(() => calculer(base.depots, periode, { operateurId, siteId: sites[0] }), 5),
  });
  await base.fermer();
  rmSync(dossier, { recursive: true, force: true });
  return {
    lignes,
    notes: [
      `indicateurs : ${parcours.length.toLocaleString("fr-FR")} parcours suivis sur ${periode.debut} → ${periode.fin} ; insertion du jeu synthétique en ${arrondi(insertion / 1000, 1)} s.`,
    ],
  };
}
