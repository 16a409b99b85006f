import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

/** API publique des métiers sur le ROME 4.0 et l'enquête BMO officiels (un import par base). */
describe.each(fabriquesBase())("API métiers ($nom)", (fabrique) => {
  let env: Environnement;
  beforeAll(async () => {
    env = await environnement(fabrique, { demo: false, referentiels: true });
  }, 180_000);
  afterAll(async () => env?.fermer());

  it("la recherche ramène l'appellation et sa fiche, meilleur score d'abord, avec l'attribution", async () => {
    const r = await env.requete(
      "GET",
      "/api/v1/metiers/recherche?q=secretaire%20administrative%20H%2FF&limit=5",
    );
    expect(r.statusCode).toBe(200);
    const corps = r.json();
    // Les libellés ESCO (../shared/data/esco) servent à la recherche : leur attribution s'ajoute à celle du ROME.
    expect(corps.source).toBe(
      "Source : France Travail, ROME 4.0 (v460) ; ESCO, Commission européenne (CC BY 4.0)",
    );
    expect(corps.resultats).toHaveLength(5);
    expect(corps.resultats[0]).toMatchObject({
      codeRome: "M1607",
      libelleRome: "Secrétaire",
      appellation: { libelle: "Secrétaire administratif / Secrétaire administrative" },
    });
    const scores = corps.resultats.map((x: { score: number }) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it.each([
    ["vide", "q=", "q", "Saisissez un intitulé de métier."],
    ["trop long", `q=${"a".repeat(201)}`, "q", "L'intitulé recherché ne doit pas dépasser 200 caractères."],
    ["limite hors bornes", "q=boulanger&limit=500", "limit", "La limite doit être comprise entre 1 et 50."],
  ])("une requête %s est refusée (400) en nommant le champ", async (_nom, requete, champ, message) => {
    const r = await env.requete("GET", `/api/v1/metiers/recherche?${requete}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs).toEqual([{ champ, message }]);
  });

  it("la fiche M1607 : définition, accès, appellations, compétences, contextes, mobilités, RIASEC, attribution", async () => {
    const r = await env.requete("GET", "/api/v1/metiers/M1607");
    expect(r.statusCode).toBe(200);
    const f = r.json();
    expect(f).toMatchObject({
      codeRome: "M1607",
      libelle: "Secrétaire",
      source: "Source : France Travail, ROME 4.0 (v460)",
    });
    expect(f.definition).toBeTruthy();
    // L'export officiel double les apostrophes du fichier des textes : elles sont rendues simples.
    expect(JSON.stringify(f)).not.toContain("''");
    expect(f.acces).toBeTruthy();
    expect(f.riasec.majeur).toMatch(/^[RIASEC]$/);
    const rubriques = new Set(f.items.map((i: { rubrique: string }) => i.rubrique));
    for (const x of ["savoir_faire", "savoir_etre", "savoir", "contexte"]) expect(rubriques).toContain(x);
    expect(f.mobilites[0]).toMatchObject({
      codeRome: expect.stringMatching(/^[A-N]\d{4}$/),
      libelle: expect.any(String),
    });
  });

  it("un code ROME mal formé est un 400, une fiche absente un 404", async () => {
    expect((await env.requete("GET", "/api/v1/metiers/XYZ")).statusCode).toBe(400);
    const r = await env.requete("GET", "/api/v1/metiers/A9999");
    expect(r.statusCode).toBe(404);
    expect(r.json().erreur.message).toContain("A9999");
  });

  it("le marché du travail de M1607 en Auvergne-Rhône-Alpes : projets, part difficile, part saisonnière, rang", async () => {
    const r = await env.requete("GET", "/api/v1/metiers/M1607/marche?region=84");
    expect(r.statusCode).toBe(200);
    const m = r.json();
    expect(m.metiersBmo.length).toBeGreaterThan(0);
    const premier = m.metiersBmo[0];
    expect(premier.region).toMatchObject({ code: "84", nom: "Auvergne-Rhône-Alpes" });
    expect(premier.region.projets).toBeGreaterThan(0);
    expect(premier.france.projets).toBeGreaterThan(premier.region.projets);
    expect(premier.region.rang).toBeGreaterThan(0);
    expect(premier.region.rang).toBeLessThanOrEqual(premier.region.nombreMetiers);
  });

  it("le secret statistique reste un secret (null), jamais un zéro", async () => {
    const { rows } = await (await import("kysely")).sql<{
      code_metier: string;
      code_region: string;
    }>`select code_metier, code_region from bmo_bassin group by code_metier, code_region having count(projets) = 0 limit 1`.execute(
      env.base.db,
    );
    expect(rows.length).toBe(1);
    const m = await env.base.depots.referentiels.marche("__", rows[0]!.code_region);
    expect(m.metiers).toEqual([]);
  });

  it("le marché d'une région (commune → région) : métiers qui recrutent, difficiles, transition écologique, avec liens ROME", async () => {
    // La commune de la personne (code postal) donne sa région par le service des territoires.
    const commune = (await env.requete("GET", "/api/v1/territoires/recherche?q=69003&limit=1")).json()
      .communes[0];
    expect(commune.region).toEqual({ code: "84", nom: "Auvergne-Rhône-Alpes" });
    const r = await env.requete("GET", `/api/v1/territoires/${commune.region.code}/marche`);
    expect(r.statusCode).toBe(200);
    const m = r.json();
    if (process.env.DEBUG_MARCHE) console.log(JSON.stringify(m, null, 1));
    expect(m).toMatchObject({
      region: { code: "84", nom: "Auvergne-Rhône-Alpes" },
      couverte: true,
      enquete: "BMO 2025",
      projets: 271_058,
      message: null,
      source: "Source : France Travail, enquête BMO 2025 ; Dares, table de passage ROME → FAP-2021",
      sourceRome: "Source : France Travail, ROME 4.0 (v460)",
    });
    expect(m.recrutent).toHaveLength(10);
    expect(m.recrutent[0]).toMatchObject({
      codeMetier: "S2X61",
      libelle: "Serveurs de cafés restaurants",
      projets: 13_256,
      bassinsSecrets: 1,
      rang: 1,
    });
    expect(m.recrutent[0].fiches[0]).toMatchObject({ codeRome: expect.stringMatching(/^G18\d\d$/) });
    const projets = m.recrutent.map((x: { projets: number }) => x.projets);
    expect([...projets].sort((a, b) => b - a)).toEqual(projets);
    // Les difficiles : parmi les 50 premiers, la part la plus élevée d'abord.
    expect(m.difficiles).toHaveLength(10);
    const parts = m.difficiles.map((x: { partDifficiles: number }) => x.partDifficiles);
    expect([...parts].sort((a, b) => b - a)).toEqual(parts);
    for (const d of m.difficiles) expect(d.rang).toBeLessThanOrEqual(50);
    expect(parts[0]).toBeGreaterThan(m.recrutent[0].partDifficiles);
    // La transition écologique : chaque fiche en lien est un emploi vert ou stratégique, et chaque lien se résout.
    expect(m.transitionEcologique.length).toBeGreaterThan(0);
    for (const t of m.transitionEcologique)
      for (const f of t.fiches) {
        expect(["Emploi Vert", "Emploi stratégique pour la Transition écologique"]).toContain(
          f.transitionEcologique,
        );
        expect((await env.requete("GET", `/api/v1/metiers/${f.codeRome}`)).statusCode).toBe(200);
      }
  });

  it.each([
    ["inconnue", "99", "Aucune région de code 99"],
    ["mal formée", "ara", "Le code de région est formé de 2 chiffres"],
  ])("une région %s est refusée (400) en nommant le champ, en français", async (_nom, code, message) => {
    const r = await env.requete("GET", `/api/v1/territoires/${code}/marche`);
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs).toEqual([
      { champ: "codeRegion", message: expect.stringContaining(message) },
    ]);
  });

  it("une collectivité que l'enquête ne couvre pas (Saint-Pierre-et-Miquelon) : réponse honnête, sans chiffres", async () => {
    const r = await env.requete("GET", "/api/v1/territoires/975/marche");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      region: { code: "975", nom: "Saint-Pierre-et-Miquelon" },
      couverte: false,
      recrutent: [],
      message:
        "L'enquête BMO 2025 ne couvre pas Saint-Pierre-et-Miquelon : aucun chiffre de recrutement n'est disponible pour ce territoire.",
    });
  });

  it("la santé du service indique les versions chargées", async () => {
    const r = await env.requete("GET", "/api/health");
    expect(r.json().referentiels.rome).toMatchObject({ version: "v460" });
    expect(r.json().referentiels.bmo).toMatchObject({ version: "BMO 2025" });
  });

  it("le filtre transition écologique ne liste que des emplois verts ou stratégiques", async () => {
    const r = await env.requete("GET", "/api/v1/metiers?transitionEcologique=true");
    const fiches = r.json().fiches as { transitionEcologique: string }[];
    expect(fiches.length).toBe(357);
    expect(new Set(fiches.map((f) => f.transitionEcologique))).toEqual(
      new Set(["Emploi Vert", "Emploi stratégique pour la Transition écologique"]),
    );
  });
});

describe.each(fabriquesBase().slice(0, 1))("API métiers sans référentiel chargé ($nom)", (fabrique) => {
  let env: Environnement;
  beforeAll(async () => {
    env = await environnement(fabrique, { demo: false });
  });
  afterAll(async () => env?.fermer());

  it("répond 503 en disant comment charger le ROME", async () => {
    const r = await env.requete("GET", "/api/v1/metiers/recherche?q=boulanger");
    expect(r.statusCode).toBe(503);
    expect(r.json().erreur.message).toContain("cep referentiels import");
    expect((await env.requete("GET", "/api/health")).json().referentiels.rome.version).toBeNull();
    const marche = await env.requete("GET", "/api/v1/territoires/84/marche");
    expect(marche.statusCode).toBe(503);
    expect(marche.json().erreur.message).toContain("cep referentiels import");
  });
});

describe.each(fabriquesBase().slice(0, 1))("API territoires ($nom)", (fabrique) => {
  let env: Environnement;
  beforeAll(async () => {
    env = await environnement(fabrique, { demo: false });
  });
  afterAll(async () => env?.fermer());

  it.each([
    ["un code postal", "07100", "Annonay", "Ardèche", "Auvergne-Rhône-Alpes"],
    ["un nom sans accent", "saint etienne", "Saint-Étienne", "Loire", "Auvergne-Rhône-Alpes"],
    ["un nom abrégé", "st etienne", "Saint-Étienne", "Loire", "Auvergne-Rhône-Alpes"],
  ])("trouve la commune par %s, avec département et région", async (_cas, q, nom, departement, region) => {
    const r = await env.requete("GET", `/api/v1/territoires/recherche?q=${encodeURIComponent(q)}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().communes[0]).toMatchObject({
      nom,
      departement: { nom: departement },
      region: { nom: region },
    });
  });

  it("une recherche d'un seul caractère est refusée (400) en nommant le champ", async () => {
    const r = await env.requete("GET", "/api/v1/territoires/recherche?q=a");
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs[0].champ).toBe("q");
  });
});
