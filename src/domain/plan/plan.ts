/**
 * Plan d'actions de la mise en œuvre (regles-cep.md §1 : « plan d'actions (étapes, actions, parcours de formation,
 * dispositifs, plan de financement, calendrier indicatif) … révision ») : des étapes avec leur objectif intermédiaire,
 * des actions par étape (chacune avec un responsable, un statut, une échéance et, s'il y en a un, un prestataire ; coût
 * et dates pour les actions payantes), et le plan de financement des actions payantes (lignes par financeur, échanges
 * avec le financeur). Le plan est versionné : une fois convenu, toute modification de son contenu crée une version
 * nouvelle avec son motif ; le suivi (statut d'une action, statut d'une demande, échange avec un financeur) s'inscrit
 * dans la version en cours. Pur : aucune entrée-sortie.
 */

import {
  CATALOGUE,
  type IdDispositif,
  LIBELLES_STATUT,
  LIBELLES_TYPE_CONTRAT,
  type Statut,
  type TypeContrat,
} from "../financement/catalogue.js";
import { type DateIso, estDateIso } from "../financement/dates.js";

export const TYPES_ACTION_PLAN = [
  "formation",
  "vae",
  "bilan_competences",
  "immersion",
  "reunion_information",
  "demarche_personnelle",
  "creation_entreprise",
  "autre",
] as const;
export type TypeActionPlan = (typeof TYPES_ACTION_PLAN)[number];
export const LIBELLES_TYPE_ACTION_PLAN: Record<TypeActionPlan, string> = {
  formation: "Formation",
  vae: "Validation des acquis de l'expérience (VAE)",
  bilan_competences: "Bilan de compétences",
  immersion: "Immersion professionnelle",
  reunion_information: "Réunion d'information",
  demarche_personnelle: "Démarche personnelle (ex. demande de congé à l'employeur)",
  creation_entreprise: "Accompagnement à la création d'entreprise",
  autre: "Autre",
};

export const RESPONSABLES = ["beneficiaire", "conseiller", "tiers"] as const;
export type Responsable = (typeof RESPONSABLES)[number];
export const LIBELLES_RESPONSABLE: Record<Responsable, string> = {
  beneficiaire: "La personne accompagnée",
  conseiller: "Le conseiller ou la conseillère",
  tiers: "Un tiers (organisme, employeur…)",
};

export const STATUTS_ACTION = ["a_faire", "en_cours", "fait", "abandonne"] as const;
export type StatutAction = (typeof STATUTS_ACTION)[number];
export const LIBELLES_STATUT_ACTION: Record<StatutAction, string> = {
  a_faire: "À faire",
  en_cours: "En cours",
  fait: "Fait",
  abandonne: "Abandonné",
};

export const STATUTS_LIGNE = ["a_etudier", "a_deposer", "depose", "accorde", "refuse"] as const;
export type StatutLigne = (typeof STATUTS_LIGNE)[number];
export const LIBELLES_STATUT_LIGNE: Record<StatutLigne, string> = {
  a_etudier: "À étudier",
  a_deposer: "À déposer",
  depose: "Déposé",
  accorde: "Accordé",
  refuse: "Refusé",
};

export const CANAUX_CONTACT = ["courriel", "telephone", "courrier", "rendez_vous", "plateforme"] as const;
export type CanalContact = (typeof CANAUX_CONTACT)[number];
export const LIBELLES_CANAL_CONTACT: Record<CanalContact, string> = {
  courriel: "Courriel",
  telephone: "Téléphone",
  courrier: "Courrier",
  rendez_vous: "Rendez-vous",
  plateforme: "Plateforme en ligne",
};

export const STATUTS_VERSION_PLAN = ["brouillon", "convenu"] as const;
export type StatutVersionPlan = (typeof STATUTS_VERSION_PLAN)[number];
export const LIBELLES_STATUT_VERSION_PLAN: Record<StatutVersionPlan, string> = {
  brouillon: "En préparation",
  convenu: "Convenu avec le conseiller",
};

/** Un échange avec un financeur (la demande, une relance, sa réponse). */
export interface ContactFinanceur {
  id: string;
  le: DateIso;
  canal: CanalContact;
  reponse: string;
  auteurId: string | null;
}

export interface LigneFinancement {
  id: string;
  dispositif: IdDispositif;
  financeur: string;
  montant: number;
  statut: StatutLigne;
  contacts: ContactFinanceur[];
}

