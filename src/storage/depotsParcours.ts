import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import type {
  Consentement,
  DemandeEffacement,
  Depots,
  Entretien,
  Note,
  Parcours,
  RendezVous,
  Transfert,
  TransitionEnregistree,
} from "../app/ports.js";
import type { Modalite, Situation, StatutRendezVous, TypeConsentement } from "../domain/dossier.js";
import type { MotifCloture, Niveau, Phase, StatutParcours } from "../domain/parcours.js";
import { reecrireDocuments, reecrireEntretiens, reecrireTransitions } from "./chronologiePilotage.js";
import type {
  Schema,
  TableDemandeEffacement,
  TableEntretien,
  TableNote,
  TableParcours,
  TableRendezVous,
  TableTransfert,
  TableTransitionParcours,
} from "./schema.js";

/** Dépôts du dossier CEP (parcours, transitions, notes, entretiens, rendez-vous, échanges, consentements…). */

export const versParcours = (r: Selectable<TableParcours>): Parcours => ({
  id: r.id,
  beneficiaireId: r.beneficiaire_id,
  operateurId: r.operateur_id,
  referentId: r.referent_id,
  niveau: r.niveau as Niveau,
  phase: r.phase as Phase | null,
  statut: r.statut as StatutParcours,
  version: r.version,
  creeLe: r.cree_le,
  modifieLe: r.modifie_le,
  demande: r.demande,
  situation: {
    statut: r.situation_statut as Situation["statut"],
    secteur: r.situation_secteur,
    qualification: r.situation_qualification as Situation["qualification"],
    trancheAge: r.situation_tranche_age as Situation["trancheAge"],
    commune: r.situation_commune,
    handicap: r.handicap as Situation["handicap"],
  },
  suppleantId: r.suppleant_id,
  suppleantJusquAu: r.suppleant_jusqu_au,
  closLe: r.clos_le,
  anonymiseLe: r.anonymise_le,
});

const colonnesSituation = (s: Situation) => ({
  situation_statut: s.statut,
  situation_secteur: s.secteur,
  situation_qualification: s.qualification,
  situation_tranche_age: s.trancheAge,
  situation_commune: s.commune,
  handicap: s.handicap,
});

export const versTransition = (r: Selectable<TableTransitionParcours>): TransitionEnregistree => {
  const base = { id: r.id, parcoursId: r.parcours_id, auteurId: r.auteur_id, le: r.le };
  switch (r.type) {
    case "ouverture":
    case "passage":
      return { ...base, type: r.type, niveau: r.niveau as Niveau, phase: r.phase as Phase | null };
    case "pause":
      return { ...base, type: "pause", motif: r.motif ?? "", retourPrevu: r.retour_prevu ?? "" };
    case "reprise":
      return { ...base, type: "reprise" };
    default:
      return { ...base, type: "cloture", motif: r.motif as MotifCloture, commentaire: r.commentaire };
  }
};

const versNote = (r: Selectable<TableNote>): Note => ({
  id: r.id,
  parcoursId: r.parcours_id,
  auteurId: r.auteur_id,
  texte: r.texte,
  partagee: r.partagee === 1,
  version: r.version,
  creeLe: r.cree_le,
  modifieLe: r.modifie_le,
});

const versEntretien = (r: Selectable<TableEntretien>): Entretien => ({
  id: r.id,
  parcoursId: r.parcours_id,
  auteurId: r.auteur_id,
  modalite: r.modalite as Modalite,
  siteId: r.site_id,
  le: r.le,
  dureeMinutes: r.duree_minutes,
  participants: r.participants,
  resume: r.resume,
  creeLe: r.cree_le,
});

const versRendezVous = (r: Selectable<TableRendezVous>): RendezVous => ({
  id: r.id,
  parcoursId: r.parcours_id,
  auteurId: r.auteur_id,
  debut: r.debut,
  dureeMinutes: r.duree_minutes,
  modalite: r.modalite as Modalite,
  siteId: r.site_id,
  lieu: r.lieu,
  statut: r.statut as StatutRendezVous,
  rappelEnvoyeLe: r.rappel_envoye_le,
  version: r.version,
  creeLe: r.cree_le,
  modifieLe: r.modifie_le,
});

