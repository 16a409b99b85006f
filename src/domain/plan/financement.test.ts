import { describe, expect, it } from "vitest";
import { action, feries, ligne, plan } from "../../../test/cas/plan.js";
import { PARAMETRES } from "../financement/parametres.js";
import { bilanAction, bilanFinancement } from "./financement.js";
import { SITUATION_FINANCEMENT_VIDE, type SituationFinancement } from "./plan.js";

const salarie: SituationFinancement = {
  ...SITUATION_FINANCEMENT_VIDE,
  statut: "salarie",
  typeContrat: "cdi",
  ancienneteSalarieMois: 48,
  ancienneteEntrepriseMois: 30,
  effectifEntreprise: 30,
  soldeCPF: 1500,
};

describe("participation forfaitaire et reste à charge d'une action du plan (L6323-4 I, L6323-7, R6323-14-4)", () => {
  it.each<[string, SituationFinancement, Parameters<typeof ligne>[0][], string, number, number]>([
    // [cas, situation, lignes, date du calcul, participation, reste à charge]
    [
      "CPF seul avant le 2 mai 2024 : pas de participation (L6323-7)",
      salarie,
      [{ dispositif: "cpf", montant: 1000 }],
      "2024-05-01",
      0,
      0,
    ],
    [
      "CPF seul le 2 mai 2024 : 100 € (L6323-4 I)",
      salarie,
      [{ dispositif: "cpf", montant: 1000 }],
      "2024-05-02",
      100,
      100,
    ],
    [
      "CPF seul en 2025 : 102,23 €",
      salarie,
      [{ dispositif: "cpf", montant: 1000 }],
      "2025-06-01",
      102.23,
      102.23,
    ],
    [
      "CPF seul en 2026 : 103,20 €",
      salarie,
      [{ dispositif: "cpf", montant: 1000 }],
      "2026-04-01",
      103.2,
      103.2,
    ],
    [
      "CPF partiel : le reste dépasse la participation",
      salarie,
      [{ dispositif: "cpf", montant: 600 }],
      "2026-04-01",
      103.2,
      400,
    ],
    [
      "demandeur d'emploi : exonéré (L6323-7)",
      {
        ...salarie,
        statut: "demandeur_emploi",
        typeContrat: null,
        ancienneteEntrepriseMois: null,
        effectifEntreprise: null,
      },
      [{ dispositif: "cpf", montant: 1000 }],
      "2026-04-01",
      0,
      0,
    ],
    [
      "cofinancement de l'employeur : exonéré (L6323-7)",
      salarie,
      [
        { dispositif: "cpf", montant: 700 },
        { dispositif: "opco_plan", montant: 300 },
      ],
      "2026-04-01",
      0,
      0,
    ],
    [
      "CPF mobilisé dans un PTP : pas de participation (R6323-14-4)",
      salarie,
      [
        { dispositif: "cpf", montant: 300 },
        { dispositif: "ptp", montant: 700 },
      ],
      "2026-04-01",
      0,
      0,
    ],
    [
      "ligne CPF refusée : pas de participation, tout reste à charge",
      salarie,
      [{ dispositif: "cpf", montant: 1000, statut: "refuse" }],
      "2026-04-01",
      0,
      1000,
    ],
    [
      "fonds personnels : ne réduisent pas le reste à charge",
      salarie,
      [{ dispositif: "fonds_personnels", montant: 1000 }],
      "2026-04-01",
      0,
      1000,
    ],
  ])("%s", (_cas, situation, lignes, date, participation, reste) => {
    const b = bilanAction(
      action({ type: "formation", cout: 1000, lignes: lignes.map((l) => ligne(l)) }),
      situation,
      PARAMETRES,
      feries,
      date,
    );
    expect(b.participationForfaitaire).toBe(participation);
    expect(b.resteACharge).toBe(reste);
    expect(b.entierementFinance).toBe(reste === 0);
  });

  it("distingue l'accordé de ce qui est encore en attente", () => {
    const b = bilanAction(
      action({
        cout: 9000,
        lignes: [
          ligne({ dispositif: "ptp", montant: 7500, statut: "accorde" }),
          ligne({ dispositif: "cpf", montant: 1500 }),
        ],
      }),
      salarie,
      PARAMETRES,
      feries,
      "2026-04-01",
    );
    expect(b).toMatchObject({ couvert: 9000, accorde: 7500, enAttente: 1500, resteACharge: 0 });
    expect(b.alertes).toEqual([
      "1 500 € demandés pour « Titre professionnel d'assistant de vie aux familles » n'ont pas encore été accordés.",
    ]);
  });

  it("alerte quand le plan n'est pas entièrement financé, avec les dispositifs éligibles pas encore explorés (simulation)", () => {
    const b = bilanAction(
      action({ cout: 9000, lignes: [ligne({ dispositif: "cpf", montant: 1500 })] }),
      salarie,
      PARAMETRES,
      feries,
      "2026-04-01",
    );
    expect(b.resteACharge).toBe(7500);
    // Salarié en CDI, 48 mois dont 30 dans l'entreprise, formation certifiante : PTP éligible (L6323-17-1, D6323-9) ;
    // plan de développement des compétences (L6321-1) ; pas la période de reconversion : 900 heures dépassent la
    // durée maximale (L6324-4).
    expect(b.aExplorer.map((x) => x.dispositif)).toEqual(["ptp", "opco_plan"]);
    expect(b.alertes[0]).toBe(
      "Plan de financement incomplet pour « Titre professionnel d'assistant de vie aux familles » : reste à charge de 7 500 €, dont 103,20 € de participation forfaitaire.",
    );
  });

  it("ne propose rien à explorer sans la situation de la personne, et le dit", () => {
    const b = bilanAction(
      action({ cout: 9000 }),
      SITUATION_FINANCEMENT_VIDE,
      PARAMETRES,
      feries,
      "2026-04-01",
    );
    expect(b.aExplorer).toEqual([]);
    expect(b.alertes[1]).toMatch(/Renseignez la situation/);
  });

  it("ne compte que les actions payantes non abandonnées dans le total du plan", () => {
    const b = bilanFinancement(
      plan(
        [
          action({ cout: 1000, lignes: [ligne({ dispositif: "cpf", montant: 1000 })] }),
          action({ id: "a2", cout: 500, statut: "abandonne" }),
          action({ id: "a3", type: "demarche_personnelle", cout: null, dateDebut: null, dateFin: null }),
        ],
        { situation: salarie },
      ),
      PARAMETRES,
      feries,
      "2026-04-01",
    );
    expect(b.actions.map((a) => a.actionId)).toEqual(["a1"]);
    expect(b.total).toEqual({
      cout: 1000,
      couvert: 1000,
      accorde: 0,
      participationForfaitaire: 103.2,
      resteACharge: 103.2,
    });
  });
});
