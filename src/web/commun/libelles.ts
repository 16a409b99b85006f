/** Libellés affichés : ceux du domaine (une seule source), et les types de vue renvoyés par l'API. */

export { LIBELLES_ROLE, LIBELLES_TYPE_OPERATEUR } from "../../domain/organisation";
export {
  LIBELLES_NIVEAU,
  LIBELLES_PHASE,
  LIBELLES_STATUT_PARCOURS as LIBELLES_STATUT,
} from "../../domain/parcours";

import {
  LIBELLES_NIVEAU,
  LIBELLES_PHASE,
  type Niveau,
  type Phase,
  type StatutParcours,
} from "../../domain/parcours";

export const dateCourte = (iso: string) =>
  new Date(iso).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric" });

export interface VueParcours {
  id: string;
  niveau: Niveau;
  phase: Phase | null;
  statut: StatutParcours;
  version: number;
  creeLe: string;
  modifieLe: string;
  beneficiaire: { id: string; prenom: string; nom: string; email: string; demo: boolean };
  referent: { id: string; prenom: string; nom: string } | null;
  operateur: { id: string; nom: string };
}

export const etapeParcours = (p: Pick<VueParcours, "niveau" | "phase">) =>
  p.niveau === 1 ? LIBELLES_NIVEAU[1] : `${LIBELLES_NIVEAU[2]} · ${LIBELLES_PHASE[p.phase ?? "conseil"]}`;

export {
  LIBELLES_CONSENTEMENT,
  LIBELLES_MODALITE,
  LIBELLES_QUALIFICATION,
  LIBELLES_STATUT_ACTIVITE,
  LIBELLES_STATUT_RENDEZ_VOUS,
  LIBELLES_TRANCHE_AGE,
} from "../../domain/dossier";
export { LIBELLES_MOTIF_CLOTURE } from "../../domain/parcours";

import type { Modalite, Situation, StatutRendezVous } from "../../domain/dossier";
import type { MotifCloture, TypeTransition } from "../../domain/parcours";

export type { Situation };

export interface Personne {
  id: string;
  prenom: string;
  nom: string;
}

export interface VueParcoursListe extends VueParcours {
  dernierContact: string | null;
  prochainRendezVous: string | null;
}

export interface TransitionVue {
  id: string;
  type: TypeTransition;
  le: string;
  niveau?: Niveau;
  phase?: Phase | null;
  motif?: string | MotifCloture;
  retourPrevu?: string;
  commentaire?: string | null;
}

export interface DossierVue extends VueParcours {
  demande: string | null;
  situation: Situation;
  handicapMasque: boolean;
  suppleant: Personne | null;
  suppleantJusquAu: string | null;
  closLe: string | null;
  transitions: TransitionVue[];
  durees: { niveau1: number; conseil: number; miseEnOeuvre: number; pause: number; total: number };
  actionsPossibles: TypeTransition[];
  transferts: { id: string; type: string; statut: string; motif: string; creeLe: string }[];
  /** Co-suivi : collègues avec qui le dossier est partagé. */
  partages: { conseiller: Personne; creeLe: string }[];
}

export interface NoteVue {
  id: string;
  texte: string;
  partagee: boolean;
  version: number;
  creeLe: string;
  modifieLe: string;
  auteur: Personne | null;
}

export interface MessageVue {
  id: string;
  texte: string;
  creeLe: string;
  auteurId: string | null;
  auteur: (Personne & { role: string }) | null;
}

export interface RendezVousVue {
  id: string;
  debut: string;
  dureeMinutes: number;
  modalite: Modalite;
  statut: StatutRendezVous;
  version: number;
  lieuAffiche: string;
  horsHeuresOuvrees: boolean;
}

export interface EntretienVue {
  id: string;
  le: string;
  modalite: Modalite;
  dureeMinutes: number;
  participants: string | null;
  resume: string;
  auteur: Personne | null;
}

export interface EvenementVue {
  le: string;
  type: string;
  titre: string;
  detail: string | null;
  auteur: Personne | null;
}

export const dateHeure = (iso: string) =>
  new Date(iso).toLocaleString("fr-FR", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Paris",
  });

/** Position dans le parcours, pour le Stepper : 1 accueil, 2 conseil, 3 mise en œuvre. */
export const etapeNumero = (p: Pick<VueParcours, "niveau" | "phase">) =>
  p.niveau === 1 ? 1 : p.phase === "mise_en_oeuvre" ? 3 : 2;
export const TITRES_ETAPES = [
  "Accueil individualisé (niveau 1)",
  "Conseil : construire le projet (niveau 2)",
  "Mise en œuvre : le plan d'actions (niveau 2)",
];
