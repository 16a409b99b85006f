import { type FicheNiveau1, niveau1PourSynthese } from "./etatDesLieux.js";
import type {
  ContenuSynthese,
  EtapeSynthese,
  LigneFinancementSynthese,
  ModaliteEntretien,
  TypeChangement,
} from "./synthese.js";
import { totalFinance } from "./synthese.js";

/**
 * Du dossier au document de synthèse (docs/synthese.md) : une fonction pure qui assemble le contenu à partir de ce que
 * le dossier contient, sans ressaisie. Les quatre parties du niveau 2 (compétences, projet, plan d'actions, plan de
 * financement) sont des entrées facultatives, typées ici : le profil de compétences et le projet (ticket 6), le plan
 * d'actions et le plan de financement (ticket 7) s'y branchent ; absentes, le document dit « Non renseigné ».
 */

/** Profil de compétences (ticket 6). */
export interface CompetencesDossier {
  /** Compétences acquises, transférables (libellés ROME de préférence). */
  acquises: string[];
  /** Compétences à acquérir pour le projet. */
  aAcquerir: string[];
}

/** Projet professionnel et stratégies (ticket 6). */
export interface ProjetDossier {
  metier: { codeRome: string; libelle: string };
  typeChangement: TypeChangement;
  description?: string;
  /** Stratégies envisagées : celle retenue et pourquoi, celles écartées. */
  strategies: { libelle: string; retenue: boolean; justification?: string }[];
}

/** Plan d'actions (ticket 7) : étapes, actions, parcours de formation. */
export interface PlanActionsDossier {
  etapes: EtapeSynthese[];
  formations: { intitule: string; organisme?: string; debut?: string; fin?: string; dureeHeures?: number }[];
  /** Échéances particulières (délais légaux…) ; les échéances des actions et les dates de formation s'y ajoutent. */
  echeances?: { date: string; libelle: string }[];
}

/** Plan de financement (ticket 7). */
export interface PlanFinancementDossier {
  coutTotal: number;
  lignes: LigneFinancementSynthese[];
  /** Calculé par le plan lui-même s'il le sait ; sinon coût total moins les financements non refusés (au moins 0). */
  resteACharge?: number;
}

/** Ce que le dossier fournit pour construire la synthèse. */
export interface DossierSynthese {
  /** Le niveau que le document clôt (choisi dans le brouillon). */
  niveau: 1 | 2;
  /** Instant de construction (émission, ou aperçu du brouillon), ISO. */
  le: string;
  beneficiaire: { prenom: string; nom: string };
  operateur: { nom: string };
  referent: { prenom: string; nom: string } | null;
  ouvertLe: string;
  closLe: string | null;
  /** La demande saisie à l'ouverture du parcours. */
  demande: string | null;
  /** Date d'entrée en accompagnement personnalisé (niveau 2), si le parcours y est passé. */
  entreeNiveau2Le: string | null;
  entretiens: { le: string; modalite: ModaliteEntretien; dureeMinutes: number }[];
  /** Réunions collectives d'information de l'opérateur auxquelles la personne était présente. */
  reunions: { le: string; theme: string }[];
  etatDesLieux?: FicheNiveau1;
  competences?: CompetencesDossier;
  projet?: ProjetDossier;
  planActions?: PlanActionsDossier;
  planFinancement?: PlanFinancementDossier;
  /** Textes libres du brouillon. */
  redaction: { conclusions: string | null; prochainesEtapes: string | null };
}

const jour = (iso: string) => iso.slice(0, 10);
const rempli = (t: string | null | undefined): t is string => !!t && t.trim() !== "";

