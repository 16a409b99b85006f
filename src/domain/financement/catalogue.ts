/**
 * Catalogue des dispositifs de financement (glossaire : Dispositif, Financeur). Chaque entrée dit qui peut en
 * bénéficier, ce qu'il finance, ses plafonds (paramètres datés), les démarches et la source juridique.
 * Les règles de calcul vivent dans simulation.ts ; ce catalogue en est la description lisible (docs/financement.md).
 */

import type { IdParametre } from "./parametres.js";

export const TYPES_ACTION = ["formation", "bilan_competences", "vae", "permis_b"] as const;
export type TypeAction = (typeof TYPES_ACTION)[number];

export const LIBELLES_TYPE_ACTION: Record<TypeAction, string> = {
  formation: "Formation",
  bilan_competences: "Bilan de compétences",
  vae: "Validation des acquis de l'expérience (VAE)",
  permis_b: "Permis de conduire B",
};

export const STATUTS = ["salarie", "demandeur_emploi", "independant", "agent_public"] as const;
export type Statut = (typeof STATUTS)[number];
export const LIBELLES_STATUT: Record<Statut, string> = {
  salarie: "Salarié ou salariée du secteur privé",
  demandeur_emploi: "Demandeur ou demandeuse d'emploi",
  independant: "Travailleur ou travailleuse indépendante",
  agent_public: "Agent public",
};

export const TYPES_CONTRAT = ["cdi", "cdd", "interim", "alternance"] as const;
export type TypeContrat = (typeof TYPES_CONTRAT)[number];
export const LIBELLES_TYPE_CONTRAT: Record<TypeContrat, string> = {
  cdi: "CDI",
  cdd: "CDD",
  interim: "Intérim",
  alternance: "Apprentissage ou contrat de professionnalisation",
};

export const REPERTOIRES = ["rncp", "rs", "clea"] as const;
export type Repertoire = (typeof REPERTOIRES)[number];

export const DISPOSITIFS = [
  "cofinancement_tiers",
  "cpf",
  "ptp",
  "periode_reconversion",
  "demission_reconversion",
  "conge_vae",
  "france_vae",
  "opco_plan",
  "aif",
  "region",
  "agefiph",
  "fonds_personnels",
] as const;
export type IdDispositif = (typeof DISPOSITIFS)[number];

export interface Dispositif {
  id: IdDispositif;
  libelle: string;
  financeur: string;
  actions: readonly TypeAction[];
  publics: string;
  finance: string;
  plafonds: IdParametre[];
  demarches: string[];
  source: string;
  /** ⚠️ règles non législatives ou incertaines (regles-cep.md) */
  incertain?: boolean;
}

const TOUTES = TYPES_ACTION;

