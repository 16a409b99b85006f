import { type Kysely, sql } from "kysely";
import type { Dialecte } from "../dialecte.js";

/** Socle : organisations, comptes, sessions, parcours (minimal), journal d'audit, limites de débit. */
export function migration0001(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      const ts = d.horodatage;
      await db.schema
        .createTable("operateur")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("nom", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("code_region", "text")
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("cree_le", ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("site")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("operateur_id", "text", (c) => c.notNull().references("operateur.id"))
        .addColumn("nom", "text", (c) => c.notNull())
        .addColumn("adresse", "text")
        .addColumn("code_postal", "text")
        .addColumn("commune", "text")
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("cree_le", ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("site_operateur").on("site").column("operateur_id").execute();

      await db.schema
        .createTable("compte")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("prenom", "text", (c) => c.notNull())
        .addColumn("nom", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("operateur_id", "text", (c) => c.references("operateur.id"))
        .addColumn("hash_mot_de_passe", "text")
        .addColumn("actif", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("echecs_connexion", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("verrouille_jusqu_a", ts)
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("cree_le", ts, (c) => c.notNull())
        .addCheckConstraint(
          "compte_role_operateur",
          sql`(role in ('conseiller','responsable') and operateur_id is not null) or (role in ('beneficiaire','admin') and operateur_id is null)`,
        )
        .execute();
      await db.schema
        .createIndex("compte_operateur_role")
        .on("compte")
        .columns(["operateur_id", "role"])
        .execute();

      await db.schema
        .createTable("session")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("compte_id", "text", (c) => c.notNull().references("compte.id").onDelete("cascade"))
        .addColumn("jeton_csrf", "text", (c) => c.notNull())
        .addColumn("cree_le", ts, (c) => c.notNull())
        .addColumn("expire_le", ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("session_compte").on("session").column("compte_id").execute();

      await db.schema
        .createTable("jeton_reinitialisation")
        .addColumn("hash", "text", (c) => c.primaryKey())
        .addColumn("compte_id", "text", (c) => c.notNull().references("compte.id").onDelete("cascade"))
        .addColumn("cree_le", ts, (c) => c.notNull())
        .addColumn("expire_le", ts, (c) => c.notNull())
        .addColumn("utilise_le", ts)
        .execute();

      await db.schema
        .createTable("parcours")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("beneficiaire_id", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("operateur_id", "text", (c) => c.notNull().references("operateur.id"))
        .addColumn("referent_id", "text", (c) => c.references("compte.id"))
        .addColumn("niveau", "integer", (c) => c.notNull())
        .addColumn("phase", "text")
        .addColumn("statut", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("cree_le", ts, (c) => c.notNull())
        .addColumn("modifie_le", ts, (c) => c.notNull())
        .addCheckConstraint("parcours_niveau", sql`niveau in (1, 2)`)
        .execute();
      await db.schema
        .createIndex("parcours_operateur_referent")
        .on("parcours")
        .columns(["operateur_id", "referent_id"])
        .execute();
      await db.schema.createIndex("parcours_beneficiaire").on("parcours").column("beneficiaire_id").execute();

      await db.schema
        .createTable("evenement_audit")
        .addColumn("id", d.autoIncrement, (c) => c.primaryKey())
        .addColumn("horodatage", ts, (c) => c.notNull())
        .addColumn("acteur_compte_id", "text")
        .addColumn("acteur_role", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("resultat", "text", (c) => c.notNull())
        .addColumn("beneficiaire_id", "text")
        .addColumn("objet_type", "text")
        .addColumn("objet_id", "text")
        .addColumn("requete_id", "text", (c) => c.notNull())
        .addColumn("details", "text")
        .execute();
      await db.schema
        .createIndex("evenement_audit_beneficiaire")
        .on("evenement_audit")
        .columns(["beneficiaire_id", "horodatage"])
        .execute();
      // Le journal d'audit est en ajout seul : la base refuse toute modification ou suppression.
      for (const q of d.triggersAjoutSeul("evenement_audit")) await sql.raw(q).execute(db);

      await db.schema
        .createTable("limite_debit")
        .addColumn("cle", "text", (c) => c.notNull())
        .addColumn("fenetre", "text", (c) => c.notNull())
        .addColumn("compteur", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("limite_debit_pk", ["cle", "fenetre"])
        .execute();
    },
  };
}
