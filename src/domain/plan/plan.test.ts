import { describe, expect, it } from "vitest";
import { action, plan } from "../../../test/cas/plan.js";
import {
  type ActionPlan,
  comparer,
  deciderEnregistrement,
  natureModification,
  peutChangerStatut,
  refusAccord,
  verifierPlan,
} from "./plan.js";

describe("cohérence du plan (verifierPlan) : chaque erreur nomme le champ", () => {
  it.each<[string, ActionPlan, string]>([
    ["tiers responsable sans nom", action({ tiers: null }), "etapes.0.actions.0.tiers"],
    [
      "action payante sans date de début",
      action({ dateDebut: null, dateFin: null }),
      "etapes.0.actions.0.dateDebut",
    ],
    ["fin avant le début", action({ dateFin: "2026-11-30" }), "etapes.0.actions.0.dateFin"],
    [
      "financement d'une action sans coût",
      action({
        cout: null,
        lignes: [
          { id: "l1", dispositif: "cpf", financeur: "CDC", montant: 0, statut: "a_etudier", contacts: [] },
        ],
      }),
      "etapes.0.actions.0.cout",
    ],
    [
      "deux lignes pour le même dispositif",
      action({
        lignes: [
          { id: "l1", dispositif: "cpf", financeur: "CDC", montant: 100, statut: "a_etudier", contacts: [] },
          { id: "l2", dispositif: "cpf", financeur: "CDC", montant: 100, statut: "a_etudier", contacts: [] },
        ],
      }),
      "etapes.0.actions.0.lignes.1.dispositif",
    ],
    [
      "dispositif qui ne finance pas ce type d'action (le PTP finance une formation, L6323-17-1)",
      action({
        type: "bilan_competences",
        lignes: [
          {
            id: "l1",
            dispositif: "ptp",
            financeur: "Transitions Pro",
            montant: 100,
            statut: "a_etudier",
            contacts: [],
          },
        ],
      }),
      "etapes.0.actions.0.lignes.0.dispositif",
    ],
    [
      "financements supérieurs au coût",
      action({
        cout: 1000,
        lignes: [
          { id: "l1", dispositif: "cpf", financeur: "CDC", montant: 1500, statut: "depose", contacts: [] },
        ],
      }),
      "etapes.0.actions.0.lignes",
    ],
    ["identifiant en double", action({ id: "e1" }), "etapes.0.actions.0.id"],
  ])("%s", (_nom, a, champ) => {
    expect(verifierPlan(plan([a])).map((e) => e.champ)).toEqual([champ]);
  });

  it("accepte un plan cohérent, et ne compte pas les lignes refusées ni les fonds personnels dans le dépassement", () => {
    const a = action({
      cout: 1000,
      lignes: [
        { id: "l1", dispositif: "cpf", financeur: "CDC", montant: 1000, statut: "refuse", contacts: [] },
        {
          id: "l2",
          dispositif: "opco_plan",
          financeur: "OPCO",
          montant: 900,
          statut: "depose",
          contacts: [],
        },
        {
          id: "l3",
          dispositif: "fonds_personnels",
          financeur: "La personne",
          montant: 100,
          statut: "accorde",
          contacts: [],
        },
      ],
    });
    expect(
      verifierPlan(
        plan([
          a,
          action({ id: "a2", type: "demarche_personnelle", cout: null, dateDebut: null, dateFin: null }),
        ]),
      ),
    ).toEqual([]);
  });
});

describe("qui peut cocher une action", () => {
  it.each<["beneficiaire" | "personnel", ActionPlan["responsable"], boolean]>([
    ["beneficiaire", "beneficiaire", true],
    ["beneficiaire", "conseiller", false],
    ["beneficiaire", "tiers", false],
    ["personnel", "beneficiaire", true],
    ["personnel", "conseiller", true],
    ["personnel", "tiers", true],
  ])("%s sur une action de %s → %s", (qui, responsable, attendu) => {
    expect(peutChangerStatut(qui, { responsable })).toBe(attendu);
  });
});

