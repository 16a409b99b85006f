import { beforeAll, describe, expect, it } from "vitest";
import type { DonneesIndexMetiers } from "../../src/app/ports.js";
import { IndexMetiers } from "../../src/referentiels/recherche/index.js";
import { motsRequete, raciner } from "../../src/referentiels/recherche/texte.js";
import { lireRome } from "../../src/referentiels/rome/lecture.js";
import { ouvrirSourceRome } from "../../src/referentiels/sources.js";
import { dossierReferentiels } from "../support/environnement.js";

/** Recherche d'intitulés sur le ROME 4.0 officiel : ce que les personnes et les recruteurs écrivent vraiment. */
let index: IndexMetiers;
let donnees: DonneesIndexMetiers;
beforeAll(async () => {
  const d = await lireRome(await ouvrirSourceRome(dossierReferentiels()));
  const items = new Map(d.items.map((i) => [i.codeOgr, i]));
  donnees = {
    fiches: d.fiches.map((f) => ({ codeRome: f.codeRome, libelle: f.libelle })),
    appellations: d.appellations,
    items: d.liens
      .map((l) => ({ l, i: items.get(l.codeOgr)! }))
      .filter(({ i }) => i.rubrique === "savoir_faire" || i.rubrique === "savoir")
      .map(({ l, i }) => ({
        codeRome: l.codeRome,
        libelle: i.libelle,
        rubrique: i.rubrique,
        coeurMetier: l.coeurMetier,
      })),
  };
  index = new IndexMetiers(donnees);
}, 60_000);

describe("racinisation : pluriels et féminins ramenés à une forme", () => {
  it.each([
    ["vendeuse", "vendeur"],
    ["vendeurs", "vendeur"],
    ["directrice", "directeur"],
    ["bouchere", "boucher"],
    ["technicienne", "technicien"],
    ["assistante", "assistant"],
    ["agents", "agent"],
  ])("%s → %s", (mot, attendu) => expect(raciner(mot)).toBe(raciner(attendu)));

  it("« son » est un mot du métier (« Ingénieur du son »), pas un possessif ignoré", () => {
    expect(motsRequete("Ingénieur du son")).toEqual([["ingenieur"], ["son"]]);
  });

  it("« Femme/Homme » devant un métier est une marque de genre, pas un mot du métier (« sage-femme »)", () => {
    expect(motsRequete("Femme/Homme de ménage")).toEqual([["menag"]]);
    expect(motsRequete("Homme / Femme de plancher")).toEqual([["plancher"]]);
    expect(motsRequete("Femme de chambre")).toEqual([["femm"], ["chambr"]]);
  });

  it("le type de contrat (alternance, stage) n'est pas un mot du métier", () => {
    expect(motsRequete("Alternance - Comptable (stage possible)")).toEqual([["comptabl"], ["possibl"]]);
  });

  it("les marques d'offre et de genre disparaissent de la requête", () => {
    expect(motsRequete("Assistant(e) administratif(ve) H/F CDI 35h")).toEqual([
      ["assistant"],
      ["administratif"],
    ]);
  });
});

describe("de l'intitulé libre à la fiche", () => {
  it.each([
    ["intitulé exact", "Secrétaire médicale", "M1609"],
    ["sans accents, en majuscules", "SECRETAIRE MEDICALE", "M1609"],
    ["faute de frappe", "boulangre", "D1102"],
    ["forme féminine et mention H/F", "Aide-soignante H/F", "J1501"],
    ["pluriel et nombre en tête", "2 agents de sécurité", "K2503"],
    ["pluriel d'un mot court", "Conducteur de cars", "N4109"],
    ["mots parasites (contrat, ville)", "Conducteur de car CDI Aubenas", "N4109"],
    ["abréviation", "dev web", "M1855"],
    ["mot anglais usuel", "Data engineer", "M1811"],
    ["intitulé général : la fiche dont plusieurs appellations répondent", "Formateur", "K2111"],
    ["le métier d'abord, le secteur après un tiret", "Comptable - Agence immobilière", "M1203"],
    ["segment de tête sans métier (contrat)", "Alternance - Comptable - Agence immobilière", "M1203"],
  ])("%s : « %s » → %s en tête", (_cas, q, code) => {
    expect(index.rechercher(q, 5)[0]?.codeRome).toBe(code);
  });

  it.each([
    ["lettre remplacée", "boulangar"],
    ["lettre en trop", "boullanger"],
    ["lettre oubliée", "boulnger"],
    ["lettres inversées", "boualnger"],
    ["deux fautes dans un mot long", "boulnagerr"],
    ["deux lettres remplacées par des lettres absentes du mot", "bouxanker"],
  ])("faute de frappe corrigée (%s) : « %s » → boulanger (D1102)", (_cas, q) => {
    expect(index.rechercher(q, 5)[0]?.codeRome).toBe("D1102");
  });

  it("faute de frappe corrigée dans un mot court : une lettre remplacée par une lettre absente (« soudaur » → soudeur, H2913)", () => {
    expect(index.rechercher("soudaur", 5)[0]?.codeRome).toBe("H2913");
  });

  it("un texte sans aucun mot du référentiel ne ramène rien", () => {
    expect(index.rechercher("xqzw kkkk", 5)).toEqual([]);
  });

  it("l'échauffement à la construction ne change aucun résultat (fautes comprises)", () => {
    const froid = new IndexMetiers(donnees, { echauffement: false });
    for (const q of [
      "boulangre",
      "Secrétaire médicale",
      "2 agents de sécurité",
      "dev web",
      "Conducteur de cars",
    ])
      expect(index.rechercher(q, 10)).toEqual(froid.rechercher(q, 10));
  });

  it("les résultats sont classés du meilleur au moins bon", () => {
    const r = index.rechercher("vendeuse en boulangerie", 10);
    expect(r.map((x) => x.score)).toEqual([...r.map((x) => x.score)].sort((a, b) => b - a));
  });
});

