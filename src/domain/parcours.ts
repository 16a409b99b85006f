/**
 * Parcours CEP (cahier des charges du 29 mars 2019, arrêté JORFTEXT000038316836, §2) : niveau 1 « accueil
 * individualisé », niveau 2 « accompagnement personnalisé » avec ses phases « conseil » (construction du projet) et
 * « mise en œuvre » (plan d'actions). Les niveaux « ne sont pas nécessairement successifs » : on peut entrer directement
 * au niveau 2, voire en mise en œuvre quand le projet est mûr.
 *
 * Le parcours est une suite de transitions datées ; son état (niveau, phase, statut) et les durées par niveau se
 * déduisent de cette suite (`rejouer`, `durees`) : rien n'est stocké deux fois.
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

export const MOTIFS_CLOTURE = [
  "projet_realise",
  "formation_engagee",
  "emploi_trouve",
  "entreprise_creee",
  "abandon",
  "reorientation",
  "autre",
] as const;
export type MotifCloture = (typeof MOTIFS_CLOTURE)[number];

export const LIBELLES_MOTIF_CLOTURE: Record<MotifCloture, string> = {
  projet_realise: "Projet réalisé",
  formation_engagee: "Entrée en formation",
  emploi_trouve: "Emploi trouvé",
  entreprise_creee: "Entreprise créée ou reprise",
  abandon: "Abandon",
  reorientation: "Réorientation vers un autre opérateur",
  autre: "Autre",
};

/** Motifs dont la raison doit être écrite (texte libre obligatoire). */
export const MOTIFS_AVEC_RAISON: readonly MotifCloture[] = ["abandon", "reorientation", "autre"];

/** Une phase n'a de sens qu'au niveau 2. */
export function phaseValide(niveau: Niveau, phase: Phase | null): boolean {
  return niveau === 1 ? phase === null : phase !== null;
}

export type Transition =
  | { type: "ouverture"; niveau: Niveau; phase: Phase | null }
  | { type: "passage"; niveau: Niveau; phase: Phase | null }
  | { type: "pause"; motif: string; retourPrevu: string }
  | { type: "reprise" }
  | { type: "cloture"; motif: MotifCloture; commentaire: string | null };

export type TypeTransition = Transition["type"];

export const LIBELLES_TRANSITION: Record<TypeTransition, string> = {
  ouverture: "Ouverture du parcours",
  passage: "Changement d'étape",
  pause: "Mise en pause",
  reprise: "Reprise",
  cloture: "Clôture",
};

/** Une transition telle qu'elle est gardée : datée (ISO 8601 UTC). */
export type TransitionDatee = Transition & { le: string };

export interface EtatParcours {
  niveau: Niveau;
  phase: Phase | null;
  statut: StatutParcours;
}

export type ResultatTransition =
  | { ok: true; etat: EtatParcours }
  | { ok: false; champ: string; raison: string };

const refus = (champ: string, raison: string): ResultatTransition => ({ ok: false, champ, raison });

export const etiquetteEtape = (e: { niveau: Niveau; phase: Phase | null }) =>
  e.niveau === 1 ? LIBELLES_NIVEAU[1] : `${LIBELLES_NIVEAU[2]} · ${LIBELLES_PHASE[e.phase ?? "conseil"]}`;

/**
 * Applique une transition à l'état courant (`null` : parcours pas encore ouvert) ; refuse les transitions
 * illégales avec le champ en cause et la raison, en français.
 */
