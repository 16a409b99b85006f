import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Satisfaction (ticket 9) : invitations à usage unique et réponses, rangées À PART du dossier. Ni l'invitation ni la
 * réponse ne portent l'identifiant du parcours ou du bénéficiaire : seulement l'opérateur, sa région et le moment
 * (clôture, six mois après). `cle_envoi` (empreinte SHA-256 du parcours et du moment) empêche un second envoi sans
 * permettre de relier une réponse à un dossier. Le jeton n'est gardé qu'en empreinte.
 */
export function migration0007(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("satisfaction_invitation")
        .addColumn("hash", "text", (c) => c.primaryKey())
        .addColumn("cle_envoi", "text", (c) => c.notNull().unique())
        .addColumn("operateur_id", "text", (c) => c.notNull().references("operateur.id"))
        .addColumn("code_region", "text")
        .addColumn("moment", "text", (c) => c.notNull())
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .addColumn("expire_le", d.horodatage, (c) => c.notNull())
        .addColumn("utilise_le", d.horodatage)
        .execute();
      await db.schema
        .createTable("satisfaction_reponse")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("operateur_id", "text", (c) => c.notNull().references("operateur.id"))
        .addColumn("code_region", "text")
        .addColumn("moment", "text", (c) => c.notNull())
        .addColumn("utilite", "integer", (c) => c.notNull())
        .addColumn("recommande", "integer", (c) => c.notNull())
        .addColumn("situation", "text")
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("satisfaction_reponse_operateur")
        .on("satisfaction_reponse")
        .columns(["operateur_id", "cree_le"])
        .execute();
    },
  };
}
