/**
 * Indicateurs de pilotage du CEP (L6111-6-1, D6111-7, R6111-5 ; regles-cep.md §5), calculés sans entrée-sortie à partir
 * des lignes du dossier lues par le dépôt `pilotage`. Définitions et formules : docs/indicateurs.md.
 *
 * Chaque indicateur est un tableau (lignes × colonnes de nombres) : le tableau de bord, l'export CSV/XLSX et la page
 * publique en dérivent tous, avec le même masquage des petits effectifs (`masquer`).
 */
import {
  LIBELLES_MODALITE,
  LIBELLES_QUALIFICATION,
  LIBELLES_STATUT_ACTIVITE,
  LIBELLES_TRANCHE_AGE,
  MODALITES,
  NIVEAUX_QUALIFICATION,
  STATUTS_ACTIVITE,
  TRANCHES_AGE,
} from "./dossier.js";
import {
  appliquer,
  durees,
  type EtatParcours,
  LIBELLES_MOTIF_CLOTURE,
  MOTIFS_CLOTURE,
  type Phase,
  type TransitionDatee,
} from "./parcours.js";
import { repartir } from "./reunions.js";

/** Période d'observation : dates AAAA-MM-JJ, bornes incluses. */
export interface Periode {
  debut: string;
  fin: string;
}

export interface ParcoursPilotage {
  id: string;
  beneficiaireId: string;
  operateurId: string;
  codeRegion: string | null;
  referentId: string | null;
  /** Date d'enregistrement de la demande (création du dossier). */
  creeLe: string;
  statut: string | null;
  trancheAge: string | null;
  qualification: string | null;
  /** Transitions jusqu'à la fin de la période, dans l'ordre chronologique. */
  transitions: TransitionDatee[];
  /** Date du premier entretien du parcours (null : aucun entretien). */
  premierEntretien: string | null;
}

/** Entretiens datés dans la période, agrégés par modalité sur les parcours choisis (compté par le dépôt). */
export interface EntretiensParModalite {
  modalite: string;
  entretiens: number;
  /** Parcours distincts ayant eu au moins un entretien de cette modalité dans la période. */
  parcours: number;
}

/** Une réunion collective d'information datée dans la période, avec ses inscriptions (sans nom ni adresse). */
export interface ReunionPilotage {
  id: string;
  operateurId: string;
  siteId: string | null;
  debut: string;
  places: number;
  inscriptions: { id: string; inscritLe: string; annuleeLe: string | null; present: boolean | null }[];
}

/** Natures de documents formalisés remis à la personne et comptés par l'indicateur `documents_synthese`. */
export const NATURES_DOCUMENT = ["etat_des_lieux_niveau1", "synthese"] as const;
export type NatureDocument = (typeof NATURES_DOCUMENT)[number];
export const LIBELLES_NATURE_DOCUMENT: Record<NatureDocument, string> = {
  etat_des_lieux_niveau1: "État des lieux de niveau 1 (volet niveau 1 du document de synthèse)",
  synthese: "Document de synthèse émis (chaque version émise compte)",
};

export interface DocumentPilotage {
  parcoursId: string;
  nature: NatureDocument;
  /** Date à laquelle le document a été formalisé (remis). */
  le: string;
}

export interface ReorientationPilotage {
  parcoursId: string;
  /** Opérateur de l'auteur de la demande (l'opérateur d'origine). */
  origineOperateurId: string | null;
  auteurId: string | null;
  versOperateurId: string | null;
  statut: string;
  creeLe: string;
  reponduLe: string | null;
}

/**
 * Le filtre est appliqué par le dépôt (les parcours reçus sont déjà choisis) ; le domaine s'en sert pour les
 * réorientations, les réunions d'information et le libellé des lignes.
 */
export interface FiltrePilotage {
  /** Absent : tous les opérateurs (administrateur, statistiques publiques). */
  operateurId?: string;
  /** Parcours ayant eu au moins un entretien sur ce site. */
  siteId?: string;
  /** Parcours dont la personne est le conseiller ou la conseillère référente. */
  conseillerId?: string;
}

