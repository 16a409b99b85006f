import { hostname } from "node:os";
import { anonymiserParcoursInactifs } from "../app/moi/donnees.js";
import { envoyerRappels } from "../app/parcours/suivi.js";
import { envoyerQuestionnaires } from "../app/pilotage/satisfaction.js";
import type { ServicesApp } from "../app/pipeline.js";
import { purgerDonneesTechniques } from "../app/taches/maintenance.js";
import { executerSiLibre, type TachePlanifiee } from "../app/taches/planificateur.js";
import type { Configuration } from "../config.js";

const HEURE = 3_600_000;

/** Les tâches planifiées du produit et leur période (voir docs/exploitation.md et ADR 0002). */
export function tachesDuProduit(
  config: Pick<Configuration, "maintenanceSecondes" | "anonymisationAnnees">,
): TachePlanifiee[] {
  return [
    {
      nom: purgerDonneesTechniques.nom,
      periodeMs: config.maintenanceSecondes * 1000,
      cas: purgerDonneesTechniques,
    },
    { nom: envoyerRappels.nom, periodeMs: HEURE, cas: envoyerRappels },
    { nom: envoyerQuestionnaires.nom, periodeMs: 24 * HEURE, cas: envoyerQuestionnaires },
    {
      nom: anonymiserParcoursInactifs.nom,
      periodeMs: 24 * HEURE,
      cas: anonymiserParcoursInactifs,
      entree: { annees: config.anonymisationAnnees },
    },
  ];
}

export const identifiantProcessus = () => `${hostname()}:${process.pid}`;

export function demarrerPlanificateur(
  services: ServicesApp,
  taches: TachePlanifiee[],
  options: { processus: string; surErreur?: (e: unknown) => void },
): { arreter(): void } {
  const minuteurs = taches.map((t) => {
    const tic = () => {
      executerSiLibre(services, t, options.processus).catch((e) => options.surErreur?.(e));
    };
    // Vérifie plusieurs fois par période : un créneau n'est jamais manqué, et jamais exécuté deux fois.
    const m = setInterval(tic, Math.max(250, Math.min(t.periodeMs / 4, 60_000)));
    m.unref();
    tic();
    return m;
  });
  return {
    arreter: () => {
      for (const m of minuteurs) clearInterval(m);
    },
  };
}
