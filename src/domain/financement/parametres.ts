/**
 * Paramètres datés (modèle d'OpenFisca) : chaque montant ou seuil du catalogue est une liste de valeurs
 * `{debut, valeur, source}` ; la valeur applicable à une date est la dernière dont le début est passé.
 * Les dates d'effet des articles viennent de `dateDebut` dans `../shared/data/droit/` (Code du travail consolidé
 * au 27 mars 2026) ; quand une date n'y figure pas, la source le dit. Les paramètres marqués `incertain` (⚠️ dans
 * regles-cep.md) pourront être surchargés par un administrateur : ce sont des données, jamais des constantes.
 */

import type { DateIso } from "./dates.js";

export interface ValeurDatee {
  /** Premier jour d'application (inclus). */
  debut: DateIso;
  /** `null` : la règle n'existe pas (pas de plafond, pas de condition) à partir de cette date. */
  valeur: number | null;
  source: string;
}

export interface Parametre {
  id: string;
  libelle: string;
  unite: "euros" | "jours" | "mois" | "heures" | "années" | "salariés" | "niveau" | "booléen";
  /** ⚠️ dans regles-cep.md : à vérifier, modifiable par un administrateur. */
  incertain: boolean;
  /** Triées par `debut` croissant. */
  valeurs: ValeurDatee[];
}

const CDT = "Code du travail";
const CPF_CREATION = "2015-01-01";
const AVANT_2026_127 =
  "Pas de plafond propre à cette action avant le décret n° 2026-127 (la date de la règle antérieure n'est pas dans l'extrait du Code du travail)";