export interface LigneIndicateur {
  cle: string;
  libelle: string;
  valeurs: (number | null)[];
}

export interface TableauIndicateur {
  id: string;
  titre: string;
  /** Colonnes de valeurs (la première colonne, implicite, est le libellé de la ligne). */
  colonnes: string[];
  lignes: LigneIndicateur[];
  /**
   * Colonnes qui comptent des personnes ou des parcours : masquées sous 5 hors de l'opérateur. `effectifColonne` : la
   * colonne dont dépendent les statistiques de la ligne (médiane…), masquées aussi quand l'effectif est sous 5.
   */
  colonnesEffectif: number[];
  effectifColonne?: number;
  /** Colonnes retirées quand l'effectif de la ligne est sous 5 (défaut : toutes celles qui ne sont pas des effectifs). */
  colonnesStatistiques?: number[];
  /** Présenté aussi en graphique (barres) sur le tableau de bord. */
  graphique: boolean;
  /** Colonne représentée par le graphique (défaut : la première). */
  colonneGraphique?: number;
}

export const SEUIL_SECRET = 5;
export const MASQUE = "< 5";

const jour = (iso: string) => iso.slice(0, 10);
/** Le jour de `iso` est dans la période (comparaison de chaînes ISO, sans découpe : appelée pour chaque transition). */
const dansPeriode = (iso: string | null | undefined, p: Periode) =>
  !!iso && iso >= p.debut && (iso < p.fin || iso.startsWith(p.fin));
/** Instant juste après la fin de la période (pour rejouer l'état au dernier jour inclus). */
const apresFin = (p: Periode) => `${p.fin}T23:59:59.999Z`;

/**
 * Quantile par interpolation linéaire entre rangs (méthode « type 7 », celle de QUARTILE.INCLURE des tableurs) :
 * position (n − 1) × q dans la série triée. `null` pour une série vide.
 */
export function quantile(valeurs: readonly number[], q: number): number | null {
  return quantiles(valeurs, [q])[0]!;
}

/** Plusieurs quantiles d'une même série, triée une seule fois (tri numérique d'un tableau typé). */
export function quantiles(valeurs: readonly number[], qs: readonly number[]): (number | null)[] {
  if (valeurs.length === 0) return qs.map(() => null);
  const tri = Float64Array.from(valeurs).sort();
  return qs.map((q) => {
    const pos = (tri.length - 1) * q;
    const bas = Math.floor(pos);
    const haut = Math.ceil(pos);
    const v = tri[bas]! + (tri[haut]! - tri[bas]!) * (pos - bas);
    return Math.round(v * 10) / 10;
  });
}

const JOUR_MS = 86_400_000;
const joursEntre = (de: string, a: string) =>
  Math.round(((Date.parse(a) - Date.parse(de)) / JOUR_MS) * 10) / 10;

function compter<K extends string>(cles: readonly K[], valeurs: Iterable<K | null | string>) {
  const n = new Map<string, number>(cles.map((c) => [c, 0]));
  n.set("non_renseigne", 0);
  for (const v of valeurs) {
    const c = v && n.has(v) ? v : "non_renseigne";
    n.set(c, (n.get(c) ?? 0) + 1);
  }
  return n;
}

function lignesComptees(
  n: Map<string, number>,
  libelles: Record<string, string>,
  garderVides = true,
): LigneIndicateur[] {
  return [...n.entries()]
    .filter(([c, v]) => garderVides || v > 0 || c !== "non_renseigne")
    .filter(([c, v]) => c !== "non_renseigne" || v > 0)
    .map(([cle, v]) => ({ cle, libelle: libelles[cle] ?? "Non renseigné", valeurs: [v] }));
}

const NON_RENSEIGNE = { non_renseigne: "Non renseigné" };

