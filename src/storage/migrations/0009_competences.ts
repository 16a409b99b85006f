import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Conseil personnalisé (ticket 6) : certifications RNCP/RS liées aux codes ROME (référentiel versionné), profil de
 * compétences d'un parcours (document JSON versionné), pistes retenues pour en parler, projets professionnels.
 */
export function migration0009(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("certification")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("numero_fiche", "text", (c) => c.notNull())
        .addColumn("intitule", "text")
        .addColumn("niveau", "text")
        .addColumn("actif", "integer")
        .execute();
      await db.schema
        .createIndex("certification_numero")
        .on("certification")
        .columns(["version_id", "numero_fiche"])
        .execute();
      await db.schema
        .createTable("certification_rome")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("numero_fiche", "text", (c) => c.notNull())
        .addColumn("code_rome", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("certification_rome_code")
        .on("certification_rome")
        .columns(["version_id", "code_rome"])
        .execute();
      await db.schema
        .createTable("certification_certificateur")
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("numero_fiche", "text", (c) => c.notNull())
        .addColumn("siret", "text", (c) => c.notNull())
        .addColumn("nom", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("certification_certificateur_numero")
        .on("certification_certificateur")
        .columns(["version_id", "numero_fiche"])
        .execute();

      await db.schema
        .createTable("profil_competences")
        .addColumn("parcours_id", "text", (c) => c.primaryKey().references("parcours.id"))
        .addColumn("contenu", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("modifie_par", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .addColumn("modifie_le", d.horodatage, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("piste_retenue")
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("code_rome", "text", (c) => c.notNull())
        .addColumn("libelle", "text", (c) => c.notNull())
        .addColumn("commentaire", "text")
        .addColumn("auteur_id", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .addPrimaryKeyConstraint("piste_retenue_pk", ["parcours_id", "code_rome"])
        .execute();
      await db.schema
        .createTable("projet_professionnel")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("code_rome", "text", (c) => c.notNull())
        .addColumn("libelle_metier", "text", (c) => c.notNull())
        .addColumn("type_changement", "text", (c) => c.notNull())
        .addColumn("description", "text")
        .addColumn("statut", "text", (c) => c.notNull())
        .addColumn("decision", "text")
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("auteur_id", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .addColumn("modifie_le", d.horodatage, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("projet_professionnel_parcours")
        .on("projet_professionnel")
        .column("parcours_id")
        .execute();
    },
  };
}
