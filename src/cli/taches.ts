import { randomUUID } from "node:crypto";
import { systeme } from "../app/acteur.js";
import { anonymiserParcoursInactifs } from "../app/moi/donnees.js";
import { envoyerRappels } from "../app/parcours/suivi.js";
import { executer, type ServicesApp } from "../app/pipeline.js";
import type { Configuration } from "../config.js";

/**
 * Tâches planifiées : chacune est un cas d'usage idempotent, lancé par `cep rappels` / `cep anonymiser` (cron)
 * ou par un minuteur de `cep serve`. Plusieurs processus peuvent les lancer en même temps sans double effet : le
 * rappel est réservé par une écriture conditionnelle, un parcours anonymisé n'est plus sélectionné. (Un verrou de
 * tâche en base, `FOR UPDATE SKIP LOCKED`, est prévu au ticket 10.)
 */
export function lancerTache(
  services: ServicesApp,
  tache: "rappels" | "anonymisation",
  config: Pick<Configuration, "anonymisationAnnees">,
) {
  const contexte = { acteur: systeme, requeteId: `tache-${randomUUID()}` };
  return tache === "rappels"
    ? executer(services, envoyerRappels, {}, contexte)
    : executer(services, anonymiserParcoursInactifs, { annees: config.anonymisationAnnees }, contexte);
}

export function planifierTaches(
  services: ServicesApp,
  config: Pick<Configuration, "anonymisationAnnees">,
  journal: { info(o: object, m: string): void; error(o: object, m: string): void },
) {
  const lancer = (tache: "rappels" | "anonymisation") => async () => {
    try {
      const r = await lancerTache(services, tache, config);
      // Le journal technique ne reçoit que des nombres, jamais de donnée personnelle.
      journal.info(
        {
          tache,
          ...("envoyes" in r ? { envoyes: r.envoyes } : { anonymises: r.parcoursAnonymises.length }),
        },
        "tâche planifiée exécutée",
      );
    } catch (err) {
      journal.error({ tache, err }, "tâche planifiée en échec");
    }
  };
  const heure = 3_600_000;
  const minuteurs = [setInterval(lancer("rappels"), heure), setInterval(lancer("anonymisation"), 24 * heure)];
  for (const m of minuteurs) m.unref();
  setTimeout(lancer("rappels"), 5_000).unref();
  return minuteurs;
}
