import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Référentiels versionnés : chaque import charge une nouvelle version à côté de la version active (statut « chargement »),
 * la vérifie, puis la bascule en une transaction (« active » ; l'ancienne devient « precedente » jusqu'à l'import suivant).
 * Toutes les tables de contenu portent `version_id` : deux versions coexistent sans se gêner.
 */
export function migration0002(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      const ts = d.horodatage;
      await db.schema
        .createTable("referentiel_version")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("nom", "text", (c) => c.notNull())
        .addColumn("version", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("statut", "text", (c) => c.notNull())
        .addColumn("compteurs", "text")
        .addColumn("charge_le", ts, (c) => c.notNull())
        .addColumn("active_le", ts)
        .execute();
      await db.schema
        .createIndex("referentiel_version_nom_statut")
        .on("referentiel_version")
        .columns(["nom", "statut"])
        .execute();

      await db.schema
        .createTable("rome_domaine")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("libelle", "text", (c) => c.notNull())
        .addColumn("parent", "text")
        .addPrimaryKeyConstraint("rome_domaine_pk", ["version_id", "code"])
        .execute();

      await db.schema
        .createTable("rome_fiche")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("code_rome", "text", (c) => c.notNull())
        .addColumn("code_ogr", "text", (c) => c.notNull())
        .addColumn("libelle", "text", (c) => c.notNull())
        .addColumn("code_domaine", "text", (c) => c.notNull())
        .addColumn("transition_eco", "text")
        .addColumn("transition_num", "integer", (c) => c.notNull())
        .addColumn("transition_demo", "integer", (c) => c.notNull())
        .addColumn("emploi_reglemente", "integer", (c) => c.notNull())
        .addColumn("emploi_cadre", "integer", (c) => c.notNull())
        .addColumn("code_rome_parent", "text")
        .addColumn("riasec_majeur", "text")
        .addColumn("riasec_mineur", "text")
        .addColumn("definition", "text")
        .addColumn("acces", "text")
        .addPrimaryKeyConstraint("rome_fiche_pk", ["version_id", "code_rome"])
        .execute();

      await db.schema
        .createTable("rome_appellation")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("code_ogr", "text", (c) => c.notNull())
        .addColumn("code_rome", "text", (c) => c.notNull())
        .addColumn("libelle", "text", (c) => c.notNull())
        .addColumn("libelle_court", "text", (c) => c.notNull())
        .addColumn("principale", "integer", (c) => c.notNull())
        .addColumn("peu_usite", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("rome_appellation_pk", ["version_id", "code_ogr"])
        .execute();
      await db.schema
        .createIndex("rome_appellation_fiche")
        .on("rome_appellation")
        .columns(["version_id", "code_rome"])
        .execute();

      await db.schema
        .createTable("rome_item")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("code_ogr", "text", (c) => c.notNull())
        .addColumn("libelle", "text", (c) => c.notNull())
        .addColumn("rubrique", "text", (c) => c.notNull())
        .addColumn("categorie", "text")
        .addColumn("sous_categorie", "text")
        .addColumn("macro_code_ogr", "text")
        .addPrimaryKeyConstraint("rome_item_pk", ["version_id", "code_ogr"])
        .execute();

      await db.schema
        .createTable("rome_lien")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("code_rome", "text", (c) => c.notNull())
        .addColumn("code_ogr", "text", (c) => c.notNull())
        .addColumn("coeur_metier", "text")
        .execute();
      await db.schema
        .createIndex("rome_lien_fiche")
        .on("rome_lien")
        .columns(["version_id", "code_rome"])
        .execute();

      await db.schema
        .createTable("rome_mobilite")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("code_rome", "text", (c) => c.notNull())
        .addColumn("code_rome_cible", "text", (c) => c.notNull())
        .addColumn("ordre", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("rome_mobilite_fiche")
        .on("rome_mobilite")
        .columns(["version_id", "code_rome"])
        .execute();

      // Marché du travail : enquête BMO (par bassin d'emploi ; null = secret statistique) et passage ROME → FAP.
      await db.schema
        .createTable("bmo_bassin")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("code_metier", "text", (c) => c.notNull())
        .addColumn("libelle_metier", "text", (c) => c.notNull())
        .addColumn("code_region", "text", (c) => c.notNull())
        .addColumn("nom_region", "text", (c) => c.notNull())
        .addColumn("code_departement", "text", (c) => c.notNull())
        .addColumn("code_bassin", "text", (c) => c.notNull())
        .addColumn("projets", "integer")
        .addColumn("difficiles", "integer")
        .addColumn("saisonniers", "integer")
        .execute();
      await db.schema
        .createIndex("bmo_bassin_metier")
        .on("bmo_bassin")
        .columns(["version_id", "code_metier"])
        .execute();
      await db.schema
        .createIndex("bmo_bassin_region")
        .on("bmo_bassin")
        .columns(["version_id", "code_region"])
        .execute();

      await db.schema
        .createTable("fap_rome")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("code_rome_v3", "text", (c) => c.notNull())
        .addColumn("qualification", "text", (c) => c.notNull())
        .addColumn("code_fap341", "text", (c) => c.notNull())
        .addColumn("code_fap228", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("fap_rome_code")
        .on("fap_rome")
        .columns(["version_id", "code_rome_v3"])
        .execute();
    },
  };
}
