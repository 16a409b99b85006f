/**
 * Plan de financement des actions payantes : total couvert par les financeurs, participation forfaitaire du CPF,
 * reste à charge, et, quand l'action n'est pas entièrement financée, les dispositifs du catalogue pas encore explorés
 * pour lesquels la situation de la personne est éligible (la simulation publique, réutilisée telle quelle).
 *
 * Choix (docs/plan.md) :
 * - les lignes refusées ne comptent pas ; les « fonds personnels » sont ce que la personne paie : ils ne réduisent
 *   pas le reste à charge ;
 * - la participation forfaitaire (L6323-4 I, L6323-7) est due quand une ligne CPF est mobilisée, au montant en vigueur
 *   à la date du calcul (celle de l'inscription, comme la simulation), sauf : demandeur d'emploi, CPF mobilisé dans un
 *   projet de transition professionnelle (R6323-14-4), ou action cofinancée par un tiers (L6323-7) ;
 * - le CPF paie au plus le coût moins la participation : le reste à charge n'est jamais inférieur à la participation.
 */

import type { JoursFeries } from "../financement/calendrier.js";
import { CATALOGUE, type IdDispositif } from "../financement/catalogue.js";
import type { DateIso } from "../financement/dates.js";
import { type JeuParametres, valeurAu } from "../financement/parametres.js";
import { euros, type Situation, simuler } from "../financement/simulation.js";
import {
  type ActionPlan,
  type ContenuPlan,
  estPayante,
  lignesActives,
  type SituationFinancement,
  toutesLesActions,
  typeSimulation,
} from "./plan.js";

const arrondi = (n: number) => Math.round(n * 100) / 100;

/** Financeurs tiers dont le cofinancement exonère de la participation forfaitaire (L6323-7, L6323-4 II). */
const TIERS_COFINANCEURS: readonly IdDispositif[] = [
  "cofinancement_tiers",
  "opco_plan",
  "periode_reconversion",
  "aif",
  "region",
  "agefiph",
];

/** Dispositifs qu'on ne propose pas « à explorer » : ils ne financent pas le coût de l'action. */
const NON_PROPOSES: readonly IdDispositif[] = [
  "fonds_personnels",
  "cofinancement_tiers",
  "demission_reconversion",
  "conge_vae",
];

export interface DispositifAExplorer {
  dispositif: IdDispositif;
  libelle: string;
  financeur: string;
  motifs: string[];
}

export interface BilanAction {
  actionId: string;
  intitule: string;
  cout: number;
  /** Lignes non refusées, hors fonds personnels. */
  couvert: number;
  /** Dont accordé. */
  accorde: number;
  /** Demandé, pas encore accordé. */
  enAttente: number;
  participationForfaitaire: number;
  /** Pourquoi la participation est due ou non. */
  participationMotif: string | null;
  resteACharge: number;
  entierementFinance: boolean;
  aExplorer: DispositifAExplorer[];
  alertes: string[];
}

export interface BilanFinancement {
  date: DateIso;
  actions: BilanAction[];
  total: {
    cout: number;
    couvert: number;
    accorde: number;
    participationForfaitaire: number;
    resteACharge: number;
  };
}

/** La situation de la simulation, si le statut est connu. */
export function situationSimulation(s: SituationFinancement): Situation | null {
  if (!s.statut) return null;
  const r: Situation = { statut: s.statut };
  if (s.typeContrat) r.typeContrat = s.typeContrat;
  if (s.niveauQualification !== null) r.niveauQualification = s.niveauQualification;
  if (s.ancienneteSalarieMois !== null) r.ancienneteSalarieMois = s.ancienneteSalarieMois;
  if (s.ancienneteEntrepriseMois !== null) r.ancienneteEntrepriseMois = s.ancienneteEntrepriseMois;
  if (s.effectifEntreprise !== null) r.effectifEntreprise = s.effectifEntreprise;
  if (s.soldeCPF !== null) r.soldeCPF = s.soldeCPF;
  if (s.departement) r.departement = s.departement;
  return r;
}

