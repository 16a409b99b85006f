import { type Kysely, sql } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Document de synthèse (docs/synthese.md) :
 * - le brouillon du conseiller (un par parcours, versionné : 409 en cas d'écriture concurrente) ;
 * - les versions émises, figées : contenu en JSON canonique et empreinte SHA-256 ne peuvent plus changer (déclencheur),
 *   seul l'accusé de lecture du bénéficiaire s'y ajoute ;
 * - les demandes de correction du bénéficiaire ;
 * - les accords de partage, un par destinataire, révocables, et les liens de partage (jeton en empreinte).
 */
export function migration0011(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("synthese_brouillon")
        .addColumn("parcours_id", "text", (c) => c.primaryKey().references("parcours.id"))
        .addColumn("niveau", "integer", (c) => c.notNull())
        .addColumn("conclusions", "text")
        .addColumn("prochaines_etapes", "text")
        .addColumn("auteur_id", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .addColumn("modifie_le", d.horodatage, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("synthese_version")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("numero", "integer", (c) => c.notNull())
        .addColumn("niveau", "integer", (c) => c.notNull())
        .addColumn("contenu", "text", (c) => c.notNull())
        .addColumn("empreinte", "text", (c) => c.notNull())
        .addColumn("emise_le", d.horodatage, (c) => c.notNull())
        .addColumn("emise_par", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("accusee_le", d.horodatage)
        .addUniqueConstraint("synthese_version_numero", ["parcours_id", "numero"])
        .execute();
      // Une version émise ne change plus : ni son contenu, ni son empreinte, ni son numéro (seul l'accusé de lecture s'y
      // ajoute). Elle ne disparaît qu'avec l'anonymisation du parcours (durée de conservation, droit à l'effacement).
      const figee = "une version émise de la synthèse est figée";
      const colonnes = "contenu, empreinte, numero, niveau, emise_le, parcours_id";
      if (d.type === "sqlite")
        await sql
          .raw(
            `create trigger synthese_version_figee before update of ${colonnes} on synthese_version begin select raise(abort, '${figee}'); end`,
          )
          .execute(db);
      else {
        await sql
          .raw(
            `create or replace function synthese_version_figee() returns trigger language plpgsql as $$ begin raise exception '${figee}'; end $$`,
          )
          .execute(db);
        await sql
          .raw(
            `create trigger synthese_version_figee before update of ${colonnes} on synthese_version for each row execute function synthese_version_figee()`,
          )
          .execute(db);
      }
      await db.schema
        .createTable("synthese_correction")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("numero", "integer", (c) => c.notNull())
        .addColumn("auteur_id", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("commentaire", "text", (c) => c.notNull())
        .addColumn("demandee_le", d.horodatage, (c) => c.notNull())
        .addColumn("traitee_le", d.horodatage)
        .addColumn("corrigee_par_numero", "integer")
        .execute();
      await db.schema
        .createIndex("synthese_correction_parcours")
        .on("synthese_correction")
        .column("parcours_id")
        .execute();
      await db.schema
        .createTable("synthese_accord")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("beneficiaire_id", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("destinataire", "text", (c) => c.notNull())
        .addColumn("type_destinataire", "text", (c) => c.notNull())
        .addColumn("accorde_le", d.horodatage, (c) => c.notNull())
        .addColumn("retire_le", d.horodatage)
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex("synthese_accord_parcours")
        .on("synthese_accord")
        .column("parcours_id")
        .execute();
      await db.schema
        .createTable("synthese_lien")
        .addColumn("hash", "text", (c) => c.primaryKey())
        .addColumn("accord_id", "text", (c) => c.notNull().references("synthese_accord.id"))
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("numero", "integer", (c) => c.notNull())
        .addColumn("cree_par", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .addColumn("expire_le", d.horodatage, (c) => c.notNull())
        .execute();
    },
  };
}