/** Une appellation d'essai : [code OGR, code ROME, libellé]. */
const appellation = ([codeOgr, codeRome, libelle]: string[]) => ({
  codeOgr: codeOgr!,
  codeRome: codeRome!,
  libelle: libelle!,
  libelleCourt: libelle!,
  principale: false,
  peuUsite: false,
});

/** Index réduit, pour isoler l'effet des libellés ESCO et de l'a priori du volume de recrutement. */
describe("libellés ESCO et a priori du volume de recrutement", () => {
  const base: DonneesIndexMetiers = {
    fiches: [
      { codeRome: "M1811", libelle: "Data engineer" },
      { codeRome: "G1803", libelle: "Serveur / Serveuse en restauration" },
      { codeRome: "M1843", libelle: "Administrateur / Administratrice de serveurs" },
    ],
    appellations: [
      ["1", "M1811", "Data engineer"],
      ["2", "G1803", "Serveur / Serveuse en restauration"],
      ["3", "M1843", "Serveur / Serveuse informatique"],
    ].map(appellation),
    items: [],
  };

  it("un libellé ESCO exact ou proche apporte un mot absent des appellations", () => {
    const sans = new IndexMetiers(base);
    expect(sans.rechercher("Pipeliniste de données", 3)).toEqual([]);
    const avec = new IndexMetiers({
      ...base,
      synonymes: [{ codeOgr: "1", libelle: "pipeliniste de données", relation: "closeMatch" }],
    });
    expect(avec.rechercher("Pipeliniste de données H/F", 3)[0]?.appellation.codeOgr).toBe("1");
  });

  it("un mot inconnu n'est pas rapproché d'un mot à plus d'une faute de lui (« donnees » ≠ « data »)", () => {
    expect(new IndexMetiers(base).rechercher("donnees", 3)).toEqual([]);
  });

  it("un libellé ESCO plus large ou plus étroit (broad/narrowMatch) est écarté par défaut", () => {
    const index = new IndexMetiers({
      ...base,
      synonymes: [{ codeOgr: "1", libelle: "pipeliniste de données", relation: "broadMatch" }],
    });
    expect(index.rechercher("Pipeliniste de données", 3)).toEqual([]);
  });

  it("à libellés égaux, la fiche dont plusieurs appellations répondent passe devant", () => {
    const donnees: DonneesIndexMetiers = {
      fiches: [
        { codeRome: "M1805", libelle: "Développeur / Développeuse informatique" },
        { codeRome: "M1855", libelle: "Développeur / Développeuse web" },
      ],
      appellations: [
        ["1", "M1805", "Développeur informatique"],
        ["2", "M1855", "Développeur web"],
        ["3", "M1855", "Développeur mobile"],
        ["4", "M1855", "Développeur front-end"],
      ].map(appellation),
      items: [],
    };
    // Une seule appellation par fiche compte : égalité, la première lue l'emporte.
    expect(new IndexMetiers(donnees, { poidsFiche: 0 }).rechercher("Développeur H/F", 4)[0]?.codeRome).toBe(
      "M1805",
    );
    expect(new IndexMetiers(donnees).rechercher("Développeur H/F", 4)[0]?.codeRome).toBe("M1855");
    // Le libellé exact d'une appellation l'emporte toujours sur le nombre.
    expect(new IndexMetiers(donnees).rechercher("Développeur informatique", 4)[0]?.codeRome).toBe("M1805");
  });

  it("à libellés égaux, la fiche qui recrute le plus passe devant", () => {
    const projets = (restauration: number, informatique: number) => [
      { codeRome: "G1803", projets: restauration },
      { codeRome: "M1843", projets: informatique },
    ];
    const tete = (p: { codeRome: string; projets: number }[]) =>
      new IndexMetiers({ ...base, projets: p }).rechercher("Serveur / Serveuse", 2)[0]?.codeRome;
    expect(tete(projets(200_000, 2_000))).toBe("G1803");
    expect(tete(projets(2_000, 200_000))).toBe("M1843");
  });
});