function participation(
  a: ActionPlan,
  s: SituationFinancement,
  parametres: JeuParametres,
  date: DateIso,
): { montant: number; motif: string | null } {
  const actives = lignesActives(a).filter((l) => l.montant > 0);
  if (!actives.some((l) => l.dispositif === "cpf")) return { montant: 0, motif: null };
  if (s.statut === "demandeur_emploi")
    return { montant: 0, motif: "Pas de participation forfaitaire : demandeur d'emploi (L6323-7)." };
  if (actives.some((l) => l.dispositif === "ptp"))
    return {
      montant: 0,
      motif:
        "Pas de participation forfaitaire : le CPF est mobilisé dans le projet de transition professionnelle (R6323-14-4).",
    };
  const tiers = actives.find((l) => TIERS_COFINANCEURS.includes(l.dispositif));
  if (tiers)
    return {
      montant: 0,
      motif: `Pas de participation forfaitaire : action cofinancée par un tiers (${CATALOGUE[tiers.dispositif].libelle}, L6323-7).`,
    };
  const forfait = valeurAu(parametres["cpf.participationForfaitaire"], date) ?? 0;
  const montant = arrondi(Math.min(forfait, a.cout ?? 0));
  return {
    montant,
    motif:
      montant > 0
        ? `Participation forfaitaire du CPF : ${euros(montant)} en vigueur au ${date} (L6323-4 I, L6323-7).`
        : "Pas de participation forfaitaire à cette date (L6323-7).",
  };
}

export function bilanAction(
  a: ActionPlan,
  s: SituationFinancement,
  parametres: JeuParametres,
  feries: JoursFeries,
  date: DateIso,
): BilanAction {
  const cout = a.cout ?? 0;
  const actives = lignesActives(a).filter((l) => l.dispositif !== "fonds_personnels");
  const couvert = arrondi(actives.reduce((t, l) => t + l.montant, 0));
  const accorde = arrondi(actives.filter((l) => l.statut === "accorde").reduce((t, l) => t + l.montant, 0));
  const p = participation(a, s, parametres, date);
  const reste = arrondi(Math.max(cout - couvert, p.montant, 0));
  const alertes: string[] = [];
  let aExplorer: DispositifAExplorer[] = [];
  if (reste > 0) {
    alertes.push(
      `Plan de financement incomplet pour « ${a.intitule} » : reste à charge de ${euros(reste)}${
        p.montant > 0 ? `, dont ${euros(p.montant)} de participation forfaitaire` : ""
      }.`,
    );
    const situation = situationSimulation(s);
    const type = typeSimulation(a.type);
    if (!situation)
      alertes.push(
        "Renseignez la situation de la personne (au moins son statut) pour repérer les dispositifs à explorer.",
      );
    else if (type && a.dateDebut) {
      const explores = new Set(a.lignes.map((l) => l.dispositif));
      const r = simuler(
        {
          date,
          situation,
          action: {
            type,
            cout,
            dateDebut: a.dateDebut,
            ...(a.dureeHeures !== null ? { dureeHeures: a.dureeHeures } : {}),
            ...(a.dureeMois !== null ? { dureeMois: a.dureeMois } : {}),
            surTempsDeTravail: a.surTempsDeTravail,
            tempsPartiel: a.tempsPartiel,
            certifiante: a.certifiante,
            eligibleCPF: a.eligibleCPF,
          },
        },
        parametres,
        feries,
      );
      aExplorer = r.financements
        .filter((f) => f.eligible && !explores.has(f.dispositif) && !NON_PROPOSES.includes(f.dispositif))
        .map((f) => ({
          dispositif: f.dispositif,
          libelle: f.libelle,
          financeur: f.financeur,
          motifs: f.motifs,
        }));
      if (aExplorer.length)
        alertes.push(
          `Dispositifs pas encore explorés pour lesquels la situation est éligible : ${aExplorer.map((x) => x.libelle).join(", ")}.`,
        );
      else
        alertes.push("Aucun autre dispositif du catalogue n'est ouvert à cette situation pour cette action.");
    }
  }
  const enAttente = arrondi(couvert - accorde);
  if (enAttente > 0)
    alertes.push(`${euros(enAttente)} demandés pour « ${a.intitule} » n'ont pas encore été accordés.`);
  return {
    actionId: a.id,
    intitule: a.intitule,
    cout,
    couvert,
    accorde,
    enAttente,
    participationForfaitaire: p.montant,
    participationMotif: p.motif,
    resteACharge: reste,
    entierementFinance: reste === 0,
    aExplorer,
    alertes,
  };
}

/** Le bilan de toutes les actions payantes non abandonnées, et le total du plan. */
export function bilanFinancement(
  c: ContenuPlan,
  parametres: JeuParametres,
  feries: JoursFeries,
  date: DateIso,
): BilanFinancement {
  const actions = toutesLesActions(c)
    .filter((a) => estPayante(a) && a.statut !== "abandonne")
    .map((a) => bilanAction(a, c.situation, parametres, feries, date));
  const somme = (f: (b: BilanAction) => number) => arrondi(actions.reduce((t, b) => t + f(b), 0));
  return {
    date,
    actions,
    total: {
      cout: somme((b) => b.cout),
      couvert: somme((b) => b.couvert),
      accorde: somme((b) => b.accorde),
      participationForfaitaire: somme((b) => b.participationForfaitaire),
      resteACharge: somme((b) => b.resteACharge),
    },
  };
}
