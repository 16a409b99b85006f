import { describe, expect, it } from "vitest";
import { action, feries, ligne, plan } from "../../../test/cas/plan.js";
import { PARAMETRES } from "../financement/parametres.js";
import { calendrierPlan } from "./calendrier.js";
import { SITUATION_FINANCEMENT_VIDE } from "./plan.js";

const delais = (p: ReturnType<typeof plan>, aujourdhui = "2026-04-01") =>
  calendrierPlan(p, PARAMETRES, feries, aujourdhui)
    .filter((e) => e.type === "delai_legal")
    .map((e) => [e.date, e.source]);

describe("calendrier prévisionnel du plan : délais légaux dérivés des financements", () => {
  it.each<[string, Parameters<typeof action>[0], [string, string | undefined][]]>([
    [
      "PTP, formation de 9 mois : demande 120 jours avant (R6323-10 I 1°), réponse 30 jours après (R6323-10 III)",
      { dateDebut: "2026-12-01", dureeMois: 9, lignes: [ligne({ dispositif: "ptp", montant: 7500 })] },
      [
        ["2026-08-03", "R6323-10 I 1°"],
        ["2026-09-02", "R6323-10 III"],
      ],
    ],
    [
      "PTP, formation de 4 mois : 60 jours avant (R6323-10 I 2°)",
      { dateDebut: "2026-12-01", dureeMois: 4, lignes: [ligne({ dispositif: "ptp", montant: 7500 })] },
      [
        ["2026-10-02", "R6323-10 I 2°"],
        ["2026-11-01", "R6323-10 III"],
      ],
    ],
    [
      "PTP de 9 mois à temps partiel : 60 jours avant (R6323-10 I 2°)",
      {
        dateDebut: "2026-12-01",
        dureeMois: 9,
        tempsPartiel: true,
        lignes: [ligne({ dispositif: "ptp", montant: 7500 })],
      },
      [
        ["2026-10-02", "R6323-10 I 2°"],
        ["2026-11-01", "R6323-10 III"],
      ],
    ],
    [
      "CPF sur le temps de travail, 3 mois : 60 jours avant (D6323-4 I), réponse 30 jours (D6323-4 II)",
      {
        dateDebut: "2026-12-01",
        dureeMois: 3,
        surTempsDeTravail: true,
        lignes: [ligne({ dispositif: "cpf", montant: 1000 })],
      },
      [
        ["2026-10-02", "D6323-4 I"],
        ["2026-11-01", "D6323-4 II"],
      ],
    ],
    [
      "CPF sur le temps de travail, 6 mois : 120 jours avant (D6323-4 I)",
      {
        dateDebut: "2026-12-01",
        dureeMois: 6,
        surTempsDeTravail: true,
        lignes: [ligne({ dispositif: "cpf", montant: 1000 })],
      },
      [
        ["2026-08-03", "D6323-4 I"],
        ["2026-09-02", "D6323-4 II"],
      ],
    ],
    [
      "CPF hors temps de travail : pas de demande d'absence",
      { dateDebut: "2026-12-01", dureeMois: 6, lignes: [ligne({ dispositif: "cpf", montant: 1000 })] },
      [],
    ],
    [
      "CPF mobilisé dans un PTP : seule la demande de congé de transition compte (R6323-14-4)",
      {
        dateDebut: "2026-12-01",
        dureeMois: 4,
        surTempsDeTravail: true,
        lignes: [ligne({ dispositif: "cpf", montant: 1000 }), ligne({ dispositif: "ptp", montant: 8000 })],
      },
      [
        ["2026-10-02", "R6323-10 I 2°"],
        ["2026-11-01", "R6323-10 III"],
      ],
    ],
    [
      "VAE sur le temps de travail : congé demandé 30 jours avant (R6422-3), réponse 15 jours (R6422-4)",
      { type: "vae", cout: 2000, dateDebut: "2026-12-01", surTempsDeTravail: true },
      [
        ["2026-11-01", "R6422-3"],
        ["2026-11-16", "R6422-4"],
      ],
    ],
    [
      "période de reconversion : documents à l'OPCO 30 jours avant (R6324-1), décision 20 jours (R6324-2)",
      {
        dateDebut: "2026-12-01",
        dureeMois: 6,
        lignes: [ligne({ dispositif: "periode_reconversion", montant: 9000 })],
      },
      [
        ["2026-11-01", "R6324-1"],
        ["2026-11-21", "R6324-2"],
      ],
    ],
    [
      "ligne PTP refusée : plus de délai",
      {
        dateDebut: "2026-12-01",
        dureeMois: 9,
        lignes: [ligne({ dispositif: "ptp", montant: 7500, statut: "refuse" })],
      },
      [],
    ],
  ])("%s", (_cas, a, attendu) => {
    expect(delais(plan([action(a)]))).toEqual(attendu);
  });

  it("place échéances, débuts et fins sur la frise, dans l'ordre, et signale week-ends, jours fériés et dates passées", () => {
    const p = plan([
      action({
        id: "a1",
        echeance: "2026-11-01",
        dateDebut: "2026-12-01",
        dateFin: "2026-12-25",
        lignes: [],
      }),
      action({
        id: "a2",
        intitule: "Abandonnée",
        echeance: "2026-05-05",
        cout: null,
        dateDebut: null,
        dateFin: null,
        statut: "abandonne",
      }),
      action({
        id: "a3",
        intitule: "Passée",
        type: "autre",
        echeance: "2026-03-02",
        cout: null,
        dateDebut: null,
        dateFin: null,
      }),
    ]);
    p.etapes[0]!.echeance = "2026-07-14";
    const c = calendrierPlan(p, PARAMETRES, feries, "2026-04-01");
    expect(c.map((e) => [e.date, e.type, e.jourNonOuvre ?? null, e.depassee ?? false])).toEqual([
      ["2026-03-02", "echeance_action", null, true],
      ["2026-07-14", "etape", "jour férié (Fête Nationale)", false],
      ["2026-11-01", "echeance_action", "jour férié (Toussaint)", false],
      ["2026-12-01", "debut_action", null, false],
      ["2026-12-25", "fin_action", "jour férié (Noël)", false],
    ]);
  });

  it("prend les jours fériés du département de la personne (Alsace-Moselle, L3134-13)", () => {
    const p = plan([action({ echeance: "2026-12-26", cout: null, dateDebut: null, dateFin: null })], {
      situation: { ...SITUATION_FINANCEMENT_VIDE, departement: "67" },
    });
    expect(calendrierPlan(p, PARAMETRES, feries, "2026-04-01")[0]!.jourNonOuvre).toBe(
      "jour férié (Saint Étienne)",
    );
  });
});