export interface ActionPlan {
  id: string;
  type: TypeActionPlan;
  intitule: string;
  responsable: Responsable;
  /** Le tiers responsable, quand `responsable` vaut `tiers`. */
  tiers: string | null;
  statut: StatutAction;
  echeance: DateIso;
  prestataire: string | null;
  /** Coût en euros : une action payante a un coût strictement positif. */
  cout: number | null;
  dateDebut: DateIso | null;
  dateFin: DateIso | null;
  dureeHeures: number | null;
  dureeMois: number | null;
  certifiante: boolean;
  eligibleCPF: boolean;
  surTempsDeTravail: boolean;
  tempsPartiel: boolean;
  lignes: LigneFinancement[];
}

export interface EtapePlan {
  id: string;
  titre: string;
  /** L'objectif intermédiaire de l'étape. */
  objectif: string;
  echeance: DateIso | null;
  actions: ActionPlan[];
}

/** Ce qu'il faut savoir de la situation de la personne pour estimer les financements (simulation). */
export interface SituationFinancement {
  statut: Statut | null;
  typeContrat: TypeContrat | null;
  niveauQualification: number | null;
  ancienneteSalarieMois: number | null;
  ancienneteEntrepriseMois: number | null;
  effectifEntreprise: number | null;
  soldeCPF: number | null;
  /** Département (jours fériés d'Alsace-Moselle et d'outre-mer). */
  departement: string | null;
}

export const SITUATION_FINANCEMENT_VIDE: SituationFinancement = {
  statut: null,
  typeContrat: null,
  niveauQualification: null,
  ancienneteSalarieMois: null,
  ancienneteEntrepriseMois: null,
  effectifEntreprise: null,
  soldeCPF: null,
  departement: null,
};

export interface ContenuPlan {
  /** Le projet visé, en quelques mots (facultatif ; le projet professionnel détaillé vit ailleurs dans le dossier). */
  projetVise: string | null;
  situation: SituationFinancement;
  etapes: EtapePlan[];
}

export const estPayante = (a: Pick<ActionPlan, "cout">) => a.cout !== null && a.cout > 0;

export const toutesLesActions = (c: ContenuPlan) => c.etapes.flatMap((e) => e.actions);

export function trouverAction(c: ContenuPlan, actionId: string): ActionPlan | undefined {
  return toutesLesActions(c).find((a) => a.id === actionId);
}

export function trouverLigne(
  c: ContenuPlan,
  ligneId: string,
): { action: ActionPlan; ligne: LigneFinancement } | undefined {
  for (const action of toutesLesActions(c)) {
    const ligne = action.lignes.find((l) => l.id === ligneId);
    if (ligne) return { action, ligne };
  }
  return undefined;
}

export interface ErreurChampPlan {
  champ: string;
  message: string;
}

const arrondi = (n: number) => Math.round(n * 100) / 100;

/** Lignes comptées dans le financement : toutes sauf les refusées. */
export const lignesActives = (a: Pick<ActionPlan, "lignes">) => a.lignes.filter((l) => l.statut !== "refuse");

/**
 * Règles de cohérence du plan (au-delà de la forme, vérifiée à l'entrée) ; chaque erreur nomme le champ par son
 * chemin (`etapes.0.actions.1.dateDebut`).
 */
