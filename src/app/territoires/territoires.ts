import { z } from "zod";
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