const versTransfert = (r: Selectable<TableTransfert>): Transfert => ({
  id: r.id,
  parcoursId: r.parcours_id,
  type: r.type as Transfert["type"],
  auteurId: r.auteur_id,
  deCompteId: r.de_compte_id,
  versCompteId: r.vers_compte_id,
  versOperateurId: r.vers_operateur_id,
  jusquAu: r.jusqu_au,
  motif: r.motif,
  statut: r.statut as Transfert["statut"],
  reponse: r.reponse,
  reponduLe: r.repondu_le,
  version: r.version,
  creeLe: r.cree_le,
});

const versDemandeEffacement = (r: Selectable<TableDemandeEffacement>): DemandeEffacement => ({
  id: r.id,
  beneficiaireId: r.beneficiaire_id,
  motif: r.motif,
  statut: r.statut as DemandeEffacement["statut"],
  reponse: r.reponse,
  traiteePar: r.traitee_par,
  traiteeLe: r.traitee_le,
  version: r.version,
  creeLe: r.cree_le,
});

const modifie = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows) === 1;

type DepotsDossier = Pick<
  Depots,
  | "parcours"
  | "transitions"
  | "notes"
  | "entretiens"
  | "rendezVous"
  | "messages"
  | "consentements"
  | "effacements"
  | "transferts"
  | "anonymisation"
>;

/** Identité d'une inscription à une réunion effacée (ADR 0004) ; la ligne reste pour les comptes et la liste d'attente. */
const identiteEffacee = (le: string) => ({
  nom: "(anonymisé)",
  email: sql<string>`'anonyme-' || id || '@anonyme.invalid'`,
  compte_id: null,
  anonymisee_le: le,
  version: sql<number>`version + 1`,
});

/** Les inscriptions d'une personne : par son compte, ou par son adresse (inscription publique sans compte). */
const inscriptionsDe =
  (compteId: string, email: string) =>
  ({ eb, or, and }: ExpressionBuilder<Schema, "inscription_reunion">) =>
    or([
      eb("compte_id", "=", compteId),
      and([eb("compte_id", "is", null), eb(eb.fn("lower", ["email"]), "=", email.toLowerCase())]),
    ]);

