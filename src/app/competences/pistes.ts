import { z } from "zod";
import type { LettreRiasec } from "../../domain/competences/pistes.js";
import { ErreurReferentielAbsent, ErreurValidation } from "../erreurs.js";
import { attributionRome } from "../metiers/metiers.js";
import { casUsage } from "../pipeline.js";

/**
 * Pistes métiers (public, sans compte) : à partir de métiers exercés (appellations ROME) et de compétences (items ROME),
 * les fiches que la personne pourrait exercer maintenant ou après formation, chacune expliquée. Aucune donnée
 * personnelle n'est conservée (pas d'audit) ; depuis un dossier, le profil enregistré passe par `pistesDuProfil`.
 */

export const LIMITE_PISTES_MAX = 50;

const codeOgr = z
  .union([z.string(), z.number()], { error: "Un code OGR est un nombre (ex. 38055)." })
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,9}$/.test(v), "Un code OGR est un nombre (ex. 38055).");

export const entreePistes = z
  .object({
    appellations: z
      .array(codeOgr, { error: "La liste des métiers exercés (codes OGR d'appellations) est attendue." })
      .max(30, "Indiquez au plus 30 métiers exercés.")
      .default([]),
    competences: z
      .array(codeOgr, { error: "La liste des compétences (codes OGR) est attendue." })
      .max(400, "Indiquez au plus 400 compétences.")
      .default([]),
    region: z
      .string({ error: "La région est un code INSEE de région (ex. 84)." })
      .regex(/^\d{2,3}$/, "La région est un code INSEE de région (ex. 84).")
      .optional(),
    riasec: z
      .string({ error: "Les centres d'intérêt sont des lettres RIASEC (ex. « SE »)." })
      .regex(
        /^[RIASEC]{1,3}$/,
        "Les centres d'intérêt sont 1 à 3 lettres parmi R, I, A, S, E, C (ex. « SE »).",
      )
      .optional(),
    limite: z.coerce
      .number({ error: "La limite doit être un nombre." })
      .int("La limite doit être un nombre entier.")
      .min(1, `La limite doit être comprise entre 1 et ${LIMITE_PISTES_MAX}.`)
      .max(LIMITE_PISTES_MAX, `La limite doit être comprise entre 1 et ${LIMITE_PISTES_MAX}.`)
      .default(20),
    filtres: z
      .object({
        transitionEcologique: z
          .boolean({ error: "Le filtre transitionEcologique est vrai ou faux." })
          .optional(),
        sansEmploiReglemente: z
          .boolean({ error: "Le filtre sansEmploiReglemente est vrai ou faux." })
          .optional(),
        cadre: z.boolean({ error: "Le filtre cadre est vrai ou faux." }).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export type EntreePistes = z.output<typeof entreePistes>;

/** Calcule les pistes ; lève une 400 qui nomme le champ pour un profil vide, un code inconnu ou une région inconnue. */
export function calculerPistes(
  services: Parameters<Parameters<typeof casUsage>[0]["executer"]>[0]["services"],
  entree: EntreePistes,
) {
  const moteur = services.metiers?.moteurPistes?.();
  if (!moteur) throw new ErreurReferentielAbsent();
  if (entree.appellations.length === 0 && entree.competences.length === 0)
    throw new ErreurValidation([
      {
        champ: "competences",
        message: "Le profil est vide : indiquez au moins un métier exercé ou une compétence.",
      },
    ]);
  const champs = [
    ...moteur.appellationsInconnues(entree.appellations).map((n) => ({
      champ: `appellations.${n}`,
      message: `Le code ${entree.appellations[n]} n'est pas une appellation du ROME en vigueur.`,
    })),
    ...moteur.competencesInconnues(entree.competences).map((n) => ({
      champ: `competences.${n}`,
      message: `Le code ${entree.competences[n]} n'est pas une compétence (item) du ROME en vigueur.`,
    })),
  ];
  const marche = entree.region ? services.metiers?.marcheRegion?.(entree.region) : undefined;
  if (entree.region && !marche)
    champs.push({
      champ: "region",
      message: `La région ${entree.region} n'est pas couverte par l'enquête BMO chargée.`,
    });
  if (champs.length) throw new ErreurValidation(champs);
  return moteur.pistes({
    appellations: entree.appellations,
    competences: entree.competences,
    riasec: entree.riasec ? ([...entree.riasec] as LettreRiasec[]) : undefined,
    marche,
    filtres: entree.filtres,
    limite: entree.limite,
  });
}

export const explorerPistes = casUsage({
  nom: "competences.pistes",
  entree: entreePistes,
  autoriser: () => {},
  audit: false,
  async executer({ entree, depots, services }) {
    const version = await depots.referentiels.versionActive("rome");
    if (!version) throw new ErreurReferentielAbsent();
    const pistes = calculerPistes(services, entree);
    return {
      pistes,
      regions: services.metiers?.regionsMarche?.() ?? [],
      source: `${attributionRome(version.version)}${entree.region ? " ; France Travail, enquête BMO" : ""}`,
    };
  },
});

/** Les compétences à proposer à partir de métiers exercés (cœur de métier d'abord). */
export const proposerCompetences = casUsage({
  nom: "competences.proposer",
  entree: z
    .object({
      appellations: z
        .array(codeOgr, { error: "La liste des métiers exercés (codes OGR d'appellations) est attendue." })
        .min(1, "Indiquez au moins un métier exercé.")
        .max(30, "Indiquez au plus 30 métiers exercés."),
    })
    .strict(),
  autoriser: () => {},
  audit: false,
  async executer({ entree, depots, services }) {
    const version = await depots.referentiels.versionActive("rome");
    const moteur = services.metiers?.moteurPistes?.();
    if (!version || !moteur) throw new ErreurReferentielAbsent();
    const inconnues = moteur.appellationsInconnues(entree.appellations);
    if (inconnues.length)
      throw new ErreurValidation(
        inconnues.map((n) => ({
          champ: `appellations.${n}`,
          message: `Le code ${entree.appellations[n]} n'est pas une appellation du ROME en vigueur.`,
        })),
      );
    const fiches = moteur.fichesDesAppellations(entree.appellations);
    return {
      competences: moteur.competencesProposees(fiches),
      source: attributionRome(version.version),
    };
  },
});
