import { describe, expect, it } from "vitest";
import { raisonRefusMotDePasse } from "./motDePasse.js";

describe("politique de mot de passe", () => {
  it.each([
    ["court", undefined, "Le mot de passe doit contenir au moins 12 caractères."],
    ["aaaaaaaaaaaaaaaa", undefined, "Le mot de passe est trop répétitif : variez les caractères."],
    [
      "camille.martin-2026!",
      "camille.martin@exemple.fr",
      "Le mot de passe ne doit pas contenir votre adresse électronique.",
    ],
    ["x".repeat(257), undefined, "Le mot de passe ne doit pas dépasser 256 caractères."],
    ["une phrase de passe solide", "camille@exemple.fr", null],
  ])("%s → %s", (mdp, email, attendu) => {
    expect(raisonRefusMotDePasse(mdp, email)).toBe(attendu);
  });
});