export const CATALOGUE: Record<IdDispositif, Dispositif> = {
  cofinancement_tiers: {
    id: "cofinancement_tiers",
    libelle: "Cofinancement (abondement) d'un tiers",
    financeur: "Employeur, OPCO, Région, France Travail ou autre tiers",
    actions: TOUTES,
    publics: "Toute personne dont le projet est cofinancé par un tiers qui s'y est engagé.",
    finance: "Le montant engagé par le tiers ; il exonère de la participation forfaitaire du CPF.",
    plafonds: [],
    demarches: ["Obtenir l'engagement écrit du tiers avant l'inscription."],
    source: "Code du travail, L6323-4 II et L6323-7",
  },
  cpf: {
    id: "cpf",
    libelle: "Compte personnel de formation (CPF)",
    financeur: "Caisse des dépôts (Mon Compte Formation)",
    actions: TOUTES,
    publics: "Toute personne active titulaire d'un compte ; formation éligible au CPF.",
    finance:
      "Frais pédagogiques dans la limite des droits et des plafonds par action ; le titulaire paie la participation forfaitaire sauf exonération.",
    plafonds: ["cpf.plafondBilan", "cpf.plafondPermis", "cpf.plafondRS", "cpf.participationForfaitaire"],
    demarches: [
      "Vérifier son solde et l'éligibilité de l'action sur moncompteformation.gouv.fr.",
      "S'inscrire à la session sur Mon Compte Formation et régler la participation forfaitaire éventuelle.",
    ],
    source: "Code du travail, L6323-4, L6323-6, L6323-7, D6323-1 A, D6323-6, D6323-8",
  },
  ptp: {
    id: "ptp",
    libelle: "Projet de transition professionnelle (PTP)",
    financeur: "Transitions Pro (commission paritaire interprofessionnelle régionale)",
    actions: ["formation"],
    publics:
      "Salariés justifiant de 24 mois d'ancienneté comme salarié dont 12 dans l'entreprise (sauf bénéficiaires de l'obligation d'emploi) ; formation certifiante.",
    finance: "Frais pédagogiques, frais annexes, rémunération et charges ; le CPF est mobilisé en premier.",
    plafonds: ["ptp.ancienneteSalarieMois", "ptp.ancienneteEntrepriseMois"],
    demarches: [
      "Faire réaliser le positionnement préalable (gratuit) et obtenir un devis de l'organisme de formation.",
      "Demander le congé de transition professionnelle à l'employeur par écrit dans les délais.",
      "Déposer le dossier auprès de Transitions Pro de la région de résidence ou de travail.",
    ],
    source: "Code du travail, L6323-17-1, L6323-17-2, D6323-9, R6323-10, R6323-14-4",
  },
  periode_reconversion: {
    id: "periode_reconversion",
    libelle: "Période de reconversion",
    financeur: "OPCO de l'entreprise",
    actions: ["formation"],
    publics:
      "Tout salarié, depuis le 1er janvier 2026 (remplace Pro-A et Transco), avec l'accord de l'employeur.",
    finance:
      "Frais pédagogiques selon les niveaux de prise en charge de l'OPCO (frais annexes et rémunération si accord).",
    plafonds: ["periodeReconversion.dureeMinHeures", "periodeReconversion.dureeMaxHeures"],
    demarches: [
      "Conclure l'accord écrit avec l'employeur (durée, modalités).",
      "L'employeur transmet les documents à l'OPCO au plus tard 30 jours avant le début.",
    ],
    source: "Code du travail, L6324-1 à L6324-11, R6324-1, R6324-2",
  },
  demission_reconversion: {
    id: "demission_reconversion",
    libelle: "Démission pour reconversion",
    financeur: "France Travail (allocation chômage)",
    actions: ["formation"],
    publics:
      "Salariés en CDI de droit privé justifiant d'une activité continue (1 300 jours sur 60 mois ⚠️) et ayant demandé un CEP avant de démissionner.",
    finance: "Ouvre droit à l'allocation chômage ; ne finance pas la formation elle-même.",
    plafonds: ["demission.joursTravailles", "demission.periodeReferenceMois"],
    demarches: [
      "Demander un CEP avant de démissionner (tout opérateur sauf France Travail et Missions locales).",
      "Faire attester le caractère réel et sérieux du projet par Transitions Pro.",
      "Démissionner puis demander l'allocation dans les 6 mois suivant l'attestation.",
    ],
    source: "Code du travail, L5422-1 II, R5422-2-1, R5422-2-3 ; France Travail [source secondaire]",
    incertain: true,
  },
  conge_vae: {
    id: "conge_vae",
    libelle: "Congé pour validation des acquis de l'expérience",
    financeur: "Employeur (rémunération maintenue)",
    actions: ["vae"],
    publics: "Salariés qui suivent des actions de VAE sur leur temps de travail.",
    finance: "Absence rémunérée de 48 heures par validation.",
    plafonds: ["vae.delaiDemandeCongeJours", "vae.delaiReponseEmployeurJours"],
    demarches: ["Demander l'autorisation d'absence à l'employeur au moins 30 jours avant."],
    source: "Code du travail, R6422-3, R6422-4, R6422-6, D6422-8",
  },
  france_vae: {
    id: "france_vae",
    libelle: "Accompagnement France VAE",
    financeur: "France VAE, CPF, Transitions Pro ou Agefiph",
    actions: ["vae"],
    publics: "Toute personne justifiant d'une activité en rapport direct avec la certification visée.",
    finance: "Accompagnement et frais de jury, selon le financeur mobilisé.",
    plafonds: [],
    demarches: ["Créer son dossier sur vae.gouv.fr (France VAE).", "Choisir un accompagnateur."],
    source: "Code du travail, L6411-1, L6411-2, R6412-1 à R6412-3, D6323-7",
  },
  opco_plan: {
    id: "opco_plan",
    libelle: "Plan de développement des compétences de l'employeur",
    financeur: "Employeur ; OPCO pour les entreprises de moins de 50 salariés",
    actions: ["formation", "bilan_competences", "vae"],
    publics: "Salariés, à l'initiative ou avec l'accord de l'employeur.",
    finance: "Coûts pédagogiques, rémunération et frais annexes, selon la décision de l'employeur.",
    plafonds: ["opco.effectifMaximum"],
    demarches: ["En parler à son employeur (entretien professionnel) et demander une prise en charge."],
    source: "Code du travail, L6321-1, L6332-17",
  },
  aif: {
    id: "aif",
    libelle: "Aide individuelle à la formation (AIF)",
    financeur: "France Travail",
    actions: ["formation"],
    publics: "Demandeurs d'emploi inscrits, projet validé par le conseiller France Travail.",
    finance:
      "Frais pédagogiques, seulement si aucun autre financement ne couvre le coût ; règles régionales.",
    plafonds: [],
    demarches: ["Faire valider le projet par son conseiller France Travail avant l'entrée en formation."],
    source: "France Travail, règles internes [source secondaire] ⚠️",
    incertain: true,
  },
  region: {
    id: "region",
    libelle: "Aides et formations de la Région",
    financeur: "Conseil régional",
    actions: ["formation"],
    publics:
      "Principalement les demandeurs d'emploi (formations gratuites jusqu'au niveau 4, aides individuelles).",
    finance: "Formations achetées par la Région, aides individuelles selon le règlement régional.",
    plafonds: [],
    demarches: ["Consulter l'offre de formation de la Région et en parler avec son conseiller."],
    source: "Code du travail, L6121-1 2°, L6121-2",
  },
  agefiph: {
    id: "agefiph",
    libelle: "Aide à la formation de l'Agefiph",
    financeur: "Agefiph",
    actions: ["formation", "bilan_competences", "vae"],
    publics:
      "Bénéficiaires de l'obligation d'emploi (RQTH…), sur prescription de France Travail, Cap emploi ou Mission locale.",
    finance: "Montant au cas par cas ; abondement du CPF possible.",
    plafonds: [],
    demarches: ["Demander la prescription à son conseiller France Travail, Cap emploi ou Mission locale."],
    source: "Code du travail, L5214-1, L6323-4 II 9° ; Agefiph [source secondaire]",
  },
  fonds_personnels: {
    id: "fonds_personnels",
    libelle: "Fonds personnels",
    financeur: "La personne",
    actions: TOUTES,
    publics: "Toute personne.",
    finance: "Ce qui reste à payer, participation forfaitaire du CPF comprise.",
    plafonds: [],
    demarches: ["Demander un échéancier de paiement à l'organisme si besoin."],
    source: "—",
  },
};