export function verifierPlan(c: ContenuPlan): ErreurChampPlan[] {
  const erreurs: ErreurChampPlan[] = [];
  const ids = new Set<string>();
  const unique = (id: string, champ: string) => {
    if (ids.has(id)) erreurs.push({ champ, message: "Identifiant en double dans le plan." });
    ids.add(id);
  };
  c.etapes.forEach((e, i) => {
    unique(e.id, `etapes.${i}.id`);
    e.actions.forEach((a, j) => {
      const ch = `etapes.${i}.actions.${j}`;
      unique(a.id, `${ch}.id`);
      if (!estDateIso(a.echeance))
        erreurs.push({ champ: `${ch}.echeance`, message: "Échéance attendue au format AAAA-MM-JJ." });
      if (a.responsable === "tiers" && !a.tiers)
        erreurs.push({ champ: `${ch}.tiers`, message: "Nommez le tiers responsable de l'action." });
      if (estPayante(a) && !a.dateDebut)
        erreurs.push({
          champ: `${ch}.dateDebut`,
          message: "Une action payante a une date de début : elle sert au financement et au calendrier.",
        });
      if (a.dateDebut && a.dateFin && a.dateFin < a.dateDebut)
        erreurs.push({ champ: `${ch}.dateFin`, message: "La date de fin précède la date de début." });
      if (a.lignes.length > 0 && !estPayante(a))
        erreurs.push({
          champ: `${ch}.cout`,
          message: "Seule une action payante a un plan de financement : indiquez son coût.",
        });
      const vus = new Set<IdDispositif>();
      a.lignes.forEach((l, k) => {
        unique(l.id, `${ch}.lignes.${k}.id`);
        if (vus.has(l.dispositif))
          erreurs.push({
            champ: `${ch}.lignes.${k}.dispositif`,
            message: "Ce dispositif figure déjà dans le plan de financement de l'action.",
          });
        vus.add(l.dispositif);
        const typeSimule = typeSimulation(a.type);
        if (typeSimule && !CATALOGUE[l.dispositif].actions.includes(typeSimule))
          erreurs.push({
            champ: `${ch}.lignes.${k}.dispositif`,
            message: `${CATALOGUE[l.dispositif].libelle} ne finance pas ce type d'action.`,
          });
      });
      if (estPayante(a)) {
        const prevu = arrondi(
          lignesActives(a)
            .filter((l) => l.dispositif !== "fonds_personnels")
            .reduce((s, l) => s + l.montant, 0),
        );
        if (prevu > (a.cout ?? 0))
          erreurs.push({
            champ: `${ch}.lignes`,
            message: `Les financements prévus (${prevu} €) dépassent le coût de l'action (${a.cout} €).`,
          });
      }
    });
  });
  return erreurs;
}

/** Le type d'action de la simulation de financement correspondant, s'il y en a un. */
export function typeSimulation(t: TypeActionPlan): "formation" | "vae" | "bilan_competences" | null {
  return t === "formation" || t === "vae" || t === "bilan_competences" ? t : null;
}

/**
 * La personne accompagnée change le statut de ses propres actions seulement ; le personnel de l'opérateur, de toutes.
 */
export function peutChangerStatut(
  qui: "beneficiaire" | "personnel",
  action: Pick<ActionPlan, "responsable">,
) {
  return qui === "personnel" || action.responsable === "beneficiaire";
}

// ——— Comparaison de deux versions ———

export type ObjetDifference = "plan" | "situation" | "etape" | "action" | "ligne";

export interface Difference {
  nature: "ajout" | "retrait" | "modification";
  objet: ObjetDifference;
  /** L'élément concerné, lisible : « Étape « Se former » », « Action « Titre professionnel » ». */
  element: string;
  champ?: string;
  avant?: string;
  apres?: string;
  /** Suivi (statut, échange avec un financeur) plutôt que contenu du plan. */
  suivi: boolean;
  /** Identifiant de l'élément (étape, action, ligne), pour le mettre en évidence. */
  id?: string;
}

const euros = (n: number | null) =>
  n === null
    ? "—"
    : `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(n).replace(/\u202f|\u00a0/g, " ")} €`;
const ouiNon = (b: boolean) => (b ? "oui" : "non");
const texte = (s: string | null) => (s === null || s === "" ? "—" : s);
const nombre = (n: number | null) => (n === null ? "—" : String(n));

type Champ<T> = [libelle: string, lire: (x: T) => string, suivi?: boolean];

