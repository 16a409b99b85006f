/** Formes des réponses de l'API métiers (voir src/app/metiers/metiers.ts). */

export interface ResultatRecherche {
  codeRome: string;
  libelleRome: string;
  appellation: { codeOgr: string; libelle: string };
  score: number;
}

export interface Item {
  codeOgr: string;
  libelle: string;
  rubrique: "savoir_faire" | "savoir_etre" | "savoir" | "contexte";
  categorie: string | null;
  sousCategorie: string | null;
  coeurMetier: string | null;
  macroCompetence: { codeOgr: string; libelle: string } | null;
}

export interface Fiche {
  codeRome: string;
  libelle: string;
  domaine: { code: string; libelle: string; grandDomaine: { code: string; libelle: string } } | null;
  definition: string | null;
  acces: string | null;
  transitionEcologique: string | null;
  transitionNumerique: boolean;
  transitionDemographique: boolean;
  emploiReglemente: boolean;
  emploiCadre: boolean;
  riasec: { majeur: string | null; mineur: string | null };
  appellations: { codeOgr: string; libelle: string; principale: boolean; peuUsite: boolean }[];
  items: Item[];
  mobilites: { codeRome: string; libelle: string; ordre: number }[];
  source: string;
}

export interface Chiffres {
  projets: number | null;
  difficiles: number | null;
  saisonniers: number | null;
  bassinsSecrets: number;
  bassins: number;
}

export interface Marche {
  codeRome: string;
  libelleRome: string;
  regions: { code: string; nom: string }[];
  metiersBmo: {
    codeMetier: string;
    libelle: string;
    france: Chiffres;
    region: (Chiffres & { code: string; nom: string; rang: number | null; nombreMetiers: number }) | null;
  }[];
  message: string | null;
  source: string;
}

export interface Domaine {
  code: string;
  libelle: string;
  parent: string | null;
  nombreFiches: number;
}

export interface FicheResumee {
  codeRome: string;
  libelle: string;
  codeDomaine: string;
  transitionEcologique: string | null;
}

export const TRANSITIONS_ECOLOGIQUES = ["Emploi Vert", "Emploi stratégique pour la Transition écologique"];

export const RIASEC: Record<string, string> = {
  R: "Réaliste (concret, manuel)",
  I: "Investigateur (analyser, comprendre)",
  A: "Artistique (créer, imaginer)",
  S: "Social (aider, accompagner)",
  E: "Entreprenant (convaincre, diriger)",
  C: "Conventionnel (organiser, gérer)",
};

/** Un métier de l'enquête BMO dans une région (GET /api/v1/territoires/{codeRegion}/marche). */
export interface MetierTerritoire {
  codeMetier: string;
  libelle: string;
  projets: number | null;
  difficiles: number | null;
  saisonniers: number | null;
  partDifficiles: number | null;
  partSaisonniers: number | null;
  bassins: number;
  bassinsSecrets: number;
  rang: number | null;
  fiches: { codeRome: string; libelle: string; transitionEcologique: string | null; principale: boolean }[];
  autresFiches: number;
}

export interface MarcheTerritoire {
  region: { code: string; nom: string };
  couverte: boolean;
  enquete: string;
  projets: number;
  bassinsSecrets: boolean;
  nombreMetiers: number;
  recrutent: MetierTerritoire[];
  difficiles: MetierTerritoire[];
  transitionEcologique: MetierTerritoire[];
  regles: { nombre: number; vivierDifficiles: number; fichesParMetier: number };
  message: string | null;
  source: string;
  sourceRome: string;
}
