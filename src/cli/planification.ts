import { hostname } from "node:os";
import type { ServicesApp } from "../app/pipeline.js";
import { purgerDonneesTechniques } from "../app/taches/maintenance.js";
import { executerSiLibre, type TachePlanifiee } from "../app/taches/planificateur.js";
import type { Configuration } from "../config.js";

/** Les tâches planifiées du produit et leur période (configurable). */
export function tachesDuProduit(config: Pick<Configuration, "maintenanceSecondes">): TachePlanifiee[] {
  return [
    { nom: "maintenance.purger", periodeMs: config.maintenanceSecondes * 1000, cas: purgerDonneesTechniques },
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