export const ETAPES_ENTREE = ["niveau1", "conseil", "mise_en_oeuvre"] as const;
const LIBELLES_ETAPE_ENTREE: Record<(typeof ETAPES_ENTREE)[number], string> = {
  niveau1: "Niveau 1 — accueil individualisé",
  conseil: "Niveau 2 — phase conseil",
  mise_en_oeuvre: "Niveau 2 — phase mise en œuvre",
};
const etapeDe = (niveau: number | undefined, phase: Phase | null | undefined) =>
  niveau === 1 ? "niveau1" : phase === "mise_en_oeuvre" ? "mise_en_oeuvre" : "conseil";

export interface EntreeIndicateurs {
  /** Parcours déjà choisis par le dépôt selon le filtre (opérateur, site, conseiller) et la période. */
  parcours: readonly ParcoursPilotage[];
  reorientations: readonly ReorientationPilotage[];
  /** Entretiens de la période par modalité, sur les mêmes parcours. */
  entretiens: readonly EntretiensParModalite[];
  /** Réunions d'information datées dans la période (absent : tableau non calculé). */
  reunions?: readonly ReunionPilotage[];
  /** Documents formalisés dans la période (absent : tableau non calculé). */
  documents?: readonly DocumentPilotage[];
  periode: Periode;
  filtre: FiltrePilotage;
  /** Instant du calcul : une réunion n'est « tenue » que si elle a commencé avant (absent : toutes). */
  maintenant?: string;
  /** Libellés des conseillers (identifiant → « Prénom Nom ») pour la charge de portefeuille. */
  conseillers?: Record<string, string>;
  /** Libellés des sites (identifiant → nom) pour les réunions d'information. */
  sites?: Record<string, string>;
}

export interface Indicateurs {
  periode: Periode;
  /** Parcours suivis pendant la période (base des tableaux de personnes). */
  parcoursSuivis: number;
  tableaux: TableauIndicateur[];
}

/** Ce que le calcul garde d'une personne suivie : la situation de son parcours le plus récent. */
interface PersonneSuivie {
  parcoursId: string;
  creeLe: string;
  statut: string | null;
  trancheAge: string | null;
  qualification: string | null;
  codeRegion: string | null;
}

/** Ce qui, en plus des parcours, nourrit les tableaux (voir `EntreeIndicateurs`). */
export type ResteIndicateurs = Omit<EntreeIndicateurs, "parcours" | "periode" | "filtre">;

/**
 * Calcul incrémental des indicateurs : chaque parcours est ajouté une fois (`ajouter`), réduit sur-le-champ à des
 * compteurs et à des séries de durées, puis `terminer` dresse les tableaux. Le dépôt peut ainsi lire les parcours par
 * paquets sans les garder tous en mémoire (un opérateur national en suit des dizaines de milliers, la plateforme des
 * millions) ; `calculerIndicateurs` fait la même chose sur un tableau.
 */
export class CalculIndicateurs {
  private readonly fin: string;
  private entreesN1 = 0;
  private entreesN2 = 0;
  private readonly pointEntree = new Map<string, number>(ETAPES_ENTREE.map((c) => [c, 0]));
  private pauses = 0;
  private reprises = 0;
  private enPauseFin = 0;
  private readonly motifsClotures: string[] = [];
  private suivis = 0;
  private readonly personnes = new Map<string, PersonneSuivie>();
  private readonly delais: number[] = [];
  private readonly dureesN1: number[] = [];
  private readonly dureesN2: number[] = [];
  private readonly dureesTotal: number[] = [];
  private readonly charge = new Map<string, [number, number]>();
  private readonly ids = new Set<string>();

  constructor(
    private readonly periode: Periode,
    private readonly filtre: FiltrePilotage,
  ) {
    this.fin = apresFin(periode);
  }

