import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importerReferentiels } from "../../src/referentiels/import.js";
import { fabriquesBase } from "../support/bases.js";
import { dossierReferentiels } from "../support/environnement.js";

/**
 * Contrat du dépôt des référentiels, `marcheRegion` : le marché du travail d'une région sur l'enquête BMO 2025 et le
 * ROME 4.0 officiels (../shared/data), sur SQLite et PostgreSQL. Les chiffres attendus ont été recomptés à la main dans
 * bmo_2025.csv (sommes des bassins d'emploi de la région, « * » exclus).
 */
describe.each(fabriquesBase())("référentiels : marché d'une région ($nom)", (fabrique) => {
  let base: Awaited<ReturnType<typeof fabrique.ouvrir>>;
  beforeAll(async () => {
    base = await fabrique.ouvrir();
    await importerReferentiels(base, dossierReferentiels());
  }, 180_000);
  afterAll(async () => base?.detruire());

  it("Auvergne-Rhône-Alpes : 216 métiers, sommes des bassins publiés, part sur les bassins où les deux chiffres le sont", async () => {
    const m = await base.depots.referentiels.marcheRegion("84");
    expect(m.region).toEqual({ code: "84", nom: "Auvergne-Rhône-Alpes" });
    expect(m.regions).toHaveLength(18);
    expect(m.metiers).toHaveLength(216);
    expect(m.metiers.reduce((t, x) => t + (x.projets ?? 0), 0)).toBe(271_058);
    const serveurs = m.metiers.find((x) => x.codeMetier === "S2X61")!;
    expect(serveurs).toMatchObject({
      libelle: "Serveurs de cafés restaurants",
      projets: 13_256,
      difficiles: 5943,
      bassins: 54,
      bassinsSecrets: 1,
    });
    // 5 943 difficiles sur les 13 141 projets des bassins où les deux chiffres sont publiés (et non 13 256).
    expect(serveurs.partDifficiles).toBeCloseTo(5943 / 13_141, 10);
  });

  it("le secret statistique reste null : un métier dont tous les bassins sont secrets n'a aucun chiffre", async () => {
    const m = await base.depots.referentiels.marcheRegion("84");
    for (const code of ["U1X81", "U1X92", "W0X91"])
      expect(m.metiers.find((x) => x.codeMetier === code)).toMatchObject({
        projets: null,
        partDifficiles: null,
        bassinsSecrets: expect.any(Number),
      });
    // Mayotte : agents de sécurité, saisonniers secrets dans l'unique bassin → null, pas 0.
    const mayotte = await base.depots.referentiels.marcheRegion("06");
    expect(mayotte.metiers.find((x) => x.codeMetier === "T3X61")).toMatchObject({
      projets: 439,
      difficiles: 141,
      saisonniers: null,
      partSaisonniers: null,
    });
  });

  it("chaque métier BMO se rattache à des fiches ROME 4.0 par leur code ROME v3 (table de la Dares)", async () => {
    const m = await base.depots.referentiels.marcheRegion("84");
    expect(m.metiers.every((x) => x.fiches.length > 0)).toBe(true);
    const serveurs = m.metiers.find((x) => x.codeMetier === "S2X61")!;
    // Codes v3 G1801, G1802, G1803 (6 qualifications chacun) et leurs fiches « filles » du ROME 4.0.
    expect(serveurs.fiches.map((f) => f.codeRome).sort()).toEqual([
      "G1801",
      "G1802",
      "G1803",
      "G1805",
      "G1807",
      "G1808",
      "G1809",
      "G1810",
    ]);
    expect(serveurs.fiches.find((f) => f.codeRome === "G1810")).toMatchObject({
      libelle: "Chef / Cheffe de rang",
      principale: false,
      poids: 6,
    });
    expect(serveurs.fiches.find((f) => f.codeRome === "G1803")).toMatchObject({
      libelle: "Serveur / Serveuse en restauration",
      principale: true,
      poids: 6,
    });
    const entretien = m.metiers.find((x) => x.codeMetier === "T4X60")!;
    expect(entretien.fiches.find((f) => f.codeRome === "K2205")).toMatchObject({
      libelle: "Agent / Agente de propreté de locaux",
      principale: false,
    });
  });

  it("une région que l'enquête ne couvre pas : region null, aucune ligne", async () => {
    const m = await base.depots.referentiels.marcheRegion("975");
    expect(m.region).toBeNull();
    expect(m.metiers).toEqual([]);
    expect(m.regions.length).toBe(18);
  });
});
