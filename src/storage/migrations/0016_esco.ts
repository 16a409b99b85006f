import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Référentiel ESCO (Commission européenne, CC BY 4.0), versionné comme les autres : libellés français des métiers ESCO
 * et correspondance officielle ESCO ↔ ROME (France Travail) vers les appellations, pour la recherche d'intitulés.
 */
export function migration0016(_d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("esco_metier")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("uri", "text", (c) => c.notNull())
        .addColumn("libelle", "text", (c) => c.notNull())
        // libellés alternatifs, un par ligne
        .addColumn("libelles_alternatifs", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("esco_metier_uri")
        .on("esco_metier")
        .columns(["version_id", "uri"])
        .execute();
      await db.schema
        .createTable("esco_rome")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("uri", "text", (c) => c.notNull())
        .addColumn("code_ogr", "text", (c) => c.notNull())
        .addColumn("relation", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("esco_rome_version")
        .on("esco_rome")
        .columns(["version_id", "uri"])
        .execute();
    },
  };
}