describe("comparaison de deux versions et révision", () => {
  const v1 = plan([
    action({
      lignes: [
        {
          id: "l1",
          dispositif: "ptp",
          financeur: "Transitions Pro",
          montant: 7500,
          statut: "depose",
          contacts: [],
        },
      ],
    }),
  ]);

  it("ne voit rien entre deux versions identiques", () => {
    expect(comparer(v1, structuredClone(v1))).toEqual([]);
    expect(natureModification(v1, structuredClone(v1))).toBe("aucune");
  });

  it("liste les modifications de contenu, champ par champ, avant et après", () => {
    const v2 = structuredClone(v1);
    v2.etapes[0]!.actions[0]!.cout = 9500;
    v2.etapes[0]!.actions[0]!.lignes[0]!.montant = 8000;
    v2.etapes[0]!.actions.push(
      action({
        id: "a2",
        intitule: "Demander le congé",
        type: "demarche_personnelle",
        cout: null,
        dateDebut: null,
        dateFin: null,
      }),
    );
    const d = comparer(v1, v2);
    expect(d).toEqual([
      expect.objectContaining({
        nature: "modification",
        objet: "action",
        champ: "Coût",
        avant: "9 000 €",
        apres: "9 500 €",
        suivi: false,
      }),
      expect.objectContaining({
        nature: "modification",
        objet: "ligne",
        champ: "Montant",
        avant: "7 500 €",
        apres: "8 000 €",
      }),
      expect.objectContaining({ nature: "ajout", objet: "action", element: "Action « Demander le congé »" }),
    ]);
    expect(natureModification(v1, v2)).toBe("contenu");
  });

  it("range le statut d'une action, celui d'une demande et les échanges avec le financeur dans le suivi", () => {
    const v2 = structuredClone(v1);
    v2.etapes[0]!.actions[0]!.statut = "en_cours";
    v2.etapes[0]!.actions[0]!.lignes[0]!.statut = "accorde";
    v2.etapes[0]!.actions[0]!.lignes[0]!.contacts.push({
      id: "c1",
      le: "2026-05-01",
      canal: "courriel",
      reponse: "Accord",
      auteurId: null,
    });
    expect(comparer(v1, v2).every((x) => x.suivi)).toBe(true);
    expect(natureModification(v1, v2)).toBe("suivi");
  });

  it("nomme les changements de situation avec leurs libellés", () => {
    const v2 = { ...v1, situation: { ...v1.situation, statut: "salarie" as const, soldeCPF: 1500 } };
    expect(comparer(v1, v2).map((x) => [x.champ, x.avant, x.apres])).toEqual([
      ["Statut", "—", "Salarié ou salariée du secteur privé"],
      ["Solde CPF", "—", "1 500 €"],
    ]);
  });

  it("repère un retrait d'étape", () => {
    const v2 = { ...v1, etapes: [] };
    expect(comparer(v1, v2)).toEqual([
      expect.objectContaining({ nature: "retrait", objet: "etape", element: "Étape « Se former »" }),
    ]);
  });

  it.each<[Parameters<typeof deciderEnregistrement>, ReturnType<typeof deciderEnregistrement>["type"]]>([
    [["brouillon", "contenu", null], "sur_place"],
    [["brouillon", "suivi", null], "sur_place"],
    [["convenu", "suivi", null], "sur_place"],
    [["convenu", "contenu", "La formation commence plus tard"], "nouvelle_version"],
    [["convenu", "contenu", null], "refus"],
    [["convenu", "aucune", null], "aucune"],
  ])("révision %j → %s", (args, attendu) => {
    const r = deciderEnregistrement(...args);
    expect(r.type).toBe(attendu);
    if (r.type === "refus") expect(r.champ).toBe("motif");
  });
});

describe("accord sur le plan (« convenu avec le conseiller »)", () => {
  it.each<[string, Parameters<typeof refusAccord>, string | null]>([
    ["brouillon avec une action : possible", ["brouillon", plan([action()])], null],
    ["déjà convenu : refusé", ["convenu", plan([action()])], "version"],
    ["sans action : refusé", ["brouillon", plan([])], "contenu.etapes"],
  ])("%s", (_cas, args, champ) => {
    expect(refusAccord(...args)?.champ ?? null).toBe(champ);
  });
});