  /** Ajoute un parcours choisi (par le dépôt, selon le filtre et la période) : un seul passage sur ses transitions. */
  ajouter(p: ParcoursPilotage): void {
    const { periode, fin } = this;
    this.ids.add(p.id);
    // Rejeu de l'état jusqu'à la fin de la période (arrêté à la première transition illégale), première clôture, entrées
    // par niveau et par point d'entrée, pauses, reprises et clôtures de la période, niveaux traversés.
    let etat: EtatParcours | null = null;
    let rejoue = true;
    let cloture: TransitionDatee | undefined;
    let niveauPrecedent: number | null = null;
    let niveau1 = false;
    let niveau2 = false;
    for (const t of p.transitions) {
      if (t.type === "cloture" && !cloture) cloture = t;
      if (rejoue && t.le <= fin) {
        const r = appliquer(etat, t);
        if (r.ok) etat = r.etat;
        else rejoue = false;
      }
      const dans = dansPeriode(t.le, periode);
      if (t.type === "ouverture" || t.type === "passage") {
        if (dans && t.type === "ouverture") {
          const c = etapeDe(t.niveau, t.phase);
          this.pointEntree.set(c, this.pointEntree.get(c)! + 1);
        }
        if (dans && t.niveau !== niveauPrecedent) {
          if (t.niveau === 1) this.entreesN1++;
          else this.entreesN2++;
        }
        niveauPrecedent = t.niveau;
        if (t.niveau === 1) niveau1 = true;
        else niveau2 = true;
      } else if (dans) {
        if (t.type === "pause") this.pauses++;
        else if (t.type === "reprise") this.reprises++;
        else this.motifsClotures.push(t.motif);
      }
    }

    // Suivi pendant la période : ouvert avant sa fin, et pas clos avant son début.
    const ouverture = p.transitions[0];
    if (ouverture && jour(ouverture.le) <= periode.fin && (!cloture || jour(cloture.le) >= periode.debut)) {
      this.suivis++;
      // Une personne compte une fois, avec la situation de son parcours le plus récent ; à date égale, l'identifiant
      // départage : le résultat ne dépend pas de l'ordre des lignes lues.
      const deja = this.personnes.get(p.beneficiaireId);
      if (!deja || deja.creeLe < p.creeLe || (deja.creeLe === p.creeLe && deja.parcoursId < p.id))
        this.personnes.set(p.beneficiaireId, {
          parcoursId: p.id,
          creeLe: p.creeLe,
          statut: p.statut,
          trancheAge: p.trancheAge,
          qualification: p.qualification,
          codeRegion: p.codeRegion,
        });
    }

    if (p.premierEntretien && dansPeriode(p.premierEntretien, periode))
      this.delais.push(joursEntre(p.creeLe, p.premierEntretien));

    if (cloture && dansPeriode(cloture.le, periode)) {
      const d = durees(p.transitions, cloture.le);
      if (niveau1) this.dureesN1.push(d.niveau1);
      if (niveau2) this.dureesN2.push(Math.round((d.conseil + d.miseEnOeuvre) * 10) / 10);
      this.dureesTotal.push(d.total);
    }

    // Portefeuille à la fin de la période : parcours en cours ou en pause, par référent.
    if (etat && etat.statut !== "clos") {
      if (etat.statut === "en_pause") this.enPauseFin++;
      const cle = p.referentId ?? "sans_referent";
      let c = this.charge.get(cle);
      if (!c) {
        c = [0, 0];
        this.charge.set(cle, c);
      }
      c[etat.statut === "en_pause" ? 1 : 0]++;
    }
  }

