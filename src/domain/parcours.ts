/**
 * Parcours CEP (cahier des charges du 29 mars 2019) : niveau 1 « accueil individualisé »,
 * niveau 2 « accompagnement personnalisé » avec ses phases « conseil » et « mise en œuvre ».
 * Le modèle complet (transitions, pauses, clôture) est l'objet du ticket « Parcours ».
 */

export const NIVEAUX = [1, 2] as const;
export type Niveau = (typeof NIVEAUX)[number];

export const PHASES = ["conseil", "mise_en_oeuvre"] as const;
export type Phase = (typeof PHASES)[number];

export const STATUTS_PARCOURS = ["en_cours", "en_pause", "clos"] as const;
export type StatutParcours = (typeof STATUTS_PARCOURS)[number];

export const LIBELLES_NIVEAU: Record<Niveau, string> = {
  1: "Niveau 1 — accueil individualisé",
  2: "Niveau 2 — accompagnement personnalisé",
};

export const LIBELLES_PHASE: Record<Phase, string> = {
  conseil: "Conseil",
  mise_en_oeuvre: "Mise en œuvre",
};

export const LIBELLES_STATUT_PARCOURS: Record<StatutParcours, string> = {
  en_cours: "En cours",
  en_pause: "En pause",
  clos: "Clos",
};

/** Une phase n'a de sens qu'au niveau 2. */
export function phaseValide(niveau: Niveau, phase: Phase | null): boolean {
  return niveau === 1 ? phase === null : phase !== null;
}
