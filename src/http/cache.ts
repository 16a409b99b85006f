import type { z } from "zod";
import type { CasUsage } from "../app/pipeline.js";

/** Au-delà de cette durée (en nombre de périodes), un résultat périmé n'est plus servi pendant son recalcul. */
const PERIODES_PERIME = 4;

/**
 * Garde en mémoire, par processus et pour une durée donnée, le résultat d'un cas d'usage de lecture publique et
 * coûteux (statistiques publiques : une lecture de tous les parcours de l'année, 12 à 16 s à un million de parcours, sur
 * une page sans compte). Clé : l'entrée validée. Les demandes simultanées partagent le même calcul ; un échec n'est pas
 * gardé. Passé la durée, le résultat périmé est encore servi tandis qu'un seul recalcul tourne en arrière-plan (il le
 * remplace quand il aboutit) : le visiteur n'attend pas le calcul, sauf le premier, ou si le résultat a plus de
 * `PERIODES_PERIME` durées. Réservé aux lectures sans donnée personnelle ni autorisation propre à l'acteur.
 */
export function enCache<S extends z.ZodType, R>(
  cas: CasUsage<S, R>,
  dureeMs: number,
  maintenant: () => number = Date.now,
): CasUsage<S, R> {
  type Resultat = ReturnType<CasUsage<S, R>["executer"]>;
  interface Garde {
    calculeLe: number;
    resultat: Resultat;
    pret: boolean;
    recalcul: boolean;
  }
  const memoire = new Map<string, Garde>();
  type Params = Parameters<CasUsage<S, R>["executer"]>[0];
  const calculer = (resultat: Resultat, t: number): Garde => {
    const g: Garde = { calculeLe: t, resultat, pret: false, recalcul: false };
    g.resultat.then(
      () => {
        g.pret = true;
      },
      () => {},
    );
    return g;
  };
  return {
    ...cas,
    executer(p) {
      const cle = JSON.stringify(p.entree ?? null);
      const t = maintenant();
      const garde = memoire.get(cle);
      if (garde && (t - garde.calculeLe < dureeMs || !garde.pret)) return garde.resultat;
      if (garde && t - garde.calculeLe < PERIODES_PERIME * dureeMs) {
        if (!garde.recalcul) {
          garde.recalcul = true;
          // Hors de la requête qui l'a déclenché : sa transaction est close quand il tourne, il en ouvre une à lui.
          const nouveau = calculer(
            p.services.stockage.transaction((depots) => cas.executer({ ...p, depots } as Params)),
            t,
          );
          nouveau.resultat.then(
            () => memoire.set(cle, nouveau),
            () => {
              garde.recalcul = false;
            },
          );
        }
        return garde.resultat;
      }
      const nouveau = calculer(cas.executer(p), t);
      memoire.set(cle, nouveau);
      nouveau.resultat.catch(() => {
        if (memoire.get(cle) === nouveau) memoire.delete(cle);
      });
      return nouveau.resultat;
    },
  };
}
