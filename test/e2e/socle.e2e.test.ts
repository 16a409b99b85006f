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

describe("pages publiques", () => {
  it.each([
    ["/", "Conseil en évolution professionnelle", "accueil-public"],
    ["/connexion", "Se connecter", "connexion"],
    ["/mot-de-passe-oublie", "Mot de passe oublié", "mot-de-passe-oublie"],
    ["/reinitialisation", "Choisir un nouveau mot de passe", "reinitialisation-sans-jeton"],
    ["/une-page-qui-nexiste-pas", "Page introuvable", "page-404"],
  ])("%s affiche « %s » sans violation d'accessibilité", async (chemin, titre, capture) => {
    await page.goto(url(chemin));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(titre);
    expect(await page.title()).toBe(`${titre} — Conseil en évolution professionnelle`);
    await verifierAccessibilite(page);
    await capturer(page, capture);
  });

  it("le premier Tab donne le lien d'évitement vers le contenu, qui mène au contenu", async () => {
    await page.goto(url("/connexion"));
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.keyboard.press("Tab");
    const lien = page.locator(":focus");
    expect(await lien.textContent()).toBe("Contenu");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("contenu");
  });

  it("se connecte au clavier seul", async () => {
    await page.goto(url("/connexion"));
    await page.getByLabel("Adresse électronique").focus();
    await page.keyboard.type("beneficiaire02@demo.cep.invalid");
    await page.keyboard.press("Tab");
    await page.keyboard.type("demo-cep-2026");
    await page.keyboard.press("Enter");
    await page.waitForURL(url("/mon-espace"));
    await page.getByRole("heading", { level: 1, name: "Mon parcours" }).waitFor();
  });

  it("un mauvais mot de passe affiche l'erreur en français, résumée en haut du formulaire", async () => {
    await seConnecter(page, "admin@demo.cep.invalid", "pas-le-bon-mot-de-passe");
    const alerte = page.getByRole("alert");
    await alerte.waitFor();
    expect(await alerte.textContent()).toContain("Adresse électronique ou mot de passe incorrect.");
    await verifierAccessibilite(page);
    await capturer(page, "connexion-erreur");
  });

  it("mot de passe oublié confirme l'envoi du lien", async () => {
    await page.goto(url("/mot-de-passe-oublie"));
    await page.getByLabel("Adresse électronique").fill("beneficiaire03@demo.cep.invalid");
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await page.getByText("Si un compte correspond à cette adresse").waitFor();
    await verifierAccessibilite(page);
  });
});

describe("chaque rôle de démonstration arrive sur son accueil puis se déconnecte", () => {
  it.each([
    ["admin@demo.cep.invalid", "/admin", "Administration de la plateforme", "Opérateurs CEP"],
    ["responsable.ara@demo.cep.invalid", "/responsable", "Pilotage de l'opérateur", "Sites"],
    [
      "responsable.ml@demo.cep.invalid",
      "/responsable",
      "Pilotage de l'opérateur",
      "Conseillers et responsables",
    ],
    ["conseillere.ara@demo.cep.invalid", "/conseiller", "Tableau de bord", "Mes dossiers"],
    ["conseiller.ara@demo.cep.invalid", "/conseiller", "Tableau de bord", "Mes dossiers"],
    ["conseillere.ml@demo.cep.invalid", "/conseiller", "Tableau de bord", "Mes dossiers"],
    [
      "beneficiaire01@demo.cep.invalid",
      "/mon-espace",
      "Mon parcours",
      "Avenir Actifs Auvergne-Rhône-Alpes (démo)",
    ],
  ])("%s", async (email, chemin, titre, contenu) => {
    await seConnecter(page, email);
    await page.waitForURL(url(chemin));
    await page.getByRole("heading", { level: 1, name: titre }).waitFor();
    await page.getByRole("heading", { name: contenu }).first().waitFor();
    await page.getByText("Chargement…").first().waitFor({ state: "detached" });
    await verifierAccessibilite(page);
    await capturer(page, `accueil-${email.split("@")[0]}`);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(url("/connexion"));
    await page.goto(url(chemin));
    await page.waitForURL(url("/connexion"));
  });

  it("le conseiller ouvre un dossier de son portefeuille", async () => {
    await seConnecter(page, "conseillere.ara@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    await page.getByRole("link", { name: "Camille Martin" }).click();
    await page.getByRole("heading", { level: 1, name: "Dossier de Camille Martin" }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "dossier-conseiller");
  });

  it("l'admin crée un opérateur ; un formulaire vide montre les erreurs à côté des champs", async () => {
    await seConnecter(page, "admin@demo.cep.invalid");
    await page.waitForURL(url("/admin"));
    await page.getByRole("button", { name: "Créer l'opérateur" }).click();
    await page.getByText("Le nom doit contenir au moins 2 caractères.").first().waitFor();
    await verifierAccessibilite(page);
    await page.getByLabel("Nom de l'opérateur").fill("Apec Auvergne-Rhône-Alpes");
    await page.getByLabel("Type").selectOption("apec");
    await page.getByRole("button", { name: "Créer l'opérateur" }).click();
    await page.getByRole("link", { name: "Apec Auvergne-Rhône-Alpes" }).click();
    await page.getByRole("heading", { level: 1, name: "Apec Auvergne-Rhône-Alpes" }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "admin-operateur");
  });
});
