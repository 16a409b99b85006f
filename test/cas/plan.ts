import joursFeriesNationaux from "@socialgouv/jours-feries";
import { creerJoursFeries } from "../../src/domain/financement/calendrier.js";
import type { ActionPlan, ContenuPlan, LigneFinancement } from "../../src/domain/plan/plan.js";
import { SITUATION_FINANCEMENT_VIDE } from "../../src/domain/plan/plan.js";

/** Exemples de plans d'actions partagés par les tests du domaine (plan, financement, calendrier). */

export function action(extra: Partial<ActionPlan> = {}): ActionPlan {
  return {
    id: "a1",
    type: "formation",
    intitule: "Titre professionnel d'assistant de vie aux familles",
    responsable: "tiers",
    tiers: "AFPA",
    statut: "a_faire",
    echeance: "2027-06-30",
    prestataire: "AFPA Lyon",
    cout: 9000,
    dateDebut: "2026-12-01",
    dateFin: "2027-08-31",
    dureeHeures: 900,
    dureeMois: 9,
    certifiante: true,
    eligibleCPF: true,
    surTempsDeTravail: false,
    tempsPartiel: false,
    lignes: [],
    ...extra,
  };
}

export function plan(actions: ActionPlan[], extra: Partial<ContenuPlan> = {}): ContenuPlan {
  return {
    projetVise: "Assistante de vie aux familles",
    situation: SITUATION_FINANCEMENT_VIDE,
    etapes: [{ id: "e1", titre: "Se former", objectif: "Obtenir le titre", echeance: null, actions }],
    ...extra,
  };
}

// Le domaine n'importe rien : les tests branchent la bibliothèque des jours fériés comme la couche application.
export const feries = creerJoursFeries((annee, alsace) => {
  const r: Record<string, string> = {};
  for (const [nom, d] of Object.entries(joursFeriesNationaux(annee, { alsace })))
    r[
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
    ] = nom;
  return r;
});

export const ligne = (
  extra: Partial<LigneFinancement> & Pick<LigneFinancement, "dispositif" | "montant">,
): LigneFinancement => ({
  id: `l-${extra.dispositif}`,
  financeur: "Financeur",
  statut: "depose",
  contacts: [],
  ...extra,
});
