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
