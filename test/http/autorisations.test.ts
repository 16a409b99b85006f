import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES_EXPOSEES } from "../../src/http/exposer.js";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

/**
 * Table des autorisations : chaque route exposée × trois intrus (anonyme, bénéficiaire d'un autre dossier,
 * conseiller d'un autre opérateur). Une route sans règle ici fait échouer la suite.
 *
 * La cible : le dossier d'un bénéficiaire de l'opérateur régional (référente : conseillere.ara).
 * « filtre » : la route répond, mais ne divulgue rien de la cible (vérifié par `fuite`).
 */
interface Cible {
  parcoursId: string;
  beneficiaireId: string;
  operateurId: string;
  referentId: string;
  noteId: string;
  rendezVousId: string;
  reunionId: string;
  inscriptionId: string;
}
type Attendu = 401 | 403 | 404 | "filtre" | "soi";
interface Regle {
  publique?: true;
  legitime?: string;
  url?: (c: Cible) => string;
  corps?: (c: Cible) => unknown;
  anonyme?: Attendu;
  beneficiaireAutre?: Attendu;
  conseillerAutre?: Attendu;
  /** Pour « filtre » : vrai si la réponse laisse voir la cible. */
  fuite?: (corps: string, c: Cible) => boolean;
}

const D = "demo.cep.invalid";
const contient = (corps: string, c: Cible) =>
  corps.includes(c.beneficiaireId) || corps.includes(c.parcoursId);

