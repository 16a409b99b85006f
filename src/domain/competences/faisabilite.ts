/**
 * Faisabilité d'un projet professionnel (domaine pur) : l'écart de compétences entre le profil et le métier visé, la
 * certification exigée ou non, les perspectives de recrutement de la région, et les stratégies possibles — formation,
 * VAE, bilan de compétences — que le conseiller confirme ou corrige avec un motif (cahier des charges du CEP, niveau 2
 * « conseil » : stratégie formation / VAE / bilan).
 */

import type { TypeChangement } from "../synthese.js";
import type { MarchePiste } from "./pistes.js";
import type { Maitrise } from "./profil.js";

/** Les types de changement sont ceux du document de synthèse (une seule définition). */
export { LIBELLES_TYPE_CHANGEMENT, TYPES_CHANGEMENT, type TypeChangement } from "../synthese.js";

export const STRATEGIES = ["formation", "vae", "bilan_competences"] as const;
export type Strategie = (typeof STRATEGIES)[number];

export const LIBELLES_STRATEGIE: Record<Strategie, string> = {
  formation: "Formation",
  vae: "Validation des acquis de l'expérience (VAE)",
  bilan_competences: "Bilan de compétences",
};

export interface CibleFaisabilite {
  codeRome: string;
  libelle: string;
  reglemente: boolean;
  items: { codeOgr: string; libelle: string; coeurMetier: boolean; poids: number }[];
}

export interface CertificationLiee {
  numero: string;
  intitule: string | null;
  niveau: string | null;
  certificateurs: string[];
}

export interface EntreeFaisabilite {
  cible: CibleFaisabilite;
  competences: { codeOgr: string | null; maitrise: Maitrise }[];
  /** La personne a exercé un métier de la fiche visée (expérience confirmée sur ce code ROME). */
  experienceDansLeMetier: boolean;
  marche?: MarchePiste;
  certifications: CertificationLiee[];
}

export type Perspectives = "favorables" | "moyennes" | "reduites" | "inconnues";

export interface OptionStrategie {
  strategie: Strategie;
  recommandee: boolean;
  motif: string;
  source: string;
}

export interface Faisabilite {
  /** 0 à 1 : part pondérée du métier couverte (en partie maîtrisée = moitié). */
  couverture: number;
  couvertureCoeur: number;
  ecart: {
    nombre: number;
    coeur: number;
    /** Part pondérée du métier qui reste à acquérir (0 à 1). */
    poids: number;
    competences: { codeOgr: string; libelle: string; coeurMetier: boolean }[];
  };
  niveau: "proche" | "accessible_avec_formation" | "eloigne";
  certificationRequise: boolean;
  certifications: CertificationLiee[];
  perspectives: Perspectives;
  marche?: MarchePiste;
  options: OptionStrategie[];
  motifs: string[];
}

