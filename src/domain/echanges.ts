/**
 * Partage des données de parcours et de formation par bénéficiaire (L6111-6-1, L6353-10, R6323-34, R6111-5 ;
 * regles-cep.md §5). Construit, sans entrée-sortie, le document d'échange au format `cep-echanges-parcours`
 * documenté dans docs/echanges.md, à partir des lignes lues par le dépôt `pilotage`.
 *
 * Minimisation : seules des données structurées sortent (codes, dates au jour) ; ni nom, ni adresse, ni commune, ni
 * texte libre (demande, notes, résumés, motifs de pause, commentaires), ni handicap (donnée de santé, RGPD art. 9).
 * Pseudonymisation : la personne et le parcours sont désignés par un pseudonyme calculé par la couche application
 * (fonction `pseudonyme` fournie), jamais par leur identifiant interne.
 */
import { appliquer, type EtatParcours, type TransitionDatee } from "./parcours.js";

export const FORMAT_ECHANGES = "cep-echanges-parcours";
/** Version du format : majeure = changement incompatible, mineure = ajout compatible (docs/echanges.md). */
export const VERSION_ECHANGES = "1.0";
/** Articles du Code du travail qui fondent le partage (regles-cep.md §5). */
export const BASE_LEGALE_ECHANGES = ["L6111-6-1", "L6353-10", "R6323-34", "R6111-5", "D6111-7"] as const;

export interface PeriodeEchanges {
  debut: string;
  fin: string;
}

/** Un parcours dont le dossier a changé pendant la période, tel que lu par le dépôt. */
export interface ParcoursEchange {
  id: string;
  beneficiaireId: string;
  operateurId: string;
  creeLe: string;
  statut: string | null;
  qualification: string | null;
  trancheAge: string | null;
  /** Transitions jusqu'à la fin de la période, dans l'ordre. */
  transitions: TransitionDatee[];
  /** Entretiens jusqu'à la fin de la période (date, modalité). */
  entretiens: { le: string; modalite: string }[];
  etatDesLieux: { le: string; decision: string } | null;
}

export interface ReunionSuivie {
  beneficiaireId: string;
  operateurId: string;
  le: string;
  present: boolean | null;
}

export interface OperateurEchange {
  id: string;
  nom: string;
  type: string;
  codeRegion: string | null;
}

export type EtapeEchange =
  | { type: "ouverture" | "passage"; le: string; niveau: 1 | 2; phase: string | null }
  | { type: "pause" | "reprise"; le: string }
  | { type: "cloture"; le: string; motif: string };

export interface ParcoursDocument {
  reference: string;
  demandeLe: string;
  etatFinPeriode: { niveau: 1 | 2; phase: string | null; statut: string } | null;
  etapes: EtapeEchange[];
  entretiens: { le: string; modalite: string }[];
  etatDesLieux: { le: string; decision: string } | null;
  cloture: { le: string; motif: string } | null;
}

export interface BeneficiaireDocument {
  pseudonyme: string;
  operateurId: string;
  situation: { statutActivite: string | null; niveauQualification: string | null; trancheAge: string | null };
  parcours: ParcoursDocument[];
  reunionsInformation: { le: string; present: boolean | null }[];
}

export interface DocumentEchanges {
  format: typeof FORMAT_ECHANGES;
  version: typeof VERSION_ECHANGES;
  genereLe: string;
  periode: PeriodeEchanges;
  baseLegale: string[];
  operateurs: OperateurEchange[];
  beneficiaires: BeneficiaireDocument[];
}

const jour = (iso: string) => iso.slice(0, 10);

function etape(t: TransitionDatee): EtapeEchange {
  switch (t.type) {
    case "ouverture":
    case "passage":
      return { type: t.type, le: jour(t.le), niveau: t.niveau, phase: t.phase };
    case "pause":
    case "reprise":
      return { type: t.type, le: jour(t.le) };
    case "cloture":
      return { type: "cloture", le: jour(t.le), motif: t.motif };
  }
}

function etatFin(transitions: readonly TransitionDatee[]): EtatParcours | null {
  let etat: EtatParcours | null = null;
  for (const t of transitions) {
    const r = appliquer(etat, t);
    if (!r.ok) break;
    etat = r.etat;
  }
  return etat;
}

/**
 * Le document d'échange : une entrée par personne et par opérateur (le pseudonyme dépend des deux), ses parcours
 * changés pendant la période, sa situation (celle de son parcours le plus récent) et les réunions d'information de
 * cet opérateur auxquelles elle était inscrite jusqu'à la fin de la période.
 */
export function construireEchanges(e: {
  periode: PeriodeEchanges;
  genereLe: string;
  operateurs: readonly OperateurEchange[];
  parcours: readonly ParcoursEchange[];
  reunions: readonly ReunionSuivie[];
  pseudonyme: (nature: "personne" | "parcours", operateurId: string, id: string) => string;
}): DocumentEchanges {
  const parPersonne = new Map<string, ParcoursEchange[]>();
  for (const p of e.parcours) {
    const cle = `${p.operateurId}|${p.beneficiaireId}`;
    parPersonne.set(cle, [...(parPersonne.get(cle) ?? []), p]);
  }
  const reunions = new Map<string, ReunionSuivie[]>();
  for (const r of e.reunions) {
    const cle = `${r.operateurId}|${r.beneficiaireId}`;
    reunions.set(cle, [...(reunions.get(cle) ?? []), r]);
  }
  const beneficiaires = [...parPersonne.values()].map((liste): BeneficiaireDocument => {
    const tri = [...liste].sort((a, b) => (a.creeLe < b.creeLe ? -1 : a.creeLe > b.creeLe ? 1 : 0));
    const recent = tri.at(-1)!;
    const { beneficiaireId, operateurId } = recent;
    return {
      pseudonyme: e.pseudonyme("personne", operateurId, beneficiaireId),
      operateurId,
      situation: {
        statutActivite: recent.statut,
        niveauQualification: recent.qualification,
        trancheAge: recent.trancheAge,
      },
      parcours: tri.map((p) => {
        const cloture = p.transitions.find((t) => t.type === "cloture");
        const etat = etatFin(p.transitions);
        return {
          reference: e.pseudonyme("parcours", operateurId, p.id),
          demandeLe: jour(p.creeLe),
          etatFinPeriode: etat && { niveau: etat.niveau, phase: etat.phase, statut: etat.statut },
          etapes: p.transitions.map(etape),
          entretiens: p.entretiens.map((x) => ({ le: jour(x.le), modalite: x.modalite })),
          etatDesLieux: p.etatDesLieux && { le: jour(p.etatDesLieux.le), decision: p.etatDesLieux.decision },
          cloture: cloture?.type === "cloture" ? { le: jour(cloture.le), motif: cloture.motif } : null,
        };
      }),
      reunionsInformation: (reunions.get(`${operateurId}|${beneficiaireId}`) ?? [])
        .map((r) => ({ le: jour(r.le), present: r.present }))
        .sort((a, b) => (a.le < b.le ? -1 : a.le > b.le ? 1 : 0)),
    };
  });
  beneficiaires.sort((a, b) =>
    a.operateurId === b.operateurId
      ? a.pseudonyme.localeCompare(b.pseudonyme)
      : a.operateurId.localeCompare(b.operateurId),
  );
  return {
    format: FORMAT_ECHANGES,
    version: VERSION_ECHANGES,
    genereLe: e.genereLe,
    periode: e.periode,
    baseLegale: [...BASE_LEGALE_ECHANGES],
    operateurs: [...e.operateurs],
    beneficiaires,
  };
}
