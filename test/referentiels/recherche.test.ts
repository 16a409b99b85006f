import { beforeAll, describe, expect, it } from "vitest";
import type { DonneesIndexMetiers } from "../../src/app/ports.js";
import { IndexMetiers } from "../../src/referentiels/recherche/index.js";
import { motsRequete, raciner } from "../../src/referentiels/recherche/texte.js";
import { lireRome } from "../../src/referentiels/rome/lecture.js";
import { ouvrirSourceRome } from "../../src/referentiels/sources.js";
import { dossierReferentiels } from "../support/environnement.js";

/** Recherche d'intitulés sur le ROME 4.0 officiel : ce que les personnes et les recruteurs écrivent vraiment. */
let index: IndexMetiers;
beforeAll(async () => {
  const d = await lireRome(await ouvrirSourceRome(dossierReferentiels()));
  const items = new Map(d.items.map((i) => [i.codeOgr, i]));
  const donnees: DonneesIndexMetiers = {
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
    ["mots parasites (contrat, ville)", "Conducteur de car CDI Aubenas", "N4109"],
    ["abréviation", "dev web", "M1855"],
    ["mot anglais usuel", "Data engineer", "M1811"],
  ])("%s : « %s » → %s en tête", (_cas, q, code) => {
    expect(index.rechercher(q, 5)[0]?.codeRome).toBe(code);
  });

  it("un texte sans aucun mot du référentiel ne ramène rien", () => {
    expect(index.rechercher("xqzw kkkk", 5)).toEqual([]);
  });

  it("les résultats sont classés du meilleur au moins bon", () => {
    const r = index.rechercher("vendeuse en boulangerie", 10);
    expect(r.map((x) => x.score)).toEqual([...r.map((x) => x.score)].sort((a, b) => b - a));
  });
});
