import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { CATALOGUE, type IdDispositif } from "../domain/financement/catalogue.js";
import {
  type ActionPlan,
  type ContenuPlan,
  type LigneFinancement,
  SITUATION_FINANCEMENT_VIDE,
  type SituationFinancement,
} from "../domain/plan/plan.js";
import { jsonCanonique } from "../domain/syntheseDossier.js";
import type { ConfigBase } from "../storage/base.js";
import { type Ligne, type Lots, ouvrirChargeur } from "../storage/chargementMasse.js";
import {
  chronologieDocuments,
  chronologieEntretiens,
  chronologieTransitions,
  type LigneDocument,
  type LigneEntretien,
  type LigneTransition,
} from "../storage/chronologiePilotage.js";

/**
 * Jeu de données synthétique à l'échelle nationale (`cep seed --synthetique --parcours N`) : des personnes fictives
 * seulement (adresses en `.invalid`, comptes marqués `demo`), des opérateurs et des sites dans chaque région, environ un
 * conseiller pour 80 parcours ouverts, des parcours à tous les niveaux, phases et statuts, avec leur historique
 * (transitions, entretiens, notes, échanges, rendez-vous, réunions, état des lieux, profil, projets, plan d'actions et
 * plan de financement, synthèse) et environ 50 événements d'audit chacun. Déterministe : même graine, même date de
 * référence → mêmes données.
 *
 * Ajouter une table : écrire un `GenerateurTable` et l'ajouter à `GENERATEURS_PARCOURS` (l'ordre est celui de
 * l'écriture : une table après celles qu'elle référence).
 */

export const MOT_DE_PASSE_SYNTHETIQUE = "synthetique-cep-2026";
export const DOMAINE_SYNTHETIQUE = "synthetique.cep.invalid";
const JOUR = 86_400_000;

// ---------------------------------------------------------------------------------------------------------------
// Hasard déterministe et identifiants

/** mulberry32 : générateur pseudo-aléatoire 32 bits, rapide et reproductible. */
export function hasard(graine: number) {
  let a = graine >>> 0;
  const suivant = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    reel: suivant,
    /** Entier dans [min, max]. */
    entier: (min: number, max: number) => min + Math.floor(suivant() * (max - min + 1)),
    choix: <T>(liste: readonly T[]): T => liste[Math.floor(suivant() * liste.length)]!,
    proba: (p: number) => suivant() < p,
    /** Choix pondéré : `poids` dans le même ordre que `liste`. */
    pondere: <T>(liste: readonly T[], poids: readonly number[]): T => {
      let x = suivant() * poids.reduce((s, p) => s + p, 0);
      for (const [i, p] of poids.entries()) {
        x -= p;
        if (x < 0) return liste[i]!;
      }
      return liste.at(-1)!;
    },
  };
}
export type Hasard = ReturnType<typeof hasard>;

