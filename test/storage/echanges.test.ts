import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentEchanges, pseudonyme, schemaDocumentEchanges } from "../../src/app/pilotage/echanges.js";
import { PERIODE, semerPilotage } from "../cas/pilotage.js";
import { fabriquesBase } from "../support/bases.js";

/**
 * Partage des données par bénéficiaire (L6111-6-1, L6353-10, R6323-34 ; docs/echanges.md) sur le jeu connu de
 * test/cas/pilotage.ts, sur SQLite et PostgreSQL : qui figure dans l'export (parcours changés dans la période), ce qui
 * en sort (données structurées, pseudonymes) et ce qui n'en sort jamais (noms, adresses, textes libres, identifiants).
 */
describe.each(fabriquesBase())("partage des données par bénéficiaire ($nom)", (fabrique) => {
  let base: Awaited<ReturnType<typeof fabrique.ouvrir>>;
  let ids: Awaited<ReturnType<typeof semerPilotage>>;
  beforeAll(async () => {
    base = await fabrique.ouvrir();
    ids = await semerPilotage(base.depots);
  });
  afterAll(async () => base?.detruire());

  const GENERE = "2026-07-01T08:00:00.000Z";
  const exporter = async (f: { operateurId?: string; debut: string; fin: string }) => {
    const { document, personnes } = await documentEchanges(base.depots, f, GENERE);
    // Chaque export respecte le format publié (schéma zod strict : aucun champ de plus).
    return { document: schemaDocumentEchanges.parse(document), personnes, brut: JSON.stringify(document) };
  };
  const personne = (operateur: string, id: string) => pseudonyme("personne", operateur, id);

  it("retient les personnes dont un parcours a changé dans la période, au format 1.0", async () => {
    const { document, personnes } = await exporter({ operateurId: ids.A, ...PERIODE });
    expect(document.format).toBe("cep-echanges-parcours");
    expect(document.version).toBe("1.0");
    expect(document.baseLegale).toEqual(["L6111-6-1", "L6353-10", "R6323-34", "R6111-5", "D6111-7"]);
    expect(document.operateurs).toEqual([
      { id: ids.A, nom: expect.stringMatching(/^Opérateur A/), type: "apec", codeRegion: "84" },
    ]);
    // P1, P2, P3, P4 (pause le 20 juin), P6, P9 ; P5 n'a pas changé depuis 2025 ; P7 est chez B.
    expect(document.beneficiaires).toHaveLength(5);
    expect(personnes).toHaveLength(5);
    expect(document.beneficiaires.every((b) => b.operateurId === ids.A)).toBe(true);
    expect(document.beneficiaires.flatMap((b) => b.parcours)).toHaveLength(6);
  });

  it("donne les étapes, entretiens, état des lieux, clôture et réunions d'une personne, datés au jour", async () => {
    const { document } = await exporter({ operateurId: ids.A, ...PERIODE });
    const b1 = document.beneficiaires.find((b) => b.pseudonyme === personne(ids.A, ids.b1))!;
    // Situation du parcours le plus récent (P9, ouvert en juin) ; deux parcours, du plus ancien au plus récent.
    expect(b1.situation).toEqual({
      statutActivite: "salarie_prive",
      niveauQualification: "5",
      trancheAge: "26_44",
    });
    expect(b1.parcours).toHaveLength(2);
    expect(b1.parcours[0]).toEqual({
      reference: pseudonyme("parcours", ids.A, ids.P1),
      demandeLe: "2026-01-05",
      etatFinPeriode: { niveau: 2, phase: "conseil", statut: "clos" },
      etapes: [
        { type: "ouverture", le: "2026-01-05", niveau: 1, phase: null },
        { type: "passage", le: "2026-01-15", niveau: 2, phase: "conseil" },
        { type: "cloture", le: "2026-02-14", motif: "emploi_trouve" },
      ],
      entretiens: [
        { le: "2026-01-08", modalite: "presentiel" },
        { le: "2026-01-20", modalite: "visio" },
      ],
      etatDesLieux: { le: "2026-01-12", decision: "poursuivre" },
      cloture: { le: "2026-02-14", motif: "emploi_trouve" },
    });
    expect(b1.parcours[1]!.etatFinPeriode).toEqual({ niveau: 1, phase: null, statut: "en_cours" });
    expect(b1.reunionsInformation).toEqual([{ le: "2026-02-10", present: true }]);
    const b4 = document.beneficiaires.find((b) => b.pseudonyme === personne(ids.A, ids.b4))!;
    expect(b4.parcours[0]!.etapes.at(-1)).toEqual({ type: "pause", le: "2026-06-20" });
    expect(b4.parcours[0]!.etatFinPeriode?.statut).toBe("en_pause");
    expect(b4.situation).toEqual({ statutActivite: null, niveauQualification: null, trancheAge: null });
  });

  it("ne laisse sortir ni identifiant interne, ni nom, ni adresse, ni texte libre", async () => {
    const { brut } = await exporter({ operateurId: ids.A, ...PERIODE });
    for (const interdit of [
      ids.b1,
      ids.b3,
      ids.P1,
      ids.P2,
      "Personne",
      "Suivie",
      "@exemple.invalid",
      "Santé",
      "Déménagement",
      "Changer de métier",
      "Clarifier le projet",
      "Entretien",
      ids.C1,
      ids.S1,
    ])
      expect(brut, interdit).not.toContain(interdit);
  });

  it("borne l'export à la période : seuls les parcours changés en février, avec leur histoire jusqu'au 28", async () => {
    const { document } = await exporter({ operateurId: ids.A, debut: "2026-02-01", fin: "2026-02-28" });
    // P1 (clôture le 14) et P2 (ouverture le 1er, passage le 11).
    expect(document.beneficiaires.map((b) => b.pseudonyme).sort()).toEqual(
      [personne(ids.A, ids.b1), personne(ids.A, ids.b2)].sort(),
    );
    const b1 = document.beneficiaires.find((b) => b.pseudonyme === personne(ids.A, ids.b1))!;
    // P9 (juin) n'a pas changé en février : la situation est celle de P1.
    expect(b1.parcours).toHaveLength(1);
    expect(b1.situation.niveauQualification).toBe("4");
    const b2 = document.beneficiaires.find((b) => b.pseudonyme === personne(ids.A, ids.b2))!;
    expect(b2.parcours[0]!.etapes.map((e) => e.type)).toEqual(["ouverture", "passage"]);
    expect(b2.parcours[0]!.etatFinPeriode).toEqual({
      niveau: 2,
      phase: "mise_en_oeuvre",
      statut: "en_cours",
    });
  });

  it("sépare les opérateurs : pseudonymes propres à chacun, tous les opérateurs pour l'administrateur", async () => {
    const { document } = await exporter({ operateurId: ids.B, ...PERIODE });
    expect(document.beneficiaires.map((b) => b.pseudonyme)).toEqual([personne(ids.B, ids.b7)]);
    expect(personne(ids.B, ids.b1)).not.toBe(personne(ids.A, ids.b1));
    const tous = await exporter(PERIODE);
    const pseudos = new Set(tous.document.beneficiaires.map((b) => b.pseudonyme));
    expect(pseudos.has(personne(ids.A, ids.b1)) && pseudos.has(personne(ids.B, ids.b7))).toBe(true);
    expect(tous.document.operateurs.map((o) => o.id)).toEqual(expect.arrayContaining([ids.A, ids.B]));
  });
});
