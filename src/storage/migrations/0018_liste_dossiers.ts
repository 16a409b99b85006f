import type { Kysely } from "kysely";
import type { Dialecte } from "../dialecte.js";

/**
 * Index de la liste paginée des dossiers (`GET /api/v1/parcours`, ordre : modifiés le plus récemment d'abord, puis
 * identifiant) : une page se lit dans l'index, sans trier tous les parcours de l'opérateur (82 000 pour le plus gros
 * opérateur d'un million de parcours ; BENCHMARKS.md, « echelle »).
 * - (opérateur, modifié le, identifiant) : tous les dossiers de l'opérateur (responsable, conseiller « tous les
 *   dossiers visibles »), file d'attente ;
 * - (opérateur, référent, modifié le, identifiant) : le portefeuille d'un conseiller ; il remplace l'index (opérateur,
 *   référent) de la migration 0001, dont il reprend les deux premières colonnes. Sans lui, SQLite prenait l'index
 *   précédent pour éviter le tri et parcourait tous les dossiers de l'opérateur pour trouver ceux du conseiller.
 */
export function migration0018(_d: Dialecte) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex("parcours_operateur_modifie")
        .on("parcours")
        .columns(["operateur_id", "modifie_le desc", "id"])
        .execute();
      await db.schema
        .createIndex("parcours_operateur_referent_modifie")
        .on("parcours")
        .columns(["operateur_id", "referent_id", "modifie_le desc", "id"])
        .execute();
      await db.schema.dropIndex("parcours_operateur_referent").execute();
    },
  };
}