/** UUID (forme v4) déterministe : un préfixe par sorte d'objet, puis un compteur. */
const PREFIXES: Record<string, string> = {};
export function identifiant(sorte: string, n: number): string {
  PREFIXES[sorte] ??= createHash("sha256").update(sorte).digest("hex").slice(0, 8);
  const h = n.toString(16).padStart(22, "0");
  return `${PREFIXES[sorte]}-${h.slice(0, 4)}-4${h.slice(4, 7)}-8${h.slice(7, 10)}-${h.slice(10)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Petites listes fictives

const PRENOMS =
  `Camille Nadia Hugo Léa Karim Emma Lucas Inès Thomas Chloé Yanis Manon Sarah Mathis Jade Nathan Louise Rayan Zoé
Enzo Alice Gabriel Louna Adam Lina Arthur Rose Jules Anna Raphaël Mila Louis Ambre Maël Julia Sacha Lou Noah Eva Léo Nina
Mohamed Fatou Aïcha Youssef Kevin Sandrine Nathalie Stéphane Isabelle Christophe Valérie Philippe Sylvie Patrick Céline
Frédéric Aurélie Olivier Émilie David Laetitia Julien Mélanie Nicolas Sophie Sébastien Audrey Vincent Élodie Laurent`.split(
    /\s+/,
  );
const NOMS =
  `Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefebvre Leroy Roux David
Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc
Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu
Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly Rivière
Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger
Fabre Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq
Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis Moulin Louis Deschamps Huet Vasseur
Perez Boucher Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault Charpentier Ménard
Maillard Baron Bertin Bailly Hervé Schneider Fernandez Collet Léger Bouvier Julien Prévost Millet Perrot Daniel Cousin
Germain Breton Besson Langlois Rémy Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber Mallet Hamon Boulanger
Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chevallier Collin Chauvin Bouchet Gay
Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay
Pasquier Carlier Laporte`.split(/\s+/);

const SECTEURS = [
  "Commerce de détail",
  "Santé",
  "Bâtiment",
  "Logistique",
  "Industrie",
  "Hôtellerie-restauration",
  "Services à la personne",
  "Banque-assurance",
  "Administration",
  "Numérique",
];
const STATUTS_ACTIVITE = ["salarie_prive", "agent_public", "independant", "demandeur_emploi", "autre"];
const POIDS_STATUTS_ACTIVITE = [50, 12, 8, 25, 5];
const QUALIFICATIONS = ["sans", "3", "4", "5", "6", "7", "8"];
const POIDS_QUALIFICATIONS = [10, 25, 25, 18, 12, 8, 2];
const AGES = ["moins_26", "26_44", "45_54", "55_plus"];
const POIDS_AGES = [15, 50, 25, 10];
const DEMANDES = [
  "Je travaille dans la vente depuis dix ans et je voudrais changer de métier.",
  "Je souhaite faire reconnaître mon expérience par un diplôme (VAE).",
  "J'ai un projet de création d'entreprise et je ne sais pas par où commencer.",
  "Après un arrêt de travail, je ne peux plus porter de charges : je cherche un autre métier.",
  "Je voudrais me former au numérique mais je ne sais pas quelle formation choisir.",
  "Je veux évoluer dans mon entreprise vers un poste d'encadrement.",
];
const MODALITES = ["presentiel", "telephone", "visio", "ecrit"];
const POIDS_MODALITES = [45, 30, 20, 5];
const MOTIFS_CLOTURE = ["projet_realise", "formation_engagee", "emploi_trouve", "abandon"];
const POIDS_MOTIFS = [35, 25, 25, 15];
/** Quelques codes ROME 4.0 publics et leur libellé (pistes et projets fictifs). */
const METIERS: [string, string][] = [
  ["M1607", "Secrétariat"],
  ["K2111", "Formation professionnelle"],
  ["J1501", "Soins d'hygiène, de confort du patient"],
  ["N1103", "Magasinage et préparation de commandes"],
  ["M1805", "Études et développement informatique"],
  ["K1302", "Assistance auprès d'adultes"],
  ["H2909", "Montage-assemblage mécanique"],
  ["D1106", "Vente en alimentation"],
  ["F1603", "Installation d'équipements sanitaires et thermiques"],
  ["G1602", "Personnel de cuisine"],
];
const TYPES_CHANGEMENT = ["mobilite", "reconversion", "creation_reprise"];
const THEMES_REUNION = [
  "Découvrir le conseil en évolution professionnelle",
  "Se reconvertir : par où commencer ?",
  "Financer sa formation",
  "La validation des acquis de l'expérience",
];
const ACTIONS_CONSEILLER = [
  "parcours.lire",
  "parcours.journal.lire",
  "parcours.notes.lister",
  "parcours.entretiens.lister",
  "parcours.messages.lister",
  "parcours.rendez_vous.lister",
  "parcours.etat_des_lieux.lire",
  "parcours.profil.lire",
  "parcours.projets.lister",
  "parcours.note.creer",
  "parcours.entretien.creer",
  "parcours.message.ecrire",
];
const POIDS_ACTIONS_CONSEILLER = [30, 8, 12, 10, 8, 6, 4, 5, 4, 6, 4, 3];
const ACTIONS_BENEFICIAIRE = [
  "parcours.lire",
  "parcours.messages.lister",
  "parcours.message.ecrire",
  "parcours.rendez_vous.lister",
];

// ---------------------------------------------------------------------------------------------------------------
// Territoire : les 18 régions, pondérées par leur population (paquet @etalab/decoupage-administratif)

interface Region {
  code: string;
  nom: string;
  population: number;
  communes: { nom: string; codePostal: string }[];
}

export function regions(): Region[] {
  const req = createRequire(import.meta.url);
  const brutes = (req("@etalab/decoupage-administratif/data/regions.json") as { code: string; nom: string }[])
    // Les 18 régions (codes à deux chiffres) ; les collectivités d'outre-mer (975 et au-delà) n'en sont pas.
    .filter((r) => r.code.length === 2);
  const communes = req("@etalab/decoupage-administratif/data/communes.json") as {
    nom: string;
    type: string;
    region?: string;
    codesPostaux?: string[];
    population?: number;
  }[];
  return brutes.map((r) => {
    const siennes = communes
      .filter((c) => c.type === "commune-actuelle" && c.region === r.code)
      .sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
    return {
      code: r.code,
      nom: r.nom,
      population: siennes.reduce((s, c) => s + (c.population ?? 0), 0),
      communes: siennes.slice(0, 8).map((c) => ({ nom: c.nom, codePostal: c.codesPostaux?.[0] ?? "00000" })),
    };
  });
}

/** Les opérateurs d'une région et leur part des parcours (ordre de grandeur du CEP). */
const OPERATEURS_REGION: { type: string; libelle: string; part: number }[] = [
  { type: "france_travail", libelle: "France Travail", part: 45 },
  { type: "operateur_regional", libelle: "Opérateur régional CEP des actifs occupés", part: 25 },
  { type: "apec", libelle: "Apec", part: 10 },
  { type: "cap_emploi", libelle: "Cap emploi", part: 5 },
  { type: "mission_locale", libelle: "Mission locale", part: 5 },
  { type: "mission_locale", libelle: "Mission locale", part: 5 },
  { type: "mission_locale", libelle: "Mission locale", part: 5 },
];

// ---------------------------------------------------------------------------------------------------------------
// Génération

interface OperateurSynthetique {
  id: string;
  nom: string;
  code: number;
  region: Region;
  sites: string[];
  reunions: { id: string; debut: number }[];
  conseillers: string[];
  /** Parcours ouverts prévus, pour dimensionner les conseillers. */
  ouverts: number;
}

/** États possibles d'un parcours : [niveau, phase, statut], avec leur fréquence. */
const ETATS: [1 | 2, string | null, string][] = [
  [1, null, "en_cours"],
  [2, "conseil", "en_cours"],
  [2, "mise_en_oeuvre", "en_cours"],
  [2, "conseil", "en_pause"],
  [2, "mise_en_oeuvre", "en_pause"],
  [1, null, "clos"],
  [2, "conseil", "clos"],
  [2, "mise_en_oeuvre", "clos"],
];
const POIDS_ETATS = [18, 16, 11, 3, 2, 17, 13, 20];

export interface ContexteParcours {
  n: number;
  h: Hasard;
  maintenant: number;
  iso: (ms: number) => string;
  id: string;
  operateur: OperateurSynthetique;
  beneficiaire: { id: string; prenom: string; nom: string; email: string };
  referentId: string | null;
  niveau: 1 | 2;
  phase: string | null;
  statut: string;
  ouvertLe: number;
  /** Passage au niveau 2 (si niveau 2). */
  niveau2Le: number | null;
  closLe: number | null;
  /** Dernier instant où le parcours est actif (clôture ou maintenant). */
  finActivite: number;
  /** Empreinte argon2 du mot de passe commun, calculée une seule fois. */
  hashMotDePasse: string;
  /** Compteur par sorte, pour des identifiants uniques et déterministes. */
  compteur(sorte: string): string;
  /**
   * La ligne du parcours une fois émise : les générateurs suivants y écrivent sa chronologie de pilotage (elle n'est
   * envoyée à la base qu'à la fin du lot, après tous les générateurs du parcours).
   */
  ligneParcours?: Ligne;
  /** Documents remis au fil des générateurs : la chronologie de pilotage du parcours, écrite après eux. */
  documents: LigneDocument[];
}

export type Emettre = (table: string, ligne: Ligne) => void;
/** Un générateur écrit les lignes d'une ou plusieurs tables pour un parcours. */
export type GenerateurTable = (c: ContexteParcours, emettre: Emettre) => void;

const entre = (c: ContexteParcours, debut: number, fin: number) =>
  Math.round(debut + c.h.reel() * Math.max(0, fin - debut));

const beneficiaireEtParcours: GenerateurTable = (c, emettre) => {
  const h = c.h;
  const b = c.beneficiaire;
  emettre("compte", {
    id: b.id,
    email: b.email,
    prenom: b.prenom,
    nom: b.nom,
    role: "beneficiaire",
    operateur_id: null,
    hash_mot_de_passe: c.hashMotDePasse,
    actif: 1,
    demo: 1,
    echecs_connexion: 0,
    verrouille_jusqu_a: null,
    version: 1,
    cree_le: c.iso(c.ouvertLe - JOUR),
  });
  const commune = h.choix(c.operateur.region.communes);
  c.ligneParcours = {
    id: c.id,
    beneficiaire_id: b.id,
    operateur_id: c.operateur.id,
    referent_id: c.referentId,
    niveau: c.niveau,
    phase: c.phase,
    statut: c.statut,
    version: h.entier(1, 12),
    cree_le: c.iso(c.ouvertLe),
    modifie_le: c.iso(entre(c, c.ouvertLe, c.finActivite)),
    demande: h.choix(DEMANDES),
    situation_statut: h.pondere(STATUTS_ACTIVITE, POIDS_STATUTS_ACTIVITE),
    situation_secteur: h.choix(SECTEURS),
    situation_qualification: h.pondere(QUALIFICATIONS, POIDS_QUALIFICATIONS),
    situation_tranche_age: h.pondere(AGES, POIDS_AGES),
    situation_commune: commune?.nom ?? null,
    handicap: h.proba(0.06) ? "rqth" : null,
    suppleant_id: null,
    suppleant_jusqu_au: null,
    clos_le: c.closLe === null ? null : c.iso(c.closLe),
    anonymise_le: null,
    pilotage_transitions: "[]",
    pilotage_entretiens: "[]",
    pilotage_documents: "[]",
  };
  emettre("parcours", c.ligneParcours);
};

const transitions: GenerateurTable = (c, emettre) => {
  const emises: LigneTransition[] = [];
  const t = (type: string, le: number, x: Partial<LigneTransition> = {}) => {
    const ligne: LigneTransition = {
      id: c.compteur("transition"),
      type,
      niveau: null,
      phase: null,
      motif: null,
      retour_prevu: null,
      commentaire: null,
      le: c.iso(le),
      ...x,
    };
    emises.push(ligne);
    emettre("transition_parcours", { ...ligne, parcours_id: c.id, auteur_id: c.referentId });
  };
  t("ouverture", c.ouvertLe, { niveau: 1 });
  if (c.niveau === 2) {
    t("passage", c.niveau2Le!, { niveau: 2, phase: "conseil" });
    if (c.phase === "mise_en_oeuvre")
      t("passage", entre(c, c.niveau2Le!, c.finActivite), { niveau: 2, phase: "mise_en_oeuvre" });
  }
  if (c.statut === "en_pause")
    t("pause", entre(c, c.finActivite - 30 * JOUR, c.finActivite), {
      motif: "Raisons personnelles",
      retour_prevu: c.iso(c.maintenant + 30 * JOUR).slice(0, 10),
    });
  if (c.statut === "clos") t("cloture", c.closLe!, { motif: c.h.pondere(MOTIFS_CLOTURE, POIDS_MOTIFS) });
  if (c.ligneParcours) c.ligneParcours.pilotage_transitions = chronologieTransitions(emises);
};

const suivi: GenerateurTable = (c, emettre) => {
  const h = c.h;
  const auteur = c.referentId;
  if (!auteur) return;
  const nbEntretiens = c.niveau === 1 ? h.entier(1, 2) : h.entier(3, 7);
  const entretiens: LigneEntretien[] = [];
  for (let k = 0; k < nbEntretiens; k++) {
    const le = entre(c, c.ouvertLe, c.finActivite);
    const modalite = h.pondere(MODALITES, POIDS_MODALITES);
    const id = c.compteur("entretien");
    entretiens.push({ id, le: c.iso(le), modalite });
    emettre("entretien", {
      id,
      parcours_id: c.id,
      auteur_id: auteur,
      modalite,
      site_id: modalite === "presentiel" ? h.choix(c.operateur.sites) : null,
      le: c.iso(le),
      duree_minutes: h.choix([30, 45, 60, 90]),
      participants: null,
      resume: "Entretien de suivi : point sur la demande, les pistes explorées et les prochaines étapes.",
      cree_le: c.iso(le),
    });
  }
  if (c.ligneParcours) c.ligneParcours.pilotage_entretiens = chronologieEntretiens(entretiens);
  for (let k = h.entier(1, 4); k > 0; k--) {
    const le = c.iso(entre(c, c.ouvertLe, c.finActivite));
    emettre("note", {
      id: c.compteur("note"),
      parcours_id: c.id,
      auteur_id: auteur,
      texte: "Note de suivi : compétences transférables à lister avant le prochain entretien.",
      partagee: h.proba(0.3) ? 1 : 0,
      version: 1,
      cree_le: le,
      modifie_le: le,
    });
  }
  for (let k = h.entier(0, 5); k > 0; k--)
    emettre("message", {
      id: c.compteur("message"),
      parcours_id: c.id,
      auteur_id: k % 2 ? c.beneficiaire.id : auteur,
      texte:
        k % 2 ? "Bonjour, pouvons-nous en parler au prochain rendez-vous ?" : "Bonjour, bien sûr, à bientôt.",
      cree_le: c.iso(entre(c, c.ouvertLe, c.finActivite)),
    });
  const rdv = (debut: number, statut: string) =>
    emettre("rendez_vous", {
      id: c.compteur("rendez_vous"),
      parcours_id: c.id,
      auteur_id: auteur,
      debut: c.iso(debut),
      duree_minutes: 60,
      modalite: h.choix(["visio", "presentiel", "telephone"]),
      site_id: null,
      lieu: null,
      statut,
      rappel_envoye_le: null,
      version: 1,
      cree_le: c.iso(debut - 7 * JOUR),
      modifie_le: c.iso(debut - 7 * JOUR),
    });
  for (let k = h.entier(0, 2); k > 0; k--) rdv(entre(c, c.ouvertLe, c.finActivite), "confirme");
  if (c.statut === "en_cours" && h.proba(0.5))
    rdv(
      Math.floor((c.maintenant + h.entier(1, 21) * JOUR) / 3_600_000) * 3_600_000,
      h.proba(0.5) ? "propose" : "confirme",
    );
  if (h.proba(0.01)) {
    const autre = h.choix(c.operateur.conseillers);
    if (autre !== auteur)
      emettre("parcours_partage", {
        parcours_id: c.id,
        conseiller_id: autre,
        partage_par: auteur,
        cree_le: c.iso(entre(c, c.ouvertLe, c.finActivite)),
      });
  }
};

const reunions: GenerateurTable = (c, emettre) => {
  if (!c.h.proba(0.2)) return;
  const r = c.h.choix(c.operateur.reunions);
  const b = c.beneficiaire;
  emettre("inscription_reunion", {
    id: c.compteur("inscription"),
    reunion_id: r.id,
    nom: `${b.prenom} ${b.nom}`,
    email: b.email,
    compte_id: b.id,
    inscrit_le: c.iso(r.debut - c.h.entier(2, 20) * JOUR),
    annulee_le: null,
    present: r.debut < c.maintenant ? (c.h.proba(0.85) ? 1 : 0) : null,
    version: 1,
    anonymisee_le: null,
  });
};

const niveau1: GenerateurTable = (c, emettre) => {
  if (!c.referentId || !(c.niveau === 2 || (c.statut === "clos" && c.h.proba(0.6)))) return;
  const le = c.iso(c.niveau2Le ?? c.closLe!);
  emettre("etat_des_lieux", {
    parcours_id: c.id,
    demande: "Changer de métier en gardant un niveau de revenu comparable.",
    besoin: "Identifier des métiers accessibles à partir des compétences actuelles.",
    informations:
      "Fonctionnement du CEP\nFinancements possibles (CPF, PTP)\nMétiers en tension du territoire",
    decision: c.niveau === 2 ? "poursuivre" : "arreter",
    orientation: c.niveau === 2 ? "Conseil personnalisé (niveau 2)" : "Information suffisante",
    auteur_id: c.referentId,
    version: 1,
    cree_le: le,
    modifie_le: le,
  });
  c.documents.push({ nature: "etat_des_lieux_niveau1", le });
};

const competences: GenerateurTable = (c, emettre) => {
  if (c.niveau !== 2 || !c.referentId) return;
  const h = c.h;
  const [rome, libelle] = h.choix(METIERS);
  const le = c.iso(entre(c, c.niveau2Le!, c.finActivite));
  const profil = {
    experiences: [
      {
        id: `e${c.n}`,
        intitule: h.choix(SECTEURS),
        appellation: null,
        dureeMois: h.entier(6, 180),
        actuelle: c.statut !== "clos",
      },
    ],
    formations: [
      {
        id: `f${c.n}`,
        intitule: "Diplôme le plus élevé",
        niveau: h.choix(["3", "4", "5", "6"]),
        obtenue: true,
      },
    ],
    competences: [
      { codeOgr: null, libelle: "Relation client", rubrique: "libre", maitrise: "maitrisee" },
      { codeOgr: null, libelle: "Organisation", rubrique: "libre", maitrise: "partielle" },
    ],
    interets: h.proba(0.5) ? { R: h.entier(0, 3), I: 1, A: 2, S: h.entier(0, 3), E: 1, C: 2 } : null,
  };
  emettre("profil_competences", {
    parcours_id: c.id,
    contenu: JSON.stringify(profil),
    version: 1,
    modifie_par: c.referentId,
    cree_le: le,
    modifie_le: le,
  });
  if (h.proba(0.5))
    emettre("piste_retenue", {
      parcours_id: c.id,
      code_rome: rome,
      libelle,
      commentaire: null,
      auteur_id: c.referentId,
      cree_le: le,
    });
  if (c.phase === "mise_en_oeuvre" || h.proba(0.6)) {
    const retenu = c.phase === "mise_en_oeuvre";
    emettre("projet_professionnel", {
      id: c.compteur("projet"),
      parcours_id: c.id,
      code_rome: rome,
      libelle_metier: libelle,
      type_changement: h.choix(TYPES_CHANGEMENT),
      description: null,
      statut: retenu ? "retenu" : "hypothese",
      decision: retenu
        ? JSON.stringify({ strategies: ["formation"], motif: null, decidePar: c.referentId, decideLe: le })
        : null,
      version: 1,
      auteur_id: c.referentId,
      cree_le: le,
      modifie_le: le,
    });
  }
};

/** Statut de la situation du dossier → statut de la simulation de financement. */
const STATUT_FINANCEMENT: Record<string, SituationFinancement["statut"]> = {
  salarie_prive: "salarie",
  agent_public: "agent_public",
  independant: "independant",
  demandeur_emploi: "demandeur_emploi",
};
/** Second financeur d'une formation selon le statut (le CPF est toujours sollicité). */
const COFINANCEURS: Record<string, IdDispositif[]> = {
  salarie: ["ptp", "opco_plan", "cofinancement_tiers"],
  demandeur_emploi: ["aif", "region"],
  agent_public: ["cofinancement_tiers"],
  independant: ["cofinancement_tiers", "region"],
};

/**
 * Plan d'actions et plan de financement (migration 0010) : pour les parcours en mise en œuvre (et une partie des parcours
 * clos au niveau 2), deux étapes — confirmer le projet (immersion, sans coût), se former (formation certifiante, CPF et
 * un cofinanceur selon le statut, un échange avec chaque financeur) ; convenu dans 70 % des cas.
 */
const planActions: GenerateurTable = (c, emettre) => {
  const h = c.h;
  if (!c.referentId || c.niveau !== 2) return;
  if (c.phase !== "mise_en_oeuvre" && !(c.statut === "clos" && h.proba(0.5))) return;
  const jour = (t: number) => c.iso(t).slice(0, 10);
  const debut = entre(c, c.niveau2Le!, c.finActivite);
  const statut = STATUT_FINANCEMENT[String(c.ligneParcours?.situation_statut)] ?? null;
  const cout = h.entier(15, 90) * 100;
  const cpf = Math.min(cout, h.entier(5, 30) * 100);
  const cofinanceur: IdDispositif = h.choix(COFINANCEURS[statut ?? ""] ?? ["cofinancement_tiers"]);
  const ligne = (dispositif: IdDispositif, montant: number): LigneFinancement => ({
    id: c.compteur("ligne-financement"),
    dispositif,
    financeur: CATALOGUE[dispositif].financeur,
    montant,
    statut: h.pondere(["a_etudier", "depose", "accorde", "refuse"] as const, [20, 30, 40, 10]),
    contacts: [
      {
        id: c.compteur("contact-financeur"),
        le: jour(debut + 7 * JOUR),
        canal: h.choix(["courriel", "plateforme", "telephone"] as const),
        reponse: "Dossier reçu, en cours d'instruction.",
        auteurId: c.referentId,
      },
    ],
  });
  const action = (
    x: Partial<ActionPlan> & Pick<ActionPlan, "type" | "intitule" | "echeance">,
  ): ActionPlan => ({
    id: c.compteur("action-plan"),
    responsable: "beneficiaire",
    tiers: null,
    statut: "a_faire",
    prestataire: null,
    cout: null,
    dateDebut: null,
    dateFin: null,
    dureeHeures: null,
    dureeMois: null,
    certifiante: false,
    eligibleCPF: false,
    surTempsDeTravail: false,
    tempsPartiel: false,
    lignes: [],
    ...x,
  });
  const contenu: ContenuPlan = {
    projetVise: h.choix(METIERS)[1],
    situation: { ...SITUATION_FINANCEMENT_VIDE, statut, soldeCPF: h.entier(0, 50) * 100 },
    etapes: [
      {
        id: c.compteur("etape-plan"),
        titre: "Confirmer le projet",
        objectif: "Vérifier le métier visé sur le terrain",
        echeance: jour(debut + 30 * JOUR),
        actions: [
          action({
            type: "immersion",
            intitule: "Immersion professionnelle de deux semaines",
            echeance: jour(debut + 30 * JOUR),
            statut: h.choix(["fait", "en_cours"] as const),
          }),
        ],
      },
      {
        id: c.compteur("etape-plan"),
        titre: "Se former",
        objectif: "Obtenir la certification du métier visé",
        echeance: jour(debut + 240 * JOUR),
        actions: [
          action({
            type: "formation",
            intitule: "Formation certifiante",
            echeance: jour(debut + 60 * JOUR),
            responsable: "tiers",
            tiers: "Organisme de formation",
            prestataire: "Organisme de formation",
            cout,
            dateDebut: jour(debut + 90 * JOUR),
            dateFin: jour(debut + 240 * JOUR),
            dureeHeures: h.entier(20, 80) * 10,
            certifiante: true,
            eligibleCPF: true,
            lignes: [ligne("cpf", cpf), ...(cpf < cout ? [ligne(cofinanceur, cout - cpf)] : [])],
          }),
        ],
      },
    ],
  };
  const le = c.iso(debut);
  const convenu = h.proba(0.7);
  emettre("plan_actions", { parcours_id: c.id, version: 1, numero_courant: 1, cree_le: le, modifie_le: le });
  emettre("plan_actions_version", {
    parcours_id: c.id,
    numero: 1,
    contenu: JSON.stringify(contenu),
    statut: convenu ? "convenu" : "brouillon",
    motif: null,
    auteur_id: c.referentId,
    convenu_le: convenu ? c.iso(debut + 10 * JOUR) : null,
    convenu_par: convenu ? c.referentId : null,
    cree_le: le,
    modifie_le: convenu ? c.iso(debut + 10 * JOUR) : le,
  });
};

const synthese: GenerateurTable = (c, emettre) => {
  if (!c.referentId) return;
  const clos = c.statut === "clos";
  if (!clos && !(c.phase === "mise_en_oeuvre" && c.h.proba(0.3))) return;
  const fin = c.finActivite;
  emettre("synthese_brouillon", {
    parcours_id: c.id,
    niveau: c.niveau,
    conclusions: "Accompagnement mené à son terme.",
    prochaines_etapes: "Suivre la formation retenue.",
    auteur_id: c.referentId,
    version: 1,
    cree_le: c.iso(fin - 5 * JOUR),
    modifie_le: c.iso(fin - JOUR),
  });
  if (!clos) return;
  const contenu = jsonCanonique({
    niveau: c.niveau,
    beneficiaire: { prenom: c.beneficiaire.prenom, nom: c.beneficiaire.nom },
    operateur: { nom: c.operateur.nom },
    referent: null,
    periode: { debut: c.iso(c.ouvertLe), fin: c.iso(fin) },
    entretiens: [],
    reunionsCollectives: [],
    prestations: [],
    conclusions: "Accompagnement mené à son terme.",
  });
  emettre("synthese_version", {
    id: c.compteur("synthese"),
    parcours_id: c.id,
    numero: 1,
    niveau: c.niveau,
    contenu,
    empreinte: createHash("sha256").update(contenu, "utf8").digest("hex"),
    emise_le: c.iso(fin),
    emise_par: c.referentId,
    accusee_le: c.h.proba(0.6) ? c.iso(fin + 2 * JOUR) : null,
  });
  c.documents.push({ nature: "synthese", le: c.iso(fin) });
};

/** Environ 50 événements par parcours : lectures et écritures du référent, du bénéficiaire, des tâches. */
const audit: GenerateurTable = (c, emettre) => {
  const h = c.h;
  const total = h.entier(30, 70);
  for (let k = 0; k < total; k++) {
    const x = h.reel();
    const conseiller = c.referentId && x < 0.8;
    const systeme = !conseiller && x > 0.97;
    const acteur = conseiller ? c.referentId : systeme ? null : c.beneficiaire.id;
    emettre("evenement_audit", {
      horodatage: c.iso(entre(c, c.ouvertLe, c.finActivite)),
      acteur_compte_id: acteur,
      acteur_role: conseiller ? "conseiller" : systeme ? "systeme" : "beneficiaire",
      action: conseiller
        ? h.pondere(ACTIONS_CONSEILLER, POIDS_ACTIONS_CONSEILLER)
        : systeme
          ? "tache.rappels"
          : h.choix(ACTIONS_BENEFICIAIRE),
      resultat: "succes",
      beneficiaire_id: c.beneficiaire.id,
      objet_type: "parcours",
      objet_id: c.id,
      requete_id: `synthetique-${c.n}-${k}`,
      details: null,
    });
  }
};

/**
 * Les générateurs d'un parcours, dans l'ordre d'écriture (une table après celles qu'elle référence).
 * Ajouter une table (ex. plan d'actions, plan de financement) : une fonction, une ligne ici.
 */
export const GENERATEURS_PARCOURS: GenerateurTable[] = [
  beneficiaireEtParcours,
  transitions,
  suivi,
  reunions,
  niveau1,
  competences,
  planActions,
  synthese,
  audit,
];

export interface OptionsSynthetique {
  parcours: number;
  graine?: number;
  /** Empreinte du mot de passe de tous les comptes (calculée une fois par l'appelant). */
  hashMotDePasse: string;
  maintenant?: Date;
  /** Parcours par lot (une transaction). */
  lot?: number;
  journal?: (ligne: string) => void;
}

export interface RapportSynthetique {
  parcours: number;
  operateurs: number;
  conseillers: number;
  lignes: Record<string, number>;
  dureeMs: number;
  /** Comptes de connexion utiles (mot de passe commun). */
  exemples: { admin: string; responsable: string; conseiller: string; beneficiaire: string };
}

export async function chargerSynthetique(
  config: ConfigBase,
  o: OptionsSynthetique,
): Promise<RapportSynthetique> {
  const debut = performance.now();
  const journal = o.journal ?? (() => {});
  const h = hasard(o.graine ?? 1);
  const maintenant = (o.maintenant ?? new Date()).getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const compteurs = new Map<string, number>();
  const compteur = (sorte: string) => {
    const n = (compteurs.get(sorte) ?? 0) + 1;
    compteurs.set(sorte, n);
    return identifiant(sorte, n);
  };
  const lignes: Record<string, number> = {};
  // Parents d'abord : l'ordre des tables dans un lot est celui de leur première ligne.
  let lots: Lots = new Map(["operateur", "site", "reunion_information", "compte"].map((t) => [t, []]));
  const emettre: Emettre = (table, ligne) => {
    const l = lots.get(table);
    if (l) l.push(ligne);
    else lots.set(table, [ligne]);
    lignes[table] = (lignes[table] ?? 0) + 1;
  };

  // 1. Régions et opérateurs, puis répartition des parcours (pour dimensionner les conseillers).
  const territoire = regions();
  const operateurs: OperateurSynthetique[] = [];
  const poidsOperateurs: number[] = [];
  for (const region of territoire)
    for (const type of OPERATEURS_REGION) {
      operateurs.push({
        id: identifiant("operateur", operateurs.length + 1),
        nom: `${type.libelle} ${region.nom} (synthétique ${operateurs.length + 1})`,
        code: operateurs.length,
        region,
        sites: [],
        reunions: [],
        conseillers: [],
        ouverts: 0,
      });
      poidsOperateurs.push(region.population * type.part);
    }
  const cumul = Float64Array.from(poidsOperateurs);
  for (let i = 1; i < cumul.length; i++) cumul[i]! += cumul[i - 1]!;
  const totalPoids = cumul.at(-1)!;
  const N = o.parcours;
  const operateurDe = new Uint16Array(N);
  const etatDe = new Uint8Array(N);
  const indicesEtats = ETATS.map((_, i) => i);
  for (let i = 0; i < N; i++) {
    const x = h.reel() * totalPoids;
    let a = 0;
    let b = cumul.length - 1;
    while (a < b) {
      const m = (a + b) >> 1;
      if (cumul[m]! > x) b = m;
      else a = m + 1;
    }
    operateurDe[i] = a;
    etatDe[i] = h.pondere(indicesEtats, POIDS_ETATS);
    if (ETATS[etatDe[i]!]![2] !== "clos") operateurs[a]!.ouverts++;
  }

  // 2. Opérateurs, sites, réunions, comptes des professionnels : un conseiller pour 80 parcours ouverts.
  const cree = iso(maintenant - 4 * 365 * JOUR);
  const compteProfessionnel = (id: string, email: string, role: string, operateurId: string | null) =>
    emettre("compte", {
      id,
      email,
      prenom: h.choix(PRENOMS),
      nom: h.choix(NOMS),
      role,
      operateur_id: operateurId,
      hash_mot_de_passe: o.hashMotDePasse,
      actif: 1,
      demo: 1,
      echecs_connexion: 0,
      verrouille_jusqu_a: null,
      version: 1,
      cree_le: cree,
    });
  compteProfessionnel(identifiant("admin", 1), `admin@${DOMAINE_SYNTHETIQUE}`, "admin", null);
  let nbConseillers = 0;
  for (const op of operateurs) {
    const type = OPERATEURS_REGION[op.code % OPERATEURS_REGION.length]!;
    emettre("operateur", {
      id: op.id,
      nom: op.nom,
      type: type.type,
      code_region: op.region.code,
      version: 1,
      cree_le: cree,
    });
    const nbSites = Math.min(op.region.communes.length, Math.max(1, Math.ceil(op.ouverts / 2000)));
    for (let s = 0; s < nbSites; s++) {
      const commune = op.region.communes[s]!;
      const id = identifiant("site", op.code * 1000 + s + 1);
      op.sites.push(id);
      emettre("site", {
        id,
        operateur_id: op.id,
        nom: commune.nom,
        adresse: `${s + 1} rue de l'Exemple`,
        code_postal: commune.codePostal,
        commune: commune.nom,
        version: 1,
        cree_le: cree,
      });
    }
    for (let r = 0; r < 6; r++) {
      const id = identifiant("reunion", op.code * 100 + r + 1);
      const debut = Math.floor((maintenant + (r - 3) * 14 * JOUR) / 3_600_000) * 3_600_000;
      op.reunions.push({ id, debut });
      const surSite = r % 2 === 0;
      emettre("reunion_information", {
        id,
        operateur_id: op.id,
        theme: THEMES_REUNION[r % THEMES_REUNION.length]!,
        lieu: surSite ? "site" : "distance",
        site_id: surSite ? op.sites[0]! : null,
        debut: iso(debut),
        duree_minutes: 90,
        places: 20,
        version: 1,
        cree_le: cree,
      });
    }
    compteProfessionnel(
      identifiant("responsable", op.code + 1),
      `responsable${op.code + 1}@${DOMAINE_SYNTHETIQUE}`,
      "responsable",
      op.id,
    );
    const nb = Math.max(1, Math.ceil(op.ouverts / 80));
    for (let k = 0; k < nb; k++) {
      nbConseillers++;
      const id = identifiant("conseiller", nbConseillers);
      op.conseillers.push(id);
      compteProfessionnel(id, `conseiller${nbConseillers}@${DOMAINE_SYNTHETIQUE}`, "conseiller", op.id);
    }
  }
  const chargeur = await ouvrirChargeur(config);
  await chargeur.ecrire(lots);
  lots = new Map();
  journal(`${operateurs.length} opérateurs dans ${territoire.length} régions, ${nbConseillers} conseillers.`);

  // 3. Les parcours, par lots : chaque lot part en base pendant que le suivant se prépare.
  const tailleLot = o.lot ?? (config.type === "postgresql" ? 2000 : 5000);
  let enVol: Promise<void> = Promise.resolve();
  let dernierJournal = performance.now();
  const totalLignes = () => Object.values(lignes).reduce((s, n) => s + n, 0);
  for (let i = 0; i < N; i++) {
    const op = operateurs[operateurDe[i]!]!;
    const [niveau, phase, statut] = ETATS[etatDe[i]!]!;
    const clos = statut === "clos";
    // Ouverts : débutés dans les 18 derniers mois ; clos : sur trois ans, durée de 1 à 10 mois.
    const ouvertLe = clos
      ? maintenant - h.entier(60, 3 * 365) * JOUR - h.entier(0, 86_399) * 1000
      : maintenant - h.entier(2, 540) * JOUR - h.entier(0, 86_399) * 1000;
    const closLe = clos ? Math.min(maintenant - JOUR, ouvertLe + h.entier(20, 300) * JOUR) : null;
    const finActivite = closLe ?? maintenant - h.entier(0, 20) * JOUR;
    // La file d'attente : quelques demandes ouvertes de niveau 1 pas encore attribuées.
    const enFile = niveau === 1 && statut === "en_cours" && h.proba(0.005);
    const prenom = h.choix(PRENOMS);
    const nom = h.choix(NOMS);
    const c: ContexteParcours = {
      n: i + 1,
      h,
      maintenant,
      iso,
      id: identifiant("parcours", i + 1),
      operateur: op,
      beneficiaire: {
        id: identifiant("beneficiaire", i + 1),
        prenom,
        nom,
        email: `beneficiaire${i + 1}@${DOMAINE_SYNTHETIQUE}`,
      },
      referentId: enFile ? null : h.choix(op.conseillers),
      niveau,
      phase,
      statut,
      ouvertLe,
      niveau2Le:
        niveau === 2
          ? ouvertLe + Math.round((Math.max(finActivite, ouvertLe + JOUR) - ouvertLe) * 0.3)
          : null,
      closLe,
      finActivite: Math.max(finActivite, ouvertLe + JOUR),
      hashMotDePasse: o.hashMotDePasse,
      compteur,
      documents: [],
    };
    for (const g of GENERATEURS_PARCOURS) g(c, emettre);
    if (c.ligneParcours) c.ligneParcours.pilotage_documents = chronologieDocuments(c.documents);
    if ((i + 1) % tailleLot === 0 || i + 1 === N) {
      await enVol;
      enVol = chargeur.ecrire(lots);
      lots = new Map();
      const t = performance.now();
      if (t - dernierJournal > 5000 || i + 1 === N) {
        dernierJournal = t;
        const s = (t - debut) / 1000;
        journal(
          `${(i + 1).toLocaleString("fr-FR")} / ${N.toLocaleString("fr-FR")} parcours (${Math.round(((i + 1) / N) * 100)} %), ${totalLignes().toLocaleString("fr-FR")} lignes, ${Math.round(totalLignes() / s).toLocaleString("fr-FR")} lignes/s, ${Math.round((i + 1) / s).toLocaleString("fr-FR")} parcours/s`,
        );
      }
      // Laisse partir les requêtes en file (PostgreSQL) avant de préparer le lot suivant.
      await new Promise((r) => setImmediate(r));
    }
  }
  await enVol;
  journal("Statistiques de l'optimiseur (ANALYZE)…");
  await chargeur.terminer();
  const premier = operateurs.reduce((a, b) => (b.ouverts > a.ouverts ? b : a));
  return {
    parcours: N,
    operateurs: operateurs.length,
    conseillers: nbConseillers,
    lignes,
    dureeMs: performance.now() - debut,
    exemples: {
      admin: `admin@${DOMAINE_SYNTHETIQUE}`,
      responsable: `responsable${premier.code + 1}@${DOMAINE_SYNTHETIQUE}`,
      conseiller: `conseiller${operateurs.slice(0, premier.code).reduce((s, x) => s + x.conseillers.length, 0) + 1}@${DOMAINE_SYNTHETIQUE}`,
      beneficiaire: `beneficiaire1@${DOMAINE_SYNTHETIQUE}`,
    },
  };
}
