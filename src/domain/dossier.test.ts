import { describe, expect, it } from "vitest";
import { anonymisableAvant, decalageParis, horsHeuresOuvrees } from "./dossier.js";

describe("rendez-vous hors heures ouvrées (le CEP s'adapte aux personnes en emploi, L6111-6)", () => {
  it.each([
    ["mardi 10 h à Paris (hiver)", "2026-01-13T09:00:00.000Z", false],
    ["mardi 8 h 30 à Paris (hiver)", "2026-01-13T07:30:00.000Z", true],
    ["mardi 18 h à Paris (été)", "2026-06-16T16:00:00.000Z", true],
    ["mardi 17 h 59 à Paris (été)", "2026-06-16T15:59:00.000Z", false],
    ["samedi 10 h", "2026-06-13T08:00:00.000Z", true],
    ["dimanche 11 h", "2026-06-14T09:00:00.000Z", true],
  ])("%s → %s", (_cas, iso, attendu) => {
    expect(horsHeuresOuvrees(iso, decalageParis(iso))).toBe(attendu);
  });

  it.each([
    ["2026-03-29T00:59:00.000Z", 60],
    ["2026-03-29T01:00:00.000Z", 120],
    ["2026-10-25T00:59:00.000Z", 120],
    ["2026-10-25T01:00:00.000Z", 60],
  ])("décalage de Paris à %s : %i min", (iso, attendu) => {
    expect(decalageParis(iso)).toBe(attendu);
  });
});

describe("anonymisation des parcours clos inactifs", () => {
  it.each([
    [3, "2023-11-23T02:00:00.000Z"],
    [1, "2025-11-23T02:00:00.000Z"],
  ])("%i an(s) après la clôture → clos avant %s", (annees, attendu) => {
    expect(anonymisableAvant("2026-11-23T02:00:00.000Z", annees)).toBe(attendu);
  });
});