export const PARAMETRES = {
  "cpf.participationForfaitaire": {
    id: "cpf.participationForfaitaire",
    libelle: "Participation forfaitaire obligatoire du titulaire du CPF",
    unite: "euros",
    incertain: true,
    valeurs: [
      {
        debut: CPF_CREATION,
        valeur: 0,
        source: `${CDT}, L6323-4 I et L6323-7 : aucune participation fixée avant le décret n° 2024-394`,
      },
      {
        debut: "2024-05-02",
        valeur: 100,
        source: `Décret n° 2024-394 du 29 avril 2024 (pris pour L6323-4 I et L6323-7 ; l'article réglementaire n'est pas dans l'extrait)`,
      },
      {
        debut: "2025-01-01",
        valeur: 102.23,
        source:
          "Revalorisation au 1er janvier sur l'indice des prix, arrêté du 26 décembre 2024 [source secondaire]",
      },
      {
        debut: "2026-01-01",
        valeur: 103.2,
        source:
          "Revalorisation au 1er janvier, arrêté du 30 décembre 2025 [source secondaire] ; ⚠️ un projet de décret la porterait à 150 €",
      },
    ],
  },
  "cpf.plafondBilan": {
    id: "cpf.plafondBilan",
    libelle: "Plafond des droits CPF mobilisables pour un bilan de compétences",
    unite: "euros",
    incertain: false,
    valeurs: [
      { debut: CPF_CREATION, valeur: null, source: AVANT_2026_127 },
      {
        debut: "2026-02-26",
        valeur: 1600,
        source: `${CDT}, D6323-1 A 2° (décret n° 2026-127), en vigueur le 26/02/2026`,
      },
    ],
  },
  "cpf.plafondPermis": {
    id: "cpf.plafondPermis",
    libelle: "Plafond des droits CPF mobilisables pour un permis du groupe léger (permis B)",
    unite: "euros",
    incertain: false,
    valeurs: [
      { debut: CPF_CREATION, valeur: null, source: AVANT_2026_127 },
      {
        debut: "2026-02-26",
        valeur: 900,
        source: `${CDT}, D6323-1 A 3° (décret n° 2026-127), en vigueur le 26/02/2026`,
      },
    ],
  },
  "cpf.plafondRS": {
    id: "cpf.plafondRS",
    libelle:
      "Plafond des droits CPF mobilisables pour une certification du répertoire spécifique (hors CléA)",
    unite: "euros",
    incertain: false,
    valeurs: [
      { debut: CPF_CREATION, valeur: null, source: AVANT_2026_127 },
      {
        debut: "2026-02-26",
        valeur: 1500,
        source: `${CDT}, D6323-1 A 1° (décret n° 2026-127), en vigueur le 26/02/2026`,
      },
    ],
  },
  "cpf.carenceBilanAnnees": {
    id: "cpf.carenceBilanAnnees",
    libelle: "Pas de bilan de compétences par le CPF si un bilan a été financé dans les N années précédentes",
    unite: "années",
    incertain: false,
    valeurs: [
      { debut: CPF_CREATION, valeur: null, source: "Pas de délai de carence avant le décret n° 2026-126" },
      {
        debut: "2026-02-26",
        valeur: 5,
        source: `${CDT}, D6323-6 (décret n° 2026-126), en vigueur le 26/02/2026`,
      },
    ],
  },
  "cpf.permisReserveDemandeurOuTiers": {
    id: "cpf.permisReserveDemandeurOuTiers",
    libelle:
      "Permis du groupe léger : CPF réservé aux demandeurs d'emploi ou aux préparations cofinancées par un tiers (1 = oui)",
    unite: "booléen",
    incertain: false,
    valeurs: [
      {
        debut: CPF_CREATION,
        valeur: 0,
        source:
          "Avant la loi n° 2026-103 : pas de condition de statut (version antérieure de L6323-6 absente de l'extrait : date à vérifier)",
      },
      {
        debut: "2026-02-21",
        valeur: 1,
        source: `${CDT}, L6323-6 II 4° (loi de finances 2026, loi n° 2026-103), en vigueur le 21/02/2026`,
      },
    ],
  },
  "cpf.cofinancementMinimumPermis": {
    id: "cpf.cofinancementMinimumPermis",
    libelle: "Permis du groupe léger : cofinancement minimal d'un tiers",
    unite: "euros",
    incertain: false,
    valeurs: [
      { debut: CPF_CREATION, valeur: null, source: "Pas de minimum avant le décret n° 2026-127" },
      { debut: "2026-02-26", valeur: 100, source: `${CDT}, D6323-8 I, en vigueur le 26/02/2026` },
    ],
  },
  "cpf.niveauBasseQualification": {
    id: "cpf.niveauBasseQualification",
    libelle: "Niveau de qualification en dessous duquel le CPF est majoré (800 € par an, plafond 8 000 €)",
    unite: "niveau",
    incertain: false,
    valeurs: [{ debut: "2019-08-23", valeur: 3, source: `${CDT}, L6323-11-1 et R6323-3-1` }],
  },
  "cpfTempsTravail.delaiCourtJours": {
    id: "cpfTempsTravail.delaiCourtJours",
    libelle: "CPF sur le temps de travail : demande d'absence à l'employeur (formation de moins de 6 mois)",
    unite: "jours",
    incertain: false,
    valeurs: [{ debut: "2019-01-01", valeur: 60, source: `${CDT}, D6323-4 I` }],
  },
  "cpfTempsTravail.delaiLongJours": {
    id: "cpfTempsTravail.delaiLongJours",
    libelle: "CPF sur le temps de travail : demande d'absence à l'employeur (formation de 6 mois ou plus)",
    unite: "jours",
    incertain: false,
    valeurs: [{ debut: "2019-01-01", valeur: 120, source: `${CDT}, D6323-4 I` }],
  },
  "cpfTempsTravail.delaiReponseJours": {
    id: "cpfTempsTravail.delaiReponseJours",
    libelle: "CPF sur le temps de travail : réponse de l'employeur (silence vaut accord)",
    unite: "jours",
    incertain: false,
    valeurs: [{ debut: "2019-01-01", valeur: 30, source: `${CDT}, D6323-4 II` }],
  },
  "ptp.ancienneteSalarieMois": {
    id: "ptp.ancienneteSalarieMois",
    libelle: "PTP : ancienneté minimale en qualité de salarié",
    unite: "mois",
    incertain: false,
    valeurs: [
      {
        debut: "2022-03-31",
        valeur: 24,
        source: `${CDT}, D6323-9 I 1° (version en vigueur depuis le 31/03/2022)`,
      },
    ],
  },
  "ptp.ancienneteEntrepriseMois": {
    id: "ptp.ancienneteEntrepriseMois",
    libelle: "PTP : dont ancienneté minimale dans l'entreprise",
    unite: "mois",
    incertain: false,
    valeurs: [
      {
        debut: "2022-03-31",
        valeur: 12,
        source: `${CDT}, D6323-9 I 1° (version en vigueur depuis le 31/03/2022)`,
      },
    ],
  },
  "ptp.seuilAbsenceLongueMois": {
    id: "ptp.seuilAbsenceLongueMois",
    libelle: "PTP : durée d'interruption continue de travail au-delà de laquelle le délai long s'applique",
    unite: "mois",
    incertain: false,
    valeurs: [{ debut: "2020-01-01", valeur: 6, source: `${CDT}, R6323-10 I` }],
  },
  "ptp.delaiDemandeLongueJours": {
    id: "ptp.delaiDemandeLongueJours",
    libelle: "PTP : demande de congé à l'employeur avant le début (absence continue de 6 mois ou plus)",
    unite: "jours",
    incertain: false,
    valeurs: [{ debut: "2020-01-01", valeur: 120, source: `${CDT}, R6323-10 I 1°` }],
  },
  "ptp.delaiDemandeCourteJours": {
    id: "ptp.delaiDemandeCourteJours",
    libelle: "PTP : demande de congé à l'employeur avant le début (moins de 6 mois ou temps partiel)",
    unite: "jours",
    incertain: false,
    valeurs: [{ debut: "2020-01-01", valeur: 60, source: `${CDT}, R6323-10 I 2°` }],
  },
  "ptp.delaiReponseEmployeurJours": {
    id: "ptp.delaiReponseEmployeurJours",
    libelle: "PTP : réponse de l'employeur à la demande de congé (silence vaut accord)",
    unite: "jours",
    incertain: false,
    valeurs: [{ debut: "2020-01-01", valeur: 30, source: `${CDT}, R6323-10 III` }],
  },
  "vae.delaiDemandeCongeJours": {
    id: "vae.delaiDemandeCongeJours",
    libelle: "Congé VAE : demande d'autorisation d'absence à l'employeur avant le début",
    unite: "jours",
    incertain: false,
    valeurs: [{ debut: "2023-12-29", valeur: 30, source: `${CDT}, R6422-3` }],
  },
  "vae.delaiReponseEmployeurJours": {
    id: "vae.delaiReponseEmployeurJours",
    libelle: "Congé VAE : réponse de l'employeur (jours calendaires)",
    unite: "jours",
    incertain: false,
    valeurs: [{ debut: "2023-12-29", valeur: 15, source: `${CDT}, R6422-4` }],
  },
  "periodeReconversion.ouverte": {
    id: "periodeReconversion.ouverte",
    libelle: "Période de reconversion ouverte (1 = oui ; elle remplace Pro-A et Transco)",
    unite: "booléen",
    incertain: false,
    valeurs: [
      { debut: "2019-01-01", valeur: 0, source: "Avant le 1er janvier 2026 : Pro-A et Transco" },
      {
        debut: "2026-01-01",
        valeur: 1,
        source: `${CDT}, L6324-1 (loi n° 2025-989), en vigueur le 01/01/2026`,
      },
    ],
  },
  "periodeReconversion.dureeMinHeures": {
    id: "periodeReconversion.dureeMinHeures",
    libelle: "Période de reconversion : durée minimale de formation",
    unite: "heures",
    incertain: false,
    valeurs: [{ debut: "2025-10-26", valeur: 150, source: `${CDT}, L6324-4` }],
  },
  "periodeReconversion.dureeMaxHeures": {
    id: "periodeReconversion.dureeMaxHeures",
    libelle: "Période de reconversion : durée maximale de formation (hors accord d'entreprise ou de branche)",
    unite: "heures",
    incertain: false,
    valeurs: [
      {
        debut: "2025-10-26",
        valeur: 450,
        source: `${CDT}, L6324-4 (jusqu'à 2 100 h sur 36 mois par accord)`,
      },
    ],
  },
  "periodeReconversion.dureeMaxMois": {
    id: "periodeReconversion.dureeMaxMois",
    libelle: "Période de reconversion : période de réalisation maximale (hors accord)",
    unite: "mois",
    incertain: false,
    valeurs: [{ debut: "2025-10-26", valeur: 12, source: `${CDT}, L6324-4` }],
  },
  "periodeReconversion.delaiTransmissionOpcoJours": {
    id: "periodeReconversion.delaiTransmissionOpcoJours",
    libelle: "Période de reconversion : l'employeur transmet les documents à l'OPCO avant le début",
    unite: "jours",
    incertain: false,
    valeurs: [{ debut: "2026-02-01", valeur: 30, source: `${CDT}, R6324-1, en vigueur le 01/02/2026` }],
  },
  "periodeReconversion.delaiDecisionOpcoJours": {
    id: "periodeReconversion.delaiDecisionOpcoJours",
    libelle: "Période de reconversion : décision de l'OPCO après réception des documents",
    unite: "jours",
    incertain: false,
    valeurs: [{ debut: "2026-02-01", valeur: 20, source: `${CDT}, R6324-2, en vigueur le 01/02/2026` }],
  },
  "demission.periodeReferenceMois": {
    id: "demission.periodeReferenceMois",
    libelle: "Démission-reconversion : période de référence pour l'activité antérieure",
    unite: "mois",
    incertain: true,
    valeurs: [
      {
        debut: "2019-11-01",
        valeur: 60,
        source:
          "R5422-2-1 et règlement d'assurance chômage (hors extrait) [source secondaire : FAQ France Travail] ; ⚠️ peut-être 72 mois depuis les règles Unédic de 2025",
      },
    ],
  },
  "demission.joursTravailles": {
    id: "demission.joursTravailles",
    libelle: "Démission-reconversion : jours travaillés exigés sur la période de référence",
    unite: "jours",
    incertain: true,
    valeurs: [
      {
        debut: "2019-11-01",
        valeur: 1300,
        source:
          "Règlement d'assurance chômage (hors extrait) [source secondaire : FAQ France Travail] ; ⚠️ à vérifier",
      },
    ],
  },
  "demission.delaiInscriptionMois": {
    id: "demission.delaiInscriptionMois",
    libelle: "Démission-reconversion : délai pour demander l'allocation après l'attestation de la CPIR",
    unite: "mois",
    incertain: false,
    valeurs: [
      { debut: "2019-11-01", valeur: 6, source: "R5422-2-3 (hors extrait ; date d'effet non vérifiée)" },
    ],
  },
  "opco.effectifMaximum": {
    id: "opco.effectifMaximum",
    libelle: "OPCO : finance le plan de développement des compétences des entreprises de moins de N salariés",
    unite: "salariés",
    incertain: false,
    valeurs: [{ debut: "2019-01-01", valeur: 50, source: `${CDT}, L6332-17` }],
  },
} satisfies Record<string, Parametre>;

