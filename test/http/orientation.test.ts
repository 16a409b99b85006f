import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAS_ORIENTATION } from "../cas/orientation.js";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

/**
 * POST /api/v1/orientation à travers le vrai serveur : toute la table des situations (regles-cep.md §2), le code postal
 * étant résolu en région par le découpage administratif officiel et le portail régional lu dans ../shared/data.
 * Rien n'est enregistré : une seule base suffit.
 */
describe("orientation publique (POST /api/v1/orientation)", () => {
  let env: Environnement;
  beforeAll(async () => {
    env = await environnement(fabriquesBase()[0]!, { demo: false });
  });
  afterAll(async () => env?.fermer());

  it("la table couvre au moins 30 situations", () => {
    expect(CAS_ORIENTATION.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CAS_ORIENTATION)("$nom ($article)", async (cas) => {
    const r = await env.requete("POST", "/api/v1/orientation", undefined, cas.entree);
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d.eligible).toBe(cas.eligible);
    expect(d.operateurs.map((o: { type: string }) => o.type)).toEqual(cas.operateurs);
    if (cas.motif) expect(d.motifs.join(" ")).toMatch(cas.motif);
    const regional = d.operateurs.find((o: { type: string }) => o.type === "operateur_regional");
    if (regional) {
      expect(regional.region).toBe(cas.region.nom);
      expect(regional.url).toMatch(/^https:\/\//);
    }
  });

  const valide = {
    statut: "salarie_prive",
    cadre: false,
    age: 40,
    handicapReconnu: false,
    codePostal: "69003",
    rechercheEmploi: false,
    projetDemission: false,
  };
  it.each([
    ["statut inconnu", { ...valide, statut: "astronaute" }, "statut", /Situation inconnue/],
    ["âge manquant", { ...valide, age: undefined }, "age", /Âge attendu/],
    ["code postal mal formé", { ...valide, codePostal: "6900" }, "codePostal", /5 chiffres/],
    ["code postal inexistant", { ...valide, codePostal: "00000" }, "codePostal", /aucune commune/],
    ["champ inconnu", { ...valide, salaire: 3000 }, "salaire", /Champ inconnu/],
    [
      "démission d'un demandeur d'emploi (L5422-1-1)",
      { ...valide, statut: "demandeur_emploi", rechercheEmploi: true, projetDemission: true },
      "projetDemission",
      /salariée/,
    ],
    ["retraité de 14 ans", { ...valide, statut: "retraite", age: 14 }, "age", /retraitée/],
  ])("refuse une saisie invalide ou contradictoire : %s → 400 sur %s", async (_, corps, champ, message) => {
    const r = await env.requete("POST", "/api/v1/orientation", undefined, corps);
    expect(r.statusCode).toBe(400);
    const erreur = r.json().erreur;
    const c = erreur.champs.find((x: { champ: string }) => x.champ === champ);
    expect(c, JSON.stringify(erreur)).toBeDefined();
    expect(c.message).toMatch(message);
  });
});