const CHAMPS_ETAPE: Champ<EtapePlan>[] = [
  ["Titre", (e) => e.titre],
  ["Objectif intermédiaire", (e) => e.objectif],
  ["Échéance", (e) => texte(e.echeance)],
];
const CHAMPS_ACTION: Champ<ActionPlan>[] = [
  ["Type", (a) => LIBELLES_TYPE_ACTION_PLAN[a.type]],
  ["Intitulé", (a) => a.intitule],
  ["Responsable", (a) => LIBELLES_RESPONSABLE[a.responsable]],
  ["Tiers", (a) => texte(a.tiers)],
  ["Statut", (a) => LIBELLES_STATUT_ACTION[a.statut], true],
  ["Échéance", (a) => a.echeance],
  ["Prestataire", (a) => texte(a.prestataire)],
  ["Coût", (a) => euros(a.cout)],
  ["Date de début", (a) => texte(a.dateDebut)],
  ["Date de fin", (a) => texte(a.dateFin)],
  ["Durée en heures", (a) => nombre(a.dureeHeures)],
  ["Durée en mois", (a) => nombre(a.dureeMois)],
  ["Certifiante", (a) => ouiNon(a.certifiante)],
  ["Éligible au CPF", (a) => ouiNon(a.eligibleCPF)],
  ["Sur le temps de travail", (a) => ouiNon(a.surTempsDeTravail)],
  ["À temps partiel", (a) => ouiNon(a.tempsPartiel)],
];
const CHAMPS_LIGNE: Champ<LigneFinancement>[] = [
  ["Financeur", (l) => l.financeur],
  ["Montant", (l) => euros(l.montant)],
  ["Statut de la demande", (l) => LIBELLES_STATUT_LIGNE[l.statut], true],
  ["Échanges avec le financeur", (l) => String(l.contacts.length), true],
];
const CHAMPS_SITUATION: Champ<SituationFinancement>[] = [
  ["Statut", (s) => (s.statut ? LIBELLES_STATUT[s.statut] : "—")],
  ["Type de contrat", (s) => (s.typeContrat ? LIBELLES_TYPE_CONTRAT[s.typeContrat] : "—")],
  ["Niveau de qualification", (s) => nombre(s.niveauQualification)],
  ["Ancienneté comme salarié (mois)", (s) => nombre(s.ancienneteSalarieMois)],
  ["Ancienneté dans l'entreprise (mois)", (s) => nombre(s.ancienneteEntrepriseMois)],
  ["Effectif de l'entreprise", (s) => nombre(s.effectifEntreprise)],
  ["Solde CPF", (s) => euros(s.soldeCPF)],
  ["Département", (s) => texte(s.departement)],
];

function champsModifies<T>(
  champs: Champ<T>[],
  a: T,
  b: T,
  base: Omit<Difference, "nature" | "champ" | "avant" | "apres" | "suivi">,
): Difference[] {
  return champs.flatMap(([libelle, lire, suivi]) => {
    const avant = lire(a);
    const apres = lire(b);
    return avant === apres
      ? []
      : [{ ...base, nature: "modification" as const, champ: libelle, avant, apres, suivi: !!suivi }];
  });
}

function apparier<T extends { id: string }>(
  avant: T[],
  apres: T[],
  ajout: (x: T) => Difference[],
  retrait: (x: T) => Difference[],
  modif: (a: T, b: T) => Difference[],
): Difference[] {
  const parId = new Map(avant.map((x) => [x.id, x]));
  const nouveaux = new Set(apres.map((x) => x.id));
  const d: Difference[] = [];
  for (const x of avant) if (!nouveaux.has(x.id)) d.push(...retrait(x));
  for (const x of apres) {
    const ancien = parId.get(x.id);
    d.push(...(ancien ? modif(ancien, x) : ajout(x)));
  }
  return d;
}

