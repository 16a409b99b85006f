import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
