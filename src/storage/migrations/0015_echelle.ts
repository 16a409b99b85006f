import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Index pour l'échelle nationale (BENCHMARKS.md, section « echelle ») : les tâches quotidiennes d'anonymisation
 * (`closAvant` : parcours clos avant une date, non anonymisés) et de questionnaire de satisfaction (`closEntre` : parcours
 * clos entre deux dates) parcouraient toute la table des parcours ; avec l'index, elles ne lisent que la tranche de dates
 * utile, sur SQLite comme sur PostgreSQL.
 */
export function migration0015(_d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex("parcours_statut_clos")
        .on("parcours")
        .columns(["statut", "clos_le"])
        .execute();
    },
  };
}
