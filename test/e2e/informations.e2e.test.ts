import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DISPOSITIFS } from "../../src/web/public/informations/contenus.js";
import {
  capturer,
  navigateurDuFichier,
  surveillerErreurs,
  url,
  verifierAccessibilite,
} from "./support/navigateur.js";

let page: Page;
let erreurs: string[];

const navigateur = navigateurDuFichier();
beforeEach(async () => {
  page = await (await navigateur.newContext({ locale: "fr-FR" })).newPage();
  erreurs = surveillerErreurs(page);
});
afterEach(async () => {
  await page.context().close();
  expect(erreurs, "erreurs dans la page").toEqual([]);
});

describe("pages d'information du niveau 1", () => {
  it("depuis l'accueil, la page du CEP présente gratuité, confidentialité, distance et horaires, avec ses sources", async () => {
    await page.goto(url("/"));
    await page.getByRole("link", { name: "Tout savoir sur le conseil en évolution professionnelle" }).click();
    await page.getByRole("heading", { level: 1, name: "Le conseil en évolution professionnelle" }).waitFor();
    const texte = await page.locator("main").textContent();
    for (const attendu of [
      "gratuit",
      "discrétion professionnelle",
      "en dehors de vos heures de travail",
      "visioconférence",
      "Niveau 1",
      "Niveau 2",
    ])
      expect(texte).toContain(attendu);
    expect(
      await page.getByRole("link", { name: "Article L6111-6 du Code du travail" }).getAttribute("href"),
    ).toContain("LEGIARTI000048600517");
    await verifierAccessibilite(page);
    await capturer(page, "information-cep");
  });

  it.each(DISPOSITIFS.map((d) => [d.titre, d.code]))(
    "« %s » s'ouvre depuis la liste, avec ses sources et la date des règles",
    async (titre, code) => {
      await page.goto(url("/dispositifs"));
      await page.getByRole("link", { name: titre }).click();
      await page.waitForURL(url(`/dispositifs/${code}`));
      await page.getByRole("heading", { level: 1, name: titre }).waitFor();
      expect(await page.locator("main").textContent()).toContain(
        "Règles du Code du travail en vigueur au 27 mars 2026.",
      );
      await verifierAccessibilite(page);
    },
  );

  it("un dispositif inconnu affiche la page introuvable", async () => {
    await page.goto(url("/dispositifs/inconnu"));
    await page.getByRole("heading", { level: 1, name: "Page introuvable" }).waitFor();
  });
});
