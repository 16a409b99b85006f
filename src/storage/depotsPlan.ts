import type { Kysely } from "kysely";
import type { PlansRepository, VersionPlan } from "../app/ports.js";
import type { ContenuPlan, StatutVersionPlan } from "../domain/plan/plan.js";
import type { Schema, TablePlanActionsVersion } from "./schema.js";

/** Plan d'actions (migration 0010), même code pour SQLite et PostgreSQL ; le contenu d'une version est du JSON. */
const versVersion = (r: TablePlanActionsVersion): VersionPlan => ({
  parcoursId: r.parcours_id,
  numero: Number(r.numero),
  contenu: JSON.parse(r.contenu) as ContenuPlan,
  statut: r.statut as StatutVersionPlan,
  motif: r.motif,
  auteurId: r.auteur_id,
  convenuLe: r.convenu_le ? new Date(r.convenu_le).toISOString() : null,
  convenuPar: r.convenu_par,
  creeLe: new Date(r.cree_le).toISOString(),
  modifieLe: new Date(r.modifie_le).toISOString(),
});

const ligneVersion = (v: VersionPlan) => ({
  parcours_id: v.parcoursId,
  numero: v.numero,
  contenu: JSON.stringify(v.contenu),
  statut: v.statut,
  motif: v.motif,
  auteur_id: v.auteurId,
  convenu_le: v.convenuLe,
  convenu_par: v.convenuPar,
  cree_le: v.creeLe,
  modifie_le: v.modifieLe,
});

export function depotPlans(db: Kysely<Schema>): PlansRepository {
  const version = async (parcoursId: string, numero: number) => {
    const r = await db
      .selectFrom("plan_actions_version")
      .selectAll()
      .where("parcours_id", "=", parcoursId)
      .where("numero", "=", numero)
      .executeTakeFirst();
    return r ? versVersion(r) : undefined;
  };
  /** Avance la version des écritures si elle n'a pas changé (et, pour une révision, le numéro en cours). */
  const avancer = async (parcoursId: string, versionAttendue: number, modifieLe: string, numero?: number) => {
    const r = await db
      .updateTable("plan_actions")
      .set({
        version: versionAttendue + 1,
        modifie_le: modifieLe,
        ...(numero !== undefined ? { numero_courant: numero } : {}),
      })
      .where("parcours_id", "=", parcoursId)
      .where("version", "=", versionAttendue)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  };
  return {
    async lire(parcoursId) {
      const e = await db
        .selectFrom("plan_actions")
        .selectAll()
        .where("parcours_id", "=", parcoursId)
        .executeTakeFirst();
      if (!e) return undefined;
      const courante = await version(parcoursId, Number(e.numero_courant));
      if (!courante) return undefined;
      return {
        parcoursId: e.parcours_id,
        version: Number(e.version),
        numeroCourant: Number(e.numero_courant),
        creeLe: new Date(e.cree_le).toISOString(),
        modifieLe: new Date(e.modifie_le).toISOString(),
        courante,
      };
    },
    async versions(parcoursId) {
      return (
        await db
          .selectFrom("plan_actions_version")
          .selectAll()
          .where("parcours_id", "=", parcoursId)
          .orderBy("numero")
          .execute()
      ).map(versVersion);
    },
    version,
    async creer(v) {
      const r = await db
        .insertInto("plan_actions")
        .values({
          parcours_id: v.parcoursId,
          version: 1,
          numero_courant: v.numero,
          cree_le: v.creeLe,
          modifie_le: v.modifieLe,
        })
        .onConflict((oc) => oc.column("parcours_id").doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      await db.insertInto("plan_actions_version").values(ligneVersion(v)).execute();
      return true;
    },
    async modifierCourante(parcoursId, versionAttendue, champs) {
      if (!(await avancer(parcoursId, versionAttendue, champs.modifieLe))) return false;
      const e = await db
        .selectFrom("plan_actions")
        .select("numero_courant")
        .where("parcours_id", "=", parcoursId)
        .executeTakeFirstOrThrow();
      await db
        .updateTable("plan_actions_version")
        .set({
          contenu: JSON.stringify(champs.contenu),
          statut: champs.statut,
          convenu_le: champs.convenuLe,
          convenu_par: champs.convenuPar,
          modifie_le: champs.modifieLe,
        })
        .where("parcours_id", "=", parcoursId)
        .where("numero", "=", Number(e.numero_courant))
        .execute();
      return true;
    },
    async reviser(versionAttendue, v) {
      if (!(await avancer(v.parcoursId, versionAttendue, v.modifieLe, v.numero))) return false;
      await db.insertInto("plan_actions_version").values(ligneVersion(v)).execute();
      return true;
    },
    async derniereConvenue(parcoursId) {
      const r = await db
        .selectFrom("plan_actions_version")
        .selectAll()
        .where("parcours_id", "=", parcoursId)
        .where("statut", "=", "convenu")
        .orderBy("numero", "desc")
        .executeTakeFirst();
      return r ? versVersion(r) : undefined;
    },
  };
}
