import { type Kysely, sql } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Financement : surcharges des paramètres datés par un administrateur. Chaque paramètre surchargé a une version
 * (écritures concurrentes → 409) ; l'historique des valeurs est en ajout seul.
 */
export function migration0004(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("parametre_financement")
        .addColumn("parametre_id", "text", (c) => c.primaryKey())
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("modifie_le", d.horodatage, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("surcharge_parametre")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parametre_id", "text", (c) =>
          c.notNull().references("parametre_financement.parametre_id"),
        )
        .addColumn("debut", "text", (c) => c.notNull())
        .addColumn("valeur", "text")
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("motif", "text", (c) => c.notNull())
        .addColumn("auteur_compte_id", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("surcharge_parametre_parametre")
        .on("surcharge_parametre")
        .columns(["parametre_id", "cree_le"])
        .execute();
      for (const q of d.triggersAjoutSeul("surcharge_parametre")) await sql.raw(q).execute(db);
    },
  };
}
