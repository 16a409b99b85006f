import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Accueil et niveau 1 : l'état des lieux de niveau 1 que le conseiller remplit à la fin du niveau 1 (une fiche par
 * parcours, versionnée : écritures concurrentes → 409). La synthèse du parcours le reprend (docs/synthese.md).
 * Réunions collectives d'information : la séance (thème, site ou à distance, date, places) et les inscriptions ; la place
 * (confirmée ou liste d'attente) se déduit de l'ordre d'inscription (src/domain/reunions.ts), seule l'annulation est écrite.
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
      await db.schema
        .createTable("reunion_information")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("operateur_id", "text", (c) => c.notNull().references("operateur.id"))
        .addColumn("theme", "text", (c) => c.notNull())
        .addColumn("lieu", "text", (c) => c.notNull())
        .addColumn("site_id", "text", (c) => c.references("site.id"))
        .addColumn("debut", d.horodatage, (c) => c.notNull())
        .addColumn("duree_minutes", "integer", (c) => c.notNull())
        .addColumn("places", "integer", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("reunion_information_debut")
        .on("reunion_information")
        .columns(["debut"])
        .execute();
      await db.schema
        .createTable("inscription_reunion")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("reunion_id", "text", (c) => c.notNull().references("reunion_information.id"))
        .addColumn("nom", "text", (c) => c.notNull())
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("compte_id", "text", (c) => c.references("compte.id"))
        .addColumn("inscrit_le", d.horodatage, (c) => c.notNull())
        .addColumn("annulee_le", d.horodatage)
        .addColumn("present", "integer")
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex("inscription_reunion_compte")
        .on("inscription_reunion")
        .columns(["compte_id"])
        .execute();
    },
  };
}
