import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Accueil et niveau 1 : l'état des lieux de niveau 1 que le conseiller remplit à la fin du niveau 1 (une fiche par
 * parcours, versionnée : écritures concurrentes → 409). La synthèse du parcours le reprend (docs/synthese.md).
 */
export function migration0006(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("etat_des_lieux")
        .addColumn("parcours_id", "text", (c) => c.primaryKey().references("parcours.id"))
        .addColumn("demande", "text", (c) => c.notNull())
        .addColumn("besoin", "text", (c) => c.notNull())
        .addColumn("informations", "text", (c) => c.notNull())
        .addColumn("decision", "text", (c) => c.notNull())
        .addColumn("orientation", "text", (c) => c.notNull())
        .addColumn("auteur_id", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .addColumn("modifie_le", d.horodatage, (c) => c.notNull())
        .execute();
    },
  };
}
