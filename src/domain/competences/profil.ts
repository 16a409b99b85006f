/**
 * Profil de compétences d'un parcours, co-construit par le conseiller et la personne : expériences (intitulés libres
 * rapprochés d'une appellation ROME que la personne confirme), formations et diplômes avec leur niveau, compétences
 * choisies parmi les items ROME (ou libres quand le ROME ne les a pas) avec le degré de maîtrise, centres d'intérêt RIASEC.
 */

export const MAITRISES = ["maitrisee", "partielle", "a_acquerir"] as const;
export type Maitrise = (typeof MAITRISES)[number];

export const LIBELLES_MAITRISE: Record<Maitrise, string> = {
  maitrisee: "Maîtrisée",
  partielle: "En partie maîtrisée",
  a_acquerir: "À acquérir",
};

/** Niveaux du cadre national des certifications (décret 2019-14) : 3 = CAP … 8 = doctorat. */
export const NIVEAUX_CERTIFICATION = ["aucun", "3", "4", "5", "6", "7", "8"] as const;
export type NiveauCertification = (typeof NIVEAUX_CERTIFICATION)[number];

export const LIBELLES_NIVEAU: Record<NiveauCertification, string> = {
  aucun: "Sans diplôme",
  "3": "Niveau 3 (CAP, BEP)",
  "4": "Niveau 4 (baccalauréat)",
  "5": "Niveau 5 (bac + 2 : BTS, DUT)",
  "6": "Niveau 6 (bac + 3 : licence, BUT)",
  "7": "Niveau 7 (bac + 5 : master)",
  "8": "Niveau 8 (doctorat)",
};

export const LETTRES_RIASEC = ["R", "I", "A", "S", "E", "C"] as const;
export type Riasec = (typeof LETTRES_RIASEC)[number];

export const LIBELLES_RIASEC: Record<Riasec, { nom: string; description: string }> = {
  R: {
    nom: "Réaliste",
    description: "Travailler de ses mains, avec des outils, des machines, à l'extérieur.",
  },
  I: {
    nom: "Investigateur",
    description: "Observer, analyser, chercher à comprendre, résoudre des problèmes.",
  },
  A: { nom: "Artistique", description: "Créer, imaginer, s'exprimer, travailler sans cadre rigide." },
  S: { nom: "Social", description: "Aider, soigner, conseiller, former, être en contact avec les gens." },
  E: {
    nom: "Entreprenant",
    description: "Convaincre, vendre, diriger, prendre des décisions et des risques.",
  },
  C: {
    nom: "Conventionnel",
    description: "Organiser, classer, suivre des procédures, travailler avec précision.",
  },
};

export interface Experience {
  id: string;
  /** L'intitulé tel que la personne l'a écrit. */
  intitule: string;
  /** L'appellation ROME retenue et confirmée (null tant que la personne n'a pas confirmé). */
  appellation: { codeOgr: string; libelle: string; codeRome: string } | null;
  employeur?: string;
  debut?: string;
  fin?: string;
  /** Durée en mois (utile pour la VAE et l'ancienneté). */
  dureeMois?: number;
  actuelle?: boolean;
}

export interface Formation {
  id: string;
  intitule: string;
  niveau: NiveauCertification;
  annee?: number;
  obtenue: boolean;
}

export interface CompetenceProfil {
  /** Item ROME ; null pour une compétence libre que le ROME n'a pas. */
  codeOgr: string | null;
  libelle: string;
  rubrique: "savoir_faire" | "savoir_etre" | "savoir" | "libre";
  maitrise: Maitrise;
}

export interface ProfilCompetences {
  experiences: Experience[];
  formations: Formation[];
  competences: CompetenceProfil[];
  /** Scores 0 à 3 par lettre (auto-évaluation), null si le questionnaire n'a pas été rempli. */
  interets: Record<Riasec, number> | null;
}

export const PROFIL_VIDE: ProfilCompetences = {
  experiences: [],
  formations: [],
  competences: [],
  interets: null,
};

/** Les compétences ROME que la personne détient (maîtrisées ou en partie) : ce que le moteur de pistes reçoit. */
export function competencesDetenues(p: ProfilCompetences): string[] {
  return p.competences.flatMap((c) => (c.codeOgr && c.maitrise !== "a_acquerir" ? [c.codeOgr] : []));
}

export function appellationsConfirmees(p: ProfilCompetences): string[] {
  return p.experiences.flatMap((e) => (e.appellation ? [e.appellation.codeOgr] : []));
}

/** Les 1 à 3 lettres dominantes (score ≥ 2), la plus forte d'abord ; ordre RIASEC entre ex æquo. */
export function lettresDominantes(interets: Record<Riasec, number> | null): Riasec[] {
  if (!interets) return [];
  return LETTRES_RIASEC.filter((l) => interets[l] >= 2)
    .sort((a, b) => interets[b] - interets[a] || LETTRES_RIASEC.indexOf(a) - LETTRES_RIASEC.indexOf(b))
    .slice(0, 3);
}

/** Doublons interdits : une même compétence ROME une seule fois ; une compétence libre a un libellé. */
export function anomaliesProfil(p: ProfilCompetences): { champ: string; message: string }[] {
  const vus = new Map<string, number>();
  const erreurs: { champ: string; message: string }[] = [];
  p.competences.forEach((c, n) => {
    if (!c.codeOgr) return;
    const avant = vus.get(c.codeOgr);
    if (avant !== undefined)
      erreurs.push({
        champ: `competences.${n}.codeOgr`,
        message: `La compétence « ${c.libelle} » figure déjà dans le profil (ligne ${avant + 1}).`,
      });
    else vus.set(c.codeOgr, n);
  });
  p.experiences.forEach((e, n) => {
    if (e.debut && e.fin && e.fin < e.debut)
      erreurs.push({ champ: `experiences.${n}.fin`, message: "La fin de l'expérience précède son début." });
  });
  return erreurs;
}