  /** Les tableaux, une fois tous les parcours ajoutés. */
  terminer(e: ResteIndicateurs): Indicateurs {
    const { periode, filtre: f } = this;
    const tableaux: TableauIndicateur[] = [];

    // 1. Entrées par niveau (ouvertures et passages au niveau 2 pendant la période) et par point d'entrée direct.
    tableaux.push({
      id: "entrees_niveau",
      titre: "Entrées par niveau",
      colonnes: ["Entrées"],
      lignes: [
        { cle: "1", libelle: "Niveau 1 — accueil individualisé", valeurs: [this.entreesN1] },
        { cle: "2", libelle: "Niveau 2 — accompagnement personnalisé", valeurs: [this.entreesN2] },
      ],
      colonnesEffectif: [0],
      graphique: true,
    });
    tableaux.push({
      id: "entrees_point_entree",
      titre: "Nouveaux parcours par point d'entrée direct",
      colonnes: ["Parcours ouverts"],
      lignes: ETAPES_ENTREE.map((c) => ({
        cle: c,
        libelle: LIBELLES_ETAPE_ENTREE[c],
        valeurs: [this.pointEntree.get(c)!],
      })),
      colonnesEffectif: [0],
      graphique: true,
    });

    // 2. Personnes suivies, chacune avec la situation de son parcours le plus récent.
    const gens = [...this.personnes.values()];
    const tableauPersonnes = (
      id: string,
      titre: string,
      cles: readonly string[],
      libelles: Record<string, string>,
      valeur: (p: PersonneSuivie) => string | null,
    ) =>
      tableaux.push({
        id,
        titre,
        colonnes: ["Personnes"],
        lignes: lignesComptees(compter(cles, gens.map(valeur)), { ...libelles, ...NON_RENSEIGNE }),
        colonnesEffectif: [0],
        graphique: true,
      });
    tableauPersonnes(
      "personnes_statut",
      "Personnes suivies par statut d'activité",
      STATUTS_ACTIVITE,
      LIBELLES_STATUT_ACTIVITE,
      (p) => p.statut,
    );
    tableauPersonnes(
      "personnes_age",
      "Personnes suivies par tranche d'âge",
      TRANCHES_AGE,
      LIBELLES_TRANCHE_AGE,
      (p) => p.trancheAge,
    );
    tableauPersonnes(
      "personnes_qualification",
      "Personnes suivies par niveau de qualification",
      NIVEAUX_QUALIFICATION,
      LIBELLES_QUALIFICATION,
      (p) => p.qualification,
    );
    const regions = [...new Set(gens.map((p) => p.codeRegion).filter((r): r is string => !!r))].sort();
    tableauPersonnes(
      "personnes_region",
      "Personnes suivies par région (région de l'opérateur)",
      regions,
      Object.fromEntries(regions.map((r) => [r, `Région ${r} (code INSEE)`])),
      (p) => p.codeRegion,
    );

    // 3. Modalités des entretiens tenus pendant la période (comptés par le dépôt).
    const parModalite = new Map(e.entretiens.map((x) => [x.modalite, x]));
    tableaux.push({
      id: "modalites",
      titre: "Entretiens par modalité",
      colonnes: ["Entretiens", "Personnes"],
      lignes: MODALITES.map((m) => ({
        cle: m,
        libelle: LIBELLES_MODALITE[m],
        valeurs: [parModalite.get(m)?.entretiens ?? 0, parModalite.get(m)?.parcours ?? 0],
      })),
      colonnesEffectif: [0, 1],
      graphique: true,
    });

    // 4. Délais et durées : effectif, 1er quartile, médiane, 3e quartile (en jours).
    const stat = (cle: string, libelle: string, v: number[]): LigneIndicateur => ({
      cle,
      libelle,
      valeurs: [v.length, ...quantiles(v, [0.25, 0.5, 0.75])],
    });
    tableaux.push({
      id: "delais_durees",
      titre: "Délais et durées (en jours)",
      colonnes: ["Parcours", "1er quartile", "Médiane", "3e quartile"],
      lignes: [
        stat("delai_premier_entretien", "Délai entre la demande et le premier entretien", this.delais),
        stat("duree_niveau1", "Durée au niveau 1 (parcours clos, hors pause)", this.dureesN1),
        stat("duree_niveau2", "Durée au niveau 2 (parcours clos, hors pause)", this.dureesN2),
        stat("duree_totale", "Durée totale du parcours (parcours clos, pauses comprises)", this.dureesTotal),
      ],
      colonnesEffectif: [0],
      effectifColonne: 0,
      graphique: false,
    });

    // 5. Pauses et reprises.
    tableaux.push({
      id: "pauses",
      titre: "Pauses et reprises",
      colonnes: ["Nombre"],
      lignes: [
        { cle: "pauses", libelle: "Mises en pause", valeurs: [this.pauses] },
        { cle: "reprises", libelle: "Reprises", valeurs: [this.reprises] },
        {
          cle: "en_pause_fin",
          libelle: "Parcours en pause à la fin de la période",
          valeurs: [this.enPauseFin],
        },
      ],
      colonnesEffectif: [0],
      graphique: true,
    });

    // 6. Clôtures par motif.
    tableaux.push({
      id: "clotures",
      titre: "Parcours clos par motif",
      colonnes: ["Parcours clos"],
      lignes: lignesComptees(compter(MOTIFS_CLOTURE, this.motifsClotures), {
        ...LIBELLES_MOTIF_CLOTURE,
        ...NON_RENSEIGNE,
      }),
      colonnesEffectif: [0],
      graphique: true,
    });

    // 7. Réorientations : reçues (acceptées par l'opérateur) et adressées (demandées par l'opérateur).
    const { ids } = this;
    const recues = e.reorientations.filter(
      (r) =>
        r.statut === "accepte" &&
        dansPeriode(r.reponduLe, periode) &&
        (f.operateurId ? r.versOperateurId === f.operateurId : true) &&
        (!f.siteId && !f.conseillerId ? true : ids.has(r.parcoursId)),
    );
    const adressees = e.reorientations.filter(
      (r) =>
        dansPeriode(r.creeLe, periode) &&
        (f.operateurId ? r.origineOperateurId === f.operateurId : true) &&
        (f.conseillerId ? r.auteurId === f.conseillerId : true) &&
        (f.siteId ? ids.has(r.parcoursId) : true),
    );
    tableaux.push({
      id: "reorientations",
      titre: "Réorientations",
      colonnes: ["Demandées", "Acceptées", "Refusées", "En attente"],
      lignes: [
        {
          cle: "recues",
          libelle: "Reçues d'un autre opérateur (acceptées)",
          valeurs: [recues.length, recues.length, 0, 0],
        },
        {
          cle: "adressees",
          libelle: "Adressées à un autre opérateur",
          valeurs: [
            adressees.length,
            adressees.filter((r) => r.statut === "accepte").length,
            adressees.filter((r) => r.statut === "refuse").length,
            adressees.filter((r) => r.statut === "en_attente").length,
          ],
        },
      ],
      colonnesEffectif: [0, 1, 2, 3],
      graphique: false,
    });

    // 8. Charge par conseiller : parcours en cours ou en pause à la fin de la période, par référent.
    const libelleConseiller = (id: string) =>
      id === "sans_referent" ? "Sans référent (file d'attente)" : (e.conseillers?.[id] ?? "Conseiller");
    tableaux.push({
      id: "charge_conseillers",
      titre: "Portefeuille par conseiller à la fin de la période",
      colonnes: ["En cours", "En pause", "Total"],
      lignes: [...this.charge.entries()]
        .map(([cle, [a, b]]) => ({ cle, libelle: libelleConseiller(cle), valeurs: [a, b, a + b] }))
        .sort(
          (x, y) => (y.valeurs[2] as number) - (x.valeurs[2] as number) || x.libelle.localeCompare(y.libelle),
        ),
      colonnesEffectif: [0, 1, 2],
      graphique: true,
    });

    // 9. Réunions collectives d'information tenues dans la période, par lieu (site ou à distance).
    if (e.reunions) tableaux.push(tableauReunions(e.reunions, { ...e, periode, filtre: f }));

    // 10. Documents formalisés remis à la personne dans la période, par nature : documents et parcours distincts.
    if (e.documents) {
      const parNature = new Map(
        NATURES_DOCUMENT.map((n) => [n, { documents: 0, parcours: new Set<string>() }]),
      );
      for (const d of e.documents) {
        const n = parNature.get(d.nature);
        if (!n || !ids.has(d.parcoursId) || !dansPeriode(d.le, periode)) continue;
        n.documents++;
        n.parcours.add(d.parcoursId);
      }
      tableaux.push({
        id: "documents_synthese",
        titre: "Documents de synthèse remis",
        colonnes: ["Documents", "Parcours"],
        lignes: NATURES_DOCUMENT.map((n) => ({
          cle: n,
          libelle: LIBELLES_NATURE_DOCUMENT[n],
          valeurs: [parNature.get(n)!.documents, parNature.get(n)!.parcours.size],
        })),
        colonnesEffectif: [0, 1],
        graphique: true,
      });
    }

    return { periode, parcoursSuivis: this.suivis, tableaux };
  }
}

