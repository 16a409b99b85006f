import { type Kysely, type QueryExecutorProvider, sql } from "kysely";
import type { NatureDocument } from "../domain/indicateurs.js";
import type { MotifCloture, Niveau, Phase, TransitionDatee } from "../domain/parcours.js";
import type { Dialecte } from "./dialecte.js";
import type { Schema, TableEntretien, TableTransitionParcours } from "./schema.js";

/**
 * Chronologie de pilotage d'un parcours (migration 0017) : ses transitions, ses entretiens et ses documents remis, réduits
 * à ce que rejoue le calcul des indicateurs, tenus dans trois colonnes JSON du parcours. Le tableau de bord d'un opérateur
 * lit alors une ligne par parcours au lieu de millions de lignes de transitions, d'entretiens et de documents
 * (BENCHMARKS.md, « echelle »).
 *
 * Rien de personnel n'y entre : ni auteur, ni motif de pause, ni commentaire de clôture (seulement s'il existe, car la
 * règle de clôture l'exige pour certains motifs). L'anonymisation n'a donc rien à y effacer.
 *
 * Formats (tableaux, pour rester courts) :
 * - transition : `[type, le, niveau, phase]` (ouverture, passage), `[type, le, retourPrevu]` (pause),
 *   `[type, le]` (reprise), `[type, le, motif, 0|1 commentaire renseigné]` (clôture) ; ordre (le, identifiant) ;
 * - entretien : `[le, modalite]`, ordre (le, identifiant) ;
 * - document remis : `[nature, le]` (état des lieux de niveau 1, chaque version émise de la synthèse), ordre (le, nature).
 *
 * Tenue à jour par les dépôts à chaque écriture (même transaction), écrite directement par le chargement synthétique,
 * recalculée en SQL par la migration (`recalculerChronologies`, aussi utilisée par le test de cohérence).
 */
/** Les colonnes d'une transition ou d'un entretien dont la chronologie garde une partie. */
export type LigneTransition = Omit<TableTransitionParcours, "parcours_id" | "auteur_id">;
export type LigneEntretien = Pick<TableEntretien, "id" | "le" | "modalite">;

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

export interface LigneDocument {
  nature: NatureDocument;
  le: string;
}

export function chronologieDocuments(lignes: readonly LigneDocument[]): string {
  return JSON.stringify(
    [...lignes]
      .sort((a, b) => (a.le === b.le ? (a.nature < b.nature ? -1 : 1) : a.le < b.le ? -1 : 1))
      .map((d) => [d.nature, d.le]),
  );
}

type Brute = [string, string, ...(string | number | null)[]];

const versTransition = ([type, le, a, b]: Brute): TransitionDatee => {
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
};

/** Transitions datées au plus tard `jusqua` (toutes sans lui), rejouables par le domaine. */
function transitionsJusqua(brutes: Brute[], jusqua?: string): TransitionDatee[] {
  const resultat: TransitionDatee[] = [];
  for (const t of brutes) {
    if (jusqua !== undefined && t[1] > jusqua) break;
    resultat.push(versTransition(t));
  }
  return resultat;
}

/**
 * Les trois colonnes d'un parcours relues d'un coup : la requête les concatène en un seul tableau JSON
 * (`SQL_CHRONOLOGIE`), une seule analyse par ligne ; les transitions sont gardées jusqu'à `jusqua` s'il est donné.
 */
export const SQL_CHRONOLOGIE =
  "'[' || parcours.pilotage_transitions || ',' || parcours.pilotage_entretiens || ',' || parcours.pilotage_documents || ']'";

export function lireChronologie(
  json: string,
  jusqua?: string,
): {
  transitions: TransitionDatee[];
  entretiens: [le: string, modalite: string][];
  documents: [nature: NatureDocument, le: string][];
} {
  const [t, entretiens, documents] = JSON.parse(json) as [
    Brute[],
    [string, string][],
    [NatureDocument, string][],
  ];
  return { transitions: transitionsJusqua(t, jusqua), entretiens, documents };
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

/** Relit l'état des lieux et les versions émises de la synthèse d'un parcours et réécrit sa chronologie de documents. */
export async function reecrireDocuments(db: Kysely<Schema>, parcoursId: string) {
  const etat = await db
    .selectFrom("etat_des_lieux")
    .select("cree_le")
    .where("parcours_id", "=", parcoursId)
    .execute();
  const syntheses = await db
    .selectFrom("synthese_version")
    .select("emise_le")
    .where("parcours_id", "=", parcoursId)
    .execute();
  await db
    .updateTable("parcours")
    .set({
      pilotage_documents: chronologieDocuments([
        ...etat.map((e) => ({ nature: "etat_des_lieux_niveau1" as const, le: e.cree_le })),
        ...syntheses.map((v) => ({ nature: "synthese" as const, le: v.emise_le })),
      ]),
    })
    .where("id", "=", parcoursId)
    .execute();
}

/**
 * Recalcule en SQL les chronologies de tous les parcours (une requête par colonne, agrégats groupés par parcours) :
 * mêmes formats que `chronologieTransitions` / `chronologieEntretiens`. PostgreSQL relit les horodatages en ISO UTC à la
 * milliseconde, comme le pilote (`toISOString`), et le JSON sans les espaces que `json_agg` met après chaque virgule
 * (aucune valeur de la chronologie — dates, codes, nombres — ne contient « , »).
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
  const documents = `select parcours_id, 'etat_des_lieux_niveau1' as nature, cree_le as le from etat_des_lieux
    union all select parcours_id, 'synthese' as nature, emise_le as le from synthese_version`;
  const document = `${tableau}(d.nature, ${le("d.le")})`;
  const requetes = pg
    ? [
        `update parcours p set pilotage_transitions = s.j from (select t.parcours_id, replace(json_agg(${transition} order by t.le, t.id)::text, ', ', ',') as j
           from transition_parcours t group by t.parcours_id) s where s.parcours_id = p.id`,
        `update parcours p set pilotage_entretiens = s.j from (select e.parcours_id, replace(json_agg(${entretien} order by e.le, e.id)::text, ', ', ',') as j
           from entretien e group by e.parcours_id) s where s.parcours_id = p.id`,
        `update parcours p set pilotage_documents = s.j from (select d.parcours_id, replace(json_agg(${document} order by d.le, d.nature)::text, ', ', ',') as j
           from (${documents}) d group by d.parcours_id) s where s.parcours_id = p.id`,
      ]
    : [
        `update parcours set pilotage_transitions = (select ${agreger}(${transition} order by t.le, t.id)
           from transition_parcours t where t.parcours_id = parcours.id)`,
        `update parcours set pilotage_entretiens = (select ${agreger}(${entretien} order by e.le, e.id)
           from entretien e where e.parcours_id = parcours.id)`,
        `update parcours set pilotage_documents = (select ${agreger}(${document} order by d.le, d.nature)
           from (${documents}) d where d.parcours_id = parcours.id)`,
      ];
  for (const r of requetes) await sql.raw(r).execute(db);
}