/** Seuils du jugement (documentés dans docs/competences.md). */
export const SEUILS_FAISABILITE = {
  /** Au-delà de cette couverture pondérée, le métier est « proche ». */
  proche: 0.7,
  /** En dessous, le projet est « éloigné » du profil. */
  eloigne: 0.3,
  /** La VAE est recommandée quand l'expérience couvre au moins cette part du cœur de métier. */
  vaeCoeur: 0.6,
};

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function evaluerFaisabilite(e: EntreeFaisabilite): Faisabilite {
  const maitrise = new Map<string, number>();
  for (const c of e.competences)
    if (c.codeOgr)
      maitrise.set(c.codeOgr, c.maitrise === "maitrisee" ? 1 : c.maitrise === "partielle" ? 0.5 : 0);
  let total = 0;
  let couvert = 0;
  let totalCoeur = 0;
  let couvertCoeur = 0;
  const manquantes: (CibleFaisabilite["items"][number] & { part: number })[] = [];
  for (const it of e.cible.items) {
    const m = maitrise.get(it.codeOgr) ?? 0;
    total += it.poids;
    couvert += it.poids * m;
    if (it.coeurMetier) {
      totalCoeur += it.poids;
      couvertCoeur += it.poids * m;
    }
    if (m < 1) manquantes.push({ ...it, part: it.poids * (1 - m) });
  }
  const couverture = total > 0 ? couvert / total : 0;
  const couvertureCoeur = totalCoeur > 0 ? couvertCoeur / totalCoeur : couverture;
  manquantes.sort((a, b) => Number(b.coeurMetier) - Number(a.coeurMetier) || b.part - a.part);
  const niveau =
    couverture >= SEUILS_FAISABILITE.proche
      ? "proche"
      : couverture >= SEUILS_FAISABILITE.eloigne
        ? "accessible_avec_formation"
        : "eloigne";

  const motifs: string[] = [
    `Vous maîtrisez ${pct(couverture)} du contenu pondéré du métier « ${e.cible.libelle} » et ${pct(couvertureCoeur)} de son cœur de métier.`,
  ];
  if (manquantes.length)
    motifs.push(
      `${manquantes.length} compétence(s) restent à acquérir ou à consolider, dont ${manquantes.filter((m) => m.coeurMetier).length} du cœur de métier.`,
    );
  if (e.cible.reglemente)
    motifs.push(
      "Métier réglementé : un diplôme, un titre ou une habilitation est obligatoire pour l'exercer.",
    );

  let perspectives: Perspectives = "inconnues";
  const m = e.marche;
  if (m && m.rang !== null && m.nombreMetiers > 0) {
    const position = m.rang / m.nombreMetiers;
    perspectives = position <= 0.25 ? "favorables" : position <= 0.75 ? "moyennes" : "reduites";
    motifs.push(
      `Dans la région, ${m.projets ?? "?"} projets de recrutement en 2025 (rang ${m.rang} sur ${m.nombreMetiers} métiers)${
        m.partDifficiles !== null ? `, dont ${pct(m.partDifficiles)} jugés difficiles` : ""
      } : perspectives ${perspectives}.`,
    );
  } else if (m) motifs.push("Chiffres de recrutement couverts par le secret statistique dans la région.");
  else motifs.push("Pas de chiffres de recrutement pour ce métier dans la région choisie.");

  const options: OptionStrategie[] = [];
  const vae =
    couvertureCoeur >= SEUILS_FAISABILITE.vaeCoeur && (e.experienceDansLeMetier || couverture >= 0.5);
  options.push({
    strategie: "vae",
    recommandee: vae && e.certifications.length > 0,
    motif: vae
      ? e.certifications.length
        ? `L'expérience couvre ${pct(couvertureCoeur)} du cœur de métier : une VAE vers une certification liée au métier est envisageable (aucune durée minimale d'activité).`
        : "L'expérience couvre l'essentiel du cœur de métier, mais aucune certification n'est liée à ce code ROME dans le RNCP/RS chargé."
      : `L'expérience ne couvre que ${pct(couvertureCoeur)} du cœur de métier : une VAE paraît prématurée.`,
    source: "Code du travail L6411-1 (VAE : toute activité en rapport direct avec la certification)",
  });
  const formation = niveau !== "proche" || (e.cible.reglemente && !vae);
  options.push({
    strategie: "formation",
    recommandee: formation,
    motif: formation
      ? e.cible.reglemente
        ? "Le métier exige une certification : une formation certifiante (ou une VAE si l'expérience le permet) est nécessaire."
        : `Il reste ${pct(1 - couverture)} du métier à acquérir : une formation ciblée sur les compétences manquantes est conseillée.`
      : "Les compétences sont largement acquises : une formation courte d'adaptation peut suffire, sans parcours long.",
    source: "Cahier des charges du CEP (arrêté du 29 mars 2019), niveau 2 : stratégie de formation",
  });
  const bilan = niveau === "eloigne";
  options.push({
    strategie: "bilan_competences",
    recommandee: bilan,
    motif: bilan
      ? "Le projet est éloigné du profil actuel : un bilan de compétences peut aider à le confirmer ou à le réorienter avant d'engager une formation."
      : "Le projet s'appuie déjà sur une part importante de vos compétences : un bilan n'est pas indispensable.",
    source: "Code du travail L6313-4 (bilan de compétences)",
  });
  return {
    couverture: Math.round(couverture * 1000) / 1000,
    couvertureCoeur: Math.round(couvertureCoeur * 1000) / 1000,
    ecart: {
      nombre: manquantes.length,
      coeur: manquantes.filter((x) => x.coeurMetier).length,
      poids: Math.round((1 - couverture) * 1000) / 1000,
      competences: manquantes.map((x) => ({
        codeOgr: x.codeOgr,
        libelle: x.libelle,
        coeurMetier: x.coeurMetier,
      })),
    },
    niveau,
    certificationRequise: e.cible.reglemente,
    certifications: e.certifications,
    perspectives,
    ...(m ? { marche: m } : {}),
    options,
    motifs,
  };
}

/** La décision du conseiller sur la stratégie : confirmer la recommandation, ou la corriger en donnant un motif. */
export interface DecisionStrategie {
  strategies: Strategie[];
  motif: string | null;
  decidePar: string;
  decideLe: string;
}

/** Vrai si la décision s'écarte des options recommandées (le motif est alors obligatoire). */
export function decisionDerogatoire(options: OptionStrategie[], strategies: Strategie[]): boolean {
  const recommandees = new Set(options.filter((o) => o.recommandee).map((o) => o.strategie));
  return strategies.length !== recommandees.size || strategies.some((s) => !recommandees.has(s));
}
