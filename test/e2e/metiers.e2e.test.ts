import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  capturer,
  navigateurDuFichier,
  surveillerErreurs,
  url,
  verifierAccessibilite,
} from "./support/navigateur.js";

/** Pages publiques des métiers sur le ROME 4.0 et l'enquête BMO officiels. */
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

describe("métiers", () => {
  it("la recherche propose des métiers au clavier et ouvre la fiche", async () => {
    await page.goto(url("/metiers"));
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Explorer les métiers");
    const champ = page.getByRole("combobox", { name: /Rechercher un métier/ });
    await champ.focus();
    await page.keyboard.type("secretaire medicale");
    await expect.poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole("status").last().textContent()).toMatch(/métiers proposés/);
    // Attribution des référentiels de la recherche, libellés ESCO compris.
    expect(await page.getByText("ESCO, Commission européenne (CC BY 4.0)").count()).toBe(1);
    await verifierAccessibilite(page);
    await capturer(page, "metiers-recherche");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/metiers\/[A-N]\d{4}$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .not.toMatch(/^Fiche métier/);
  });

  it("la fiche M1607 montre compétences, mobilités et les recrutements en Auvergne-Rhône-Alpes, sans violation axe", async () => {
    await page.goto(url("/metiers/M1607"));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Secrétaire");
    expect(await page.title()).toBe("Secrétaire — Conseil en évolution professionnelle");
    await expect.poll(() => page.getByRole("heading", { name: "Savoir-faire", level: 3 }).count()).toBe(1);
    expect(await page.getByText("Cœur de métier").count()).toBeGreaterThan(0);
    const mobilites = page.locator("h2:has-text('Métiers proches') + ul a");
    expect(await mobilites.count()).toBeGreaterThan(0);
    await page.locator("select").selectOption({ label: "Auvergne-Rhône-Alpes" });
    const ligne = page.getByRole("row", { name: /Auvergne-Rhône-Alpes/ }).first();
    await expect.poll(() => ligne.count()).toBe(1);
    expect(await ligne.textContent()).toMatch(/\d+e sur \d+ métiers/);
    expect(await page.getByText("Source : France Travail, ROME 4.0 (v460)").count()).toBe(1);
    await verifierAccessibilite(page);
    await capturer(page, "fiche-metier-M1607");
    // La région peut aussi se choisir par la commune (code postal), au clavier.
    await page.locator("select").selectOption({ label: "France entière seulement" });
    await page.getByRole("combobox", { name: /Votre commune/ }).fill("07100");
    await expect.poll(() => page.getByRole("option", { name: /^Annonay \(/ }).count()).toBe(1);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("select").inputValue()).toBe("84");
    await verifierAccessibilite(page);
    // Les mobilités sont des liens vers d'autres fiches.
    await mobilites.first().click();
    await page.waitForURL(/\/metiers\/[A-N]\d{4}$/);
  });

  it("l'exploration par domaine et le filtre transition écologique", async () => {
    await page.goto(url("/metiers"));
    await page.getByRole("button", { name: /Support à l'entreprise/ }).click();
    await page.getByRole("link", { name: /Secrétariat et assistance/ }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Secrétariat et assistance");
    await expect.poll(() => page.getByRole("link", { name: /Secrétaire \(M1607\)/ }).count()).toBe(1);
    await verifierAccessibilite(page);
    await page.goto(url("/metiers/transition-ecologique"));
    await expect.poll(() => page.getByText(/357 fiches métier/).count()).toBe(1);
    await verifierAccessibilite(page);
    await capturer(page, "metiers-transition-ecologique");
  });

  it("les métiers qui recrutent près de chez soi : depuis l'accueil, par la commune, trois tableaux, liens vers les fiches", async () => {
    await page.goto(url("/"));
    await page.getByRole("link", { name: "Les métiers qui recrutent près de chez vous" }).first().click();
    await page.waitForURL(url("/metiers/territoire"));
    await page
      .getByText("Indiquez votre commune pour voir les métiers qui recrutent dans votre région.")
      .waitFor();
    await verifierAccessibilite(page);
    // La commune se choisit au clavier, par son code postal.
    await page.getByRole("combobox", { name: /Votre commune/ }).fill("07100");
    await expect.poll(() => page.getByRole("option", { name: /^Annonay \(/ }).count()).toBe(1);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/metiers\/territoire\?cp=07100&commune=07010$/);
    await page.getByText(/Annonay est en région Auvergne-Rhône-Alpes/).waitFor();
    const captions = page.locator("table caption");
    await expect.poll(() => captions.count()).toBe(3);
    expect(await captions.allTextContents()).toEqual([
      "Les 10 métiers qui comptent le plus de projets de recrutement en Auvergne-Rhône-Alpes",
      "Les 10 métiers jugés les plus difficiles à pourvoir en Auvergne-Rhône-Alpes",
      "Métiers de la transition écologique rattachés aux métiers qui recrutent en Auvergne-Rhône-Alpes",
    ]);
    // Premier métier qui recrute : serveurs (1 bassin secret → « au moins »), avec ses fiches en lien.
    const premiere = page.locator("table").first().locator("tbody tr").first();
    expect(await premiere.textContent()).toMatch(/Serveurs de cafés restaurants.*au moins 13\s256/);
    expect(
      await page
        .getByText("Source : France Travail, enquête BMO 2025 ; Dares, table de passage ROME → FAP-2021.")
        .count(),
    ).toBe(1);
    expect(await page.getByText("Source : France Travail, ROME 4.0 (v460).").count()).toBe(1);
    await verifierAccessibilite(page);
    await capturer(page, "metiers-territoire");
    // Chaque fiche proposée est un lien vers sa page métier.
    await premiere.getByRole("link").first().click();
    await page.waitForURL(/\/metiers\/G18\d\d$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .not.toMatch(/^Fiche métier/);
  });
});
