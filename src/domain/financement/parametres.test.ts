import { describe, expect, it } from "vitest";
import { avecSurcharges, type IdParametre, PARAMETRES, valeurAu } from "./parametres.js";

describe("valeurAu : la valeur en vigueur à une date (modèle OpenFisca)", () => {
  it.each<[IdParametre, string, number | null | undefined, string]>([
    ["cpf.participationForfaitaire", "2024-05-01", 0, "avant le décret n° 2024-394"],
    ["cpf.participationForfaitaire", "2024-05-02", 100, "décret n° 2024-394, L6323-4 I, L6323-7"],
    ["cpf.participationForfaitaire", "2024-12-31", 100, "décret n° 2024-394"],
    ["cpf.participationForfaitaire", "2025-01-01", 102.23, "revalorisation 2025"],
    ["cpf.participationForfaitaire", "2026-01-01", 103.2, "revalorisation 2026"],
    ["cpf.plafondBilan", "2026-02-25", null, "D6323-1 A pas encore en vigueur"],
    ["cpf.plafondBilan", "2026-02-26", 1600, "D6323-1 A 2°"],
    ["cpf.plafondPermis", "2026-02-26", 900, "D6323-1 A 3°"],
    ["cpf.plafondRS", "2026-02-26", 1500, "D6323-1 A 1°"],
    ["cpf.carenceBilanAnnees", "2026-02-26", 5, "D6323-6"],
    ["cpf.cofinancementMinimumPermis", "2026-02-26", 100, "D6323-8 I"],
    ["cpf.permisReserveDemandeurOuTiers", "2026-02-20", 0, "avant L6323-6 II 4° (loi 2026-103)"],
    ["cpf.permisReserveDemandeurOuTiers", "2026-02-21", 1, "L6323-6 II 4°"],
    ["ptp.ancienneteSalarieMois", "2026-04-01", 24, "D6323-9 I 1°"],
    ["ptp.ancienneteEntrepriseMois", "2026-04-01", 12, "D6323-9 I 1°"],
    ["ptp.delaiDemandeLongueJours", "2026-04-01", 120, "R6323-10 I 1°"],
    ["ptp.delaiDemandeCourteJours", "2026-04-01", 60, "R6323-10 I 2°"],
    ["cpfTempsTravail.delaiLongJours", "2026-04-01", 120, "D6323-4"],
    ["vae.delaiDemandeCongeJours", "2026-04-01", 30, "R6422-3"],
    ["periodeReconversion.ouverte", "2025-12-31", 0, "L6324-1 pas encore en vigueur"],
    ["periodeReconversion.ouverte", "2026-01-01", 1, "L6324-1"],
    ["periodeReconversion.delaiTransmissionOpcoJours", "2026-03-01", 30, "R6324-1"],
    [
      "periodeReconversion.delaiTransmissionOpcoJours",
      "2026-01-15",
      undefined,
      "R6324-1 en vigueur le 1er février 2026",
    ],
  ])("%s au %s vaut %s (%s)", (id, date, attendu) => {
    expect(valeurAu(PARAMETRES[id], date)).toBe(attendu);
  });

  it("chaque paramètre a des valeurs triées, datées et sourcées", () => {
    for (const p of Object.values(PARAMETRES)) {
      expect(p.valeurs.length, p.id).toBeGreaterThan(0);
      const debuts = p.valeurs.map((v) => v.debut);
      expect(debuts, p.id).toEqual([...debuts].sort());
      for (const v of p.valeurs) {
        expect(v.debut, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(v.source.length, p.id).toBeGreaterThan(3);
      }
    }
  });

  it("une surcharge d'administrateur s'ajoute à l'historique sans l'effacer", () => {
    const jeu = avecSurcharges(PARAMETRES, [
      {
        parametreId: "cpf.participationForfaitaire",
        debut: "2026-09-01",
        valeur: 150,
        source: "décret à venir",
      },
    ]);
    expect(valeurAu(jeu["cpf.participationForfaitaire"], "2026-08-31")).toBe(103.2);
    expect(valeurAu(jeu["cpf.participationForfaitaire"], "2026-09-01")).toBe(150);
    expect(valeurAu(jeu["cpf.participationForfaitaire"], "2024-05-02")).toBe(100);
    expect(valeurAu(PARAMETRES["cpf.participationForfaitaire"], "2026-09-01")).toBe(103.2);
  });
});
