import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pseudonyme, schemaDocumentEchanges } from "../../src/app/pilotage/echanges.js";
import { PERIODE, semerPilotage } from "../cas/pilotage.js";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

const D = "demo.cep.invalid";

describe.each(fabriquesBase())("pilotage HTTP ($nom)", (fabrique) => {
  let env: Environnement;
  let responsable: Awaited<ReturnType<Environnement["connecter"]>>;
  let admin: Awaited<ReturnType<Environnement["connecter"]>>;
  let ids: Awaited<ReturnType<typeof semerPilotage>>;
  beforeAll(async () => {
    env = await environnement(fabrique);
    ids = await semerPilotage(env.base.depots);
    responsable = await env.connecter(`responsable.ara@${D}`);
    admin = await env.connecter(`admin@${D}`);
  });
  afterAll(async () => env?.fermer());

  const q = `debut=${PERIODE.debut}&fin=${PERIODE.fin}`;

  it("le responsable voit les indicateurs de son opérateur, avec ses sites et conseillers pour filtrer", async () => {
    const r = await env.requete(
      "GET",
      `/api/v1/pilotage/indicateurs?debut=2020-01-01&fin=2030-12-31`,
      responsable,
    );
    expect(r.statusCode).toBe(200);
    const corps = r.json();
    expect(corps.parcoursSuivis).toBe(14);
    expect(corps.choix.sites.map((s: { nom: string }) => s.nom).sort()).toEqual([
      "Clermont-Ferrand",
      "Lyon Part-Dieu",
    ]);
    expect(corps.tableaux.map((t: { id: string }) => t.id)).toContain("charge_conseillers");
    // Vue interne : valeurs brutes, non masquées.
    expect(corps.tableaux[0].masque).toBe(false);
  });

  it("refuse au responsable les indicateurs d'un autre opérateur", async () => {
    const r = await env.requete("GET", `/api/v1/pilotage/indicateurs?${q}&operateurId=${ids.A}`, responsable);
    expect(r.statusCode).toBe(403);
  });

  it("nomme le champ et la raison d'une période invalide (400)", async () => {
    const r = await env.requete(
      "GET",
      "/api/v1/pilotage/indicateurs?debut=2026-05-01&fin=2026-01-01",
      responsable,
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs).toEqual([
      { champ: "fin", message: "La fin de la période doit suivre son début." },
    ]);
    const r2 = await env.requete(
      "GET",
      "/api/v1/pilotage/indicateurs?debut=01/01/2026&fin=2026-01-01",
      responsable,
    );
    expect(r2.json().erreur.champs[0]).toEqual({
      champ: "debut",
      message: "La date de début doit être au format AAAA-MM-JJ.",
    });
  });

  it("l'administrateur voit un opérateur au choix, petits effectifs masqués", async () => {
    const r = await env.requete("GET", `/api/v1/pilotage/indicateurs?${q}&operateurId=${ids.A}`, admin);
    expect(r.statusCode).toBe(200);
    const entrees = r.json().tableaux.find((t: { id: string }) => t.id === "entrees_niveau");
    expect(entrees.lignes.map((l: { valeurs: unknown[] }) => l.valeurs)).toEqual([["< 5"], ["< 5"]]);
  });

  it("exporte en CSV (masqué sous 5) et en XLSX", async () => {
    const r = await env.requete("GET", `/api/v1/pilotage/export?${q}&operateurId=${ids.A}&format=csv`, admin);
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toContain("text/csv");
    expect(r.headers["content-disposition"]).toContain(`indicateurs-cep-${PERIODE.debut}-${PERIODE.fin}.csv`);
    expect(r.body).toContain("Entrées par niveau");
    expect(r.body).toContain("Niveau 1 — accueil individualisé;< 5");
    expect(r.body).toContain(
      "Personnes suivies par région (région de l'opérateur)\r\n;Personnes\r\nRégion 84 (code INSEE);5",
    );
    const x = await env.requete(
      "GET",
      `/api/v1/pilotage/export?${q}&operateurId=${ids.A}&format=xlsx`,
      admin,
    );
    expect(x.headers["content-type"]).toContain("spreadsheetml");
    expect(x.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(x.rawPayload.toString("utf8")).toContain("<t>&lt; 5</t>");
    const bad = await env.requete("GET", `/api/v1/pilotage/export?${q}&format=pdf`, responsable);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().erreur.champs[0].champ).toBe("format");
  });

  describe("partage des données par bénéficiaire (docs/echanges.md)", () => {
    const url = (suite = "") => `/api/v1/pilotage/echanges?debut=2020-01-01&fin=2030-12-31${suite}`;
    type Document = ReturnType<typeof schemaDocumentEchanges.parse>;

    it("refuse le conseiller (403) et l'anonyme (401)", async () => {
      const conseillere = await env.connecter(`conseillere.ara@${D}`);
      expect((await env.requete("GET", url(), conseillere)).statusCode).toBe(403);
      expect((await env.requete("GET", url())).statusCode).toBe(401);
    });

    it("donne au responsable son opérateur seulement, en JSON téléchargeable au format publié", async () => {
      const ml = await env.connecter(`responsable.ml@${D}`);
      const ara = await env.requete("GET", url(), responsable);
      expect(ara.statusCode).toBe(200);
      expect(ara.headers["content-type"]).toContain("application/json");
      expect(ara.headers["content-disposition"]).toBe(
        'attachment; filename="echanges-cep-2020-01-01-2030-12-31.json"',
      );
      const docAra: Document = schemaDocumentEchanges.parse(ara.json());
      const opAra = responsable.compte.operateurId as string;
      expect(docAra.operateurs.map((o) => o.id)).toEqual([opAra]);
      expect(docAra.beneficiaires.length).toBeGreaterThan(0);
      expect(docAra.beneficiaires.every((b) => b.operateurId === opAra)).toBe(true);

      const r = await env.requete("GET", url(), ml);
      const docMl: Document = schemaDocumentEchanges.parse(r.json());
      const opMl = ml.compte.operateurId as string;
      expect(docMl.beneficiaires.length).toBeGreaterThan(0);
      expect(docMl.beneficiaires.every((b) => b.operateurId === opMl)).toBe(true);
      // Ni l'opérateur A du jeu de test, ni l'autre opérateur de démonstration.
      expect(docMl.operateurs.map((o) => o.id)).toEqual([opMl]);
      expect(r.body).not.toContain(pseudonyme("personne", ids.A, ids.b1));
      // Demander un autre opérateur est refusé, quel qu'il soit.
      expect((await env.requete("GET", url(`&operateurId=${opAra}`), ml)).statusCode).toBe(403);
      expect((await env.requete("GET", url(`&operateurId=${ids.A}`), responsable)).statusCode).toBe(403);
    });

    it("audite l'export, et une fois chaque personne concernée ; l'administrateur choisit l'opérateur", async () => {
      const r = await env.requete(
        "GET",
        `/api/v1/pilotage/echanges?debut=${PERIODE.debut}&fin=${PERIODE.fin}&operateurId=${ids.A}`,
        admin,
      );
      expect(r.statusCode).toBe(200);
      const doc: Document = schemaDocumentEchanges.parse(r.json());
      expect(doc.beneficiaires).toHaveLength(5);
      const requeteId = r.headers["x-request-id"] as string;
      const evenements = await env.base.db
        .selectFrom("evenement_audit")
        .select(["beneficiaire_id", "objet_id", "acteur_role", "resultat"])
        .where("action", "=", "pilotage.echanges.exporter")
        .where("requete_id", "=", requeteId)
        .execute();
      expect(evenements).toHaveLength(6);
      expect(evenements.every((e) => e.objet_id === ids.A && e.acteur_role === "admin")).toBe(true);
      expect(new Set(evenements.map((e) => e.beneficiaire_id))).toEqual(
        new Set([null, ids.b1, ids.b2, ids.b3, ids.b4, ids.b6]),
      );
    });

    it("nomme le champ et la raison d'une période invalide (400)", async () => {
      const avant = await env.requete(
        "GET",
        "/api/v1/pilotage/echanges?debut=2026-05-01&fin=2026-01-01",
        responsable,
      );
      expect(avant.statusCode).toBe(400);
      expect(avant.json().erreur.champs).toEqual([
        { champ: "fin", message: "La fin de la période doit suivre son début." },
      ]);
      const fevrier = await env.requete(
        "GET",
        "/api/v1/pilotage/echanges?debut=2026-02-31&fin=2026-03-31",
        responsable,
      );
      expect(fevrier.statusCode).toBe(400);
      expect(fevrier.json().erreur.champs).toEqual([{ champ: "debut", message: "Cette date n'existe pas." }]);
      const sans = await env.requete("GET", "/api/v1/pilotage/echanges?fin=2026-03-31", responsable);
      expect(sans.statusCode).toBe(400);
      expect(sans.json().erreur.champs[0].champ).toBe("debut");
    });
  });

  it("publie des statistiques sans compte, national et par région, masquées sous 5", async () => {
    const r = await env.requete("GET", "/api/v1/statistiques?annee=2026");
    expect(r.statusCode).toBe(200);
    const regions = r.json().tableaux.find((t: { id: string }) => t.id === "regions");
    const r11 = regions.lignes.find((l: { cle: string }) => l.cle === "11");
    expect(r11.valeurs[0]).toBe("< 5");
    const bad = await env.requete("GET", "/api/v1/statistiques?annee=abc");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().erreur.champs[0].champ).toBe("annee");
  });
});
