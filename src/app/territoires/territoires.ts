import { z } from "zod";
import { REGLES_SELECTION, selectionnerMarche } from "../../domain/marcheTerritoire.js";
import { ErreurReferentielAbsent, ErreurValidation } from "../erreurs.js";
import { attributionRome, MESSAGE_BMO_ABSENT } from "../metiers/metiers.js";
import { casUsage } from "../pipeline.js";

/** Recherche publique de communes (code postal ou nom), pour l'autocomplétion ; aucune donnée personnelle. */
export const rechercherCommunes = casUsage({
  nom: "territoires.rechercher",
  entree: z.object({
    q: z
      .string({ error: "Saisissez un code postal ou un nom de commune." })
      .trim()
      .min(2, "Saisissez au moins 2 caractères (code postal ou nom de commune).")
      .max(100, "La recherche ne doit pas dépasser 100 caractères."),
    limit: z.coerce
      .number({ error: "La limite doit être un nombre." })
      .int("La limite doit être un nombre entier.")
      .min(1, "La limite doit être comprise entre 1 et 50.")
      .max(50, "La limite doit être comprise entre 1 et 50.")
      .default(10),
  }),
  autoriser: () => {},
  audit: false,
  async executer({ entree, services }) {
    return {
      communes: services.territoires?.rechercher(entree.q, entree.limit) ?? [],
      source: "Source : @etalab/decoupage-administratif (Code officiel géographique de l'Insee)",
    };
  },
});

/**
 * Information territoriale (niveau 1) : pour la région d'une commune, les métiers qui recrutent le plus, ceux jugés les
 * plus difficiles à pourvoir et ceux de la transition écologique qui recrutent (enquête BMO), chacun avec ses fiches
 * ROME 4.0 ; règles de sélection : src/domain/marcheTerritoire.ts. Lecture publique d'un référentiel, sans donnée
 * personnelle (pas d'événement d'audit).
 */
export const marcheTerritoire = casUsage({
  nom: "territoires.marche",
  entree: z.object({
    codeRegion: z
      .string({ error: "Le code de région est obligatoire." })
      .regex(
        /^\d{2,3}$/,
        "Le code de région est formé de 2 chiffres (ex. 84 pour Auvergne-Rhône-Alpes, code officiel géographique).",
      ),
  }),
  autoriser: () => {},
  audit: false,
  async executer({ entree, depots, services }) {
    const rome = await depots.referentiels.versionActive("rome");
    if (!rome) throw new ErreurReferentielAbsent();
    const bmo = await depots.referentiels.versionActive("bmo");
    if (!bmo) throw new ErreurReferentielAbsent(MESSAGE_BMO_ABSENT);
    const marche = await depots.referentiels.marcheRegion(entree.codeRegion);
    const officielle = services.territoires?.regions().find((r) => r.code === entree.codeRegion);
    if (!marche.region && !officielle)
      throw new ErreurValidation([
        {
          champ: "codeRegion",
          message: `Aucune région de code ${entree.codeRegion}. Régions de l'enquête : ${marche.regions
            .map((r) => `${r.code} (${r.nom})`)
            .join(", ")}.`,
        },
      ]);
    const selection = selectionnerMarche(marche.metiers);
    const projets = marche.metiers.reduce((t, m) => t + (m.projets ?? 0), 0);
    return {
      region: marche.region ?? { code: entree.codeRegion, nom: officielle!.nom },
      couverte: marche.region !== null,
      enquete: bmo.version,
      projets,
      bassinsSecrets: marche.metiers.some((m) => m.bassinsSecrets > 0),
      nombreMetiers: marche.metiers.filter((m) => m.projets !== null).length,
      ...selection,
      regles: REGLES_SELECTION,
      message: marche.region
        ? null
        : `L'enquête ${bmo.version} ne couvre pas ${officielle!.nom} : aucun chiffre de recrutement n'est disponible pour ce territoire.`,
      source: `Source : France Travail, enquête ${bmo.version} ; Dares, table de passage ROME → FAP-2021`,
      sourceRome: attributionRome(rome.version),
    };
  },
});
