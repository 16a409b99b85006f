import type { StatutOrientation, TypeOperateurOrientation } from "../../src/domain/orientation.js";

/**
 * Table des situations d'orientation (regles-cep.md §2) : une ligne par règle et les combinaisons délicates.
 * Sert au test du domaine et au test HTTP de POST /api/v1/orientation.
 */
export interface CasOrientation {
  nom: string;
  article: string;
  entree: {
    statut: StatutOrientation;
    cadre: boolean;
    age: number;
    handicapReconnu: boolean;
    codePostal: string;
    rechercheEmploi: boolean;
    projetDemission: boolean;
    exerceActivite?: boolean;
  };
  region: { code: string; nom: string };
  eligible: boolean;
  /** Types d'opérateurs attendus, dans l'ordre (le plus adapté d'abord). */
  operateurs: TypeOperateurOrientation[];
  /** Fragment attendu dans les motifs. */
  motif?: RegExp;
}

const LYON = { code: "84", nom: "Auvergne-Rhône-Alpes" };
const PARIS = { code: "11", nom: "Île-de-France" };
const RENNES = { code: "53", nom: "Bretagne" };
const REUNION = { code: "04", nom: "La Réunion" };

const base = {
  cadre: false,
  age: 40,
  handicapReconnu: false,
  codePostal: "69003",
  rechercheEmploi: false,
  projetDemission: false,
};

