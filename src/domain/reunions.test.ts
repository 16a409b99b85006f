import { describe, expect, it } from "vitest";
import {
  CONSERVATION_INSCRIPTIONS_SANS_DOSSIER_MOIS,
  repartir,
  seancesAnonymisablesAvant,
} from "./reunions.js";

const i = (id: string, minute: number, annulee = false) => ({
  id,
  inscritLe: `2026-05-01T10:${String(minute).padStart(2, "0")}:00.000Z`,
  annuleeLe: annulee ? "2026-05-02T00:00:00.000Z" : null,
});

describe("réunion d'information : places et liste d'attente (ordre d'inscription)", () => {
  it.each([
    ["2 places, 2 inscrits", 2, [i("a", 1), i("b", 2)], { a: "confirmee", b: "confirmee" }],
    [
      "2 places, 3 inscrits : le troisième attend",
      2,
      [i("a", 1), i("b", 2), i("c", 3)],
      { c: "liste_attente" },
    ],
    [
      "une annulation fait monter le premier en attente",
      2,
      [i("a", 1, true), i("b", 2), i("c", 3), i("d", 4)],
      { a: "annulee", b: "confirmee", c: "confirmee", d: "liste_attente" },
    ],
    [
      "l'ordre d'arrivée compte, pas l'ordre de la liste",
      1,
      [i("b", 5), i("a", 1)],
      { a: "confirmee", b: "liste_attente" },
    ],
  ] as const)("%s", (_, places, inscriptions, attendu) => {
    const r = repartir(places, [...inscriptions]);
    for (const [id, place] of Object.entries(attendu)) expect(r.get(id)?.place).toBe(place);
  });

  it("donne le rang dans la liste d'attente", () => {
    const r = repartir(1, [i("a", 1), i("b", 2), i("c", 3)]);
    expect([r.get("b")?.rangAttente, r.get("c")?.rangAttente]).toEqual([1, 2]);
  });
});

/** Conservation des inscriptions sans dossier (ADR 0004 ; analogue : traces du SI-CPF, 6 mois, R6323-40, regles-cep.md §6). */
describe("réunion d'information : conservation des inscriptions sans dossier", () => {
  it.each([
    ["2026-11-23T10:00:00.000Z", "2026-05-23T10:00:00.000Z"],
    ["2026-03-31T00:00:00.000Z", "2025-10-01T00:00:00.000Z"],
  ])("6 mois avant %s : %s", (maintenant, limite) => {
    expect(CONSERVATION_INSCRIPTIONS_SANS_DOSSIER_MOIS).toBe(6);
    expect(seancesAnonymisablesAvant(maintenant, CONSERVATION_INSCRIPTIONS_SANS_DOSSIER_MOIS)).toBe(limite);
  });
});
