import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Tâches planifiées : une ligne par (tâche, créneau). La clé primaire garantit qu'un créneau n'est exécuté qu'une fois,
 * même avec plusieurs processus sur la même base (le premier qui insère gagne, les autres voient le conflit).
 */
export function migration0005(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("execution_tache")
        .addColumn("nom", "text", (c) => c.notNull())
        .addColumn("creneau", "text", (c) => c.notNull())
        .addColumn("processus", "text", (c) => c.notNull())
        .addColumn("demarre_le", d.horodatage, (c) => c.notNull())
        .addColumn("termine_le", d.horodatage)
        .addColumn("resultat", "text")
        .addPrimaryKeyConstraint("execution_tache_pk", ["nom", "creneau"])
        .execute();
    },
  };
}
