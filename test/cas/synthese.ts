import type { ContenuSynthese } from "../../src/domain/synthese.js";

/**
 * Synthèse de niveau 2 complète d'une personne fictive (10 entretiens, 12 actions, 4 financeurs), utilisée par les tests
 * de rendu et par le banc bench/synthese.
 */
const modalites = ["presentiel", "telephone", "visio", "ecrit"] as const;

export const SYNTHESE_NIVEAU_2: ContenuSynthese = {
  niveau: 2,
  beneficiaire: { prenom: "Nadia", nom: "Bernard" },
  operateur: { nom: "Avenir Actifs Auvergne-Rhône-Alpes (démo)" },
  referent: { prenom: "Claire", nom: "Vasseur" },
  periode: { debut: "2026-01-12", fin: "2026-06-30" },
  entretiens: Array.from({ length: 10 }, (_, i) => ({
    date: `2026-0${1 + Math.floor(i / 2)}-${String(12 + (i % 2) * 7).padStart(2, "0")}`,
    modalite: modalites[i % 4]!,
    dureeMinutes: 45 + (i % 3) * 15,
    objet: [
      "Expression de la demande",
      "Bilan du parcours",
      "Compétences transférables",
      "Pistes métiers",
      "Enquête métier",
      "Faisabilité du projet",
      "Stratégie de formation",
      "Plan d'actions",
      "Ingénierie financière",
      "Point d'étape",
    ][i],
  })),
  reunionsCollectives: [
    { date: "2026-01-20", theme: "Financer sa reconversion : CPF, PTP, démission-reconversion" },
  ],
  prestations: [
    "Information sur les métiers et les formations du territoire",
    "Réunion collective d'information",
    "Accompagnement au montage du projet de transition professionnelle",
  ],
  niveau1: {
    demande: "Je suis caissière depuis 12 ans et je voudrais un métier où je m'occupe des personnes.",
    besoinClarifie: "Reconversion vers le soin, en gardant un salaire pendant la formation.",
    informationsDonnees: [
      "Métiers du soin et de l'accompagnement en Auvergne-Rhône-Alpes",
      "Projet de transition professionnelle",
      "Compte personnel de formation",
    ],
    decision: "poursuivre",
    orientation: "Accompagnement personnalisé par l'opérateur régional.",
  },
  niveau2: {
    projet: {
      metier: { codeRome: "J1501", libelle: "Aide-soignant / Aide-soignante" },
      typeChangement: "reconversion",
      description:
        "Devenir aide-soignante en établissement pour personnes âgées, dans l'agglomération lyonnaise.",
    },
    competencesAcquises: [
      "Accueillir une clientèle",
      "Encaisser le montant d'une vente",
      "Gérer une situation de conflit",
      "Travail en équipe",
    ],
    competencesAAcquerir: [
      "Réaliser des soins d'hygiène et de confort",
      "Surveiller l'état de santé de la personne",
      "Appliquer les règles d'hygiène et d'asepsie",
    ],
    strategies: [
      {
        libelle:
          "Formation au diplôme d'État d'aide-soignant (DEAS) par un projet de transition professionnelle",
        retenue: true,
        justification: "Le diplôme est obligatoire et le salaire est maintenu pendant la formation.",
      },
      { libelle: "VAE du DEAS", retenue: false, justification: "Expérience du soin insuffisante à ce jour." },
    ],
    etapes: [
      {
        titre: "Confirmer le projet",
        objectif: "Vérifier l'intérêt pour le métier sur le terrain",
        actions: [
          {
            libelle: "Immersion de 5 jours en EHPAD",
            porteur: "Bénéficiaire",
            echeance: "2026-02-27",
            statut: "Fait",
            prestataire: "EHPAD Les Tilleuls (fictif)",
          },
          {
            libelle: "Enquête métier auprès de deux aides-soignantes",
            porteur: "Bénéficiaire",
            echeance: "2026-02-15",
            statut: "Fait",
          },
          {
            libelle: "Réunion d'information de l'institut de formation",
            porteur: "Bénéficiaire",
            echeance: "2026-03-10",
            statut: "Fait",
          },
        ],
      },
      {
        titre: "Préparer l'entrée en formation",
        objectif: "Être admise à l'institut de formation d'aides-soignants",
        actions: [
          {
            libelle: "Dossier de candidature à l'IFAS",
            porteur: "Bénéficiaire",
            echeance: "2026-03-31",
            statut: "Fait",
          },
          {
            libelle: "Entretien de sélection",
            porteur: "Tiers",
            echeance: "2026-04-15",
            statut: "En cours",
            prestataire: "IFAS de Lyon (fictif)",
          },
          {
            libelle: "Positionnement préalable et devis",
            porteur: "Tiers",
            echeance: "2026-04-20",
            statut: "À faire",
            prestataire: "IFAS de Lyon (fictif)",
          },
        ],
      },
      {
        titre: "Financer la formation",
        objectif: "Couvrir le coût pédagogique et maintenir le salaire",
        actions: [
          {
            libelle: "Demande de congé de transition professionnelle à l'employeur",
            porteur: "Bénéficiaire",
            echeance: "2026-05-04",
            statut: "À faire",
          },
          {
            libelle: "Dépôt du dossier à Transitions Pro",
            porteur: "Conseiller",
            echeance: "2026-05-15",
            statut: "À faire",
          },
          {
            libelle: "Mobilisation du CPF",
            porteur: "Bénéficiaire",
            echeance: "2026-05-15",
            statut: "À faire",
          },
          {
            libelle: "Demande d'aide individuelle à la Région",
            porteur: "Conseiller",
            echeance: "2026-05-20",
            statut: "À faire",
          },
        ],
      },
      {
        titre: "Suivre la formation",
        actions: [
          {
            libelle: "Entrée en formation",
            porteur: "Bénéficiaire",
            echeance: "2026-09-01",
            statut: "À faire",
          },
          {
            libelle: "Point de suivi à mi-parcours",
            porteur: "Conseiller",
            echeance: "2027-01-15",
            statut: "À faire",
          },
        ],
      },
    ],
    parcoursFormation: [
      {
        intitule: "Diplôme d'État d'aide-soignant",
        organisme: "IFAS de Lyon (fictif)",
        debut: "2026-09-01",
        fin: "2027-06-30",
        dureeHeures: 1540,
      },
    ],
    financement: {
      coutTotal: 7200,
      lignes: [
        {
          financeur: "Transitions Pro Auvergne-Rhône-Alpes",
          dispositif: "Projet de transition professionnelle",
          montant: 4100,
          statut: "déposé",
        },
        {
          financeur: "Caisse des dépôts",
          dispositif: "Compte personnel de formation",
          montant: 2300,
          statut: "accordé",
        },
        {
          financeur: "Région Auvergne-Rhône-Alpes",
          dispositif: "Aide individuelle à la formation",
          montant: 500,
          statut: "à déposer",
        },
        { financeur: "Employeur", dispositif: "Abondement du CPF", montant: 300, statut: "refusé" },
      ],
      resteACharge: 403.2,
    },
    calendrier: [
      {
        date: "2026-05-04",
        libelle: "Date limite de la demande de congé à l'employeur (120 jours avant la formation)",
      },
      { date: "2026-06-03", libelle: "Réponse de l'employeur (30 jours ; le silence vaut accord)" },
      { date: "2026-09-01", libelle: "Début de la formation" },
      { date: "2027-06-30", libelle: "Fin de la formation et diplôme" },
    ],
  },
};
