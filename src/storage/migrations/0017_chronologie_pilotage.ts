import type { Kysely } from "kysely";
import { recalculerChronologies } from "../chronologiePilotage.js";
import type { Dialecte } from "../dialecte.js";

/**
 * Chronologie de pilotage tenue sur le parcours (src/storage/chronologiePilotage.ts) : trois colonnes JSON
 * (transitions, entretiens, documents remis), remplies ici pour les parcours existants. Le tableau de bord d'un opérateur
 * de 82 000 parcours lisait 2,5 millions de transitions, 3,8 millions d'entretiens et les documents de la période (8 s à
 * 1 000 000 de parcours sur PostgreSQL) ; il lit désormais une ligne par parcours (BENCHMARKS.md, « echelle »).
 */
export function migration0017(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("parcours")
        .addColumn("pilotage_transitions", "text", (c) => c.notNull().defaultTo("[]"))
        .execute();
      await db.schema
        .alterTable("parcours")
        .addColumn("pilotage_entretiens", "text", (c) => c.notNull().defaultTo("[]"))
        .execute();
      await db.schema
        .alterTable("parcours")
        .addColumn("pilotage_documents", "text", (c) => c.notNull().defaultTo("[]"))
        .execute();
      await recalculerChronologies(db, d);
    },
  };
}
