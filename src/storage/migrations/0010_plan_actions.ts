import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Plan d'actions de la mise en œuvre (docs/plan.md) : un plan par parcours. L'en-tête porte la `version` des écritures
 * concurrentes (409) et le numéro de la version en cours du plan ; chaque version du plan garde son contenu (étapes,
 * actions, plan de financement, en JSON), son statut (`brouillon` ou `convenu`, avec la date et l'auteur de l'accord)
 * et le motif de la révision qui l'a créée. Les versions précédentes ne sont plus modifiées.
 */
export function migration0010(d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("plan_actions")
        .addColumn("parcours_id", "text", (c) => c.primaryKey().references("parcours.id"))
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("numero_courant", "integer", (c) => c.notNull())
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .addColumn("modifie_le", d.horodatage, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("plan_actions_version")
        .addColumn("parcours_id", "text", (c) => c.notNull().references("plan_actions.parcours_id"))
        .addColumn("numero", "integer", (c) => c.notNull())
        .addColumn("contenu", "text", (c) => c.notNull())
        .addColumn("statut", "text", (c) => c.notNull())
        .addColumn("motif", "text")
        .addColumn("auteur_id", "text", (c) => c.references("compte.id"))
        .addColumn("convenu_le", d.horodatage)
        .addColumn("convenu_par", "text", (c) => c.references("compte.id"))
        .addColumn("cree_le", d.horodatage, (c) => c.notNull())
        .addColumn("modifie_le", d.horodatage, (c) => c.notNull())
        .addPrimaryKeyConstraint("plan_actions_version_pk", ["parcours_id", "numero"])
        .execute();
    },
  };
}
