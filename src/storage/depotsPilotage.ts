import type { Kysely } from "kysely";
import type { PilotageRepository, SatisfactionRepository } from "../app/ports.js";
import type { MomentSatisfaction, ParcoursPilotage, ReorientationPilotage } from "../domain/indicateurs.js";
import type { TransitionDatee } from "../domain/parcours.js";
import { versTransition } from "./depotsParcours.js";
import type { Schema } from "./schema.js";

/**
 * Lecture des lignes dont se nourrissent les indicateurs (src/domain/indicateurs.ts) : les parcours suivis pendant la
 * période, avec leurs transitions et entretiens, et les réorientations. Trois requêtes, regroupées en mémoire ; le
 * calcul est le même sur SQLite et PostgreSQL puisqu'il est fait par le domaine.
 */
export function creerDepotPilotage(db: Kysely<Schema>): PilotageRepository {
  return {
    async lignes({ operateurId, debut, fin }) {
      const finIncluse = `${fin}T23:59:59.999Z`;
      let requete = db
        .selectFrom("parcours")
        .leftJoin("operateur", "operateur.id", "parcours.operateur_id")
        .select([
          "parcours.id",
          "parcours.beneficiaire_id",
          "parcours.operateur_id",
          "parcours.referent_id",
          "parcours.cree_le",
          "parcours.situation_statut",
          "parcours.situation_tranche_age",
          "parcours.situation_qualification",
          "operateur.code_region",
        ])
        .where("parcours.cree_le", "<=", finIncluse)
        .where((eb) => eb.or([eb("parcours.clos_le", "is", null), eb("parcours.clos_le", ">=", debut)]));
      if (operateurId) requete = requete.where("parcours.operateur_id", "=", operateurId);
      const lignes = await requete.orderBy("parcours.id").execute();
      const parId = new Map<string, ParcoursPilotage>();
      for (const r of lignes)
        parId.set(r.id, {
          id: r.id,
          beneficiaireId: r.beneficiaire_id,
          operateurId: r.operateur_id,
          codeRegion: r.code_region ?? null,
          referentId: r.referent_id,
          creeLe: r.cree_le,
          statut: r.situation_statut,
          trancheAge: r.situation_tranche_age,
          qualification: r.situation_qualification,
          transitions: [],
          entretiens: [],
        });
      let transitions = db
        .selectFrom("transition_parcours")
        .innerJoin("parcours", "parcours.id", "transition_parcours.parcours_id")
        .selectAll("transition_parcours")
        .where("transition_parcours.le", "<=", finIncluse)
        // Seulement les parcours suivis pendant la période (les autres seraient écartés plus bas) : à l'échelle nationale,
        // un quart de lignes en moins à lire (BENCHMARKS.md, section « echelle »).
        .where("parcours.cree_le", "<=", finIncluse)
        .where((eb) => eb.or([eb("parcours.clos_le", "is", null), eb("parcours.clos_le", ">=", debut)]));
      if (operateurId) transitions = transitions.where("parcours.operateur_id", "=", operateurId);
      for (const t of await transitions
        .orderBy("transition_parcours.le")
        .orderBy("transition_parcours.id")
        .execute()) {
        const { id: _i, parcoursId, auteurId: _a, ...tr } = versTransition(t);
        parId.get(parcoursId)?.transitions.push(tr as TransitionDatee);
      }
      let entretiens = db
        .selectFrom("entretien")
        .innerJoin("parcours", "parcours.id", "entretien.parcours_id")
        .select(["entretien.parcours_id", "entretien.le", "entretien.modalite", "entretien.site_id"])
        .where("entretien.le", "<=", finIncluse)
        .where("parcours.cree_le", "<=", finIncluse)
        .where((eb) => eb.or([eb("parcours.clos_le", "is", null), eb("parcours.clos_le", ">=", debut)]));
      if (operateurId) entretiens = entretiens.where("parcours.operateur_id", "=", operateurId);
      for (const e of await entretiens.orderBy("entretien.le").execute())
        parId.get(e.parcours_id)?.entretiens.push({ le: e.le, modalite: e.modalite, siteId: e.site_id });

      let reo = db
        .selectFrom("transfert")
        .leftJoin("compte", "compte.id", "transfert.auteur_id")
        .select([
          "transfert.parcours_id",
          "transfert.auteur_id",
          "transfert.vers_operateur_id",
          "transfert.statut",
          "transfert.cree_le",
          "transfert.repondu_le",
          "compte.operateur_id",
        ])
        .where("transfert.type", "=", "reorientation");
      if (operateurId)
        reo = reo.where((eb) =>
          eb.or([
            eb("compte.operateur_id", "=", operateurId),
            eb("transfert.vers_operateur_id", "=", operateurId),
          ]),
        );
      const reorientations: ReorientationPilotage[] = (await reo.orderBy("transfert.cree_le").execute()).map(
        (r) => ({
          parcoursId: r.parcours_id,
          origineOperateurId: r.operateur_id ?? null,
          auteurId: r.auteur_id,
          versOperateurId: r.vers_operateur_id,
          statut: r.statut,
          creeLe: r.cree_le,
          reponduLe: r.repondu_le,
        }),
      );
      return { parcours: [...parId.values()], reorientations };
    },
    async closEntre(de, a) {
      const r = await db
        .selectFrom("parcours")
        .innerJoin("compte", "compte.id", "parcours.beneficiaire_id")
        .leftJoin("operateur", "operateur.id", "parcours.operateur_id")
        .select([
          "parcours.id",
          "parcours.operateur_id",
          "operateur.code_region",
          "compte.email",
          "compte.prenom",
          "compte.actif",
        ])
        .where("parcours.statut", "=", "clos")
        .where("parcours.clos_le", ">=", de)
        .where("parcours.clos_le", "<", a)
        .where("parcours.anonymise_le", "is", null)
        .orderBy("parcours.clos_le")
        .execute();
      return r.map((x) => ({
        id: x.id,
        operateurId: x.operateur_id,
        codeRegion: x.code_region ?? null,
        email: x.email,
        prenom: x.prenom,
        actif: x.actif === 1,
      }));
    },
  };
}

