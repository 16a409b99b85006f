import type { z } from "zod";
import type { CasUsage } from "../app/pipeline.js";

/**
 * Garde en mémoire, par processus et pour une durée donnée, le résultat d'un cas d'usage de lecture publique et
 * coûteux (statistiques publiques : une lecture de tous les parcours de l'année, plusieurs secondes à l'échelle
 * nationale, sur une page sans compte). Clé : l'entrée validée. Les demandes simultanées partagent le même calcul ;
 * un échec n'est pas gardé. Réservé aux lectures sans donnée personnelle ni autorisation propre à l'acteur.
 */
export function enCache<S extends z.ZodType, R>(
  cas: CasUsage<S, R>,
  dureeMs: number,
  maintenant: () => number = Date.now,
): CasUsage<S, R> {
  const memoire = new Map<string, { expire: number; resultat: ReturnType<CasUsage<S, R>["executer"]> }>();
  return {
    ...cas,
    executer(p) {
      const cle = JSON.stringify(p.entree ?? null);
      const t = maintenant();
      const garde = memoire.get(cle);
      if (garde && garde.expire > t) return garde.resultat;
      const resultat = cas.executer(p);
      memoire.set(cle, { expire: t + dureeMs, resultat });
      resultat.catch(() => memoire.delete(cle));
      return resultat;
    },
  };
}
