import { z } from "zod";
import { ErreurAccesRefuse } from "../erreurs.js";
import { casUsage } from "../pipeline.js";

/** Purge des données techniques périmées : sessions expirées, jetons usés ou expirés, compteurs de débit anciens. */
export const purgerDonneesTechniques = casUsage({
  nom: "tache.maintenance",
  entree: z.object({}),
  autoriser: ({ acteur }) => {
    if (acteur.type !== "systeme") throw new ErreurAccesRefuse("Tâche réservée à la plateforme.");
  },
  async executer({ depots, services }) {
    const maintenant = services.horloge.maintenant();
    const iso = maintenant.toISOString();
    const ilYAUneHeure = new Date(maintenant.getTime() - 3_600_000).toISOString().slice(0, 16);
    return {
      sessions: await depots.sessions.purgerExpirees(iso),
      jetons: await depots.jetons.purger(iso),
      compteurs: await depots.limites.purgerAvant(ilYAUneHeure),
    };
  },
  audit: (_e, r) => ({ objetType: "maintenance", details: r }),
});