/** Ce qui a changé d'une version à l'autre, élément par élément (étapes, actions, lignes appariées par identifiant). */
export function comparer(a: ContenuPlan, b: ContenuPlan): Difference[] {
  const d: Difference[] = [];
  if ((a.projetVise ?? "") !== (b.projetVise ?? ""))
    d.push({
      nature: "modification",
      objet: "plan",
      element: "Plan",
      champ: "Projet visé",
      avant: texte(a.projetVise),
      apres: texte(b.projetVise),
      suivi: false,
    });
  d.push(
    ...champsModifies(CHAMPS_SITUATION, a.situation, b.situation, {
      objet: "situation",
      element: "Situation pour le financement",
    }),
  );
  const nomEtape = (e: EtapePlan) => `Étape « ${e.titre} »`;
  const nomAction = (x: ActionPlan) => `Action « ${x.intitule} »`;
  const nomLigne = (x: ActionPlan, l: LigneFinancement) =>
    `Financement « ${CATALOGUE[l.dispositif].libelle} » de l'action « ${x.intitule} »`;
  const lignes = (x: ActionPlan, y: ActionPlan) =>
    apparier(
      x.lignes,
      y.lignes,
      (l) => [
        {
          nature: "ajout",
          objet: "ligne",
          element: nomLigne(y, l),
          apres: euros(l.montant),
          suivi: false,
          id: l.id,
        },
      ],
      (l) => [
        {
          nature: "retrait",
          objet: "ligne",
          element: nomLigne(x, l),
          avant: euros(l.montant),
          suivi: false,
          id: l.id,
        },
      ],
      (l, m) =>
        m.dispositif !== l.dispositif
          ? [
              {
                nature: "modification",
                objet: "ligne",
                element: nomLigne(y, m),
                champ: "Dispositif",
                avant: CATALOGUE[l.dispositif].libelle,
                apres: CATALOGUE[m.dispositif].libelle,
                suivi: false,
                id: m.id,
              },
              ...champsModifies(CHAMPS_LIGNE, l, m, { objet: "ligne", element: nomLigne(y, m), id: m.id }),
            ]
          : champsModifies(CHAMPS_LIGNE, l, m, { objet: "ligne", element: nomLigne(y, m), id: m.id }),
    );
  const actions = (x: EtapePlan, y: EtapePlan) =>
    apparier(
      x.actions,
      y.actions,
      (ac) => [{ nature: "ajout", objet: "action", element: nomAction(ac), suivi: false, id: ac.id }],
      (ac) => [{ nature: "retrait", objet: "action", element: nomAction(ac), suivi: false, id: ac.id }],
      (p, q) => [
        ...champsModifies(CHAMPS_ACTION, p, q, { objet: "action", element: nomAction(q), id: q.id }),
        ...lignes(p, q),
      ],
    );
  // Une action déplacée d'une étape à l'autre : retrait puis ajout (l'appariement se fait par étape).
  d.push(
    ...apparier(
      a.etapes,
      b.etapes,
      (e) => [{ nature: "ajout", objet: "etape", element: nomEtape(e), suivi: false, id: e.id }],
      (e) => [{ nature: "retrait", objet: "etape", element: nomEtape(e), suivi: false, id: e.id }],
      (e, f) => [
        ...champsModifies(CHAMPS_ETAPE, e, f, { objet: "etape", element: nomEtape(f), id: f.id }),
        ...actions(e, f),
      ],
    ),
  );
  const ordre = (c: ContenuPlan) => c.etapes.map((e) => e.id).join(",");
  const ordreCommun = (c: ContenuPlan, autres: ContenuPlan) => {
    const ids = new Set(autres.etapes.map((e) => e.id));
    return c.etapes.filter((e) => ids.has(e.id)).map((e) => e.id);
  };
  if (ordre(a) !== ordre(b) && ordreCommun(a, b).join(",") !== ordreCommun(b, a).join(","))
    d.push({
      nature: "modification",
      objet: "plan",
      element: "Plan",
      champ: "Ordre des étapes",
      suivi: false,
    });
  return d;
}

export type NatureModification = "aucune" | "suivi" | "contenu";

export function natureModification(a: ContenuPlan, b: ContenuPlan): NatureModification {
  const d = comparer(a, b);
  if (d.length === 0) return "aucune";
  return d.every((x) => x.suivi) ? "suivi" : "contenu";
}

export type DecisionEnregistrement =
  | { type: "aucune" }
  | { type: "sur_place" }
  | { type: "nouvelle_version"; motif: string }
  | { type: "refus"; champ: string; message: string };

/**
 * Révision : tant que la version en cours n'est pas convenue, on la modifie ; une fois convenue, toute modification
 * du contenu crée une nouvelle version et son motif est obligatoire. Le suivi (statuts, échanges avec les financeurs)
 * reste dans la version en cours.
 */
export function deciderEnregistrement(
  statutCourant: StatutVersionPlan,
  nature: NatureModification,
  motif: string | null,
): DecisionEnregistrement {
  if (nature === "aucune") return { type: "aucune" };
  if (statutCourant === "brouillon" || nature === "suivi") return { type: "sur_place" };
  if (!motif)
    return {
      type: "refus",
      champ: "motif",
      message: "Le plan a été convenu : indiquez le motif de la révision (une nouvelle version sera créée).",
    };
  return { type: "nouvelle_version", motif };
}

/** Ce qui empêche de convenir du plan : déjà convenu, ou aucune action. */
export function refusAccord(statut: StatutVersionPlan, c: ContenuPlan): ErreurChampPlan | null {
  if (statut === "convenu")
    return { champ: "version", message: "Cette version du plan est déjà convenue avec la personne." };
  if (toutesLesActions(c).length === 0)
    return {
      champ: "contenu.etapes",
      message: "Un plan sans action ne peut pas être convenu : ajoutez au moins une action.",
    };
  return null;
}