/** Tous les tableaux pour des parcours déjà lus (le même calcul que `CalculIndicateurs`, en une fois). */
export function calculerIndicateurs(e: EntreeIndicateurs): Indicateurs {
  const calcul = new CalculIndicateurs(e.periode, e.filtre);
  for (const p of e.parcours) calcul.ajouter(p);
  return calcul.terminer(e);
}

/**
 * Réunions tenues (datées dans la période et commencées avant l'instant du calcul) : séances, places offertes,
 * inscriptions confirmées (dans la limite des places, d'après l'ordre d'inscription : `repartir`), présences et taux de
 * présence = présences / inscriptions confirmées, en %, arrondi à l'unité. Une ligne par lieu, puis l'ensemble.
 */
function tableauReunions(
  reunions: readonly ReunionPilotage[],
  e: Pick<EntreeIndicateurs, "periode" | "filtre" | "maintenant" | "sites">,
): TableauIndicateur {
  const tenues = reunions.filter(
    (r) =>
      dansPeriode(r.debut, e.periode) &&
      (!e.maintenant || r.debut <= e.maintenant) &&
      (!e.filtre.operateurId || r.operateurId === e.filtre.operateurId) &&
      (!e.filtre.siteId || r.siteId === e.filtre.siteId),
  );
  const cumul = new Map<string, [number, number, number, number]>();
  const total: [number, number, number, number] = [0, 0, 0, 0];
  for (const r of tenues) {
    const places = repartir(r.places, r.inscriptions);
    const confirmees = r.inscriptions.filter((i) => places.get(i.id)?.place === "confirmee");
    const presents = r.inscriptions.filter((i) => i.present === true).length;
    const cle = r.siteId ?? "distance";
    const c = cumul.get(cle) ?? [0, 0, 0, 0];
    for (const v of [c, total]) {
      v[0]++;
      v[1] += r.places;
      v[2] += confirmees.length;
      v[3] += presents;
    }
    cumul.set(cle, c);
  }
  const taux = (v: [number, number, number, number]) => (v[2] ? Math.round((v[3] / v[2]) * 100) : null);
  const libelle = (cle: string) =>
    cle === "distance" ? "À distance" : `Site : ${e.sites?.[cle] ?? "site de l'opérateur"}`;
  return {
    id: "reunions_information",
    titre: "Réunions collectives d'information tenues",
    colonnes: ["Séances", "Places offertes", "Inscriptions", "Présences", "Taux de présence (%)"],
    lignes: [
      ...[...cumul.entries()]
        .map(([cle, v]) => ({ cle, libelle: libelle(cle), valeurs: [...v, taux(v)] }))
        .sort((x, y) => x.libelle.localeCompare(y.libelle)),
      { cle: "ensemble", libelle: "Ensemble des réunions", valeurs: [...total, taux(total)] },
    ],
    colonnesEffectif: [2, 3],
    effectifColonne: 2,
    colonnesStatistiques: [4],
    graphique: true,
    colonneGraphique: 4,
  };
}

