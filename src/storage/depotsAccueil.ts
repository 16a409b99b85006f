import type { Kysely } from "kysely";
import type { EtatDesLieux, EtatsDesLieuxRepository } from "../app/ports.js";
import type { DecisionNiveau1 } from "../domain/orientation.js";
import type { Schema, TableEtatDesLieux } from "./schema.js";

/** État des lieux de niveau 1 (migration 0006), même code pour SQLite et PostgreSQL. */
const versEtat = (r: TableEtatDesLieux): EtatDesLieux => ({
  parcoursId: r.parcours_id,
  demande: r.demande,
  besoin: r.besoin,
  informations: r.informations,
  decision: r.decision as DecisionNiveau1,
  orientation: r.orientation,
  auteurId: r.auteur_id,
  version: r.version,
  creeLe: new Date(r.cree_le).toISOString(),
  modifieLe: new Date(r.modifie_le).toISOString(),
});

export function depotEtatsDesLieux(db: Kysely<Schema>): EtatsDesLieuxRepository {
  return {
    async lire(parcoursId) {
      const r = await db
        .selectFrom("etat_des_lieux")
        .selectAll()
        .where("parcours_id", "=", parcoursId)
        .executeTakeFirst();
      return r ? versEtat(r) : undefined;
    },
    async enregistrer(e, versionAttendue) {
      const champs = {
        demande: e.demande,
        besoin: e.besoin,
        informations: e.informations,
        decision: e.decision,
        orientation: e.orientation,
        auteur_id: e.auteurId,
        modifie_le: e.modifieLe,
      };
      if (versionAttendue === 0) {
        const r = await db
          .insertInto("etat_des_lieux")
          .values({ parcours_id: e.parcoursId, ...champs, version: 1, cree_le: e.modifieLe })
          .onConflict((oc) => oc.column("parcours_id").doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
      }
      const r = await db
        .updateTable("etat_des_lieux")
        .set({ ...champs, version: versionAttendue + 1 })
        .where("parcours_id", "=", e.parcoursId)
        .where("version", "=", versionAttendue)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
