/**
 * Information territoriale du niveau 1 (cahier des charges du CEP, arrêté du 29 mars 2019, regles-cep.md §1.1 : au
 * niveau 1, la personne reçoit une information individualisée et territorialisée) : à partir des métiers de l'enquête Besoins en
 * main-d'œuvre (BMO) d'une région, choisir ceux qui recrutent le plus, ceux qui sont jugés les plus difficiles à
 * pourvoir, et ceux qui se rattachent aux métiers de la transition écologique du ROME.
 *
 * Le secret statistique de l'enquête (« * » dans un bassin d'emploi) n'est jamais remplacé par zéro : un chiffre dont
 * tous les bassins sont secrets vaut null et ne se classe pas ; une part se calcule sur les bassins où les deux chiffres
 * sont publiés.
 */

/** Étiquettes du ROME retenues pour « métiers de la transition écologique » (comme le filtre des pages Métiers). */
export const TRANSITIONS_ECOLOGIQUES = [
  "Emploi Vert",
  "Emploi stratégique pour la Transition écologique",
] as const;

export const estTransitionEcologique = (etiquette: string | null): boolean =>
  etiquette !== null && (TRANSITIONS_ECOLOGIQUES as readonly string[]).includes(etiquette);

/** Une fiche ROME 4.0 rattachée à un métier BMO (par son code ROME v3 et la table de passage de la Dares). */
export interface FicheRattachee {
  codeRome: string;
  libelle: string;
  transitionEcologique: string | null;
  /** Fiche dont le code est le code ROME v3 lui-même (et non une fiche « fille » créée par le ROME 4.0). */
  principale: boolean;
  /** Nombre de niveaux de qualification de la table de passage qui mènent à ce métier BMO (0 à 10). */
  poids: number;
}

/** Chiffres d'un métier BMO sur la région (sommes des bassins d'emploi publiés). */
export interface MetierRegion {
  codeMetier: string;
  libelle: string;
  /** Projets de recrutement ; null si tous les bassins sont couverts par le secret statistique. */
  projets: number | null;
  /** Projets jugés difficiles, somme des bassins publiés ; null si aucun ne l'est. */
  difficiles: number | null;
  /** Projets saisonniers, somme des bassins publiés ; null si aucun ne l'est. */
  saisonniers: number | null;
  /** Part des projets jugés difficiles (0 à 1), sur les bassins où projets et difficiles sont publiés. */
  partDifficiles: number | null;
  /** Part des projets saisonniers (0 à 1), sur les bassins où projets et saisonniers sont publiés. */
  partSaisonniers: number | null;
  /** Bassins d'emploi de la région où le métier figure. */
  bassins: number;
  /** Bassins où le nombre de projets est secret : le total est alors un minimum. */
  bassinsSecrets: number;
  fiches: FicheRattachee[];
}

export interface MetierSelectionne extends Omit<MetierRegion, "fiches"> {
  /** Rang du métier dans la région par nombre de projets (1 = le plus de projets) ; null si secret. */
  rang: number | null;
  /** Fiches à proposer en lien (au plus `fichesParMetier`), les plus rattachées d'abord. */
  fiches: Omit<FicheRattachee, "poids">[];
  /** Fiches rattachées non listées. */
  autresFiches: number;
}

export interface SelectionMarche {
  recrutent: MetierSelectionne[];
  difficiles: MetierSelectionne[];
  transitionEcologique: MetierSelectionne[];
}

export const REGLES_SELECTION = {
  /** Lignes de chaque tableau. */
  nombre: 10,
  /** Les métiers « difficiles » se cherchent parmi les N métiers qui comptent le plus de projets dans la région. */
  vivierDifficiles: 50,
  /** Liens vers des fiches par métier. */
  fichesParMetier: 5,
} as const;

const parProjets = (a: MetierRegion, b: MetierRegion) =>
  (b.projets ?? -1) - (a.projets ?? -1) || a.codeMetier.localeCompare(b.codeMetier);

const ordreFiches = (a: FicheRattachee, b: FicheRattachee) =>
  b.poids - a.poids || Number(b.principale) - Number(a.principale) || a.codeRome.localeCompare(b.codeRome);

/**
 * - « recrutent » : les métiers qui comptent le plus de projets de recrutement dans la région ;
 * - « difficiles » : parmi les `vivierDifficiles` métiers qui comptent le plus de projets, ceux dont la part de projets
 *   jugés difficiles est la plus élevée (à part égale, le plus de projets d'abord) ;
 * - « transitionEcologique » : les métiers qui recrutent (projets publiés et positifs) auxquels se rattache au moins une
 *   fiche de la transition écologique, le plus de projets d'abord ; seules ces fiches sont proposées en lien.
 */
export function selectionnerMarche(
  metiers: readonly MetierRegion[],
  regles: { nombre: number; vivierDifficiles: number; fichesParMetier: number } = REGLES_SELECTION,
): SelectionMarche {
  const classes = metiers.filter((m) => m.projets !== null).sort(parProjets);
  const rang = new Map(classes.map((m, i) => [m.codeMetier, i + 1]));
  const vue = (m: MetierRegion, filtre: (f: FicheRattachee) => boolean = () => true): MetierSelectionne => {
    const fiches = m.fiches.filter(filtre).sort(ordreFiches);
    return {
      ...m,
      rang: rang.get(m.codeMetier) ?? null,
      fiches: fiches.slice(0, regles.fichesParMetier).map(({ poids: _p, ...f }) => f),
      autresFiches: Math.max(0, fiches.length - regles.fichesParMetier),
    };
  };
  const recrutent = classes.filter((m) => (m.projets ?? 0) > 0);
  const difficiles = recrutent
    .slice(0, regles.vivierDifficiles)
    .filter((m) => m.partDifficiles !== null)
    .sort((a, b) => (b.partDifficiles ?? 0) - (a.partDifficiles ?? 0) || parProjets(a, b));
  const vert = (f: FicheRattachee) => estTransitionEcologique(f.transitionEcologique);
  return {
    recrutent: recrutent.slice(0, regles.nombre).map((m) => vue(m)),
    difficiles: difficiles.slice(0, regles.nombre).map((m) => vue(m)),
    transitionEcologique: recrutent
      .filter((m) => m.fiches.some(vert))
      .slice(0, regles.nombre)
      .map((m) => vue(m, vert)),
  };
}
