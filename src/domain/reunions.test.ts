import { describe, expect, it } from "vitest";
import { repartir } from "./reunions.js";

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