/**
 * Secret statistique (règle de diffusion) : hors de l'opérateur, un effectif de moins de 5 personnes s'affiche « < 5 »,
 * et les statistiques (médiane, quartiles) calculées sur moins de 5 parcours ne sont pas montrées.
 */
export function masquer(t: TableauIndicateur): (string | number | null)[][] {
  return t.lignes.map((l) => {
    const petit =
      t.effectifColonne !== undefined && ((l.valeurs[t.effectifColonne] as number) ?? 0) < SEUIL_SECRET;
    return l.valeurs.map((v, i) => {
      if (t.colonnesEffectif.includes(i)) return v !== null && v < SEUIL_SECRET ? MASQUE : v;
      return petit && (t.colonnesStatistiques?.includes(i) ?? true) ? null : v;
    });
  });
}

/** Valeurs présentables (sans masquage, pour l'usage interne de l'opérateur). */
export function valeursBrutes(t: TableauIndicateur): (number | null)[][] {
  return t.lignes.map((l) => l.valeurs);
}

/** Questionnaire de satisfaction : à la clôture, puis six mois après (regles-cep.md §5 : effets du CEP). */
export const MOMENTS_SATISFACTION = ["cloture", "six_mois"] as const;
export type MomentSatisfaction = (typeof MOMENTS_SATISFACTION)[number];
export const LIBELLES_MOMENT_SATISFACTION: Record<MomentSatisfaction, string> = {
  cloture: "À la clôture du parcours",
  six_mois: "Six mois après la clôture",
};
/** Situation déclarée six mois après la clôture. */
export const SITUATIONS_SIX_MOIS = [
  "en_emploi",
  "en_formation",
  "entreprise_creee",
  "en_recherche",
  "projet_abandonne",
  "autre",
] as const;
export const LIBELLES_SITUATION_SIX_MOIS: Record<(typeof SITUATIONS_SIX_MOIS)[number], string> = {
  en_emploi: "En emploi (nouveau poste ou évolution)",
  en_formation: "En formation",
  entreprise_creee: "A créé ou repris une entreprise",
  en_recherche: "En recherche d'emploi",
  projet_abandonne: "Projet abandonné",
  autre: "Autre situation",
};