export const CAS_ORIENTATION: CasOrientation[] = [
  {
    nom: "salarié du privé",
    article: "L6123-5 4°, R6123-27",
    entree: { ...base, statut: "salarie_prive" },
    region: LYON,
    eligible: true,
    operateurs: ["operateur_regional"],
  },
  {
    nom: "salarié du privé en Bretagne",
    article: "L6123-5 4°",
    entree: { ...base, statut: "salarie_prive", codePostal: "35000" },
    region: RENNES,
    eligible: true,
    operateurs: ["operateur_regional"],
  },
  {
    nom: "salarié du privé à La Réunion",
    article: "L6123-5 4°",
    entree: { ...base, statut: "salarie_prive", codePostal: "97400" },
    region: REUNION,
    eligible: true,
    operateurs: ["operateur_regional"],
  },
  {
    nom: "indépendant",
    article: "L6123-5 4°",
    entree: { ...base, statut: "independant", codePostal: "75011" },
    region: PARIS,
    eligible: true,
    operateurs: ["operateur_regional"],
  },
  {
    nom: "apprenti de 19 ans",
    article: "L6123-5 4°, L5314-2",
    entree: { ...base, statut: "apprenti", age: 19 },
    region: LYON,
    eligible: true,
    operateurs: ["mission_locale", "operateur_regional"],
  },
  {
    nom: "cadre salarié du privé",
    article: "L6111-6 (Apec)",
    entree: { ...base, statut: "salarie_prive", cadre: true },
    region: LYON,
    eligible: true,
    operateurs: ["apec", "operateur_regional"],
  },
  {
    nom: "demandeur d'emploi",
    article: "L6111-6, L5312-1",
    entree: { ...base, statut: "demandeur_emploi", rechercheEmploi: true },
    region: LYON,
    eligible: true,
    operateurs: ["france_travail"],
  },
  {
    nom: "demandeur d'emploi cadre",
    article: "L6111-6, L5312-1",
    entree: { ...base, statut: "demandeur_emploi", cadre: true, rechercheEmploi: true },
    region: LYON,
    eligible: true,
    operateurs: ["apec", "france_travail"],
  },
  {
    nom: "demandeur d'emploi de 22 ans",
    article: "L5314-2",
    entree: { ...base, statut: "demandeur_emploi", age: 22, rechercheEmploi: true },
    region: LYON,
    eligible: true,
    operateurs: ["mission_locale", "france_travail"],
  },
  {
    nom: "demandeur d'emploi de 24 ans handicapé",
    article: "L5214-3-1, L5314-2, L5312-1",
    entree: { ...base, statut: "demandeur_emploi", age: 24, handicapReconnu: true, rechercheEmploi: true },
    region: LYON,
    eligible: true,
    operateurs: ["cap_emploi", "mission_locale", "france_travail"],
  },
  {
    nom: "jeune de 25 ans révolus (inclus)",
    article: "L5314-2",
    entree: { ...base, statut: "demandeur_emploi", age: 25, rechercheEmploi: true },
    region: LYON,
    eligible: true,
    operateurs: ["mission_locale", "france_travail"],
  },
  {
    nom: "26 ans : plus de Mission locale",
    article: "L5314-2",
    entree: { ...base, statut: "demandeur_emploi", age: 26, rechercheEmploi: true },
    region: LYON,
    eligible: true,
    operateurs: ["france_travail"],
  },
  {
    nom: "16 ans : Mission locale",
    article: "L5314-2",
    entree: { ...base, statut: "apprenti", age: 16 },
    region: LYON,
    eligible: true,
    operateurs: ["mission_locale", "operateur_regional"],
  },
  {
    nom: "15 ans : pas encore actif",
    article: "L6111-6",
    entree: { ...base, statut: "sans_activite", age: 15, rechercheEmploi: true },
    region: LYON,
    eligible: false,
    operateurs: [],
    motif: /16 ans/,
  },
  {
    nom: "salarié du privé handicapé",
    article: "L5214-3-1",
    entree: { ...base, statut: "salarie_prive", handicapReconnu: true },
    region: LYON,
    eligible: true,
    operateurs: ["cap_emploi", "operateur_regional"],
  },
  {
    nom: "agent public",
    article: "L6123-5 4° (hors agents publics)",
    entree: { ...base, statut: "salarie_public" },
    region: LYON,
    eligible: true,
    operateurs: ["employeur_public"],
  },
  {
    nom: "agent public cadre : pas d'Apec",
    article: "L6123-5 4°",
    entree: { ...base, statut: "salarie_public", cadre: true },
    region: LYON,
    eligible: true,
    operateurs: ["employeur_public"],
  },
  {
    nom: "agent public handicapé",
    article: "L5214-3-1",
    entree: { ...base, statut: "salarie_public", handicapReconnu: true },
    region: LYON,
    eligible: true,
    operateurs: ["cap_emploi", "employeur_public"],
  },
  {
    nom: "salarié qui prépare sa démission",
    article: "L5422-1-1",
    entree: { ...base, statut: "salarie_prive", projetDemission: true },
    region: LYON,
    eligible: true,
    operateurs: ["operateur_regional"],
    motif: /avant de démissionner/,
  },
  {
    nom: "cadre qui prépare sa démission",
    article: "L5422-1-1",
    entree: { ...base, statut: "salarie_prive", cadre: true, projetDemission: true },
    region: LYON,
    eligible: true,
    operateurs: ["apec", "operateur_regional"],
    motif: /ni France Travail ni les Missions locales/,
  },
  {
    nom: "salarié de 23 ans qui prépare sa démission : pas de Mission locale",
    article: "L5422-1-1",
    entree: { ...base, statut: "salarie_prive", age: 23, projetDemission: true },
    region: LYON,
    eligible: true,
    operateurs: ["operateur_regional"],
  },
  {
    nom: "salarié handicapé qui prépare sa démission",
    article: "L5422-1-1, L5214-3-1",
    entree: { ...base, statut: "salarie_prive", handicapReconnu: true, projetDemission: true },
    region: LYON,
    eligible: true,
    operateurs: ["cap_emploi", "operateur_regional"],
  },
  {
    nom: "étudiant sans emploi ni recherche",
    article: "L6111-6",
    entree: { ...base, statut: "etudiant", age: 20 },
    region: LYON,
    eligible: false,
    operateurs: [],
    motif: /travaille ou cherche un emploi/,
  },
  {
    nom: "étudiant qui cherche un emploi",
    article: "L6111-6, L5312-1",
    entree: { ...base, statut: "etudiant", age: 23, rechercheEmploi: true },
    region: LYON,
    eligible: true,
    operateurs: ["mission_locale", "france_travail"],
  },
  {
    nom: "étudiant qui travaille",
    article: "L6111-6",
    entree: { ...base, statut: "etudiant", age: 27, exerceActivite: true },
    region: LYON,
    eligible: true,
    operateurs: ["operateur_regional"],
  },
  {
    nom: "retraité sans activité",
    article: "L6111-6",
    entree: { ...base, statut: "retraite", age: 67 },
    region: LYON,
    eligible: false,
    operateurs: [],
    motif: /retraitée ou retraité/,
  },
  {
    nom: "retraité qui travaille à temps partiel",
    article: "L6111-6",
    entree: { ...base, statut: "retraite", age: 66, exerceActivite: true },
    region: LYON,
    eligible: true,
    operateurs: ["operateur_regional"],
  },
  {
    nom: "retraité qui cherche un emploi",
    article: "L6111-6, L5312-1",
    entree: { ...base, statut: "retraite", age: 63, rechercheEmploi: true },
    region: LYON,
    eligible: true,
    operateurs: ["france_travail"],
  },
  {
    nom: "sans activité et sans recherche",
    article: "L6111-6",
    entree: { ...base, statut: "sans_activite" },
    region: LYON,
    eligible: false,
    operateurs: [],
  },
  {
    nom: "sans activité qui cherche un emploi",
    article: "L6111-6, L5312-1",
    entree: { ...base, statut: "sans_activite", rechercheEmploi: true },
    region: LYON,
    eligible: true,
    operateurs: ["france_travail"],
  },
  {
    nom: "sans activité, 20 ans, en recherche, handicapé, cadre débutant",
    article: "L5214-3-1, L5314-2",
    entree: {
      ...base,
      statut: "sans_activite",
      age: 20,
      cadre: true,
      handicapReconnu: true,
      rechercheEmploi: true,
    },
    region: LYON,
    eligible: true,
    operateurs: ["cap_emploi", "apec", "mission_locale", "france_travail"],
  },
];
