/**
 * Éligibilité au CEP et aiguillage vers les opérateurs compétents (regles-cep.md §2).
 * Pur : la région (déduite du code postal) et les portails régionaux sont fournis par l'appelant.
 *
 * Sources : L6111-6 (toute personne active ; gratuité), L5312-1 et L6111-6 (France Travail pour les demandeurs d'emploi),
 * L5314-2 (Missions locales, 16 à 25 ans révolus), L5214-3-1 (Cap emploi, bénéficiaires de l'obligation d'emploi),
 * L6111-6 + usage Apec (cadres en emploi ou en recherche), L6123-5 4° et R6123-27 (opérateur régional choisi par
 * France compétences pour les actifs occupés du privé, hors agents publics), L5422-1-1 (projet de démission : CEP avant la
 * démission, auprès d'un opérateur autre que France Travail et les Missions locales).
 */

export const STATUTS_ORIENTATION = [
  "salarie_prive",
  "salarie_public",
  "independant",
  "demandeur_emploi",
  "apprenti",
  "etudiant",
  "retraite",
  "sans_activite",
] as const;
export type StatutOrientation = (typeof STATUTS_ORIENTATION)[number];

export const TYPES_OPERATEUR_ORIENTATION = [
  "france_travail",
  "apec",
  "mission_locale",
  "cap_emploi",
  "operateur_regional",
  "employeur_public",
] as const;
export type TypeOperateurOrientation = (typeof TYPES_OPERATEUR_ORIENTATION)[number];

export interface SituationOrientation {
  statut: StatutOrientation;
  cadre: boolean;
  age: number;
  handicapReconnu: boolean;
  rechercheEmploi: boolean;
  projetDemission: boolean;
  /** Étudiant ou retraité qui exerce une activité professionnelle (job, cumul emploi-retraite). */
  exerceActivite?: boolean;
  region: { code: string; nom: string } | null;
}

export interface PortailRegional {
  codeRegion: string;
  nomRegion: string;
  url: string;
}

export interface OperateurCompetent {
  type: TypeOperateurOrientation;
  nom: string;
  region?: string;
  /** Code INSEE de la région, pour retrouver l'opérateur régional présent sur la plateforme. */
  codeRegion?: string;
  url?: string;
  motif: string;
}

export interface DecisionOrientation {
  eligible: boolean;
  motifs: string[];
  operateurs: OperateurCompetent[];
}

/** Incohérences de saisie : le champ et la raison (l'appelant en fait une erreur 400). */
export interface Incoherence {
  champ: keyof SituationOrientation;
  message: string;
}

export const AGE_MIN_TRAVAIL = 16;
export const AGE_MAX_MISSION_LOCALE = 25;

const SALARIES = new Set<StatutOrientation>(["salarie_prive", "salarie_public", "apprenti"]);

export function incoherences(s: SituationOrientation): Incoherence[] {
  const liste: Incoherence[] = [];
  if (s.projetDemission && !SALARIES.has(s.statut))
    liste.push({
      champ: "projetDemission",
      message: "Un projet de démission ne concerne qu'une personne salariée.",
    });
  if (s.statut === "demandeur_emploi" && s.exerceActivite === false && !s.rechercheEmploi)
    liste.push({
      champ: "rechercheEmploi",
      message: "Un demandeur d'emploi est, par définition, à la recherche d'un emploi.",
    });
  if (s.statut === "retraite" && s.age < AGE_MIN_TRAVAIL)
    liste.push({ champ: "age", message: "L'âge ne correspond pas à une personne retraitée." });
  return liste;
}

/** Personne active au sens de l'INSEE : en emploi ou à la recherche d'un emploi (L6111-6). */
function estActive(s: SituationOrientation): { active: boolean; motif: string } {
  if (s.age < AGE_MIN_TRAVAIL)
    return {
      active: false,
      motif: `Le CEP s'adresse aux personnes actives ; on ne peut pas travailler avant ${AGE_MIN_TRAVAIL} ans.`,
    };
  switch (s.statut) {
    case "salarie_prive":
    case "salarie_public":
    case "apprenti":
    case "independant":
      return {
        active: true,
        motif:
          "Vous êtes en emploi : le CEP vous est ouvert, gratuitement (article L6111-6 du Code du travail).",
      };
    case "demandeur_emploi":
      return {
        active: true,
        motif:
          "Vous cherchez un emploi : le CEP vous est ouvert, gratuitement (article L6111-6 du Code du travail).",
      };
    case "etudiant":
    case "retraite": {
      const qui = s.statut === "etudiant" ? "étudiante ou étudiant" : "retraitée ou retraité";
      if (s.exerceActivite || s.rechercheEmploi)
        return {
          active: true,
          motif: `En tant que personne ${qui} qui ${s.exerceActivite ? "travaille" : "cherche un emploi"}, vous êtes active : le CEP vous est ouvert (article L6111-6).`,
        };
      return {
        active: false,
        motif: `Le CEP s'adresse aux personnes actives : une personne ${qui} y a droit si elle travaille ou cherche un emploi (article L6111-6).`,
      };
    }
    case "sans_activite":
      return s.rechercheEmploi
        ? { active: true, motif: "Vous cherchez un emploi : le CEP vous est ouvert (article L6111-6)." }
        : {
            active: false,
            motif:
              "Le CEP s'adresse aux personnes actives, en emploi ou à la recherche d'un emploi (article L6111-6). Si vous cherchez un emploi, indiquez-le.",
          };
  }
}

