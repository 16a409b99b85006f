/**
 * Document de synthèse du CEP (cahier des charges : « formalisé selon un modèle commun aux organismes » ; regles-cep.md §1).
 * Un seul modèle pour tous les opérateurs, construit uniquement à partir du dossier (aucune ressaisie) ; les champs sont
 * décrits dans docs/synthese.md. Une section sans contenu n'est pas imprimée.
 */

export const MODALITES_ENTRETIEN = ["presentiel", "telephone", "visio", "ecrit"] as const;
export type ModaliteEntretien = (typeof MODALITES_ENTRETIEN)[number];

export const LIBELLES_MODALITE: Record<ModaliteEntretien, string> = {
  presentiel: "En présentiel",
  telephone: "Par téléphone",
  visio: "En visioconférence",
  ecrit: "Par échange écrit",
};

export const TYPES_CHANGEMENT = [
  "mobilite",
  "reconversion",
  "creation_reprise",
  "developpement_competences",
  "certification",
] as const;
export type TypeChangement = (typeof TYPES_CHANGEMENT)[number];
export const LIBELLES_TYPE_CHANGEMENT: Record<TypeChangement, string> = {
  mobilite: "Mobilité professionnelle",
  reconversion: "Reconversion",
  creation_reprise: "Création ou reprise d'entreprise",
  developpement_competences: "Développement des compétences",
  certification: "Certification",
};

export interface EntretienSynthese {
  date: string;
  modalite: ModaliteEntretien;
  dureeMinutes: number;
  objet?: string;
}

export interface ActionSynthese {
  libelle: string;
  porteur: string;
  echeance?: string;
  statut: string;
  prestataire?: string;
}

export interface EtapeSynthese {
  titre: string;
  objectif?: string;
  actions: ActionSynthese[];
}

export interface LigneFinancementSynthese {
  financeur: string;
  dispositif: string;
  montant: number;
  statut: string;
}

export interface ContenuSynthese {
  niveau: 1 | 2;
  beneficiaire: { prenom: string; nom: string };
  operateur: { nom: string };
  referent: { prenom: string; nom: string } | null;
  /** Dates de début et de fin de la période couverte (ISO). */
  periode: { debut: string; fin: string };
  entretiens: EntretienSynthese[];
  reunionsCollectives: { date: string; theme: string }[];
  /** Services reçus : information, bilan de compétences, accompagnement VAE… */
  prestations: string[];
  /** La demande telle qu'enregistrée à l'ouverture, quand l'état des lieux de niveau 1 n'est pas rempli. */
  demande?: string;
  niveau1?: {
    demande: string;
    besoinClarifie?: string;
    informationsDonnees: string[];
    decision: "poursuivre" | "ne_pas_poursuivre" | "a_decider";
    orientation?: string;
  };
  niveau2?: {
    projet?: {
      metier: { codeRome: string; libelle: string };
      typeChangement: TypeChangement;
      description?: string;
    };
    competencesAcquises: string[];
    competencesAAcquerir: string[];
    strategies: { libelle: string; retenue: boolean; justification?: string }[];
    etapes: EtapeSynthese[];
    parcoursFormation: {
      intitule: string;
      organisme?: string;
      debut?: string;
      fin?: string;
      dureeHeures?: number;
    }[];
    financement?: { coutTotal: number; lignes: LigneFinancementSynthese[]; resteACharge: number };
    calendrier: { date: string; libelle: string }[];
  };
  /** Rédigés par le conseiller dans le brouillon : conclusions de l'accompagnement, recommandations. */
  conclusions?: string;
  /** Rédigées par le conseiller : prochaines étapes, recommandations pour la suite. */
  prochainesEtapes?: string;
}

/**
 * Au niveau 2, ces parties sont attendues (cahier des charges : projet, stratégie, plan d'actions) : absentes du dossier,
 * elles sont imprimées avec la mention « Non renseigné » plutôt qu'omises. Au niveau 1, elles ne sont pas attendues.
 */
export const NON_RENSEIGNE = "Non renseigné dans le dossier à la date du document.";

/** Total des financements accordés ou demandés (hors refusés). */
export function totalFinance(f: NonNullable<NonNullable<ContenuSynthese["niveau2"]>["financement"]>): number {
  return f.lignes.filter((l) => l.statut.toLowerCase() !== "refusé").reduce((s, l) => s + l.montant, 0);
}

export const LIBELLES_DECISION = {
  poursuivre: "La personne souhaite poursuivre vers un accompagnement personnalisé.",
  ne_pas_poursuivre: "La personne ne souhaite pas poursuivre l'accompagnement pour le moment.",
  a_decider: "La personne prendra sa décision ultérieurement.",
} as const;

/** Durée totale des entretiens, en minutes. */
export const dureeTotale = (c: ContenuSynthese) => c.entretiens.reduce((s, e) => s + e.dureeMinutes, 0);
