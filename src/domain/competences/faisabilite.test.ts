import { describe, expect, it } from "vitest";
import { decisionDerogatoire, type EntreeFaisabilite, evaluerFaisabilite } from "./faisabilite.js";
import type { Maitrise } from "./profil.js";

/** Une fiche visée de 4 items : 2 au cœur de métier (poids 2), 2 en périphérie (poids 1). */
const cible = (reglemente = false) => ({
  codeRome: "J1501",
  libelle: "Aide-soignant",
  reglemente,
  items: [
    { codeOgr: "c1", libelle: "Cœur 1", coeurMetier: true, poids: 2 },
    { codeOgr: "c2", libelle: "Cœur 2", coeurMetier: true, poids: 2 },
    { codeOgr: "p1", libelle: "Périphérie 1", coeurMetier: false, poids: 1 },
    { codeOgr: "p2", libelle: "Périphérie 2", coeurMetier: false, poids: 1 },
  ],
});
const certification = { numero: "RNCP36557", intitule: null, niveau: null, certificateurs: ["Ministère"] };
const entree = (m: Record<string, Maitrise>, extra: Partial<EntreeFaisabilite> = {}): EntreeFaisabilite => ({
  cible: cible(),
  competences: Object.entries(m).map(([codeOgr, maitrise]) => ({ codeOgr, maitrise })),
  experienceDansLeMetier: false,
  certifications: [certification],
  ...extra,
});
const recommandees = (e: EntreeFaisabilite) =>
  evaluerFaisabilite(e)
    .options.filter((o) => o.recommandee)
    .map((o) => o.strategie)
    .sort();

describe("faisabilité d'un projet", () => {
  it.each([
    // [cas, maîtrises, extra, niveau attendu, stratégies recommandées, source]
    [
      "tout est maîtrisé, expérience dans le métier : VAE (L6411-1, aucune durée minimale)",
      { c1: "maitrisee", c2: "maitrisee", p1: "maitrisee", p2: "maitrisee" },
      { experienceDansLeMetier: true },
      "proche",
      ["vae"],
    ],
    [
      "cœur maîtrisé sans certification liée : pas de VAE possible vers une certification du métier",
      { c1: "maitrisee", c2: "maitrisee", p1: "maitrisee", p2: "maitrisee" },
      { certifications: [] },
      "proche",
      [],
    ],
    [
      "moitié du métier : formation ciblée (cahier des charges, stratégie de formation)",
      { c1: "maitrisee", p1: "maitrisee" },
      {},
      "accessible_avec_formation",
      ["formation"],
    ],
    [
      "projet éloigné : formation et bilan de compétences pour le confirmer (L6313-4)",
      { p1: "partielle" },
      {},
      "eloigne",
      ["bilan_competences", "formation"],
    ],
    [
      "métier réglementé, cœur de métier couvert par l'expérience : la VAE mène à la certification exigée (L6411-1)",
      { c1: "maitrisee", c2: "partielle", p1: "maitrisee", p2: "maitrisee" },
      { cible: cible(true), experienceDansLeMetier: true },
      "proche",
      ["vae"],
    ],
    [
      "métier réglementé, cœur de métier peu couvert : formation certifiante",
      { c1: "partielle", p1: "maitrisee", p2: "maitrisee" },
      { cible: cible(true) },
      "accessible_avec_formation",
      ["formation"],
    ],
  ] as const)("%s", (_cas, m, extra, niveau, strategies) => {
    const e = entree(m as Record<string, Maitrise>, extra as Partial<EntreeFaisabilite>);
    expect(evaluerFaisabilite(e).niveau).toBe(niveau);
    expect(recommandees(e)).toEqual([...strategies].sort());
  });

  it("l'écart liste d'abord le cœur de métier, et une compétence en partie maîtrisée compte pour moitié", () => {
    const f = evaluerFaisabilite(entree({ c1: "partielle", p1: "maitrisee" }));
    expect(f.couverture).toBeCloseTo((1 + 1) / 6, 3);
    expect(f.couvertureCoeur).toBeCloseTo(1 / 4, 3);
    expect(f.ecart.competences.map((c) => c.codeOgr)).toEqual(["c2", "c1", "p2"]);
    expect(f.ecart.coeur).toBe(2);
  });

  it.each([
    [1, 100, "favorables"],
    [50, 100, "moyennes"],
    [90, 100, "reduites"],
  ] as const)("rang %i sur %i dans la région : perspectives %s", (rang, nombreMetiers, attendu) => {
    const marche = {
      region: "84",
      projets: 1000,
      partDifficiles: 0.5,
      partSaisonniers: 0,
      rang,
      nombreMetiers,
    };
    expect(evaluerFaisabilite(entree({}, { marche })).perspectives).toBe(attendu);
  });

  it("s'écarter des stratégies recommandées est une dérogation (le motif devient obligatoire)", () => {
    const options = evaluerFaisabilite(entree({ c1: "maitrisee", p1: "maitrisee" })).options;
    expect(decisionDerogatoire(options, ["formation"])).toBe(false);
    expect(decisionDerogatoire(options, ["vae"])).toBe(true);
    expect(decisionDerogatoire(options, [])).toBe(true);
  });
});
