import { describe, expect, it } from "vitest";
import { type FicheRattachee, type MetierRegion, selectionnerMarche } from "./marcheTerritoire.js";

/**
 * Sélection de l'information territoriale du niveau 1 (arrêté du 29 mars 2019, cahier des charges du CEP : information
 * individualisée et territorialisée, regles-cep.md §1.1) sur des métiers BMO construits à la main.
 */
const fiche = (
  codeRome: string,
  transitionEcologique: string | null,
  poids = 10,
  principale = true,
): FicheRattachee => ({
  codeRome,
  libelle: `Fiche ${codeRome}`,
  transitionEcologique,
  principale,
  poids,
});

function metier(
  code: string,
  projets: number | null,
  partDifficiles: number | null,
  fiches: FicheRattachee[] = [],
) {
  return {
    codeMetier: code,
    libelle: `Métier ${code}`,
    projets,
    difficiles: projets === null || partDifficiles === null ? null : Math.round(projets * partDifficiles),
    saisonniers: null,
    partDifficiles,
    partSaisonniers: null,
    bassins: 3,
    bassinsSecrets: projets === null ? 3 : 0,
    fiches,
  } satisfies MetierRegion;
}

const REGLES = { nombre: 2, vivierDifficiles: 3, fichesParMetier: 2 };

describe("selectionnerMarche", () => {
  const metiers = [
    metier("A", 1000, 0.2, [fiche("A1101", "Emploi Blanc")]),
    metier("B", 800, 0.9, [fiche("B1101", "Emploi Vert", 4, false), fiche("B1102", "Emploi Blanc", 10)]),
    metier("C", 600, 0.5),
    metier("D", 400, 1, [fiche("D1101", "Emploi stratégique pour la Transition écologique")]),
    metier("S", null, null, [fiche("S1101", "Emploi Vert")]),
    metier("Z", 0, null, [fiche("Z1101", "Emploi Vert")]),
  ];
  const s = selectionnerMarche(metiers, REGLES);

  it("les métiers qui recrutent : le plus de projets d'abord, rang dans la région", () => {
    expect(s.recrutent.map((m) => [m.codeMetier, m.rang])).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
  });

  it("les plus difficiles : part la plus élevée parmi le vivier des métiers qui recrutent le plus", () => {
    // D (100 %) est hors du vivier des 3 premiers : il n'est pas retenu malgré sa part.
    expect(s.difficiles.map((m) => m.codeMetier)).toEqual(["B", "C"]);
  });

  it("la transition écologique : métiers qui recrutent avec une fiche verte ou stratégique, seules ces fiches en lien", () => {
    expect(s.transitionEcologique.map((m) => m.codeMetier)).toEqual(["B", "D"]);
    expect(s.transitionEcologique[0]!.fiches.map((f) => f.codeRome)).toEqual(["B1101"]);
  });

  it("le secret statistique ne se classe pas et n'est jamais un zéro ; un métier sans projet ne « recrute » pas", () => {
    const tous = selectionnerMarche(metiers, { ...REGLES, nombre: 10, vivierDifficiles: 10 });
    expect(tous.recrutent.map((m) => m.codeMetier)).toEqual(["A", "B", "C", "D"]);
    expect(tous.transitionEcologique.map((m) => m.codeMetier)).not.toContain("S");
    expect(tous.transitionEcologique.map((m) => m.codeMetier)).not.toContain("Z");
  });

  it("les fiches en lien : les plus rattachées d'abord, au plus N, le reste compté", () => {
    const m = selectionnerMarche(
      [metier("E", 10, 0.1, [fiche("E3", null, 2), fiche("E1", null, 10, false), fiche("E2", null, 10)])],
      REGLES,
    ).recrutent[0]!;
    expect(m.fiches.map((f) => f.codeRome)).toEqual(["E2", "E1"]);
    expect(m.autresFiches).toBe(1);
    expect(m.fiches[0]).not.toHaveProperty("poids");
  });
});