const REGLES: Record<string, Regle> = {
  "GET /api/v1/session": { publique: true },
  "POST /api/v1/session": { publique: true },
  "POST /api/v1/mot-de-passe/oubli": { publique: true },
  "POST /api/v1/mot-de-passe/reinitialisation": { publique: true },
  "POST /api/v1/financement/simulation": { publique: true },
  "GET /api/v1/financement/parametres": { publique: true },
  "GET /api/v1/statistiques": { publique: true },
  "GET /api/v1/satisfaction/:jeton": { publique: true },
  "POST /api/v1/satisfaction/:jeton": { publique: true },
  // Indicateurs de pilotage : responsable (son opérateur) et administrateur seulement.
  "GET /api/v1/pilotage/indicateurs": {
    legitime: `responsable.ara@${D}`,
    url: () => "/api/v1/pilotage/indicateurs?debut=2020-01-01&fin=2030-12-31",
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "GET /api/v1/pilotage/export": {
    legitime: `responsable.ara@${D}`,
    url: () => "/api/v1/pilotage/export?debut=2020-01-01&fin=2030-12-31&format=csv",
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "POST /api/v1/orientation": { publique: true },
  "POST /api/v1/pistes-metiers": { publique: true },
  "POST /api/v1/competences/propositions": { publique: true },
  "GET /api/v1/accueil/operateurs": { publique: true },
  "POST /api/v1/accueil/demandes": { publique: true },
  "GET /api/v1/reunions": { publique: true },
  "POST /api/v1/reunions/:id/inscriptions": { publique: true },
  // Chaque membre du personnel planifie pour son propre opérateur.
  "POST /api/v1/reunions": {
    legitime: `conseillere.ara@${D}`,
    corps: () => ({
      theme: "Réunion de test",
      lieu: "distance",
      debut: "2099-01-01T10:00:00Z",
      dureeMinutes: 60,
      places: 5,
    }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: "soi",
  },
  "POST /api/v1/reunions/:id/inscriptions-dossier": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/reunions/${c.reunionId}/inscriptions-dossier`,
    corps: (c) => ({ parcoursId: c.parcoursId }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "GET /api/v1/reunions/:id/inscriptions": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/reunions/${c.reunionId}/inscriptions`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "POST /api/v1/inscriptions-reunion/:id/annulation": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/inscriptions-reunion/${c.inscriptionId}/annulation`,
    corps: () => ({ version: 1 }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "PUT /api/v1/inscriptions-reunion/:id/presence": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/inscriptions-reunion/${c.inscriptionId}/presence`,
    corps: () => ({ version: 1, present: true }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "POST /api/v1/financement/parametres/:id/valeurs": {
    legitime: `admin@${D}`,
    url: () => "/api/v1/financement/parametres/cpf.participationForfaitaire/valeurs",
    corps: () => ({ debut: "2030-01-01", valeur: 999, source: "intrus", motif: "intrus", version: 0 }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  // Référentiels officiels (ROME 4.0, BMO) : publics, sans donnée personnelle.
  "GET /api/v1/metiers/recherche": { publique: true },
  "GET /api/v1/metiers/domaines": { publique: true },
  "GET /api/v1/metiers": { publique: true },
  "GET /api/v1/metiers/:codeRome": { publique: true },
  "GET /api/v1/metiers/:codeRome/marche": { publique: true },
  "GET /api/v1/territoires/recherche": { publique: true },
  "GET /api/v1/territoires/:codeRegion/marche": { publique: true },
  // Agit sur sa propre session uniquement.
  "DELETE /api/v1/session": { anonyme: 401, beneficiaireAutre: "soi", conseillerAutre: "soi" },
  "GET /api/v1/moi/accueil": {
    anonyme: 401,
    beneficiaireAutre: "filtre",
    conseillerAutre: "filtre",
    fuite: contient,
  },
  "GET /api/v1/operateurs": {
    legitime: `responsable.ara@${D}`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: "filtre",
    fuite: (corps, c) => corps.includes(c.operateurId),
  },
  "POST /api/v1/operateurs": {
    legitime: `admin@${D}`,
    corps: () => ({ nom: "Intrus", type: "autre" }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "GET /api/v1/operateurs/:id": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/operateurs/${c.operateurId}`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "PUT /api/v1/operateurs/:id": {
    legitime: `admin@${D}`,
    url: (c) => `/api/v1/operateurs/${c.operateurId}`,
    corps: () => ({ nom: "Renommé", type: "operateur_regional", version: 99 }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "POST /api/v1/operateurs/:id/sites": {
    legitime: `responsable.ara@${D}`,
    url: (c) => `/api/v1/operateurs/${c.operateurId}/sites`,
    corps: () => ({ nom: "Site intrus" }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "GET /api/v1/comptes": {
    legitime: `responsable.ara@${D}`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "POST /api/v1/comptes": {
    legitime: `admin@${D}`,
    corps: (c) => ({
      prenom: "I",
      nom: "N",
      email: "intrus@cep.invalid",
      role: "conseiller",
      operateurId: c.operateurId,
    }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "GET /api/v1/comptes/:id": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/comptes/${c.beneficiaireId}`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "GET /api/v1/parcours": {
    legitime: `conseillere.ara@${D}`,
    anonyme: 401,
    beneficiaireAutre: "filtre",
    conseillerAutre: "filtre",
    fuite: contient,
  },
  "GET /api/v1/parcours/:id": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/parcours/${c.parcoursId}`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  // Ouvrir un parcours chez son propre opérateur est légitime pour tout conseiller ; un bénéficiaire ne le peut pas.
  "POST /api/v1/parcours": {
    legitime: `conseillere.ara@${D}`,
    corps: () => ({
      beneficiaire: { prenom: "Nouvelle", nom: "Personne", email: `nouvelle.${randomUUID()}@cep.invalid` },
      niveau: 1,
      demande: "Une demande",
    }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: "soi",
  },
  ...dossier("GET", "/journal"),
  ...dossier("GET", "/destinations"),
  ...dossier("GET", "/acces"),
  ...dossier("GET", "/etat-des-lieux"),
  ...dossier("GET", "/reunions"),
  ...dossier("PUT", "/etat-des-lieux", () => ({
    version: 0,
    demande: "Demande",
    besoin: "Besoin",
    informations: "Informations",
    decision: "poursuivre",
    orientation: "Orientation",
  })),
  ...dossier("POST", "/transitions", () => ({ version: 1, transition: { type: "reprise" } })),
  ...dossier("PUT", "/situation", () => ({
    version: 1,
    demande: null,
    situation: {
      statut: null,
      secteur: null,
      qualification: null,
      trancheAge: null,
      commune: null,
      handicap: null,
    },
  })),
  ...dossier("PUT", "/referent", (c) => ({ version: 1, referentId: c.referentId })),
  ...dossier("POST", "/transferts", (c) => ({
    version: 1,
    type: "definitif",
    versCompteId: c.referentId,
    motif: "Intrusion",
  })),
  ...dossier("POST", "/partages", (c) => ({ conseillerId: c.referentId })),
  // Profil de compétences, pistes et projets (ticket 6) : le bénéficiaire du dossier et ceux qui le suivent.
  ...dossier("GET", "/profil"),
  ...dossier("PUT", "/profil", () => ({
    version: 0,
    profil: { experiences: [], formations: [], competences: [], interets: null },
  })),
  // Sans référentiels chargés ici, la personne légitime reçoit 503 : son accès est vérifié dans test/http/competences.test.ts.
  "GET /api/v1/parcours/:id/pistes": {
    url: (c) => `/api/v1/parcours/${c.parcoursId}/pistes`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  ...dossier("POST", "/pistes-retenues", () => ({ codeRome: "M1607" })),
  ...dossier("GET", "/projets"),
  ...dossier("POST", "/projets", () => ({ codeRome: "M1607", typeChangement: "reconversion" })),
  "DELETE /api/v1/parcours/:id/pistes-retenues/:codeRome": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/parcours/${c.parcoursId}/pistes-retenues/M1607`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "PATCH /api/v1/parcours/:id/projets/:projetId": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/parcours/${c.parcoursId}/projets/${randomUUID()}`,
    corps: () => ({ version: 1, statut: "retenu" }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "PUT /api/v1/parcours/:id/projets/:projetId/strategie": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/parcours/${c.parcoursId}/projets/${randomUUID()}/strategie`,
    corps: () => ({ version: 1, strategies: ["formation"] }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  // Positif vérifié dans test/http/partage.test.ts (il faut d'abord un partage à retirer).
  "DELETE /api/v1/parcours/:id/partages/:conseillerId": {
    url: (c) => `/api/v1/parcours/${c.parcoursId}/partages/${c.referentId}`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  ...dossier("GET", "/notes"),
  ...dossier("POST", "/notes", () => ({ texte: "Intrusion", partagee: true })),
  ...dossier("PUT", "/notes/:noteId", () => ({ version: 1, texte: "Intrusion", partagee: false })),
  ...dossier("GET", "/entretiens"),
  ...dossier("POST", "/entretiens", () => ({
    modalite: "telephone",
    le: "2026-01-05T10:00:00.000Z",
    dureeMinutes: 30,
    resume: "Intrusion",
  })),
  ...dossier("GET", "/messages"),
  ...dossier("POST", "/messages", () => ({ texte: "Intrusion" })),
  ...dossier("GET", "/rendez-vous"),
  ...dossier("POST", "/rendez-vous", () => ({
    debut: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    dureeMinutes: 30,
    modalite: "visio",
  })),
  ...dossier("POST", "/rendez-vous/:rendezVousId/reponse", () => ({ version: 1, statut: "annule" })),
  "GET /api/v1/reorientations": {
    legitime: `responsable.ara@${D}`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "POST /api/v1/reorientations/:id/reponse": {
    url: () => `/api/v1/reorientations/${randomUUID()}/reponse`,
    corps: () => ({ version: 1, decision: "refuse", reponse: "Intrusion" }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  // « Mes données » : chacun ne voit et ne change que les siennes.
  "GET /api/v1/moi/acces": {
    anonyme: 401,
    beneficiaireAutre: "filtre",
    conseillerAutre: 403,
    fuite: contient,
  },
  "GET /api/v1/moi/export": {
    anonyme: 401,
    beneficiaireAutre: "filtre",
    conseillerAutre: 403,
    fuite: contient,
  },
  "GET /api/v1/moi/consentements": {
    anonyme: 401,
    beneficiaireAutre: "filtre",
    conseillerAutre: 403,
    fuite: contient,
  },
  "PUT /api/v1/moi/consentements/:type": {
    url: () => "/api/v1/moi/consentements/rappels",
    corps: () => ({ accorde: true, version: 0 }),
    anonyme: 401,
    beneficiaireAutre: "soi",
    conseillerAutre: 403,
  },
  "GET /api/v1/moi/effacement": {
    anonyme: 401,
    beneficiaireAutre: "filtre",
    conseillerAutre: 403,
    fuite: contient,
  },
  "GET /api/v1/effacements": {
    legitime: `responsable.ara@${D}`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "POST /api/v1/effacements/:id/reponse": {
    url: () => `/api/v1/effacements/${randomUUID()}/reponse`,
    corps: () => ({ version: 1, decision: "refusee", reponse: "Intrusion" }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "POST /api/v1/moi/effacement": {
    corps: () => ({ motif: null }),
    anonyme: 401,
    beneficiaireAutre: "soi",
    conseillerAutre: 403,
  }, // Document de synthèse : la personne, son référent et le co-suivi seulement (matrice complète dans test/http/synthese.test.ts).
  ...dossier("GET", "/synthese"),
  ...dossier("PUT", "/synthese/brouillon", () => ({
    version: 0,
    niveau: 1,
    conclusions: null,
    prochainesEtapes: null,
  })),
  ...dossier("POST", "/synthese/versions", () => ({ versionBrouillon: 99 })),
  "GET /api/v1/parcours/:id/synthese.pdf": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/parcours/${c.parcoursId}/synthese.pdf?version=brouillon`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "GET /api/v1/parcours/:id/synthese.html": {
    legitime: `conseillere.ara@${D}`,
    url: (c) => `/api/v1/parcours/${c.parcoursId}/synthese.html?version=brouillon`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  // Plan d'actions (docs/plan.md) : le dossier cible, fermé aux trois intrus ; positifs dans test/http/plan.test.ts.
  ...dossier("GET", "/plan"),
  ...dossier("PUT", "/plan", () => ({ version: 0, contenu: { etapes: [] } })),
  ...dossier("POST", "/plan/accord", () => ({ version: 1 })),
  ...dossier("GET", "/plan/calendrier.ics"),
  "GET /api/v1/parcours/:id/plan/comparaison": {
    url: (c) => `/api/v1/parcours/${c.parcoursId}/plan/comparaison?de=1&a=2`,
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "PUT /api/v1/parcours/:id/plan/actions/:actionId/statut": {
    url: (c) => `/api/v1/parcours/${c.parcoursId}/plan/actions/${randomUUID()}/statut`,
    corps: () => ({ version: 1, statut: "fait" }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  "POST /api/v1/parcours/:id/plan/lignes/:ligneId/contacts": {
    url: (c) => `/api/v1/parcours/${c.parcoursId}/plan/lignes/${randomUUID()}/contacts`,
    corps: () => ({ version: 1, le: "2026-05-01", canal: "courriel", reponse: "Intrusion" }),
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
  ...synthese("GET", "/versions/1"),
  ...synthese("POST", "/versions/1/accuse-reception"),
  ...synthese("POST", "/versions/1/corrections", () => ({ commentaire: "Intrusion" })),
  ...synthese("POST", "/accords", () => ({ destinataire: "Intrus", typeDestinataire: "autre" })),
  ...synthese("POST", "/accords/00000000-0000-4000-8000-000000000000/retrait", () => ({ version: 1 })),
  ...synthese("POST", "/partages", () => ({ numero: 1, destinataire: "Intrus", typeDestinataire: "autre" })),
  "GET /api/v1/syntheses/partagees/:jeton": { publique: true },
  // Partage des données par bénéficiaire (docs/echanges.md) : responsable (son opérateur) et administrateur.
  "GET /api/v1/pilotage/echanges": {
    legitime: `responsable.ara@${D}`,
    url: () => "/api/v1/pilotage/echanges?debut=2020-01-01&fin=2030-12-31",
    anonyme: 401,
    beneficiaireAutre: 403,
    conseillerAutre: 403,
  },
};

/** Une route de la synthèse du dossier cible dont le cas positif est vérifié dans test/http/synthese.test.ts. */
function synthese(methode: string, suffixe: string, corps?: (c: Cible) => unknown): Record<string, Regle> {
  const gabarit = suffixe
    .replace("/versions/1", "/versions/:numero")
    .replace(/accords\/[0-9a-f-]{36}/, "accords/:accordId");
  return {
    [`${methode} /api/v1/parcours/:id/synthese${gabarit}`]: {
      url: (c) => `/api/v1/parcours/${c.parcoursId}/synthese${suffixe}`,
      ...(corps ? { corps } : {}),
      anonyme: 401,
      beneficiaireAutre: 403,
      conseillerAutre: 403,
    },
  };
}

/** Une route du dossier cible : fermée aux trois intrus. */
function dossier(methode: string, suffixe: string, corps?: (c: Cible) => unknown): Record<string, Regle> {
  return {
    [`${methode} /api/v1/parcours/:id${suffixe}`]: {
      legitime: `conseillere.ara@${D}`,
      url: (c) =>
        `/api/v1/parcours/${c.parcoursId}${suffixe.replace(":noteId", c.noteId).replace(":rendezVousId", c.rendezVousId)}`,
      ...(corps ? { corps } : {}),
      anonyme: 401,
      beneficiaireAutre: 403,
      conseillerAutre: 403,
    },
  };
}

describe.each(fabriquesBase())("autorisations HTTP ($nom)", (fabrique) => {
  let env: Environnement;
  let cible: Cible;
  const sessions: Record<string, Awaited<ReturnType<Environnement["connecter"]>>> = {};
  beforeAll(async () => {
    env = await environnement(fabrique);
    for (const email of [`conseillere.ara@${D}`, `conseillere.ml@${D}`, `responsable.ara@${D}`, `admin@${D}`])
      sessions[email] = await env.connecter(email);
    const p = (
      await env.requete("GET", "/api/v1/parcours?mesDossiers=true", sessions[`conseillere.ara@${D}`])
    ).json().dossiers[0];
    const ara = sessions[`conseillere.ara@${D}`];
    cible = {
      parcoursId: p.id,
      beneficiaireId: p.beneficiaire.id,
      operateurId: p.operateur.id,
      referentId: p.referent.id,
      noteId: (await env.requete("GET", `/api/v1/parcours/${p.id}/notes`, ara)).json()[0].id,
      rendezVousId: (await env.requete("GET", `/api/v1/parcours/${p.id}/rendez-vous`, ara)).json()[0].id,
      reunionId: "",
      inscriptionId: "",
    };
    const reunion = await env.requete("POST", "/api/v1/reunions", ara, {
      theme: "Réunion cible",
      lieu: "distance",
      debut: "2099-01-01T10:00:00Z",
      dureeMinutes: 60,
      places: 5,
    });
    cible.reunionId = reunion.json().id;
    cible.inscriptionId = (
      await env.requete("POST", `/api/v1/reunions/${cible.reunionId}/inscriptions`, undefined, {
        nom: "Personne Cible",
        email: "cible.reunion@exemple.invalid",
      })
    ).json().id;
    // Un bénéficiaire d'un autre dossier : le premier de la Mission locale.
    const autre = (await env.requete("GET", "/api/v1/parcours", sessions[`conseillere.ml@${D}`])).json()
      .dossiers[0];
    sessions.beneficiaireAutre = await env.connecter(autre.beneficiaire.email);
    sessions.conseillerAutre = sessions[`conseillere.ml@${D}`]!;
  });
  afterAll(async () => env?.fermer());

  it("chaque route exposée a une règle, et chaque règle une route", () => {
    const routes = ROUTES_EXPOSEES.map((r) => `${r.methode} ${r.url}`).sort();
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !(r in REGLES))).toEqual([]);
    expect(Object.keys(REGLES).filter((r) => !routes.includes(r))).toEqual([]);
    for (const r of ROUTES_EXPOSEES)
      expect(!!REGLES[`${r.methode} ${r.url}`]?.publique, `${r.methode} ${r.url} publique ?`).toBe(
        r.publique,
      );
  });

  const protegees = Object.entries(REGLES).filter(([, r]) => !r.publique);
  const cas = protegees.flatMap(([route, regle]) =>
    (["anonyme", "beneficiaireAutre", "conseillerAutre"] as const).map((intrus) => ({
      route,
      regle,
      intrus,
    })),
  );

  it.each(cas)("$route — $intrus", async ({ route, regle, intrus }) => {
    const [methode, gabarit] = route.split(" ") as [Parameters<Environnement["requete"]>[0], string];
    const url = regle.url?.(cible) ?? gabarit;
    const corps = regle.corps?.(cible);
    const attendu = regle[intrus];
    expect(attendu, `règle manquante pour ${intrus}`).toBeDefined();
    // « soi » agit sur la session de l'intrus : on lui en ouvre une neuve pour ne pas fermer celle des autres cas.
    const session =
      intrus === "anonyme"
        ? undefined
        : attendu === "soi"
          ? await env.connecter(sessions[intrus]!.compte.email)
          : sessions[intrus];
    const r = await env.requete(methode, url, session, corps);
    if (attendu === "filtre") {
      expect(r.statusCode).toBe(200);
      expect(regle.fuite!(r.body, cible)).toBe(false);
    } else if (attendu === "soi") {
      expect(r.statusCode).toBeLessThan(300);
    } else {
      expect(r.statusCode).toBe(attendu);
    }
  });

  it.each(protegees.filter(([, r]) => r.legitime && r.fuite))(
    "$0 — la personne légitime, elle, voit la cible",
    async (route, regle) => {
      const [methode, gabarit] = route.split(" ") as [Parameters<Environnement["requete"]>[0], string];
      const r = await env.requete(methode, regle.url?.(cible) ?? gabarit, sessions[regle.legitime!]);
      expect(r.statusCode).toBe(200);
      expect(regle.fuite!(r.body, cible)).toBe(true);
    },
  );

  it.each(protegees.filter(([, r]) => r.legitime && !r.fuite && !r.corps))(
    "$0 — la personne légitime y a accès",
    async (route, regle) => {
      const [methode, gabarit] = route.split(" ") as [Parameters<Environnement["requete"]>[0], string];
      const r = await env.requete(methode, regle.url?.(cible) ?? gabarit, sessions[regle.legitime!]);
      expect(r.statusCode).toBe(200);
    },
  );
});
