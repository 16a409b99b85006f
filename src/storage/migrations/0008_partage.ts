import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/** Co-suivi : un dossier partagé explicitement avec un conseiller de l'opérateur (ADR 0003). */
export function migration0008(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("parcours_partage")
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("conseiller_id", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("partage_par", "text", (c) => c.notNull())
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .addPrimaryKeyConstraint("parcours_partage_pk", ["parcours_id", "conseiller_id"])
        .execute();
      await db.schema
        .createIndex("parcours_partage_conseiller")
        .on("parcours_partage")
        .column("conseiller_id")
        .execute();
    },
  };
}
