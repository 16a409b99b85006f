import type { Kysely } from "kysely";
import type { ParametresFinancementRepository } from "../app/ports.js";
import type { Schema } from "./schema.js";

/** Surcharges des paramètres de financement (migration 0004), même code pour SQLite et PostgreSQL. */
export function depotParametresFinancement(db: Kysely<Schema>): ParametresFinancementRepository {
  return {
    async surcharges() {
      const lignes = await db
        .selectFrom("surcharge_parametre")
        .selectAll()
        .orderBy("cree_le")
        .orderBy("id")
        .execute();
      return lignes.map((r) => ({
        id: r.id,
        parametreId: r.parametre_id,
        debut: r.debut,
        valeur: r.valeur === null ? null : Number(r.valeur),
        source: r.source,
        motif: r.motif,
        auteurCompteId: r.auteur_compte_id,
        creeLe: new Date(r.cree_le).toISOString(),
      }));
    },
    async version(parametreId) {
      const r = await db
        .selectFrom("parametre_financement")
        .select("version")
        .where("parametre_id", "=", parametreId)
        .executeTakeFirst();
      return r?.version ?? 0;
    },
    async versions() {
      const lignes = await db
        .selectFrom("parametre_financement")
        .select(["parametre_id", "version"])
        .execute();
      return Object.fromEntries(lignes.map((r) => [r.parametre_id, r.version]));
    },
    async ajouterSurcharge(s, versionAttendue) {
      if (versionAttendue === 0) {
        const r = await db
          .insertInto("parametre_financement")
          .values({ parametre_id: s.parametreId, version: 1, modifie_le: s.creeLe })
          .onConflict((oc) => oc.column("parametre_id").doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      } else {
        const r = await db
          .updateTable("parametre_financement")
          .set({ version: versionAttendue + 1, modifie_le: s.creeLe })
          .where("parametre_id", "=", s.parametreId)
          .where("version", "=", versionAttendue)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return false;
      }
      await db
        .insertInto("surcharge_parametre")
        .values({
          id: s.id,
          parametre_id: s.parametreId,
          debut: s.debut,
          valeur: s.valeur === null ? null : String(s.valeur),
          source: s.source,
          motif: s.motif,
          auteur_compte_id: s.auteurCompteId,
          cree_le: s.creeLe,
        })
        .execute();
      return true;
    },
  };
}
