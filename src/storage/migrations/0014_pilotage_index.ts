import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Index des lectures du pilotage : les inscriptions d'une réunion d'information (indicateur des réunions tenues, et
 * liste des inscrits d'une séance) étaient lues par un parcours complet de la table `inscription_reunion`.
 */
export function migration0014(_d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex("inscription_reunion_reunion")
        .on("inscription_reunion")
        .columns(["reunion_id", "inscrit_le"])
        .execute();
    },
  };
}