export function creerDepotSatisfaction(db: Kysely<Schema>): SatisfactionRepository {
  return {
    async inviter(i) {
      const r = await db
        .insertInto("satisfaction_invitation")
        .values({
          hash: i.hash,
          cle_envoi: i.cleEnvoi,
          operateur_id: i.operateurId,
          code_region: i.codeRegion,
          moment: i.moment,
          cree_le: i.creeLe,
          expire_le: i.expireLe,
          utilise_le: null,
        })
        .onConflict((oc) => oc.column("cle_envoi").doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async invitation(hash) {
      const r = await db
        .selectFrom("satisfaction_invitation")
        .selectAll()
        .where("hash", "=", hash)
        .executeTakeFirst();
      return (
        r && {
          hash: r.hash,
          cleEnvoi: r.cle_envoi,
          operateurId: r.operateur_id,
          codeRegion: r.code_region,
          moment: r.moment as MomentSatisfaction,
          creeLe: r.cree_le,
          expireLe: r.expire_le,
          utiliseLe: r.utilise_le,
        }
      );
    },
    async utiliser(hash, le) {
      const r = await db
        .updateTable("satisfaction_invitation")
        .set({ utilise_le: le })
        .where("hash", "=", hash)
        .where("utilise_le", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async repondre(r) {
      await db
        .insertInto("satisfaction_reponse")
        .values({
          id: r.id,
          operateur_id: r.operateurId,
          code_region: r.codeRegion,
          moment: r.moment,
          utilite: r.utilite,
          recommande: r.recommande ? 1 : 0,
          situation: r.situation,
          cree_le: r.creeLe,
        })
        .execute();
    },
    async reponses({ operateurId, debut, fin }) {
      let q = db
        .selectFrom("satisfaction_reponse")
        .select(["moment", "utilite", "recommande", "situation", "code_region"])
        .where("cree_le", ">=", debut)
        .where("cree_le", "<=", `${fin}T23:59:59.999Z`);
      if (operateurId) q = q.where("operateur_id", "=", operateurId);
      return (await q.execute()).map((r) => ({
        moment: r.moment,
        utilite: r.utilite,
        recommande: r.recommande === 1,
        situation: r.situation,
        codeRegion: r.code_region,
      }));
    },
  };
}
