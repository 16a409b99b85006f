import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  capturer,
  navigateurDuFichier,
  seConnecter,
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

describe("co-suivi d'un dossier", () => {
  it("la référente partage un dossier avec un collègue, qui l'ouvre, puis retire le partage", async () => {
    await seConnecter(page, "conseillere.ara@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    await page.getByRole("link", { name: "Yanis Simon" }).click();
    await page.getByRole("heading", { level: 1, name: "Dossier de Yanis Simon" }).waitFor();
    const adresse = page.url();
    await page.getByRole("tab", { name: "Référent et transferts", exact: true }).click();
    await page.getByText("Le dossier n'est partagé avec personne.").waitFor();
    await page.getByLabel("Collègue", { exact: true }).selectOption({ label: "Julien Morin" });
    await page.getByRole("button", { name: "Partager le dossier" }).click();
    await page.getByRole("button", { name: "Retirer le partage avec Julien Morin" }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "dossier-co-suivi");

    const collegue = await (await navigateur.newContext({ locale: "fr-FR" })).newPage();
    await seConnecter(collegue, "conseiller.ara@demo.cep.invalid");
    await collegue.waitForURL(url("/conseiller"));
    await collegue.goto(adresse);
    await collegue.getByRole("heading", { level: 1, name: "Dossier de Yanis Simon" }).waitFor();

    await page.getByRole("button", { name: "Retirer le partage avec Julien Morin" }).click();
    await page.getByText("Le dossier n'est partagé avec personne.").waitFor();
    await collegue.reload();
    await collegue.getByText("Vous n'avez pas accès à ce dossier.").waitFor();
    await collegue.context().close();
  });
});
