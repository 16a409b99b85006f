import { z } from "zod";
import { ErreurIntrouvable, ErreurReferentielAbsent } from "../erreurs.js";
import { casUsage } from "../pipeline.js";

/**
 * Métiers (ROME 4.0) : lectures publiques d'un référentiel officiel, sans donnée personnelle (pas d'événement d'audit).
 * Chaque réponse porte l'attribution exigée par la licence : « Source : France Travail, ROME 4.0 (vNNN) », et pour la
 * recherche d'intitulés, « ESCO, Commission européenne (CC BY 4.0) » quand les libellés ESCO sont chargés.
 */

export const MESSAGE_BMO_ABSENT =
  "Les données du marché du travail (enquête BMO) ne sont pas chargées. L'administrateur peut les charger avec « cep referentiels import --source DOSSIER ».";

export const attributionRome = (version: string) => `Source : France Travail, ROME 4.0 (${version})`;

export const attributionEsco = "ESCO, Commission européenne (CC BY 4.0)";

const codeRome = z
  .string({ error: "Le code ROME est obligatoire." })
  .regex(/^[A-N]\d{4}$/, "Le code ROME doit être une lettre de A à N suivie de 4 chiffres (ex. M1607).");

async function versionRome(depots: Parameters<Parameters<typeof casUsage>[0]["executer"]>[0]["depots"]) {
  const v = await depots.referentiels.versionActive("rome");
  if (!v) throw new ErreurReferentielAbsent();
  return v;
}

export const rechercherMetiers = casUsage({
  nom: "metiers.rechercher",
  entree: z.object({
    q: z
      .string({ error: "Saisissez un intitulé de métier." })
      .trim()
      .min(1, "Saisissez un intitulé de métier.")
      .max(200, "L'intitulé recherché ne doit pas dépasser 200 caractères."),
    limit: z.coerce
      .number({ error: "La limite doit être un nombre." })
      .int("La limite doit être un nombre entier.")
      .min(1, "La limite doit être comprise entre 1 et 50.")
      .max(50, "La limite doit être comprise entre 1 et 50.")
      .default(10),
  }),
  autoriser: () => {},
  audit: false,
  async executer({ entree, depots, services }) {
    const version = await versionRome(depots);
    const resultats = services.metiers?.rechercher(entree.q, entree.limit);
    if (!resultats) throw new ErreurReferentielAbsent();
    const esco = await depots.referentiels.versionActive("esco");
    return {
      resultats,
      source: `${attributionRome(version.version)}${esco ? ` ; ${attributionEsco}` : ""}`,
    };
  },
});

export const lireFicheMetier = casUsage({
  nom: "metiers.lire",
  entree: z.object({ codeRome }),
  autoriser: () => {},
  audit: false,
  async executer({ entree, depots }) {
    const version = await versionRome(depots);
    const fiche = await depots.referentiels.fiche(entree.codeRome);
    if (!fiche)
      throw new ErreurIntrouvable(`Aucune fiche métier ${entree.codeRome} dans le ROME ${version.version}.`);
    return { ...fiche, source: attributionRome(version.version) };
  },
});

export const listerDomainesMetiers = casUsage({
  nom: "metiers.domaines",
  entree: z.object({}),
  autoriser: () => {},
  audit: false,
  async executer({ depots }) {
    const version = await versionRome(depots);
    return { domaines: await depots.referentiels.domaines(), source: attributionRome(version.version) };
  },
});

export const listerFichesMetiers = casUsage({
  nom: "metiers.lister",
  entree: z.object({
    domaine: z
      .string()
      .regex(
        /^[A-N](\d{2})?$/,
        "Le domaine est une lettre de A à N, éventuellement suivie de 2 chiffres (ex. M16).",
      )
      .optional(),
    transitionEcologique: z
      .enum(["true", "false"], { error: "transitionEcologique vaut true ou false." })
      .optional()
      .transform((v) => v === "true"),
  }),
  autoriser: () => {},
  audit: false,
  async executer({ entree, depots }) {
    const version = await versionRome(depots);
    const fiches = await depots.referentiels.fiches({
      ...(entree.domaine ? { domaine: entree.domaine } : {}),
      transitionEcologique: entree.transitionEcologique,
    });
    return { fiches, source: attributionRome(version.version) };
  },
});

export const marcheMetier = casUsage({
  nom: "metiers.marche",
  entree: z.object({
    codeRome,
    region: z
      .string()
      .regex(/^\d{2}$/, "Le code de région est formé de 2 chiffres (ex. 84 pour Auvergne-Rhône-Alpes).")
      .optional(),
  }),
  autoriser: () => {},
  audit: false,
  async executer({ entree, depots }) {
    const version = await versionRome(depots);
    const fiche = await depots.referentiels.fiche(entree.codeRome);
    if (!fiche)
      throw new ErreurIntrouvable(`Aucune fiche métier ${entree.codeRome} dans le ROME ${version.version}.`);
    const bmo = await depots.referentiels.versionActive("bmo");
    if (!bmo) throw new ErreurReferentielAbsent(MESSAGE_BMO_ABSENT);
    const marche = await depots.referentiels.marche(fiche.codeRomeParent ?? fiche.codeRome, entree.region);
    if (entree.region && !marche.regionConnue)
      throw new ErreurIntrouvable(`Aucune région de code ${entree.region} dans l'enquête ${bmo.version}.`);
    return {
      codeRome: fiche.codeRome,
      libelleRome: fiche.libelle,
      regions: marche.regions,
      metiersBmo: marche.metiers,
      message: marche.metiers.length
        ? null
        : `La fiche ${fiche.codeRome} n'a pas d'équivalent dans l'enquête ${bmo.version} : aucun chiffre de recrutement n'est disponible pour ce métier.`,
      source: `Source : France Travail, enquête Besoins en main-d'œuvre ${bmo.version.replace("BMO ", "")} ; Dares, table de passage ROME → FAP-2021`,
    };
  },
});
