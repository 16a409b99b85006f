import { describe, expect, it } from "vitest";
import { type DonneesPistes, MoteurPistes } from "./pistes.js";

/**
 * Un petit référentiel construit pour isoler chaque règle du moteur : cœur de métier, macro-compétence, mobilité,
 * filtres, exclusion des métiers exercés. (Les mesures sur le ROME réel sont dans bench/pistes-metiers.)
 */
const item = (codeOgr: string, rubrique = "savoir_faire", macroCodeOgr: string | null = null) => ({
  codeOgr,
  libelle: `Compétence ${codeOgr}`,
  rubrique,
  macroCodeOgr,
});
const fiche = (codeRome: string, extra: Partial<DonneesPistes["fiches"][number]> = {}) => ({
  codeRome,
  libelle: `Métier ${codeRome}`,
  codeDomaine: codeRome.slice(0, 3),
  riasecMajeur: "R",
  riasecMineur: null,
  emploiReglemente: false,
  emploiCadre: false,
  transitionEcologique: "Emploi Blanc",
  ...extra,
});
const lien = (codeRome: string, codeOgr: string, coeur = false) => ({
  codeRome,
  codeOgr,
  coeurMetier: coeur ? "Principale" : null,
});

const DONNEES: DonneesPistes = {
  fiches: [
    fiche("A1001"),
    fiche("B2001"),
    fiche("B2002"),
    fiche("C3001", { emploiReglemente: true }),
    fiche("D4001", { transitionEcologique: "Emploi Vert", riasecMajeur: "S" }),
    // Fiche sans rapport avec le profil : ne doit jamais sortir.
    fiche("E5001"),
  ],
  items: [
    item("1", "savoir_faire", "M1"),
    item("2", "savoir_faire", "M1"),
    item("3"),
    item("4", "savoir"),
    item("5", "savoir_etre"),
    item("6"),
    item("7"),
    item("8", "contexte"),
    item("9"),
  ],
  liens: [
    // Métier exercé.
    lien("A1001", "1", true),
    lien("A1001", "3", true),
    lien("A1001", "4"),
    // B2001 partage « 1 » au cœur de métier ; B2002 le partage en périphérie : B2001 doit passer devant.
    lien("B2001", "1", true),
    lien("B2001", "6"),
    lien("B2002", "1"),
    lien("B2002", "6", true),
    // C3001 ne partage que la macro-compétence (item 2, même macro M1 que 1).
    lien("C3001", "2", true),
    lien("C3001", "7"),
    lien("D4001", "3"),
    lien("D4001", "5"),
    lien("D4001", "8"),
    lien("E5001", "9", true),
  ],
  mobilites: [{ codeRome: "A1001", codeRomeCible: "C3001" }],
  appellations: [{ codeOgr: "100", codeRome: "A1001", libelle: "Appellation A" }],
};

describe("moteur de pistes métiers", () => {
  const moteur = new MoteurPistes(DONNEES);

  it("un item détenu au cœur de métier d'une fiche pèse plus qu'en périphérie", () => {
    const r = moteur.pistes({ competences: ["1"], sansMobilites: true });
    const rang = (c: string) => r.findIndex((p) => p.codeRome === c);
    expect(rang("B2001")).toBeGreaterThanOrEqual(0);
    expect(rang("B2001")).toBeLessThan(rang("B2002"));
  });

  it("une compétence de la même macro-compétence compte en partie et s'explique", () => {
    const r = moteur.pistes({ competences: ["1"], sansMobilites: true });
    const c = r.find((p) => p.codeRome === "C3001");
    expect(c).toBeDefined();
    expect(c!.competencesAAcquerir.find((x) => x.codeOgr === "2")?.voisine?.codeOgr).toBe("1");
    expect(c!.competencesAcquises).toEqual([]);
  });

  it("un métier exercé apporte son cœur de métier, est exclu des pistes, et sa mobilité ROME est signalée", () => {
    const r = moteur.pistes({ competences: [], appellations: ["100"] });
    expect(r.map((p) => p.codeRome)).not.toContain("A1001");
    const c = r.find((p) => p.codeRome === "C3001")!;
    expect(c.mobilite).toBe(true);
    expect(c.mobiliteDepuis).toEqual(["A1001"]);
    expect(c.explication.join(" ")).toContain("mobilité");
    // Sans la table des mobilités (banc d'essai), le lien n'est plus signalé.
    expect(
      moteur
        .pistes({ competences: [], appellations: ["100"], sansMobilites: true })
        .find((p) => p.codeRome === "C3001")?.mobilite,
    ).not.toBe(true);
  });

  it("les contextes de travail ne comptent pas ; un métier sans rapport ne sort pas", () => {
    const r = moteur.pistes({ competences: ["3", "8"], sansMobilites: true });
    const d = r.find((p) => p.codeRome === "D4001")!;
    expect([...d.competencesAcquises, ...d.competencesAAcquerir].map((c) => c.codeOgr)).not.toContain("8");
    expect(r.map((p) => p.codeRome)).not.toContain("E5001");
  });

  it.each([
    [{ transitionEcologique: true }, (p: { transitionEcologique: boolean }) => p.transitionEcologique],
    [{ sansEmploiReglemente: true }, (p: { emploiReglemente: boolean }) => !p.emploiReglemente],
  ])("le filtre %o ne garde que les fiches concernées", (filtres, garde) => {
    const r = moteur.pistes({ competences: ["1", "3"], filtres, sansMobilites: true });
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((p) => garde(p as never))).toBe(true);
  });

  it("les centres d'intérêt dominants départagent deux fiches", () => {
    const sans = moteur.pistes({ competences: ["3"], sansMobilites: true });
    const avec = moteur.pistes({ competences: ["3"], riasec: ["S"], sansMobilites: true });
    const score = (r: typeof sans) => r.find((p) => p.codeRome === "D4001")!.score;
    expect(score(avec)).toBeGreaterThan(score(sans));
    expect(avec.find((p) => p.codeRome === "D4001")!.riasec.concordance).toBe(true);
  });

  it("les codes inconnus sont signalés par leur position", () => {
    expect(moteur.competencesInconnues(["1", "999", "3"])).toEqual([1]);
    expect(moteur.appellationsInconnues(["100", "x"])).toEqual([1]);
  });
});
