import type { Kysely } from "kysely";
import type {
  AccordPartageSynthese,
  BrouillonSynthese,
  CorrectionSynthese,
  LienPartageSynthese,
  SynthesesRepository,
  VersionSynthese,
} from "../app/ports.js";
import type { TypeDestinataire } from "../domain/syntheseDossier.js";
import { reecrireDocuments } from "./chronologiePilotage.js";
import type {
  Schema,
  TableSyntheseAccord,
  TableSyntheseBrouillon,
  TableSyntheseCorrection,
  TableSyntheseLien,
  TableSyntheseVersion,
} from "./schema.js";

/** Document de synthèse (migration 0011), même code pour SQLite et PostgreSQL. */

const iso = (v: string) => new Date(v).toISOString();
const isoOuNull = (v: string | null) => (v === null ? null : iso(v));
const niveau = (n: number) => (Number(n) === 2 ? 2 : 1) as 1 | 2;

const versBrouillon = (r: TableSyntheseBrouillon): BrouillonSynthese => ({
  parcoursId: r.parcours_id,
  niveau: niveau(r.niveau),
  conclusions: r.conclusions,
  prochainesEtapes: r.prochaines_etapes,
  auteurId: r.auteur_id,
  version: Number(r.version),
  creeLe: iso(r.cree_le),
  modifieLe: iso(r.modifie_le),
});
const versVersion = (r: TableSyntheseVersion): VersionSynthese => ({
  id: r.id,
  parcoursId: r.parcours_id,
  numero: Number(r.numero),
  niveau: niveau(r.niveau),
  contenu: r.contenu,
  empreinte: r.empreinte,
  emiseLe: iso(r.emise_le),
  emisePar: r.emise_par,
  accuseeLe: isoOuNull(r.accusee_le),
});
const versCorrection = (r: TableSyntheseCorrection): CorrectionSynthese => ({
  id: r.id,
  parcoursId: r.parcours_id,
  numero: Number(r.numero),
  auteurId: r.auteur_id,
  commentaire: r.commentaire,
  demandeeLe: iso(r.demandee_le),
  traiteeLe: isoOuNull(r.traitee_le),
  corrigeeParNumero: r.corrigee_par_numero === null ? null : Number(r.corrigee_par_numero),
});
const versAccord = (r: TableSyntheseAccord): AccordPartageSynthese => ({
  id: r.id,
  parcoursId: r.parcours_id,
  beneficiaireId: r.beneficiaire_id,
  destinataire: r.destinataire,
  typeDestinataire: r.type_destinataire as TypeDestinataire,
  accordeLe: iso(r.accorde_le),
  retireLe: isoOuNull(r.retire_le),
  version: Number(r.version),
});
const versLien = (r: TableSyntheseLien): LienPartageSynthese => ({
  hash: r.hash,
  accordId: r.accord_id,
  parcoursId: r.parcours_id,
  numero: Number(r.numero),
  creePar: r.cree_par,
  creeLe: iso(r.cree_le),
  expireLe: iso(r.expire_le),
});

