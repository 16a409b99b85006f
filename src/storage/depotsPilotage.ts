import { type Kysely, sql } from "kysely";
import type { PilotageRepository, SatisfactionRepository } from "../app/ports.js";
import type { ParcoursEchange, ReunionSuivie } from "../domain/echanges.js";
import type {
  DocumentPilotage,
  MomentSatisfaction,
  ReorientationPilotage,
  ReunionPilotage,
} from "../domain/indicateurs.js";
import type { MotifCloture, Niveau, Phase, TransitionDatee } from "../domain/parcours.js";
import { type LigneTransition, lireChronologie, SQL_CHRONOLOGIE } from "./chronologiePilotage.js";
import type { Schema } from "./schema.js";

/** Une transition telle que le calcul la rejoue (sans identifiant ni auteur). */
function versTransitionPilotage(r: Omit<LigneTransition, "id">): TransitionDatee {
  switch (r.type) {
    case "ouverture":
    case "passage":
      return { type: r.type, niveau: r.niveau as Niveau, phase: r.phase as Phase | null, le: r.le };
    case "pause":
      return { type: "pause", motif: r.motif ?? "", retourPrevu: r.retour_prevu ?? "", le: r.le };
    case "reprise":
      return { type: "reprise", le: r.le };
    default:
      return { type: "cloture", motif: r.motif as MotifCloture, commentaire: r.commentaire, le: r.le };
  }
}

/**
 * Parcours lus par aller-retour avec la base (curseur PostgreSQL ; SQLite les rend une à une). Mesuré à 1 000 000 de
 * parcours (BENCHMARKS.md) : de 100 à 20 000, l'écart reste dans le bruit ; 500 garde la mémoire basse.
 */
export const TAILLE_PAQUET_PILOTAGE = 500;

function* tranches<T>(t: T[], n: number) {
  for (let i = 0; i < t.length; i += n) yield t.slice(i, i + n);
}

/**
 * Lecture des lignes dont se nourrissent les indicateurs (src/domain/indicateurs.ts). Le filtre (opérateur, site,
 * conseiller) et la période choisissent les parcours en SQL ; pour eux est lue une ligne chacun : les colonnes utiles et
 * la chronologie de pilotage (transitions, entretiens, documents remis : src/storage/chronologiePilotage.ts), dont le
 * dépôt tire la date du premier entretien, les entretiens de la période par modalité et les documents de la période.
 * Les parcours sont lus en flux, par paquets de `paquet`, et passés un à un au calcul (`CalculIndicateurs`), qui ne les
 * garde pas. S'y ajoutent les réorientations et les réunions d'information de la période. Les requêtes sont les mêmes
 * sur SQLite et PostgreSQL ; le calcul est fait par le domaine.
 */
