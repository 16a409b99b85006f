import { randomUUID } from "node:crypto";
import { systeme } from "../acteur.js";
import { type CasUsage, executer, type ServicesApp } from "../pipeline.js";

/**
 * Tâches planifiées (rappels, purge, anonymisation…). Chaque processus serveur fait tourner le même minuteur ; pour chaque
 * créneau (période écoulée depuis l'époque Unix), un seul processus réserve l'exécution en base et lance le cas d'usage.
 * Les tâches sont idempotentes : un créneau perdu (processus arrêté en cours de tâche) est rattrapé au suivant.
 */
export interface TachePlanifiee {
  nom: string;
  periodeMs: number;
  // biome-ignore lint/suspicious/noExplicitAny: toute tâche sans entrée convient.
  cas: CasUsage<any, any>;
  /** Entrée du cas d'usage (vide par défaut). */
  entree?: unknown;
}

export const creneauDe = (date: Date, periodeMs: number) => String(Math.floor(date.getTime() / periodeMs));

/** Exécute la tâche pour le créneau courant si aucun processus ne l'a déjà fait ; renvoie le résultat, ou null. */
export async function executerSiLibre(services: ServicesApp, tache: TachePlanifiee, processus: string) {
  const maintenant = services.horloge.maintenant();
  const creneau = creneauDe(maintenant, tache.periodeMs);
  const depots = services.stockage.depots;
  if (!(await depots.taches.reserver(tache.nom, creneau, processus, maintenant.toISOString()))) return null;
  let resultat: unknown;
  try {
    resultat = await executer(
      services,
      tache.cas,
      {},
      { acteur: systeme(tache.nom), requeteId: randomUUID() },
    );
  } catch (e) {
    resultat = { erreur: e instanceof Error ? e.message : String(e) };
  }
  await depots.taches.terminer(
    tache.nom,
    creneau,
    services.horloge.maintenant().toISOString(),
    JSON.stringify(resultat),
  );
  return resultat;
}
