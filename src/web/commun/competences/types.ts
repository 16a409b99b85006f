/** Formes des réponses de l'API compétences (src/app/competences). */
import type { DecisionStrategie, Faisabilite, TypeChangement } from "../../../domain/competences/faisabilite";
import type { Piste } from "../../../domain/competences/pistes";
import type { ProfilCompetences } from "../../../domain/competences/profil";

export type { Piste, ProfilCompetences };

export interface PisteRetenue {
  codeRome: string;
  libelle: string;
  commentaire: string | null;
  creeLe: string;
}

export interface ReponseProfil {
  profil: ProfilCompetences;
  version: number;
  modifieLe: string | null;
  pistesRetenues: PisteRetenue[];
}

export interface ReponsePistes {
  pistes: Piste[];
  regions: { code: string; nom: string }[];
  regionOperateur: string | null;
  riasec: string;
}

export interface Projet {
  id: string;
  codeRome: string;
  libelleMetier: string;
  typeChangement: TypeChangement;
  description: string | null;
  statut: "hypothese" | "retenu" | "abandonne";
  decision: DecisionStrategie | null;
  version: number;
  faisabilite: Faisabilite | null;
}

export interface CompetenceProposee {
  codeOgr: string;
  libelle: string;
  rubrique: "savoir_faire" | "savoir_etre" | "savoir";
  coeurMetier: boolean;
  codeRome: string;
}

export const pourcent = (x: number) => `${Math.round(x * 100)} %`;
