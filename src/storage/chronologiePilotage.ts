import { type Kysely, type QueryExecutorProvider, sql } from "kysely";
import type { MotifCloture, Niveau, Phase, TransitionDatee } from "../domain/parcours.js";
import type { Dialecte } from "./dialecte.js";
import type { Schema } from "./schema.js";

/**
 * Chronologie de pilotage d'un parcours (migration 0017) : ses transitions et ses entretiens, réduits à ce que rejoue le
 * calcul des indicateurs, tenus dans deux colonnes JSON du parcours. Le tableau de bord d'un opérateur lit alors une
 * ligne par parcours au lieu de millions de lignes de transitions et d'entretiens (BENCHMARKS.md, « echelle »).
 *
 * Rien de personnel n'y entre : ni auteur, ni motif de pause, ni commentaire de clôture (seulement s'il existe, car la
 * règle de clôture l'exige pour certains motifs). L'anonymisation n'a donc rien à y effacer.
 *
 * Formats (tableaux, pour rester courts) :
 * - transition : `[type, le, niveau, phase]` (ouverture, passage), `[type, le, retourPrevu]` (pause),
 *   `[type, le]` (reprise), `[type, le, motif, 0|1 commentaire renseigné]` (clôture) ; ordre (le, identifiant) ;
 * - entretien : `[le, modalite]`, ordre (le, identifiant).
 *
 * Tenue à jour par les dépôts à chaque écriture (même transaction), écrite directement par le chargement synthétique,
 * recalculée en SQL par la migration (`recalculerChronologies`, aussi utilisée par le test de cohérence).
 */
export interface LigneTransition {
  id: string;
  type: string;
  niveau: number | null;
  phase: string | null;
  motif: string | null;
  retour_prevu: string | null;
  commentaire: string | null;
  le: string;
}

export interface LigneEntretien {
  id: string;
  le: string;
  modalite: string;
}

const avant = (a: { le: string; id: string }, b: { le: string; id: string }) =>
  a.le === b.le ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.le < b.le ? -1 : 1;

const renseigne = (s: string | null) => (s?.trim() ? 1 : 0);

export function chronologieTransitions(lignes: readonly LigneTransition[]): string {
  return JSON.stringify(
    [...lignes].sort(avant).map((t) => {
      switch (t.type) {
        case "pause":
          return [t.type, t.le, t.retour_prevu];
        case "reprise":
          return [t.type, t.le];
        case "cloture":
          return [t.type, t.le, t.motif, renseigne(t.commentaire)];
        default:
          return [t.type, t.le, t.niveau, t.phase];
      }
    }),
  );
}

export function chronologieEntretiens(lignes: readonly LigneEntretien[]): string {
  return JSON.stringify([...lignes].sort(avant).map((e) => [e.le, e.modalite]));
}

type Brute = [string, string, ...(string | number | null)[]];

/** Transitions rejouables par le domaine (la pause reçoit un motif de forme : le vrai n'est pas gardé ici). */
export function lireTransitions(json: string): TransitionDatee[] {
  return (JSON.parse(json) as Brute[]).map(([type, le, a, b]): TransitionDatee => {
    switch (type) {
      case "pause":
        return { type, le, motif: "(motif de pause)", retourPrevu: (a as string | null) ?? "" };
      case "reprise":
        return { type, le };
      case "cloture":
        return { type, le, motif: a as MotifCloture, commentaire: b ? "(renseigné)" : null };
      case "ouverture":
        return { type, le, niveau: a as Niveau, phase: b as Phase | null };
      default:
        return { type: "passage", le, niveau: a as Niveau, phase: b as Phase | null };
    }
  });
}

export function lireEntretiens(json: string): { le: string; modalite: string }[] {
  return (JSON.parse(json) as [string, string][]).map(([le, modalite]) => ({ le, modalite }));
}

/** Relit les lignes d'un parcours et réécrit sa chronologie de transitions (dans la transaction de l'appelant). */
export async function reecrireTransitions(db: Kysely<Schema>, parcoursId: string) {
  const lignes = await db
    .selectFrom("transition_parcours")
    .select(["id", "type", "niveau", "phase", "motif", "retour_prevu", "commentaire", "le"])
    .where("parcours_id", "=", parcoursId)
    .execute();
  await db
    .updateTable("parcours")
    .set({ pilotage_transitions: chronologieTransitions(lignes) })
    .where("id", "=", parcoursId)
    .execute();
}

export async function reecrireEntretiens(db: Kysely<Schema>, parcoursId: string) {
  const lignes = await db
    .selectFrom("entretien")
    .select(["id", "le", "modalite"])
    .where("parcours_id", "=", parcoursId)
    .execute();
  await db
    .updateTable("parcours")
    .set({ pilotage_entretiens: chronologieEntretiens(lignes) })
    .where("id", "=", parcoursId)
    .execute();
}

/**
 * Recalcule en SQL les chronologies de tous les parcours (une requête par colonne, agrégats groupés par parcours) :
 * mêmes formats que `chronologieTransitions` / `chronologieEntretiens`. PostgreSQL relit les horodatages en ISO UTC à la
 * milliseconde, comme le pilote (`toISOString`).
 */
export async function recalculerChronologies(db: QueryExecutorProvider, d: Dialecte) {
  const pg = d.type === "postgresql";
  const le = (c: string) => (pg ? `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : c);
  const tableau = pg ? "json_build_array" : "json_array";
  const agreger = pg ? "json_agg" : "json_group_array";
  const transition = `case t.type
      when 'pause' then ${tableau}(t.type, ${le("t.le")}, t.retour_prevu)
      when 'reprise' then ${tableau}(t.type, ${le("t.le")})
      when 'cloture' then ${tableau}(t.type, ${le("t.le")}, t.motif,
        case when t.commentaire is null or trim(t.commentaire) = '' then 0 else 1 end)
      else ${tableau}(t.type, ${le("t.le")}, t.niveau, t.phase) end`;
  const entretien = `${tableau}(${le("e.le")}, e.modalite)`;
  const requetes = pg
    ? [
        `update parcours p set pilotage_transitions = s.j from (select t.parcours_id, json_agg(${transition} order by t.le, t.id)::text as j
           from transition_parcours t group by t.parcours_id) s where s.parcours_id = p.id`,
        `update parcours p set pilotage_entretiens = s.j from (select e.parcours_id, json_agg(${entretien} order by e.le, e.id)::text as j
           from entretien e group by e.parcours_id) s where s.parcours_id = p.id`,
      ]
    : [
        `update parcours set pilotage_transitions = (select ${agreger}(${transition} order by t.le, t.id)
           from transition_parcours t where t.parcours_id = parcours.id)`,
        `update parcours set pilotage_entretiens = (select ${agreger}(${entretien} order by e.le, e.id)
           from entretien e where e.parcours_id = parcours.id)`,
      ];
  for (const r of requetes) await sql.raw(r).execute(db);
}
