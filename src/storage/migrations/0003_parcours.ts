import { type Kysely, sql } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Parcours complet (ticket 4) : situation et demande du bénéficiaire, historique daté des transitions, notes,
 * entretiens, rendez-vous, échanges écrits, consentements, demandes d'effacement, transferts, anonymisation.
 * Étend la table `parcours` de 0001 sans la réécrire.
 */
export function migration0003(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      const ts = d.horodatage;
      for (const col of [
        "demande",
        "situation_statut",
        "situation_secteur",
        "situation_qualification",
        "situation_tranche_age",
        "situation_commune",
        "handicap",
        "suppleant_jusqu_au",
      ])
        await db.schema.alterTable("parcours").addColumn(col, "text").execute();
      await db.schema
        .alterTable("parcours")
        .addColumn("suppleant_id", "text", (c) => c.references("compte.id"))
        .execute();
      await db.schema.alterTable("parcours").addColumn("clos_le", ts).execute();
      await db.schema.alterTable("parcours").addColumn("anonymise_le", ts).execute();

      await db.schema
        .createTable("transition_parcours")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("niveau", "integer")
        .addColumn("phase", "text")
        .addColumn("motif", "text")
        .addColumn("retour_prevu", "text")
        .addColumn("commentaire", "text")
        .addColumn("auteur_id", "text", (c) => c.references("compte.id"))
        .addColumn("le", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("transition_parcours_parcours")
        .on("transition_parcours")
        .columns(["parcours_id", "le"])
        .execute();
      // Les parcours créés avant cette migration reçoivent leur ouverture, datée de leur création.
      await sql`insert into transition_parcours (id, parcours_id, type, niveau, phase, le)
        select 'ouverture-' || id, id, 'ouverture', niveau, phase, cree_le from parcours`.execute(db);

      await db.schema
        .createTable("note")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("auteur_id", "text", (c) => c.references("compte.id"))
        .addColumn("texte", "text", (c) => c.notNull())
        .addColumn("partagee", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("cree_le", ts, (c) => c.notNull())
        .addColumn("modifie_le", ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("note_parcours").on("note").column("parcours_id").execute();

      await db.schema
        .createTable("entretien")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("auteur_id", "text", (c) => c.references("compte.id"))
        .addColumn("modalite", "text", (c) => c.notNull())
        .addColumn("site_id", "text", (c) => c.references("site.id"))
        .addColumn("le", ts, (c) => c.notNull())
        .addColumn("duree_minutes", "integer", (c) => c.notNull())
        .addColumn("participants", "text")
        .addColumn("resume", "text", (c) => c.notNull())
        .addColumn("cree_le", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("entretien_parcours")
        .on("entretien")
        .columns(["parcours_id", "le"])
        .execute();

      await db.schema
        .createTable("rendez_vous")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("auteur_id", "text", (c) => c.references("compte.id"))
        .addColumn("debut", ts, (c) => c.notNull())
        .addColumn("duree_minutes", "integer", (c) => c.notNull())
        .addColumn("modalite", "text", (c) => c.notNull())
        .addColumn("site_id", "text", (c) => c.references("site.id"))
        .addColumn("lieu", "text")
        .addColumn("statut", "text", (c) => c.notNull())
        .addColumn("rappel_envoye_le", ts)
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("cree_le", ts, (c) => c.notNull())
        .addColumn("modifie_le", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("rendez_vous_parcours")
        .on("rendez_vous")
        .columns(["parcours_id", "debut"])
        .execute();
      await db.schema
        .createIndex("rendez_vous_debut")
        .on("rendez_vous")
        .columns(["debut", "statut"])
        .execute();

      await db.schema
        .createTable("message")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("auteur_id", "text", (c) => c.references("compte.id"))
        .addColumn("texte", "text", (c) => c.notNull())
        .addColumn("cree_le", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("message_parcours")
        .on("message")
        .columns(["parcours_id", "cree_le"])
        .execute();

      await db.schema
        .createTable("consentement")
        .addColumn("compte_id", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("accorde", "integer", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("modifie_le", ts, (c) => c.notNull())
        .addPrimaryKeyConstraint("consentement_pk", ["compte_id", "type"])
        .execute();

      await db.schema
        .createTable("demande_effacement")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("beneficiaire_id", "text", (c) => c.notNull().references("compte.id"))
        .addColumn("motif", "text")
        .addColumn("statut", "text", (c) => c.notNull())
        .addColumn("reponse", "text")
        .addColumn("traitee_par", "text", (c) => c.references("compte.id"))
        .addColumn("traitee_le", ts)
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("cree_le", ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("transfert")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parcours_id", "text", (c) => c.notNull().references("parcours.id"))
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("auteur_id", "text", (c) => c.references("compte.id"))
        .addColumn("de_compte_id", "text", (c) => c.references("compte.id"))
        .addColumn("vers_compte_id", "text", (c) => c.references("compte.id"))
        .addColumn("vers_operateur_id", "text", (c) => c.references("operateur.id"))
        .addColumn("jusqu_au", "text")
        .addColumn("motif", "text", (c) => c.notNull())
        .addColumn("statut", "text", (c) => c.notNull())
        .addColumn("reponse", "text")
        .addColumn("repondu_le", ts)
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("cree_le", ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("transfert_parcours").on("transfert").column("parcours_id").execute();
      await db.schema
        .createIndex("transfert_vers_operateur")
        .on("transfert")
        .columns(["vers_operateur_id", "statut"])
        .execute();
    },
  };
}