export function creerDepotPilotage(db: Kysely<Schema>, paquet = TAILLE_PAQUET_PILOTAGE): PilotageRepository {
  return {
    async lignes({ operateurId, siteId, conseillerId, debut, fin }, ajouter) {
      const finIncluse = `${fin}T23:59:59.999Z`;
      const choisis = () => {
        let q = db
          .selectFrom("parcours")
          .where("parcours.cree_le", "<=", finIncluse)
          .where((eb) => eb.or([eb("parcours.clos_le", "is", null), eb("parcours.clos_le", ">=", debut)]));
        if (operateurId) q = q.where("parcours.operateur_id", "=", operateurId);
        if (conseillerId) q = q.where("parcours.referent_id", "=", conseillerId);
        if (siteId)
          q = q.where(({ exists, selectFrom }) =>
            exists(
              selectFrom("entretien as es")
                .select("es.id")
                .whereRef("es.parcours_id", "=", "parcours.id")
                .where("es.site_id", "=", siteId)
                .where("es.le", "<=", finIncluse),
            ),
          );
        return q;
      };
      const regions = new Map(
        (await db.selectFrom("operateur").select(["id", "code_region"]).execute()).map((o) => [
          o.id,
          o.code_region,
        ]),
      );
      // Transitions, entretiens et documents viennent de la chronologie tenue sur le parcours (migration 0017) : une ligne
      // par parcours, au lieu de relire les tables de transitions, d'entretiens et de documents (millions de lignes).
      // Les lignes sont lues par paquets (curseur sur PostgreSQL) et passées une à une au calcul, qui ne les garde pas :
      // la mémoire ne croît pas avec le nombre de parcours de l'opérateur.
      const documents: DocumentPilotage[] = [];
      const parModalite = new Map<string, { entretiens: number; parcours: number }>();
      const vus = new Set<string>();
      const lecture = choisis()
        .select([
          "parcours.id",
          "parcours.beneficiaire_id",
          "parcours.operateur_id",
          "parcours.referent_id",
          "parcours.cree_le",
          "parcours.situation_statut",
          "parcours.situation_tranche_age",
          "parcours.situation_qualification",
          sql<string>`${sql.raw(SQL_CHRONOLOGIE)}`.as("chronologie"),
        ])
        .stream(paquet);
      for await (const r of lecture) {
        const c = lireChronologie(r.chronologie, finIncluse);
        vus.clear();
        for (const [le, modalite] of c.entretiens) {
          if (le < debut || le > finIncluse) continue;
          let m = parModalite.get(modalite);
          if (!m) {
            m = { entretiens: 0, parcours: 0 };
            parModalite.set(modalite, m);
          }
          m.entretiens++;
          if (!vus.has(modalite)) {
            vus.add(modalite);
            m.parcours++;
          }
        }
        for (const [nature, le] of c.documents)
          if (le >= debut && le <= finIncluse) documents.push({ parcoursId: r.id, nature, le });
        ajouter({
          id: r.id,
          beneficiaireId: r.beneficiaire_id,
          operateurId: r.operateur_id,
          codeRegion: regions.get(r.operateur_id) ?? null,
          referentId: r.referent_id,
          creeLe: r.cree_le,
          statut: r.situation_statut,
          trancheAge: r.situation_tranche_age,
          qualification: r.situation_qualification,
          transitions: c.transitions,
          premierEntretien: c.entretiens[0]?.[0] ?? null,
        });
      }
      const entretiens = [...parModalite].map(([modalite, m]) => ({ modalite, ...m }));

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

      // Réunions d'information datées dans la période, avec leurs inscriptions (ni nom ni adresse).
      let rq = db
        .selectFrom("reunion_information")
        .select(["id", "operateur_id", "site_id", "debut", "places"])
        .where("debut", ">=", debut)
        .where("debut", "<=", finIncluse);
      if (operateurId) rq = rq.where("operateur_id", "=", operateurId);
      if (siteId) rq = rq.where("site_id", "=", siteId);
      const reunions: ReunionPilotage[] = (await rq.orderBy("debut").orderBy("id").execute()).map((r) => ({
        id: r.id,
        operateurId: r.operateur_id,
        siteId: r.site_id,
        debut: r.debut,
        places: r.places,
        inscriptions: [],
      }));
      if (reunions.length) {
        const parReunion = new Map(reunions.map((r) => [r.id, r]));
        for (const ids of tranches([...parReunion.keys()], 500))
          for (const i of await db
            .selectFrom("inscription_reunion")
            .select(["id", "reunion_id", "inscrit_le", "annulee_le", "present"])
            .where("reunion_id", "in", ids)
            .execute())
            parReunion.get(i.reunion_id)?.inscriptions.push({
              id: i.id,
              inscritLe: i.inscrit_le,
              annuleeLe: i.annulee_le,
              present: i.present === null ? null : i.present === 1,
            });
      }

      return { reorientations, entretiens, reunions, documents };
    },
    async echanges({ operateurId, debut, fin }) {
      const finIncluse = `${fin}T23:59:59.999Z`;
      // Parcours non anonymisés dont le dossier a changé dans la période : une transition datée dans la période, ou
      // leur dernière modification (situation, demande, référent, opérateur après réorientation).
      const changes = () => {
        let q = db
          .selectFrom("parcours")
          .where("parcours.anonymise_le", "is", null)
          .where("parcours.cree_le", "<=", finIncluse)
          .where((eb) =>
            eb.or([
              eb.and([eb("parcours.modifie_le", ">=", debut), eb("parcours.modifie_le", "<=", finIncluse)]),
              eb.exists(
                eb
                  .selectFrom("transition_parcours as tc")
                  .select("tc.id")
                  .whereRef("tc.parcours_id", "=", "parcours.id")
                  .where("tc.le", ">=", debut)
                  .where("tc.le", "<=", finIncluse),
              ),
            ]),
          );
        if (operateurId) q = q.where("parcours.operateur_id", "=", operateurId);
        return q;
      };
      const lignes = await changes()
        .leftJoin("etat_des_lieux", "etat_des_lieux.parcours_id", "parcours.id")
        .select([
          "parcours.id",
          "parcours.beneficiaire_id",
          "parcours.operateur_id",
          "parcours.cree_le",
          "parcours.situation_statut",
          "parcours.situation_qualification",
          "parcours.situation_tranche_age",
          "etat_des_lieux.cree_le as etat_le",
          "etat_des_lieux.decision as etat_decision",
        ])
        .orderBy("parcours.id")
        .execute();
      const parId = new Map<string, ParcoursEchange>();
      for (const r of lignes)
        parId.set(r.id, {
          id: r.id,
          beneficiaireId: r.beneficiaire_id,
          operateurId: r.operateur_id,
          creeLe: r.cree_le,
          statut: r.situation_statut,
          qualification: r.situation_qualification,
          trancheAge: r.situation_tranche_age,
          transitions: [],
          entretiens: [],
          etatDesLieux:
            r.etat_le && r.etat_le <= finIncluse && r.etat_decision
              ? { le: r.etat_le, decision: r.etat_decision }
              : null,
        });
      const transitions = await db
        .selectFrom("transition_parcours as t")
        .select([
          "t.parcours_id",
          "t.type",
          "t.niveau",
          "t.phase",
          "t.motif",
          "t.retour_prevu",
          "t.commentaire",
          "t.le",
        ])
        .where("t.parcours_id", "in", changes().select("parcours.id"))
        .where("t.le", "<=", finIncluse)
        .orderBy("t.parcours_id")
        .orderBy("t.le")
        .orderBy("t.id")
        .execute();
      for (const t of transitions) parId.get(t.parcours_id)?.transitions.push(versTransitionPilotage(t));
      const entretiens = await db
        .selectFrom("entretien as e")
        .select(["e.parcours_id", "e.le", "e.modalite"])
        .where("e.parcours_id", "in", changes().select("parcours.id"))
        .where("e.le", "<=", finIncluse)
        .orderBy("e.parcours_id")
        .orderBy("e.le")
        .orderBy("e.id")
        .execute();
      for (const e of entretiens)
        parId.get(e.parcours_id)?.entretiens.push({ le: e.le, modalite: e.modalite });
      // Inscriptions de ces personnes aux réunions de l'opérateur du parcours, jusqu'à la fin de la période.
      const reunions: ReunionSuivie[] = (
        await db
          .selectFrom("inscription_reunion as i")
          .innerJoin("reunion_information as r", "r.id", "i.reunion_id")
          .innerJoin("parcours", (j) =>
            j
              .onRef("parcours.beneficiaire_id", "=", "i.compte_id")
              .onRef("parcours.operateur_id", "=", "r.operateur_id"),
          )
          .select(["i.compte_id", "r.operateur_id", "r.debut", "i.present"])
          .distinct()
          .where("parcours.id", "in", changes().select("parcours.id"))
          .where("i.annulee_le", "is", null)
          .where("r.debut", "<=", finIncluse)
          .execute()
      ).map((r) => ({
        beneficiaireId: r.compte_id!,
        operateurId: r.operateur_id,
        le: r.debut,
        present: r.present === null ? null : r.present === 1,
      }));
      return { parcours: [...parId.values()], reunions };
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