export function depotSyntheses(db: Kysely<Schema>): SynthesesRepository {
  return {
    async brouillon(parcoursId) {
      const r = await db
        .selectFrom("synthese_brouillon")
        .selectAll()
        .where("parcours_id", "=", parcoursId)
        .executeTakeFirst();
      return r ? versBrouillon(r) : undefined;
    },
    async enregistrerBrouillon(b, versionAttendue) {
      const champs = {
        niveau: b.niveau,
        conclusions: b.conclusions,
        prochaines_etapes: b.prochainesEtapes,
        auteur_id: b.auteurId,
        modifie_le: b.modifieLe,
      };
      if (versionAttendue === 0) {
        const r = await db
          .insertInto("synthese_brouillon")
          .values({ parcours_id: b.parcoursId, ...champs, version: 1, cree_le: b.modifieLe })
          .onConflict((oc) => oc.column("parcours_id").doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
      }
      const r = await db
        .updateTable("synthese_brouillon")
        .set({ ...champs, version: versionAttendue + 1 })
        .where("parcours_id", "=", b.parcoursId)
        .where("version", "=", versionAttendue)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async versions(parcoursId) {
      const lignes = await db
        .selectFrom("synthese_version")
        .selectAll()
        .where("parcours_id", "=", parcoursId)
        .orderBy("numero")
        .execute();
      return lignes.map(versVersion);
    },
    async version(parcoursId, numero) {
      const r = await db
        .selectFrom("synthese_version")
        .selectAll()
        .where("parcours_id", "=", parcoursId)
        .where("numero", "=", numero)
        .executeTakeFirst();
      return r ? versVersion(r) : undefined;
    },
    async emettre(v) {
      const r = await db
        .insertInto("synthese_version")
        .values({
          id: v.id,
          parcours_id: v.parcoursId,
          numero: v.numero,
          niveau: v.niveau,
          contenu: v.contenu,
          empreinte: v.empreinte,
          emise_le: v.emiseLe,
          emise_par: v.emisePar,
          accusee_le: null,
        })
        .onConflict((oc) => oc.columns(["parcours_id", "numero"]).doNothing())
        .executeTakeFirst();
      const emise = Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
      if (emise) await reecrireDocuments(db, v.parcoursId);
      return emise;
    },
    async accuser(parcoursId, numero, le) {
      const r = await db
        .updateTable("synthese_version")
        .set({ accusee_le: le })
        .where("parcours_id", "=", parcoursId)
        .where("numero", "=", numero)
        .where("accusee_le", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async corrections(parcoursId) {
      const lignes = await db
        .selectFrom("synthese_correction")
        .selectAll()
        .where("parcours_id", "=", parcoursId)
        .orderBy("demandee_le")
        .orderBy("id")
        .execute();
      return lignes.map(versCorrection);
    },
    async demanderCorrection(c) {
      await db
        .insertInto("synthese_correction")
        .values({
          id: c.id,
          parcours_id: c.parcoursId,
          numero: c.numero,
          auteur_id: c.auteurId,
          commentaire: c.commentaire,
          demandee_le: c.demandeeLe,
          traitee_le: null,
          corrigee_par_numero: null,
        })
        .execute();
    },
    async traiterCorrections(parcoursId, numero, le) {
      const r = await db
        .updateTable("synthese_correction")
        .set({ traitee_le: le, corrigee_par_numero: numero })
        .where("parcours_id", "=", parcoursId)
        .where("traitee_le", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async accords(parcoursId) {
      const lignes = await db
        .selectFrom("synthese_accord")
        .selectAll()
        .where("parcours_id", "=", parcoursId)
        .orderBy("accorde_le")
        .orderBy("id")
        .execute();
      return lignes.map(versAccord);
    },
    async accord(id) {
      const r = await db.selectFrom("synthese_accord").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? versAccord(r) : undefined;
    },
    async donnerAccord(a) {
      await db
        .insertInto("synthese_accord")
        .values({
          id: a.id,
          parcours_id: a.parcoursId,
          beneficiaire_id: a.beneficiaireId,
          destinataire: a.destinataire,
          type_destinataire: a.typeDestinataire,
          accorde_le: a.accordeLe,
          retire_le: null,
          version: 1,
        })
        .execute();
    },
    async retirerAccord(id, version, le) {
      const r = await db
        .updateTable("synthese_accord")
        .set({ retire_le: le, version: version + 1 })
        .where("id", "=", id)
        .where("version", "=", version)
        .where("retire_le", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async creerLien(l) {
      await db
        .insertInto("synthese_lien")
        .values({
          hash: l.hash,
          accord_id: l.accordId,
          parcours_id: l.parcoursId,
          numero: l.numero,
          cree_par: l.creePar,
          cree_le: l.creeLe,
          expire_le: l.expireLe,
        })
        .execute();
    },
    async lien(hash) {
      const r = await db.selectFrom("synthese_lien").selectAll().where("hash", "=", hash).executeTakeFirst();
      return r ? versLien(r) : undefined;
    },
  };
}
