import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calculer, presenter } from "../../src/app/pilotage/indicateurs.js";
import type { FiltrePilotage, Indicateurs } from "../../src/domain/indicateurs.js";
import { MAINTENANT, PERIODE, semerPilotage } from "../cas/pilotage.js";
import { fabriquesBase } from "../support/bases.js";

/**
 * Indicateurs de pilotage (L6111-6-1, D6111-7 ; docs/indicateurs.md) sur un jeu de parcours connu
 * (test/cas/pilotage.ts), valeurs calculées à la main, sur SQLite et sur PostgreSQL.
 */
describe.each(fabriquesBase())("indicateurs de pilotage ($nom)", (fabrique) => {
  let base: Awaited<ReturnType<typeof fabrique.ouvrir>>;
  let ids: Awaited<ReturnType<typeof semerPilotage>>;
  beforeAll(async () => {
    base = await fabrique.ouvrir();
    ids = await semerPilotage(base.depots);
  });
  afterAll(async () => base?.detruire());

  const tableau = (i: Indicateurs, id: string) =>
    Object.fromEntries(i.tableaux.find((t) => t.id === id)!.lignes.map((l) => [l.cle, l.valeurs]));
  const pour = (f: Partial<FiltrePilotage> = {}) =>
    calculer(base.depots, PERIODE, { operateurId: ids.A, ...f }, MAINTENANT);

  it("compte les parcours suivis et les entrées par niveau et par point d'entrée direct", async () => {
    const i = await pour();
    // P1, P2, P3, P4, P6, P9 (P5 clos avant la période, P7 réorienté chez B).
    expect(i.parcoursSuivis).toBe(6);
    // Niveau 1 : ouvertures de P1, P3, P9 ; niveau 2 : passage de P1, ouvertures directes de P2 et P6.
    expect(tableau(i, "entrees_niveau")).toEqual({ "1": [3], "2": [3] });
    expect(tableau(i, "entrees_point_entree")).toEqual({ niveau1: [3], conseil: [1], mise_en_oeuvre: [1] });
  });

  it("compte chaque personne une fois, avec la situation de son parcours le plus récent", async () => {
    const i = await pour();
    expect(tableau(i, "personnes_statut")).toEqual({
      salarie_prive: [1],
      agent_public: [1],
      independant: [1],
      demandeur_emploi: [1],
      autre: [0],
      non_renseigne: [1],
    });
    expect(tableau(i, "personnes_age")).toEqual({
      moins_26: [1],
      "26_44": [2],
      "45_54": [1],
      "55_plus": [0],
      non_renseigne: [1],
    });
    expect(tableau(i, "personnes_qualification")).toEqual({
      sans: [1],
      "3": [0],
      "4": [0],
      "5": [1],
      "6": [1],
      "7": [1],
      "8": [0],
      non_renseigne: [1],
    });
    expect(tableau(i, "personnes_region")).toEqual({ "84": [5] });
  });

  it("compte les entretiens de la période par modalité", async () => {
    expect(tableau(await pour(), "modalites")).toEqual({
      presentiel: [2, 2],
      telephone: [1, 1],
      visio: [1, 1],
      ecrit: [1, 1],
    });
  });

  it("donne effectif, quartiles et médiane des délais et des durées (jours)", async () => {
    expect(tableau(await pour(), "delais_durees")).toEqual({
      // Délais 2, 3, 3, 5 : Q1 = 2 + 0,75 × 1 = 2,75 → 2,8 ; médiane 3 ; Q3 = 3 + 0,25 × 2 = 3,5.
      delai_premier_entretien: [4, 2.8, 3, 3.5],
      duree_niveau1: [1, 10, 10, 10],
      // Niveau 2 : P1 30 j, P2 10 + 48 = 58 j.
      duree_niveau2: [2, 37, 44, 51],
      // Total : P1 40 j, P2 68 j (pause de 10 j comprise).
      duree_totale: [2, 47, 54, 61],
    });
  });

  it("compte pauses, reprises, clôtures par motif et réorientations", async () => {
    const i = await pour();
    expect(tableau(i, "pauses")).toEqual({ pauses: [2], reprises: [1], en_pause_fin: [1] });
    expect(tableau(i, "clotures")).toEqual({
      projet_realise: [0],
      formation_engagee: [1],
      emploi_trouve: [1],
      entreprise_creee: [0],
      abandon: [0],
      reorientation: [0],
      autre: [0],
    });
    expect(tableau(i, "reorientations")).toEqual({ recues: [0, 0, 0, 0], adressees: [2, 1, 1, 0] });
    const b = await calculer(base.depots, PERIODE, { operateurId: ids.B });
    expect(tableau(b, "reorientations")).toEqual({ recues: [1, 1, 0, 0], adressees: [0, 0, 0, 0] });
  });

  it("donne le portefeuille par conseiller à la fin de la période", async () => {
    const t = (await pour()).tableaux.find((x) => x.id === "charge_conseillers")!;
    expect(t.lignes.map((l) => [l.libelle, l.valeurs])).toEqual([
      ["Bruno Petit", [2, 0, 2]],
      ["Alice Martin", [1, 0, 1]],
      ["Sans référent (file d'attente)", [0, 1, 1]],
    ]);
  });

  it("filtre par site (au moins un entretien sur le site) et par conseiller référent", async () => {
    const site = await pour({ siteId: ids.S1 });
    expect(site.parcoursSuivis).toBe(2); // P1, P3
    expect(tableau(site, "entrees_niveau")).toEqual({ "1": [2], "2": [1] });
    const c1 = await pour({ conseillerId: ids.C1 });
    expect(c1.parcoursSuivis).toBe(3); // P1, P2, P9
    expect(tableau(c1, "entrees_point_entree")).toEqual({ niveau1: [2], conseil: [1], mise_en_oeuvre: [0] });
    expect(tableau(c1, "reorientations").adressees).toEqual([1, 1, 0, 0]);
  });

  it("compte les réunions d'information tenues : séances, places, inscriptions confirmées, présences, taux", async () => {
    const i = await pour();
    // R1 (Lyon) : 3 places, 4 inscrits dont 1 annulé → 3 confirmés, 2 présents, 2/3 = 67 %. R2 (distance) : 10 places,
    // 2 confirmés, 2 présents. R3 pas encore tenue à l'instant du calcul, R4 avant la période, R5 chez B.
    expect(tableau(i, "reunions_information")).toEqual({
      [ids.S1]: [1, 3, 3, 2, 67],
      distance: [1, 10, 2, 2, 100],
      ensemble: [2, 13, 5, 4, 80],
    });
    const t = i.tableaux.find((x) => x.id === "reunions_information")!;
    expect(t.lignes.map((l) => l.libelle)).toEqual([
      "À distance",
      "Site : Site de Lyon",
      "Ensemble des réunions",
    ]);
    // Sans instant de calcul, R3 (Grenoble, 2 inscrits sans présence notée) compte : taux 0 %.
    const sans = await calculer(base.depots, PERIODE, { operateurId: ids.A });
    expect(tableau(sans, "reunions_information")[ids.S2]).toEqual([1, 8, 2, 0, 0]);
    // Filtre par site : les séances de ce site ; par conseiller : pas de tableau (une séance n'a pas de conseiller).
    expect(tableau(await pour({ siteId: ids.S1 }), "reunions_information")).toEqual({
      [ids.S1]: [1, 3, 3, 2, 67],
      ensemble: [1, 3, 3, 2, 67],
    });
    const c1 = await pour({ conseillerId: ids.C1 });
    expect(c1.tableaux.map((x) => x.id)).not.toContain("reunions_information");
    expect(
      tableau(
        await calculer(base.depots, PERIODE, { operateurId: ids.B }, MAINTENANT),
        "reunions_information",
      ),
    ).toEqual({ distance: [1, 6, 1, 1, 100], ensemble: [1, 6, 1, 1, 100] });
  });

  it("compte les documents de synthèse remis (état des lieux de niveau 1, synthèses émises dans la période)", async () => {
    // États des lieux : P1 (12 janvier) et P3 (5 mars) ; synthèses : P1 v1 et v2 ; P5 : avant la période.
    expect(tableau(await pour(), "documents_synthese")).toEqual({
      etat_des_lieux_niveau1: [2, 2],
      synthese: [2, 1],
    });
    expect(tableau(await pour({ conseillerId: ids.C1 }), "documents_synthese")).toEqual({
      etat_des_lieux_niveau1: [1, 1],
      synthese: [2, 1],
    });
    expect(tableau(await pour({ siteId: ids.S2 }), "documents_synthese")).toEqual({
      etat_des_lieux_niveau1: [0, 0],
      synthese: [0, 0],
    });
  });

  it("agrège tous les opérateurs pour l'administrateur (régions comprises)", async () => {
    const tous = await calculer(base.depots, PERIODE, {});
    expect(tous.parcoursSuivis).toBeGreaterThanOrEqual(7);
    expect(tableau(tous, "personnes_region")).toMatchObject({ "11": [1], "84": [5] });
  });

  it("masque sous 5 hors de l'opérateur : effectifs « < 5 », statistiques sur moins de 5 parcours retirées", async () => {
    const t = presenter(await pour(), true);
    const delais = t.find((x) => x.id === "delais_durees")!.lignes[0]!;
    expect(delais.valeurs).toEqual(["< 5", null, null, null]);
    expect(t.find((x) => x.id === "personnes_region")!.lignes[0]!.valeurs).toEqual([5]);
    expect(t.find((x) => x.id === "entrees_niveau")!.lignes[0]!.valeurs).toEqual(["< 5"]);
    // Réunions : séances et places ne comptent pas des personnes ; le taux n'est montré qu'à partir de 5 inscrits.
    const reunions = t.find((x) => x.id === "reunions_information")!;
    expect(reunions.lignes.map((l) => l.valeurs)).toEqual([
      [1, 10, "< 5", "< 5", null],
      [1, 3, "< 5", "< 5", null],
      [2, 13, 5, "< 5", 80],
    ]);
  });

  it("lit transitions et entretiens dans la chronologie du parcours, qui ne garde aucun texte libre (motif de pause, commentaire de clôture)", async () => {
    const lignes = await base.db
      .selectFrom("parcours")
      .select(["pilotage_transitions", "pilotage_entretiens"])
      .execute();
    const tout = lignes.map((l) => l.pilotage_transitions + l.pilotage_entretiens).join("\n");
    for (const texte of ["Santé", "Déménagement", "Ne vient plus"]) expect(tout).not.toContain(texte);
    // La clôture « abandon » exige un commentaire : la chronologie garde qu'il existe, pas ce qu'il dit.
    expect(tout).toMatch(/"cloture","[^"]+","abandon",1\]/);
  });
});
