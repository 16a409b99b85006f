import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Inscriptions aux réunions d'information anonymisées (ADR 0004) : la ligne reste (séance, dates d'inscription et
 * d'annulation, présence) pour compter, l'identité part (nom, adresse, lien au compte) et la date est notée ici.
 */
export function migration0013(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("inscription_reunion").addColumn("anonymisee_le", d.horodatage).execute();
    },
  };
}