const enRechercheEmploi = (s: SituationOrientation) =>
  s.statut === "demandeur_emploi" ||
  (s.rechercheEmploi && !SALARIES.has(s.statut) && s.statut !== "independant");
const actifOccupePrive = (s: SituationOrientation) =>
  s.statut === "salarie_prive" ||
  s.statut === "apprenti" ||
  s.statut === "independant" ||
  (s.exerceActivite === true && (s.statut === "etudiant" || s.statut === "retraite"));

export function decider(s: SituationOrientation, portails: PortailRegional[]): DecisionOrientation {
  const { active, motif } = estActive(s);
  if (!active) return { eligible: false, motifs: [motif], operateurs: [] };
  const motifs = [motif];
  // Le plus spécifique d'abord : handicap, cadre, jeune ; puis l'opérateur de droit commun du statut.
  const operateurs: OperateurCompetent[] = [];
  const demission = s.projetDemission && s.statut !== "salarie_public";
  if (s.projetDemission)
    motifs.push(
      "Projet de démission : demandez le CEP avant de démissionner, sinon vous ne pourrez pas bénéficier du dispositif démission-reconversion ; ni France Travail ni les Missions locales ne peuvent le délivrer dans ce cas (article L5422-1-1).",
    );

  if (s.handicapReconnu)
    operateurs.push({
      type: "cap_emploi",
      nom: "Cap emploi",
      motif:
        "Vous avez une reconnaissance de handicap : Cap emploi est l'opérateur spécialisé qui vous accompagne (article L5214-3-1).",
    });
  if (s.cadre && s.statut !== "salarie_public" && (s.statut === "salarie_prive" || enRechercheEmploi(s)))
    operateurs.push({
      type: "apec",
      nom: "Apec",
      motif:
        "Vous êtes cadre, en emploi ou en recherche : l'Apec délivre le CEP aux cadres (article L6111-6).",
    });
  const jeune = s.age >= AGE_MIN_TRAVAIL && s.age <= AGE_MAX_MISSION_LOCALE;
  if (jeune && !demission)
    operateurs.push({
      type: "mission_locale",
      nom: "Mission locale",
      motif: `Vous avez entre ${AGE_MIN_TRAVAIL} et ${AGE_MAX_MISSION_LOCALE} ans : la Mission locale de votre secteur peut vous accompagner (article L5314-2).`,
    });

  if (s.statut === "salarie_public")
    operateurs.push({
      type: "employeur_public",
      nom: "Conseiller mobilité-carrière de votre employeur public",
      motif:
        "Agent public : le CEP vous est délivré par les conseillers mobilité-carrière de votre employeur, pas par l'opérateur régional des salariés du privé (article L6123-5).",
    });
  if (actifOccupePrive(s)) {
    const portail = s.region ? portails.find((p) => p.codeRegion === s.region!.code) : undefined;
    operateurs.push({
      type: "operateur_regional",
      nom: "Mon CEP par Avenir(s) Actifs — opérateur régional",
      ...(s.region ? { region: s.region.nom, codeRegion: s.region.code } : {}),
      ...(portail ? { url: portail.url } : {}),
      motif: `Actif ${s.statut === "independant" ? "indépendant" : "du secteur privé"} : l'opérateur régional choisi par France compétences${s.region ? ` pour la région ${s.region.nom}` : ""} délivre le CEP (articles L6123-5 et R6123-27).`,
    });
  }
  if (enRechercheEmploi(s) && !demission)
    operateurs.push({
      type: "france_travail",
      nom: "France Travail",
      motif:
        "Vous cherchez un emploi : France Travail délivre le CEP aux demandeurs d'emploi (articles L6111-6 et L5312-1).",
    });
  return { eligible: true, motifs, operateurs };
}

/** Décision de la personne à l'issue du niveau 1 (état des lieux) : poursuivre le CEP ou s'arrêter là. */
export const DECISIONS_NIVEAU1 = ["poursuivre", "arreter"] as const;
export type DecisionNiveau1 = (typeof DECISIONS_NIVEAU1)[number];
export const LIBELLES_DECISION_NIVEAU1: Record<DecisionNiveau1, string> = {
  poursuivre: "Poursuivre le conseil (niveau 2)",
  arreter: "S'arrêter à l'information et à l'orientation",
};
