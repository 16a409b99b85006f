import { z } from "zod";
import {
  type DecisionOrientation,
  decider,
  incoherences,
  STATUTS_ORIENTATION,
} from "../../domain/orientation.js";
import { ErreurValidation } from "../erreurs.js";
import { casUsage } from "../pipeline.js";

const ouiNon = (question: string) =>
  z.boolean({ error: `${question} : réponse oui ou non attendue (true ou false).` });

export const schemaOrientation = z
  .object({
    statut: z.enum(STATUTS_ORIENTATION, {
      error: `Situation inconnue ; valeurs possibles : ${STATUTS_ORIENTATION.join(", ")}.`,
    }),
    cadre: ouiNon("Statut cadre"),
    age: z
      .number({ error: "Âge attendu, en années." })
      .int("Âge attendu en années entières.")
      .min(14, "L'âge indiqué est trop bas (14 ans au moins).")
      .max(99, "L'âge indiqué est trop élevé."),
    handicapReconnu: ouiNon("Handicap reconnu"),
    codePostal: z
      .string({ error: "Code postal attendu (5 chiffres, ex. 69003)." })
      .trim()
      .regex(/^\d{5}$/, "Le code postal comporte 5 chiffres (ex. 69003)."),
    rechercheEmploi: ouiNon("Recherche d'emploi"),
    projetDemission: ouiNon("Projet de démission"),
    exerceActivite: ouiNon("Activité professionnelle").optional(),
  })
  .strict();

export type EntreeOrientation = z.output<typeof schemaOrientation>;

/**
 * POST /api/v1/orientation : éligibilité au CEP et opérateurs compétents, le plus adapté d'abord (regles-cep.md §2).
 * Public et anonyme : rien n'est enregistré, donc pas d'événement d'audit.
 */
export const orienter = casUsage({
  nom: "orientation.decider",
  entree: schemaOrientation,
  autoriser: () => undefined,
  audit: false,
  async executer({ entree, services }): Promise<DecisionOrientation> {
    const referentiels = services.orientation;
    if (!referentiels) throw new Error("Référentiels d'orientation non configurés.");
    const region = await referentiels.territoires.regionDuCodePostal(entree.codePostal);
    if (!region)
      throw new ErreurValidation([
        {
          champ: "codePostal",
          message: `Le code postal ${entree.codePostal} ne correspond à aucune commune.`,
        },
      ]);
    const { codePostal: _, ...reste } = entree;
    const situation = { ...reste, region };
    const erreurs = incoherences(situation);
    if (erreurs.length)
      throw new ErreurValidation(
        erreurs.map((e) => ({ champ: e.champ, message: e.message })),
        "La situation décrite est contradictoire.",
      );
    return decider(situation, await referentiels.portailsRegionaux());
  },
});