export function creerDepotsDossier(db: Kysely<Schema>): DepotsDossier {
  return {
    parcours: {
      async creer(p) {
        await db
          .insertInto("parcours")
          .values({
            id: p.id,
            beneficiaire_id: p.beneficiaireId,
            operateur_id: p.operateurId,
            referent_id: p.referentId,
            niveau: p.niveau,
            phase: p.phase,
            statut: p.statut,
            version: 1,
            cree_le: p.creeLe,
            modifie_le: p.modifieLe,
            demande: p.demande ?? null,
            clos_le: p.closLe ?? null,
            ...(p.situation ? colonnesSituation(p.situation) : {}),
          })
          .execute();
      },
      async parId(id) {
        const r = await db.selectFrom("parcours").selectAll().where("id", "=", id).executeTakeFirst();
        if (!r) return undefined;
        const partages = await db
          .selectFrom("parcours_partage")
          .select("conseiller_id")
          .where("parcours_id", "=", id)
          .execute();
        return { ...versParcours(r), partageAvec: partages.map((x) => x.conseiller_id) };
      },
      async partages(parcoursId) {
        const lignes = await db
          .selectFrom("parcours_partage")
          .selectAll()
          .where("parcours_id", "=", parcoursId)
          .orderBy("cree_le")
          .execute();
        return lignes.map((l) => ({
          conseillerId: l.conseiller_id,
          partagePar: l.partage_par,
          creeLe: l.cree_le,
        }));
      },
      async partager(p) {
        const r = await db
          .insertInto("parcours_partage")
          .values({
            parcours_id: p.parcoursId,
            conseiller_id: p.conseillerId,
            partage_par: p.partagePar,
            cree_le: p.creeLe,
          })
          .onConflict((oc) => oc.columns(["parcours_id", "conseiller_id"]).doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
      },
      async retirerPartage(parcoursId, conseillerId) {
        const r = await db
          .deleteFrom("parcours_partage")
          .where("parcours_id", "=", parcoursId)
          .where("conseiller_id", "=", conseillerId)
          .executeTakeFirst();
        return Number(r.numDeletedRows) === 1;
      },
      async modifier(id, version, c, modifieLe) {
        const r = await db
          .updateTable("parcours")
          .set({
            ...(c.niveau !== undefined ? { niveau: c.niveau } : {}),
            ...(c.phase !== undefined ? { phase: c.phase } : {}),
            ...(c.statut !== undefined ? { statut: c.statut } : {}),
            ...(c.referentId !== undefined ? { referent_id: c.referentId } : {}),
            ...(c.suppleantId !== undefined ? { suppleant_id: c.suppleantId } : {}),
            ...(c.suppleantJusquAu !== undefined ? { suppleant_jusqu_au: c.suppleantJusquAu } : {}),
            ...(c.demande !== undefined ? { demande: c.demande } : {}),
            ...(c.situation !== undefined ? colonnesSituation(c.situation) : {}),
            ...(c.closLe !== undefined ? { clos_le: c.closLe } : {}),
            ...(c.operateurId !== undefined ? { operateur_id: c.operateurId } : {}),
            ...(c.anonymiseLe !== undefined ? { anonymise_le: c.anonymiseLe } : {}),
            modifie_le: modifieLe,
            version: version + 1,
          })
          .where("id", "=", id)
          .where("version", "=", version)
          .executeTakeFirst();
        return modifie(r);
      },
      async listerParOperateur(operateurId, filtre = {}) {
        let q = db.selectFrom("parcours").selectAll().where("operateur_id", "=", operateurId);
        if (filtre.referentId) q = q.where("referent_id", "=", filtre.referentId);
        return (await q.orderBy("modifie_le", "desc").execute()).map(versParcours);
      },
      async filtrer(f, page) {
        // Les filtres, tous en SQL : le total et la page se calculent sur les mêmes lignes.
        // Pas de jointure avec le compte de la personne (seule la recherche par nom le lit) : le total et la première
        // page se lisent dans l'index (opérateur, modifié le, identifiant) sans parcourir tous les comptes.
        let q = db.selectFrom("parcours").where("parcours.operateur_id", "=", f.operateurId);
        if (f.visiblesPar) {
          const v = f.visiblesPar;
          q = q.where((eb) =>
            eb.or([
              eb("parcours.referent_id", "=", v),
              eb("parcours.suppleant_id", "=", v),
              eb("parcours.referent_id", "is", null),
              eb.exists(
                eb
                  .selectFrom("parcours_partage")
                  .select("parcours_partage.conseiller_id")
                  .whereRef("parcours_partage.parcours_id", "=", "parcours.id")
                  .where("parcours_partage.conseiller_id", "=", v),
              ),
            ]),
          );
        }
        if (f.referentId) q = q.where("parcours.referent_id", "=", f.referentId);
        if (f.sansReferent) q = q.where("parcours.referent_id", "is", null);
        if (f.niveau) q = q.where("parcours.niveau", "=", f.niveau);
        if (f.phase) q = q.where("parcours.phase", "=", f.phase);
        if (f.statut) q = q.where("parcours.statut", "=", f.statut);
        if (f.sansContactDepuis) {
          // Dernier contact (entretien ou message, à défaut l'ouverture du dossier) avant cette date, dossier non clos :
          // aucun contact à partir de la date, et un contact déjà eu ou une ouverture avant elle. Chaque comparaison
          // oppose une colonne à un paramètre : même SQL sur SQLite (texte ISO) et PostgreSQL (timestamptz).
          const d = f.sansContactDepuis;
          /** Le dossier a eu un entretien ou un message (à partir de `depuis`, s'il est donné). */
          const contact = (eb: ExpressionBuilder<Schema, "parcours">, depuis?: string) =>
            eb.or([
              eb.exists(
                eb
                  .selectFrom("entretien")
                  .select("entretien.id")
                  .whereRef("entretien.parcours_id", "=", "parcours.id")
                  .$if(depuis !== undefined, (s) => s.where("entretien.le", ">=", depuis!)),
              ),
              eb.exists(
                eb
                  .selectFrom("message")
                  .select("message.id")
                  .whereRef("message.parcours_id", "=", "parcours.id")
                  .$if(depuis !== undefined, (s) => s.where("message.cree_le", ">=", depuis!)),
              ),
            ]);
          q = q.where((eb) =>
            eb.and([
              eb("parcours.statut", "!=", "clos"),
              eb.not(contact(eb, d)),
              eb.or([eb("parcours.cree_le", "<", d), contact(eb)]),
            ]),
          );
        }
        if (f.rendezVousAvant) {
          // Le prochain rendez-vous non annulé (à partir de maintenant) est au plus tard à cette date.
          const avant = f.rendezVousAvant;
          q = q.where((eb) =>
            eb.exists(
              eb
                .selectFrom("rendez_vous")
                .select("rendez_vous.id")
                .whereRef("rendez_vous.parcours_id", "=", "parcours.id")
                .where("rendez_vous.statut", "!=", "annule")
                .where("rendez_vous.debut", ">=", f.maintenant)
                .where("rendez_vous.debut", "<=", avant),
            ),
          );
        }
        if (f.recherche?.trim()) {
          const motif = `%${f.recherche.trim().toLowerCase().replace(/[%_]/g, "")}%`;
          q = q.where((eb) =>
            eb.exists(
              eb
                .selectFrom("compte")
                .select("compte.id")
                .whereRef("compte.id", "=", "parcours.beneficiaire_id")
                .where(
                  sql`lower(compte.prenom || ' ' || compte.nom || ' ' || compte.nom || ' ' || compte.prenom)`,
                  "like",
                  motif,
                ),
            ),
          );
        }
        const [compte, lignes] = await Promise.all([
          q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
          q
            .selectAll("parcours")
            .select((eb) => [
              eb
                .selectFrom("entretien")
                .select((e) => e.fn.max("entretien.le").as("m"))
                .whereRef("entretien.parcours_id", "=", "parcours.id")
                .as("dernier_entretien"),
              eb
                .selectFrom("message")
                .select((e) => e.fn.max("message.cree_le").as("m"))
                .whereRef("message.parcours_id", "=", "parcours.id")
                .as("dernier_message"),
              eb
                .selectFrom("rendez_vous")
                .select((e) => e.fn.min("rendez_vous.debut").as("m"))
                .whereRef("rendez_vous.parcours_id", "=", "parcours.id")
                .where("rendez_vous.statut", "!=", "annule")
                .where("rendez_vous.debut", ">=", f.maintenant)
                .as("prochain_rdv"),
            ])
            // Ordre stable d'une page à l'autre : le plus récemment modifié d'abord, l'identifiant départage.
            .orderBy("parcours.modifie_le", "desc")
            .orderBy("parcours.id")
            .limit(page.limite)
            .offset(page.decalage)
            .execute(),
        ]);
        return {
          total: Number(compte.n),
          parcours: lignes.map((r) => {
            const contacts = [r.dernier_entretien, r.dernier_message].filter((x): x is string => !!x);
            return {
              ...versParcours(r),
              dernierContact: contacts.length ? contacts.sort().at(-1)! : null,
              prochainRendezVous: (r.prochain_rdv as string | null) ?? null,
            };
          }),
        };
      },
      async closAvant(date, limite) {
        return (
          await db
            .selectFrom("parcours")
            .selectAll()
            .where("statut", "=", "clos")
            .where("clos_le", "<", date)
            .where("anonymise_le", "is", null)
            .orderBy("clos_le")
            .limit(limite)
            .execute()
        ).map(versParcours);
      },
      async listerParBeneficiaire(beneficiaireId) {
        return (
          await db
            .selectFrom("parcours")
            .selectAll()
            .where("beneficiaire_id", "=", beneficiaireId)
            .orderBy("cree_le", "desc")
            .execute()
        ).map(versParcours);
      },
      async beneficiaireSuiviPar(beneficiaireId, operateurId) {
        const r = await db
          .selectFrom("parcours")
          .select("id")
          .where("beneficiaire_id", "=", beneficiaireId)
          .where("operateur_id", "=", operateurId)
          .executeTakeFirst();
        return r !== undefined;
      },
    },
    transitions: {
      async ajouter(t) {
        await db
          .insertInto("transition_parcours")
          .values({
            id: t.id,
            parcours_id: t.parcoursId,
            type: t.type,
            niveau: "niveau" in t ? t.niveau : null,
            phase: "phase" in t ? t.phase : null,
            motif: "motif" in t ? t.motif : null,
            retour_prevu: "retourPrevu" in t ? t.retourPrevu : null,
            commentaire: "commentaire" in t ? t.commentaire : null,
            auteur_id: t.auteurId,
            le: t.le,
          })
          .execute();
        await reecrireTransitions(db, t.parcoursId);
      },
      async lister(parcoursId) {
        return (
          await db
            .selectFrom("transition_parcours")
            .selectAll()
            .where("parcours_id", "=", parcoursId)
            .orderBy("le")
            .orderBy("id")
            .execute()
        ).map(versTransition);
      },
    },
    notes: {
      async creer(n) {
        await db
          .insertInto("note")
          .values({
            id: n.id,
            parcours_id: n.parcoursId,
            auteur_id: n.auteurId,
            texte: n.texte,
            partagee: n.partagee ? 1 : 0,
            version: 1,
            cree_le: n.creeLe,
            modifie_le: n.modifieLe,
          })
          .execute();
      },
      async parId(id) {
        const r = await db.selectFrom("note").selectAll().where("id", "=", id).executeTakeFirst();
        return r && versNote(r);
      },
      async lister(parcoursId, partageesSeulement) {
        let q = db.selectFrom("note").selectAll().where("parcours_id", "=", parcoursId);
        if (partageesSeulement) q = q.where("partagee", "=", 1);
        return (await q.orderBy("cree_le", "desc").execute()).map(versNote);
      },
      async modifier(id, version, c, modifieLe) {
        const r = await db
          .updateTable("note")
          .set({ texte: c.texte, partagee: c.partagee ? 1 : 0, modifie_le: modifieLe, version: version + 1 })
          .where("id", "=", id)
          .where("version", "=", version)
          .executeTakeFirst();
        return modifie(r);
      },
    },
    entretiens: {
      async creer(e) {
        await db
          .insertInto("entretien")
          .values({
            id: e.id,
            parcours_id: e.parcoursId,
            auteur_id: e.auteurId,
            modalite: e.modalite,
            site_id: e.siteId,
            le: e.le,
            duree_minutes: e.dureeMinutes,
            participants: e.participants,
            resume: e.resume,
            cree_le: e.creeLe,
          })
          .execute();
        await reecrireEntretiens(db, e.parcoursId);
      },
      async lister(parcoursId) {
        return (
          await db
            .selectFrom("entretien")
            .selectAll()
            .where("parcours_id", "=", parcoursId)
            .orderBy("le", "desc")
            .execute()
        ).map(versEntretien);
      },
    },
    rendezVous: {
      async creer(r) {
        await db
          .insertInto("rendez_vous")
          .values({
            id: r.id,
            parcours_id: r.parcoursId,
            auteur_id: r.auteurId,
            debut: r.debut,
            duree_minutes: r.dureeMinutes,
            modalite: r.modalite,
            site_id: r.siteId,
            lieu: r.lieu,
            statut: r.statut,
            rappel_envoye_le: null,
            version: 1,
            cree_le: r.creeLe,
            modifie_le: r.modifieLe,
          })
          .execute();
      },
      async parId(id) {
        const r = await db.selectFrom("rendez_vous").selectAll().where("id", "=", id).executeTakeFirst();
        return r && versRendezVous(r);
      },
      async lister(parcoursId) {
        return (
          await db
            .selectFrom("rendez_vous")
            .selectAll()
            .where("parcours_id", "=", parcoursId)
            .orderBy("debut")
            .execute()
        ).map(versRendezVous);
      },
      async changerStatut(id, version, statut, modifieLe) {
        const r = await db
          .updateTable("rendez_vous")
          .set({ statut, modifie_le: modifieLe, version: version + 1 })
          .where("id", "=", id)
          .where("version", "=", version)
          .executeTakeFirst();
        return modifie(r);
      },
      async aRappeler(de, a) {
        return (
          await db
            .selectFrom("rendez_vous")
            .selectAll()
            .where("debut", ">=", de)
            .where("debut", "<", a)
            .where("statut", "!=", "annule")
            .where("rappel_envoye_le", "is", null)
            .orderBy("debut")
            .execute()
        ).map(versRendezVous);
      },
      async marquerRappel(id, le) {
        const r = await db
          .updateTable("rendez_vous")
          .set({ rappel_envoye_le: le })
          .where("id", "=", id)
          .where("rappel_envoye_le", "is", null)
          .executeTakeFirst();
        return modifie(r);
      },
    },
    messages: {
      async creer(m) {
        await db
          .insertInto("message")
          .values({
            id: m.id,
            parcours_id: m.parcoursId,
            auteur_id: m.auteurId,
            texte: m.texte,
            cree_le: m.creeLe,
          })
          .execute();
      },
      async lister(parcoursId) {
        return (
          await db
            .selectFrom("message")
            .selectAll()
            .where("parcours_id", "=", parcoursId)
            .orderBy("cree_le")
            .orderBy("id")
            .execute()
        ).map((r) => ({
          id: r.id,
          parcoursId: r.parcours_id,
          auteurId: r.auteur_id,
          texte: r.texte,
          creeLe: r.cree_le,
        }));
      },
    },
    consentements: {
      async lister(compteId) {
        return (
          await db.selectFrom("consentement").selectAll().where("compte_id", "=", compteId).execute()
        ).map(
          (r): Consentement => ({
            compteId: r.compte_id,
            type: r.type as TypeConsentement,
            accorde: r.accorde === 1,
            version: r.version,
            modifieLe: r.modifie_le,
          }),
        );
      },
      async enregistrer(compteId, type, accorde, version, le) {
        if (version === 0) {
          const r = await db
            .insertInto("consentement")
            .values({ compte_id: compteId, type, accorde: accorde ? 1 : 0, version: 1, modifie_le: le })
            .onConflict((oc) => oc.columns(["compte_id", "type"]).doNothing())
            .executeTakeFirst();
          return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
        }
        const r = await db
          .updateTable("consentement")
          .set({ accorde: accorde ? 1 : 0, modifie_le: le, version: version + 1 })
          .where("compte_id", "=", compteId)
          .where("type", "=", type)
          .where("version", "=", version)
          .executeTakeFirst();
        return modifie(r);
      },
    },
    effacements: {
      async creer(d) {
        await db
          .insertInto("demande_effacement")
          .values({
            id: d.id,
            beneficiaire_id: d.beneficiaireId,
            motif: d.motif,
            statut: d.statut,
            version: 1,
            cree_le: d.creeLe,
          })
          .execute();
      },
      async listerParBeneficiaire(beneficiaireId) {
        return (
          await db
            .selectFrom("demande_effacement")
            .selectAll()
            .where("beneficiaire_id", "=", beneficiaireId)
            .orderBy("cree_le", "desc")
            .execute()
        ).map(versDemandeEffacement);
      },
      async parId(id) {
        const r = await db
          .selectFrom("demande_effacement")
          .selectAll()
          .where("id", "=", id)
          .executeTakeFirst();
        return r && versDemandeEffacement(r);
      },
      async listerEnAttentePour(operateurId) {
        return (
          await db
            .selectFrom("demande_effacement")
            .selectAll()
            .where("statut", "=", "en_attente")
            .where((eb) =>
              eb.exists(
                eb
                  .selectFrom("parcours")
                  .select("parcours.id")
                  .whereRef("parcours.beneficiaire_id", "=", "demande_effacement.beneficiaire_id")
                  .where("parcours.operateur_id", "=", operateurId),
              ),
            )
            .orderBy("cree_le")
            .execute()
        ).map(versDemandeEffacement);
      },
      async traiter(id, version, c) {
        const r = await db
          .updateTable("demande_effacement")
          .set({
            statut: c.statut,
            reponse: c.reponse,
            traitee_par: c.traiteePar,
            traitee_le: c.traiteeLe,
            version: version + 1,
          })
          .where("id", "=", id)
          .where("version", "=", version)
          .executeTakeFirst();
        return modifie(r);
      },
    },
    transferts: {
      async creer(t) {
        await db
          .insertInto("transfert")
          .values({
            id: t.id,
            parcours_id: t.parcoursId,
            type: t.type,
            auteur_id: t.auteurId,
            de_compte_id: t.deCompteId,
            vers_compte_id: t.versCompteId,
            vers_operateur_id: t.versOperateurId,
            jusqu_au: t.jusquAu,
            motif: t.motif,
            statut: t.statut,
            reponse: t.reponse,
            repondu_le: t.reponduLe,
            version: 1,
            cree_le: t.creeLe,
          })
          .execute();
      },
      async parId(id) {
        const r = await db.selectFrom("transfert").selectAll().where("id", "=", id).executeTakeFirst();
        return r && versTransfert(r);
      },
      async lister(parcoursId) {
        return (
          await db
            .selectFrom("transfert")
            .selectAll()
            .where("parcours_id", "=", parcoursId)
            .orderBy("cree_le")
            .execute()
        ).map(versTransfert);
      },
      async listerEnAttentePour(operateurId) {
        return (
          await db
            .selectFrom("transfert")
            .selectAll()
            .where("vers_operateur_id", "=", operateurId)
            .where("statut", "=", "en_attente")
            .orderBy("cree_le")
            .execute()
        ).map(versTransfert);
      },
      async repondre(id, version, c) {
        const r = await db
          .updateTable("transfert")
          .set({ statut: c.statut, reponse: c.reponse, repondu_le: c.reponduLe, version: version + 1 })
          .where("id", "=", id)
          .where("version", "=", version)
          .executeTakeFirst();
        return modifie(r);
      },
    },
    anonymisation: {
      async anonymiserParcours(parcoursId, le) {
        await db.deleteFrom("etat_des_lieux").where("parcours_id", "=", parcoursId).execute();
        await reecrireDocuments(db, parcoursId);
        // Profil de compétences et pistes : supprimés ; projets : le métier visé et le type de changement restent
        // (indicateurs), le texte libre et la décision motivée partent.
        await db.deleteFrom("profil_competences").where("parcours_id", "=", parcoursId).execute();
        await db.deleteFrom("piste_retenue").where("parcours_id", "=", parcoursId).execute();
        await db
          .updateTable("projet_professionnel")
          .set((eb) => ({ description: null, decision: null, version: eb("version", "+", 1) }))
          .where("parcours_id", "=", parcoursId)
          .execute();
        // Document de synthèse : brouillon, versions émises, corrections, accords et liens de partage (migration 0011).
        for (const table of [
          "synthese_lien",
          "synthese_accord",
          "synthese_correction",
          "synthese_version",
          "synthese_brouillon",
        ] as const)
          await db.deleteFrom(table).where("parcours_id", "=", parcoursId).execute();
        await db.deleteFrom("plan_actions_version").where("parcours_id", "=", parcoursId).execute();
        await db.deleteFrom("plan_actions").where("parcours_id", "=", parcoursId).execute();
        await db
          .updateTable("parcours")
          .set((eb) => ({
            demande: null,
            situation_secteur: null,
            situation_commune: null,
            handicap: null,
            anonymise_le: le,
            version: eb("version", "+", 1),
          }))
          .where("id", "=", parcoursId)
          .execute();
        await db
          .updateTable("note")
          .set((eb) => ({ texte: "(anonymisé)", version: eb("version", "+", 1) }))
          .where("parcours_id", "=", parcoursId)
          .execute();
        await db
          .updateTable("entretien")
          .set({ resume: "(anonymisé)", participants: null })
          .where("parcours_id", "=", parcoursId)
          .execute();
        await db
          .updateTable("message")
          .set({ texte: "(anonymisé)" })
          .where("parcours_id", "=", parcoursId)
          .execute();
        await db
          .updateTable("transition_parcours")
          .set({ commentaire: null, motif: sql`case when type = 'pause' then '(anonymisé)' else motif end` })
          .where("parcours_id", "=", parcoursId)
          .execute();
        await db
          .updateTable("transfert")
          .set({ reponse: null })
          .where("parcours_id", "=", parcoursId)
          .execute();
        // Inscriptions de la personne (par son compte, ou par son adresse avant d'avoir un compte) aux réunions de
        // l'opérateur du parcours tenues jusqu'à la clôture.
        const p = await db
          .selectFrom("parcours as p")
          .innerJoin("compte as c", "c.id", "p.beneficiaire_id")
          .select(["p.beneficiaire_id", "p.operateur_id", "p.clos_le", "c.email"])
          .where("p.id", "=", parcoursId)
          .executeTakeFirst();
        if (!p) return;
        await db
          .updateTable("inscription_reunion")
          .set(identiteEffacee(le))
          .where("anonymisee_le", "is", null)
          .where(inscriptionsDe(p.beneficiaire_id, p.email))
          .where("reunion_id", "in", (eb) =>
            eb
              .selectFrom("reunion_information")
              .select("id")
              .where("operateur_id", "=", p.operateur_id)
              .where("debut", "<=", p.clos_le ?? le),
          )
          .execute();
      },
      async anonymiserInscriptionsSansDossier(seancesAvant, le) {
        const r = await db
          .updateTable("inscription_reunion")
          .set(identiteEffacee(le))
          .where("anonymisee_le", "is", null)
          .where("reunion_id", "in", (eb) =>
            eb.selectFrom("reunion_information").select("id").where("debut", "<", seancesAvant),
          )
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("parcours as p")
                  .innerJoin("compte as c", "c.id", "p.beneficiaire_id")
                  .select("p.id")
                  .where((qb) =>
                    qb.or([
                      qb("c.id", "=", qb.ref("inscription_reunion.compte_id")),
                      qb(qb.fn("lower", ["c.email"]), "=", qb.fn("lower", ["inscription_reunion.email"])),
                    ]),
                  ),
              ),
            ),
          )
          .executeTakeFirst();
        return Number(r.numUpdatedRows);
      },
      async anonymiserCompteSiPossible(compteId, le) {
        const restants = await db
          .selectFrom("parcours")
          .select("id")
          .where("beneficiaire_id", "=", compteId)
          .where("anonymise_le", "is", null)
          .executeTakeFirst();
        if (restants) return false;
        const compte = await db
          .selectFrom("compte")
          .select("email")
          .where("id", "=", compteId)
          .executeTakeFirst();
        if (compte)
          await db
            .updateTable("inscription_reunion")
            .set(identiteEffacee(le))
            .where("anonymisee_le", "is", null)
            .where(inscriptionsDe(compteId, compte.email))
            .execute();
        await db.deleteFrom("session").where("compte_id", "=", compteId).execute();
        await db.deleteFrom("consentement").where("compte_id", "=", compteId).execute();
        await db
          .updateTable("compte")
          .set((eb) => ({
            prenom: "Personne",
            nom: "anonymisée",
            email: sql<string>`'anonyme-' || id || '@anonyme.invalid'`,
            hash_mot_de_passe: null,
            actif: 0,
            version: eb("version", "+", 1),
          }))
          .where("id", "=", compteId)
          .where("role", "=", "beneficiaire")
          .execute();
        return true;
      },
    },
  };
}