export function appliquer(
  etat: EtatParcours | null,
  t: TransitionDatee,
  precedente?: string,
): ResultatTransition {
  if (precedente && t.le < precedente)
    return refus("le", "Une transition ne peut pas être datée avant la précédente.");
  if (etat === null) {
    if (t.type !== "ouverture") return refus("type", "Un parcours commence par son ouverture.");
    if (!phaseValide(t.niveau, t.phase))
      return refus(
        "phase",
        t.niveau === 1
          ? "Le niveau 1 n'a pas de phase."
          : "Au niveau 2, précisez la phase : conseil ou mise en œuvre.",
      );
    return { ok: true, etat: { niveau: t.niveau, phase: t.phase, statut: "en_cours" } };
  }
  if (t.type === "ouverture") return refus("type", "Ce parcours est déjà ouvert.");
  if (etat.statut === "clos") return refus("type", "Ce parcours est clos : il ne peut plus changer.");
  switch (t.type) {
    case "passage": {
      if (etat.statut === "en_pause")
        return refus("type", "Ce parcours est en pause : reprenez-le avant de changer d'étape.");
      if (!phaseValide(t.niveau, t.phase))
        return refus(
          "phase",
          t.niveau === 1
            ? "Le niveau 1 n'a pas de phase."
            : "Au niveau 2, précisez la phase : conseil ou mise en œuvre.",
        );
      if (t.niveau === etat.niveau && t.phase === etat.phase)
        return refus("niveau", `Le parcours est déjà à cette étape (${etiquetteEtape(etat)}).`);
      if (t.niveau === 1 && etat.niveau === 2)
        return refus(
          "niveau",
          "Un parcours en accompagnement personnalisé ne revient pas à l'accueil : mettez-le en pause ou clôturez-le.",
        );
      return { ok: true, etat: { niveau: t.niveau, phase: t.phase, statut: "en_cours" } };
    }
    case "pause": {
      if (etat.statut === "en_pause") return refus("type", "Ce parcours est déjà en pause.");
      if (!t.motif.trim()) return refus("motif", "Indiquez le motif de la pause.");
      if (!/^\d{4}-\d{2}-\d{2}/.test(t.retourPrevu))
        return refus("retourPrevu", "Indiquez la date de retour prévue.");
      if (t.retourPrevu.slice(0, 10) <= t.le.slice(0, 10))
        return refus("retourPrevu", "La date de retour prévue doit être postérieure au début de la pause.");
      return { ok: true, etat: { ...etat, statut: "en_pause" } };
    }
    case "reprise":
      if (etat.statut !== "en_pause") return refus("type", "Seul un parcours en pause peut reprendre.");
      return { ok: true, etat: { ...etat, statut: "en_cours" } };
    case "cloture":
      if (MOTIFS_AVEC_RAISON.includes(t.motif) && !t.commentaire?.trim())
        return refus(
          "commentaire",
          `Le motif « ${LIBELLES_MOTIF_CLOTURE[t.motif]} » demande d'en écrire la raison.`,
        );
      return { ok: true, etat: { ...etat, statut: "clos" } };
  }
}

/** Rejoue l'historique : l'état courant, ou la première transition illégale. */
export function rejouer(historique: readonly TransitionDatee[]): ResultatTransition {
  let etat: EtatParcours | null = null;
  let precedente: string | undefined;
  for (const t of historique) {
    const r = appliquer(etat, t, precedente);
    if (!r.ok) return r;
    etat = r.etat;
    precedente = t.le;
  }
  return etat ? { ok: true, etat } : refus("type", "Un parcours commence par son ouverture.");
}

export interface Durees {
  /** Jours passés (hors pause) au niveau 1, en phase conseil, en mise en œuvre ; jours en pause ; total. */
  niveau1: number;
  conseil: number;
  miseEnOeuvre: number;
  pause: number;
  total: number;
}

const JOUR = 86_400_000;
const arrondi = (ms: number) => Math.round((ms / JOUR) * 10) / 10;

/** Durées dérivées de l'historique, jusqu'à la clôture ou jusqu'à `maintenant`. */
export function durees(historique: readonly TransitionDatee[], maintenant: string): Durees {
  const ms = { niveau1: 0, conseil: 0, miseEnOeuvre: 0, pause: 0 };
  let etat: EtatParcours | null = null;
  let depuis = 0;
  const fin = (t: string) => Date.parse(t);
  const compter = (jusqua: number) => {
    if (!etat || etat.statut === "clos") return;
    const d = Math.max(0, jusqua - depuis);
    if (etat.statut === "en_pause") ms.pause += d;
    else if (etat.niveau === 1) ms.niveau1 += d;
    else if (etat.phase === "mise_en_oeuvre") ms.miseEnOeuvre += d;
    else ms.conseil += d;
  };
  for (const t of historique) {
    compter(fin(t.le));
    const r = appliquer(etat, t);
    if (!r.ok) break;
    etat = r.etat;
    depuis = fin(t.le);
  }
  compter(fin(maintenant));
  return {
    niveau1: arrondi(ms.niveau1),
    conseil: arrondi(ms.conseil),
    miseEnOeuvre: arrondi(ms.miseEnOeuvre),
    pause: arrondi(ms.pause),
    total: arrondi(ms.niveau1 + ms.conseil + ms.miseEnOeuvre + ms.pause),
  };
}

/** Les transitions possibles depuis un état : pour n'offrir à l'écran que les actions légales. */
export function transitionsPossibles(etat: EtatParcours): TypeTransition[] {
  if (etat.statut === "clos") return [];
  if (etat.statut === "en_pause") return ["reprise", "cloture"];
  return ["passage", "pause", "cloture"];
}
