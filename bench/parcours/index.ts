import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Acteur } from "../../src/app/acteur.js";
import { lireParcours, listerParcours } from "../../src/app/parcours/parcours.js";
import { executer, type ServicesApp } from "../../src/app/pipeline.js";
import { ouvrirBase } from "../../src/storage/base.js";
import { arrondi, type ResultatBench } from "../outils.js";

/**
 * Portefeuille et dossier (SQLite) : un opérateur de 5 000 parcours (20 conseillers, 250 dossiers chacun, un
 * entretien et un message par dossier) ; temps par appel du cas d'usage complet (validation, autorisation,
 * transaction, audit) pour lister son portefeuille filtré et lire un dossier.
 */
const N = Number(process.env.BENCH_PARCOURS ?? 5000);
const CONSEILLERS = 20;

async function mesurer(fn: () => Promise<unknown>, fois: number) {
  for (let i = 0; i < 3; i++) await fn();
  const temps: number[] = [];
  for (let i = 0; i < fois; i++) {
    const t = performance.now();
    await fn();
    temps.push(performance.now() - t);
  }
  temps.sort((a, b) => a - b);
  return {
    "p50 (ms)": arrondi(temps[Math.floor(fois / 2)]!, 2),
    "p99 (ms)": arrondi(temps[Math.floor(fois * 0.99)]!, 2),
    appels: fois,
  };
}

export default async function (): Promise<ResultatBench> {
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-bench-parcours-"));
  const base = ouvrirBase({ type: "sqlite", fichier: path.join(dossier, "bench.sqlite") });
  await base.migrer();
  const maintenant = new Date().toISOString();
  const operateurId = randomUUID();
  const conseillers = Array.from({ length: CONSEILLERS }, () => randomUUID());
  let premier = "";
  await base.transaction(async (d) => {
    await d.operateurs.creer({
      id: operateurId,
      nom: "Banc",
      type: "autre",
      codeRegion: null,
      creeLe: maintenant,
    });
    for (const [i, id] of conseillers.entries())
      await d.comptes.creer({
        id,
        email: `c${i}@bench.invalid`,
        prenom: "C",
        nom: `Conseiller ${i}`,
        role: "conseiller",
        operateurId,
        actif: true,
        demo: false,
        creeLe: maintenant,
        hashMotDePasse: null,
      });
    for (let i = 0; i < N; i++) {
      const b = randomUUID();
      await d.comptes.creer({
        id: b,
        email: `b${i}@bench.invalid`,
        prenom: "Personne",
        nom: `Nom${i}`,
        role: "beneficiaire",
        operateurId: null,
        actif: true,
        demo: false,
        creeLe: maintenant,
        hashMotDePasse: null,
      });
      const id = randomUUID();
      if (!premier) premier = id;
      await d.parcours.creer({
        id,
        beneficiaireId: b,
        operateurId,
        referentId: conseillers[i % CONSEILLERS]!,
        niveau: i % 2 ? 2 : 1,
        phase: i % 2 ? "conseil" : null,
        statut: "en_cours",
        creeLe: maintenant,
        modifieLe: maintenant,
      });
      await d.transitions.ajouter({
        id: randomUUID(),
        parcoursId: id,
        auteurId: null,
        type: "ouverture",
        niveau: 1,
        phase: null,
        le: maintenant,
      });
      await d.entretiens.creer({
        id: randomUUID(),
        parcoursId: id,
        auteurId: null,
        modalite: "visio",
        siteId: null,
        le: maintenant,
        dureeMinutes: 30,
        participants: null,
        resume: "x",
        creeLe: maintenant,
      });
      await d.messages.creer({
        id: randomUUID(),
        parcoursId: id,
        auteurId: b,
        texte: "x",
        creeLe: maintenant,
      });
    }
  });
  const services = {
    stockage: base,
    horloge: { maintenant: () => new Date() },
  } as unknown as ServicesApp;
  const acteur: Acteur = {
    type: "compte",
    compteId: conseillers[0]!,
    role: "conseiller",
    operateurId,
    ip: "bench",
  };
  const contexte = { acteur, requeteId: "bench" };
  const portefeuille = await mesurer(
    // La plus grande page (200) du portefeuille : N / 20 dossiers par conseiller (250 avec les réglages par défaut).
    () => executer(services, listerParcours, { mesDossiers: true, parPage: 200 }, contexte),
    50,
  );
  const filtre = await mesurer(
    () =>
      executer(
        services,
        listerParcours,
        { mesDossiers: true, niveau: "2", sansContactJours: "30", recherche: "nom1" },
        contexte,
      ),
    50,
  );
  const lecture = await mesurer(() => executer(services, lireParcours, { id: premier }, contexte), 200);
  await base.fermer();
  rmSync(dossier, { recursive: true, force: true });
  return {
    lignes: [
      {
        banc: "parcours",
        mesure: `portefeuille d'un conseiller (${N / CONSEILLERS} dossiers, première page de ${Math.min(200, N / CONSEILLERS)})`,
        valeurs: portefeuille,
      },
      { banc: "parcours", mesure: "portefeuille filtré (niveau, sans contact, nom)", valeurs: filtre },
      { banc: "parcours", mesure: "lire un dossier (historique, durées, audit)", valeurs: lecture },
    ],
    notes: [
      `parcours : SQLite, ${N} parcours dans l'opérateur, ${CONSEILLERS} conseillers ; temps du cas d'usage complet.`,
    ],
  };
}
