import type { Kysely } from "kysely";
import type {
  EtatDesLieux,
  EtatsDesLieuxRepository,
  InscriptionReunion,
  ReunionInformation,
  ReunionsRepository,
} from "../app/ports.js";
import type { DecisionNiveau1 } from "../domain/orientation.js";
import type { LieuReunion } from "../domain/reunions.js";
import { reecrireDocuments } from "./chronologiePilotage.js";
import type {
  Schema,
  TableEtatDesLieux,
  TableInscriptionReunion,
  TableReunionInformation,
} from "./schema.js";

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
        const cree = Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
        if (cree) await reecrireDocuments(db, e.parcoursId);
        return cree;
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

const versReunion = (r: TableReunionInformation): ReunionInformation => ({
  id: r.id,
  operateurId: r.operateur_id,
  theme: r.theme,
  lieu: r.lieu as LieuReunion,
  siteId: r.site_id,
  debut: new Date(r.debut).toISOString(),
  dureeMinutes: Number(r.duree_minutes),
  places: Number(r.places),
  version: Number(r.version),
  creeLe: new Date(r.cree_le).toISOString(),
});
const versInscription = (r: TableInscriptionReunion): InscriptionReunion => ({
  id: r.id,
  reunionId: r.reunion_id,
  nom: r.nom,
  email: r.email,
  compteId: r.compte_id,
  inscritLe: new Date(r.inscrit_le).toISOString(),
  annuleeLe: r.annulee_le ? new Date(r.annulee_le).toISOString() : null,
  present: r.present === null ? null : Number(r.present) === 1,
  version: Number(r.version),
});

/** Réunions collectives d'information et inscriptions (migration 0006). */
export function depotReunions(db: Kysely<Schema>): ReunionsRepository {
  return {
    async creer(r) {
      await db
        .insertInto("reunion_information")
        .values({
          id: r.id,
          operateur_id: r.operateurId,
          theme: r.theme,
          lieu: r.lieu,
          site_id: r.siteId,
          debut: r.debut,
          duree_minutes: r.dureeMinutes,
          places: r.places,
          version: 1,
          cree_le: r.creeLe,
        })
        .execute();
    },
    async parId(id) {
      const r = await db
        .selectFrom("reunion_information")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return r ? versReunion(r) : undefined;
    },
    async aVenir(depuis, operateurId) {
      let q = db.selectFrom("reunion_information").selectAll().where("debut", ">=", depuis);
      if (operateurId) q = q.where("operateur_id", "=", operateurId);
      return (await q.orderBy("debut").orderBy("id").execute()).map(versReunion);
    },
    async inscrire(i) {
      await db
        .insertInto("inscription_reunion")
        .values({
          id: i.id,
          reunion_id: i.reunionId,
          nom: i.nom,
          email: i.email,
          compte_id: i.compteId,
          inscrit_le: i.inscritLe,
          annulee_le: null,
          present: null,
          version: 1,
        })
        .execute();
    },
    async inscriptions(reunionId) {
      return (
        await db
          .selectFrom("inscription_reunion")
          .selectAll()
          .where("reunion_id", "=", reunionId)
          .orderBy("inscrit_le")
          .orderBy("id")
          .execute()
      ).map(versInscription);
    },
    async inscriptionParId(id) {
      const r = await db
        .selectFrom("inscription_reunion")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return r ? versInscription(r) : undefined;
    },
    async annuler(id, version, le) {
      const r = await db
        .updateTable("inscription_reunion")
        .set({ annulee_le: le, version: version + 1 })
        .where("id", "=", id)
        .where("version", "=", version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async marquerPresence(id, version, present) {
      const r = await db
        .updateTable("inscription_reunion")
        .set({ present: present ? 1 : 0, version: version + 1 })
        .where("id", "=", id)
        .where("version", "=", version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async inscriptionsDuCompte(compteId) {
      const lignes = await db
        .selectFrom("inscription_reunion as i")
        .innerJoin("reunion_information as r", "r.id", "i.reunion_id")
        .selectAll("i")
        .select([
          "r.operateur_id",
          "r.theme",
          "r.lieu",
          "r.site_id",
          "r.debut",
          "r.duree_minutes",
          "r.places",
          "r.version as r_version",
          "r.cree_le",
        ])
        .where("i.compte_id", "=", compteId)
        .orderBy("r.debut")
        .execute();
      return lignes.map((l) => ({
        ...versInscription(l),
        reunion: versReunion({
          id: l.reunion_id,
          operateur_id: l.operateur_id,
          theme: l.theme,
          lieu: l.lieu,
          site_id: l.site_id,
          debut: l.debut,
          duree_minutes: l.duree_minutes,
          places: l.places,
          version: l.r_version,
          cree_le: l.cree_le,
        }),
      }));
    },
  };
}