export type IdParametre = keyof typeof PARAMETRES;
export type JeuParametres = Record<IdParametre, Parametre>;

/** La valeur applicable à `date` (dernière valeur dont le début est passé), `undefined` avant la première. */
export function valeurAu(param: Parametre, date: DateIso): number | null | undefined {
  let retenue: ValeurDatee | undefined;
  for (const v of param.valeurs) if (v.debut <= date) retenue = v;
  return retenue?.valeur;
}

/** La valeur et sa source, pour citer la règle appliquée. */
export function valeurDateeAu(param: Parametre, date: DateIso): ValeurDatee | undefined {
  let retenue: ValeurDatee | undefined;
  for (const v of param.valeurs) if (v.debut <= date) retenue = v;
  return retenue;
}

/**
 * Applique les surcharges d'un administrateur : chacune ajoute (ou remplace, à la même date de début) une valeur
 * datée, sans effacer l'historique.
 */
export function avecSurcharges(
  base: JeuParametres,
  surcharges: { parametreId: string; debut: DateIso; valeur: number | null; source: string }[],
): JeuParametres {
  const resultat = { ...base } as JeuParametres;
  for (const s of surcharges) {
    const p = resultat[s.parametreId as IdParametre];
    if (!p) continue;
    const valeurs = p.valeurs.filter((v) => v.debut !== s.debut);
    valeurs.push({ debut: s.debut, valeur: s.valeur, source: s.source });
    valeurs.sort((a, b) => a.debut.localeCompare(b.debut));
    resultat[s.parametreId as IdParametre] = { ...p, valeurs };
  }
  return resultat;
}
