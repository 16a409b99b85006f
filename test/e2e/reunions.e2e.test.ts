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

describe("réunions d'information : page publique", () => {
  it("deux places prises, la troisième personne est mise en liste d'attente ; erreurs à côté des champs", async () => {
    await page.goto(url("/"));
    await page.getByRole("link", { name: /Participer à une réunion d'information/ }).click();
    await page.getByRole("heading", { level: 1, name: "Réunions d'information" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Se reconvertir : par où commencer ?" }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "reunions-liste");

    const sInscrire = async (nom: string, email: string) => {
      await page.getByRole("button", { name: /S'inscrire : Se reconvertir/ }).click();
      await page.getByLabel("Votre nom").fill(nom);
      await page.getByLabel("Adresse électronique").fill(email);
      await page.getByRole("button", { name: "Confirmer mon inscription" }).click();
    };

    await page.getByRole("button", { name: /S'inscrire : Se reconvertir/ }).click();
    await page.getByRole("button", { name: "Confirmer mon inscription" }).click();
    await page.getByRole("alert").getByText("Certaines informations sont invalides.").waitFor();
    await page.locator(".fr-input-group--error").first().waitFor();
    await verifierAccessibilite(page);
    await page.getByRole("button", { name: "Annuler" }).click();

    for (const [i, nom] of ["Alix", "Basile"].entries()) {
      await sInscrire(nom, `${nom.toLowerCase()}.${Date.now()}.${i}@exemple.invalid`);
      await page.getByText("Votre place est réservée").waitFor();
      await page.getByRole("button", { name: "Retour aux réunions" }).click();
    }
    await page.getByText("Complet : liste d'attente").waitFor();
    await sInscrire("Capucine", `capucine.${Date.now()}@exemple.invalid`);
    await page.getByText("Vous êtes en position 1 sur la liste d'attente").waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "reunions-liste-attente");

    // La conseillère annule la première inscription : la personne en attente monte ; elle note une présence.
    await seConnecter(page, "conseillere.ara@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    await page.getByRole("link", { name: "Réunions d'information" }).click();
    await page.getByRole("heading", { level: 1, name: "Réunions d'information" }).waitFor();
    await page.getByRole("button", { name: "Inscriptions : Se reconvertir : par où commencer ?" }).click();
    await page.getByRole("heading", { name: /Inscriptions : Se reconvertir/ }).waitFor();
    await page.getByText("Liste d'attente (1)").waitFor();
    await verifierAccessibilite(page);
    await page.getByRole("button", { name: "Annuler l'inscription de Alix" }).click();
    await page.getByText("Annulée", { exact: true }).waitFor();
    await expect.poll(() => page.getByText("Liste d'attente (1)").count()).toBe(0);
    await page.getByRole("button", { name: "Basile : présent·e" }).click();
    await page.getByRole("cell", { name: "Présent·e", exact: true }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "reunions-conseiller");
  });
});

describe("réunions d'information : depuis le dossier", () => {
  it("la conseillère inscrit deux personnes à une séance d'une place : la seconde est en liste d'attente, puis monte", async () => {
    const theme = `Séance d'une place ${Date.now()}`;
    await seConnecter(page, "conseillere.ara@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    // Une séance d'une place, planifiée depuis l'écran des réunions.
    await page.getByRole("link", { name: "Réunions d'information" }).click();
    await page.locator("#champ-theme").fill(theme);
    const demain = new Date(Date.now() + 2 * 86_400_000);
    const local = new Date(demain.getTime() - demain.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.locator("#champ-debut").fill(local);
    await page.locator("#champ-places").fill("1");
    await page.getByRole("button", { name: "Planifier la réunion" }).click();
    await page.getByText("Réunion planifiée : elle est publiée.").waitFor();

    // Deux dossiers en cours du portefeuille.
    const dossiers: { nom: string; href: string }[] = [];
    await page.goto(url("/conseiller"));
    await page.getByLabel("Statut").selectOption({ label: "En cours" });
    const liens = page.locator("table a[href^='/conseiller/dossiers/']");
    await expect.poll(() => liens.count()).toBeGreaterThan(1);
    for (const i of [0, 1])
      dossiers.push({
        nom: (await liens.nth(i).textContent())!.trim(),
        href: (await liens.nth(i).getAttribute("href"))!,
      });

    const ouvrirOnglet = async (href: string) => {
      await page.goto(url(href));
      await page.getByRole("tab", { name: "Réunions d'information" }).click();
      await page.getByRole("heading", { level: 2, name: "Réunions d'information" }).waitFor();
    };
    const ligne = () => page.getByRole("row", { name: new RegExp(theme) });

    await ouvrirOnglet(dossiers[0]!.href);
    await ligne()
      .getByRole("button", { name: `Inscrire : ${dossiers[0]!.nom}, « ${theme} »` })
      .click();
    await page
      .getByRole("status")
      .getByText(/place confirmée/)
      .waitFor();
    await ligne().getByText("Place confirmée").waitFor();
    expect(await ligne().textContent()).toContain("0 sur 1");
    await verifierAccessibilite(page);

    await ouvrirOnglet(dossiers[1]!.href);
    await ligne()
      .getByRole("button", { name: `Inscrire en liste d'attente : ${dossiers[1]!.nom}, « ${theme} »` })
      .click();
    await page
      .getByRole("status")
      .getByText(new RegExp(`complète : ${dossiers[1]!.nom} est sur la liste d'attente, en position 1`))
      .waitFor();
    await ligne().getByText("Liste d'attente (1)").waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "reunions-dossier-liste-attente");

    // La première annule depuis son dossier : la seconde monte.
    await ouvrirOnglet(dossiers[0]!.href);
    await ligne()
      .getByRole("button", { name: `Annuler l'inscription : ${dossiers[0]!.nom}, « ${theme} »` })
      .click();
    await page
      .getByRole("status")
      .getByText(/est annulée/)
      .waitFor();
    await ouvrirOnglet(dossiers[1]!.href);
    await ligne().getByText("Place confirmée").waitFor();
    await verifierAccessibilite(page);
  });
});
