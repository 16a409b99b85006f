import joursFeriesNationaux from "@socialgouv/jours-feries";
import { describe, expect, it } from "vitest";
import { creerJoursFeries, qualifierEcheance } from "./calendrier.js";
import { ajouterJours, ecartJours, estDateIso } from "./dates.js";

// Le domaine n'importe rien : le test branche la bibliothèque comme le fait la couche application.
const feries = creerJoursFeries((annee, alsace) => {
  const r: Record<string, string> = {};
  for (const [nom, d] of Object.entries(joursFeriesNationaux(annee, { alsace })))
    r[
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
    ] = nom;
  return r;
});

describe("jours fériés (L3133-1, L3134-13, L3422-2)", () => {
  it.each<[string, string | undefined, string | null]>([
    ["2026-01-01", undefined, "Jour de l'an"],
    ["2026-04-06", undefined, "Lundi de Pâques"],
    ["2026-05-14", undefined, "Ascension"],
    ["2026-05-25", undefined, "Lundi de Pentecôte"],
    ["2026-07-14", "75", "Fête Nationale"],
    ["2026-04-03", "75", null],
    ["2026-04-03", "67", "Vendredi Saint"],
    ["2026-12-26", "57", "Saint Étienne"],
    ["2026-12-26", "69", null],
    ["2026-05-27", "971", "Abolition de l'esclavage (Guadeloupe)"],
    ["2026-05-22", "972", "Abolition de l'esclavage (Martinique)"],
    ["2026-06-10", "973", "Abolition de l'esclavage (Guyane)"],
    ["2026-12-20", "974", "Abolition de l'esclavage (La Réunion)"],
    ["2026-04-27", "976", "Abolition de l'esclavage (Mayotte)"],
    ["2026-12-20", "69", null],
    ["2027-03-29", undefined, "Lundi de Pâques"],
    ["2027-03-26", "68", "Vendredi Saint"],
  ])("%s dans le département %s : %s", (date, dep, attendu) => {
    expect(feries(date, dep)).toBe(attendu);
  });
});

describe("échéances en jours calendaires, signalées le week-end et les jours fériés", () => {
  it.each<[string, string | undefined, string | undefined]>([
    ["2026-08-03", undefined, undefined],
    ["2026-08-01", undefined, "samedi"],
    ["2026-08-02", undefined, "dimanche"],
    ["2026-08-15", undefined, "jour férié (Assomption)"],
    ["2026-04-03", "67", "jour férié (Vendredi Saint)"],
    ["2026-12-20", "974", "jour férié (Abolition de l'esclavage (La Réunion))"],
  ])("%s (département %s) → %s", (date, dep, attendu) => {
    expect(qualifierEcheance({ date, libelle: "x" }, feries, dep, "2026-01-01").jourNonOuvre).toBe(attendu);
  });

  it("une échéance antérieure à la date de la simulation est marquée dépassée", () => {
    expect(
      qualifierEcheance({ date: "2026-03-02", libelle: "x" }, feries, undefined, "2026-04-01").depassee,
    ).toBe(true);
  });

  it("compte en jours calendaires, années bissextiles comprises", () => {
    expect(ajouterJours("2026-12-01", -120)).toBe("2026-08-03");
    expect(ajouterJours("2028-03-01", -1)).toBe("2028-02-29");
    expect(ecartJours("2026-08-03", "2026-12-01")).toBe(120);
    expect(estDateIso("2026-02-29")).toBe(false);
    expect(estDateIso("2028-02-29")).toBe(true);
  });
});