export interface ReponseSatisfaction {
  moment: string;
  utilite: number;
  recommande: boolean;
  situation: string | null;
}

/** Tableaux agrégés de satisfaction : réponses, utilité moyenne (1 à 5), part qui recommande ; situations à six mois. */
export function tableauxSatisfaction(reponses: readonly ReponseSatisfaction[]): TableauIndicateur[] {
  const moyenne = (v: number[]) =>
    v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null;
  return [
    {
      id: "satisfaction",
      titre: "Satisfaction des bénéficiaires",
      colonnes: ["Réponses", "Utilité moyenne (sur 5)", "Recommandent le CEP (%)"],
      lignes: MOMENTS_SATISFACTION.map((m) => {
        const r = reponses.filter((x) => x.moment === m);
        return {
          cle: m,
          libelle: LIBELLES_MOMENT_SATISFACTION[m],
          valeurs: [
            r.length,
            moyenne(r.map((x) => x.utilite)),
            r.length ? Math.round((r.filter((x) => x.recommande).length / r.length) * 100) : null,
          ],
        };
      }),
      colonnesEffectif: [0],
      effectifColonne: 0,
      graphique: false,
    },
    {
      id: "situation_six_mois",
      titre: "Situation six mois après la clôture (déclarée)",
      colonnes: ["Personnes"],
      lignes: SITUATIONS_SIX_MOIS.map((s) => ({
        cle: s,
        libelle: LIBELLES_SITUATION_SIX_MOIS[s],
        valeurs: [reponses.filter((x) => x.moment === "six_mois" && x.situation === s).length],
      })),
      colonnesEffectif: [0],
      graphique: true,
    },
  ];
}