export function construireSynthese(d: DossierSynthese): ContenuSynthese {
  const entretiens = [...d.entretiens]
    .filter((e) => e.le <= d.le)
    .sort((a, b) => a.le.localeCompare(b.le))
    .map((e) => ({ date: e.le, modalite: e.modalite, dureeMinutes: e.dureeMinutes }));
  const reunions = [...d.reunions]
    .filter((r) => r.le <= d.le)
    .sort((a, b) => a.le.localeCompare(b.le))
    .map((r) => ({ date: r.le, theme: r.theme }));

  const prestations: string[] = [];
  if (entretiens.length) prestations.push("Entretiens individuels de conseil en évolution professionnelle");
  if (reunions.length) prestations.push("Réunion collective d'information");
  if (d.entreeNiveau2Le && d.entreeNiveau2Le <= d.le)
    prestations.push(`Accompagnement personnalisé (niveau 2) depuis le ${jourLisible(d.entreeNiveau2Le)}`);

  const contenu: ContenuSynthese = {
    niveau: d.niveau,
    beneficiaire: { ...d.beneficiaire },
    operateur: { ...d.operateur },
    referent: d.referent ? { ...d.referent } : null,
    periode: { debut: d.ouvertLe, fin: d.closLe && d.closLe < d.le ? d.closLe : d.le },
    entretiens,
    reunionsCollectives: reunions,
    prestations,
  };
  if (d.etatDesLieux) contenu.niveau1 = niveau1PourSynthese(d.etatDesLieux);
  else if (rempli(d.demande)) contenu.demande = d.demande.trim();

  if (d.niveau === 2) {
    const plan = d.planActions;
    const calendrier = plan
      ? [
          ...(plan.echeances ?? []),
          ...plan.etapes.flatMap((e) =>
            e.actions.filter((a) => a.echeance).map((a) => ({ date: a.echeance!, libelle: a.libelle })),
          ),
          ...plan.formations.flatMap((f) => [
            ...(f.debut ? [{ date: f.debut, libelle: `Début de la formation : ${f.intitule}` }] : []),
            ...(f.fin ? [{ date: f.fin, libelle: `Fin de la formation : ${f.intitule}` }] : []),
          ]),
        ]
          // Calendrier prévisionnel : ce qui reste à venir à la date du document.
          .filter((e) => e.date >= jour(d.le))
          .sort((a, b) => a.date.localeCompare(b.date))
      : [];
    const f = d.planFinancement;
    contenu.niveau2 = {
      ...(d.projet
        ? {
            projet: {
              metier: { ...d.projet.metier },
              typeChangement: d.projet.typeChangement,
              ...(rempli(d.projet.description) ? { description: d.projet.description } : {}),
            },
          }
        : {}),
      competencesAcquises: d.competences?.acquises ?? [],
      competencesAAcquerir: d.competences?.aAcquerir ?? [],
      strategies: d.projet?.strategies ?? [],
      etapes: plan?.etapes ?? [],
      parcoursFormation: plan?.formations ?? [],
      ...(f
        ? {
            financement: {
              coutTotal: f.coutTotal,
              lignes: f.lignes,
              resteACharge:
                f.resteACharge ??
                Math.max(0, Math.round((f.coutTotal - totalFinance({ ...f, resteACharge: 0 })) * 100) / 100),
            },
          }
        : {}),
      calendrier,
    };
  }
  if (rempli(d.redaction.conclusions)) contenu.conclusions = d.redaction.conclusions.trim();
  if (rempli(d.redaction.prochainesEtapes)) contenu.prochainesEtapes = d.redaction.prochainesEtapes.trim();
  return contenu;
}

const FORMAT_JOUR = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Paris",
});
/** « 2026-03-05 » ou un instant ISO → « 5 mars 2026 » (heure de Paris). */
export const jourLisible = (iso: string) =>
  FORMAT_JOUR.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

/** Parties attendues au niveau 2 et absentes du dossier (affichées « Non renseigné » ; listées au conseiller). */
export function partiesNonRenseignees(c: ContenuSynthese): string[] {
  if (c.niveau !== 2 || !c.niveau2) return [];
  const n2 = c.niveau2;
  return [
    ...(n2.projet ? [] : ["Projet professionnel"]),
    ...(n2.competencesAcquises.length || n2.competencesAAcquerir.length ? [] : ["Compétences"]),
    ...(n2.etapes.length ? [] : ["Plan d'actions"]),
    ...(n2.financement ? [] : ["Plan de financement"]),
  ];
}

/**
 * Sérialisation canonique du contenu (clés triées, sans espace, champs absents omis) : c'est elle qui est figée et dont
 * l'empreinte SHA-256 est imprimée. Vérifier une version : recalculer l'empreinte de `jsonCanonique(contenu)`.
 */
export function jsonCanonique(valeur: unknown): string {
  if (valeur === null || typeof valeur !== "object") return JSON.stringify(valeur);
  if (Array.isArray(valeur))
    return `[${valeur.map((v) => (v === undefined ? "null" : jsonCanonique(v))).join(",")}]`;
  const objet = valeur as Record<string, unknown>;
  return `{${Object.keys(objet)
    .filter((k) => objet[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${jsonCanonique(objet[k])}`)
    .join(",")}}`;
}

/** Statut lisible d'une version, imprimé sous le titre. */
export const statutVersion = (numero: number, emiseLe: string) =>
  `Version ${numero} émise le ${jourLisible(emiseLe)}`;
export const statutBrouillon = (le: string) =>
  `Brouillon du ${jourLisible(le)} — document de travail, non émis`;

/** Destinataires possibles d'un partage de la synthèse (avec l'accord exprès de la personne, pour chacun). */
export const TYPES_DESTINATAIRE = ["financeur", "prestataire_bilan", "employeur", "autre"] as const;
export type TypeDestinataire = (typeof TYPES_DESTINATAIRE)[number];
export const LIBELLES_DESTINATAIRE: Record<TypeDestinataire, string> = {
  financeur: "Financeur",
  prestataire_bilan: "Prestataire de bilan de compétences",
  employeur: "Employeur",
  autre: "Autre destinataire",
};

/** Deux noms de destinataire désignent le même s'ils ne diffèrent que par la casse, les accents ou les espaces. */
export const memeDestinataire = (a: string, b: string) => {
  const n = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  return n(a) === n(b);
};
