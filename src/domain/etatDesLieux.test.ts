import { describe, expect, it } from "vitest";
import { niveau1PourSynthese } from "./etatDesLieux.js";

describe("état des lieux de niveau 1 → champs niveau1 de la synthèse (docs/synthese.md)", () => {
  it.each([
    ["poursuivre", "poursuivre"],
    ["arreter", "ne_pas_poursuivre"],
  ] as const)("décision %s → %s", (decision, attendu) => {
    const n = niveau1PourSynthese({
      demande: "Se reconvertir",
      besoin: "Connaître les formations",
      informations: "- CPF\n• Projet de transition professionnelle\n\nVAE",
      decision,
      orientation: "Niveau 2",
    });
    expect(n).toEqual({
      demande: "Se reconvertir",
      besoinClarifie: "Connaître les formations",
      informationsDonnees: ["CPF", "Projet de transition professionnelle", "VAE"],
      decision: attendu,
      orientation: "Niveau 2",
    });
  });
});
