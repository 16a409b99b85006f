import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  capturer,
  navigateurDuFichier,
  seConnecter,
  url,
  verifierAccessibilite,
} from "./support/navigateur.js";

/**
 * Conseil personnalisé (ticket 6) : la personne construit son profil depuis son espace à partir de deux intitulés
 * libres (« caissière », « vendeuse en boulangerie ») ; sa conseillère obtient des pistes expliquées (compétences
 * transférables et à acquérir), en retient une, enregistre un projet, voit sa faisabilité et confirme la stratégie ;
 * la personne voit le projet et la décision. Zéro violation axe sur chaque écran.
 * Dossier utilisé : Yanis Simon (beneficiaire11), référente Claire Vasseur.
 */
const navigateur = navigateurDuFichier();

const nouvellePage = () => navigateur.nouvellePage({ timezoneId: "Europe/Paris" });
const onglet = (page: Page, nom: string) => page.getByRole("tab", { name: nom, exact: true }).click();

async function ajouterExperience(page: Page, intitule: string, appellation: string) {
  await page.getByLabel("Ajouter une expérience").fill(intitule);
  await page.getByRole("button", { name: "Rechercher dans le ROME" }).first().click();
  // Le nom accessible de chaque choix : l'appellation puis la fiche (« Caissier / Caissière Fiche D1505 — … »).
  const echappe = appellation.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  await page.getByRole("radio", { name: new RegExp(`^${echappe} Fiche`) }).check();
  await page.getByRole("button", { name: "Confirmer et ajouter l'expérience" }).click();
  await page.getByText(`rapprochée de « ${appellation} »`).waitFor();
}

describe("profil, pistes métiers et projet", () => {
  it("sans compte, une personne explore les métiers proches de son expérience", async () => {
    const { page, erreurs } = await nouvellePage();
    await page.goto(url("/metiers"));
    await page.getByRole("link", { name: "Explorer les métiers proches de mon expérience" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Quels métiers à partir de mon expérience ?" })
      .waitFor();
    await page.getByLabel(/^Ajouter un métier exercé/).fill("caissière");
    await page.getByRole("button", { name: "Rechercher dans le ROME" }).click();
    await page.getByRole("radio", { name: /^Caissier \/ Caissière Fiche/ }).check();
    // Attribution des référentiels de la recherche sous les propositions.
    await page.getByText("ESCO, Commission européenne (CC BY 4.0)").waitFor();
    await page.getByRole("button", { name: "Ajouter ce métier" }).click();
    await page.getByText("« Caissier / Caissière » (fiche D1505)").waitFor();
    await page.getByRole("button", { name: "Voir les métiers proches" }).click();
    await page.getByRole("heading", { name: "Métiers proches de votre expérience" }).waitFor();
    await expect.poll(() => page.getByRole("article").count()).toBeGreaterThan(5);
    await page
      .getByRole("article")
      .first()
      .getByText(/^Compétences à acquérir \(\d+\)$/)
      .click();
    await verifierAccessibilite(page);
    await capturer(page, "public-pistes");
    await page.context().close();
    expect(erreurs).toEqual([]);
  });

  it("la personne construit son profil depuis son espace à partir de deux expériences", async () => {
    const { page, erreurs } = await nouvellePage();
    await seConnecter(page, "beneficiaire11@demo.cep.invalid");
    await page.waitForURL(url("/mon-espace"));
    await page.getByRole("link", { name: /Avenir Actifs/ }).click();
    await page.getByRole("heading", { level: 1, name: "Mon parcours en détail" }).waitFor();
    await onglet(page, "Mon profil");
    await page.getByRole("heading", { name: "Mon profil de compétences" }).waitFor();
    await page.getByText("Aucune expérience pour l'instant.").waitFor();

    await ajouterExperience(page, "caissière", "Caissier / Caissière");
    await verifierAccessibilite(page);
    await ajouterExperience(page, "vendeuse en boulangerie", "Vendeur / Vendeuse en boulangerie-pâtisserie");

    // Les compétences des deux métiers sont proposées, cœur de métier d'abord ; la personne en qualifie quelques-unes.
    await page.getByRole("table", { name: "Compétences proposées à partir des expériences" }).waitFor();
    const selecteurs = page.getByLabel(/^Maîtrise : /);
    await expect.poll(() => selecteurs.count()).toBeGreaterThan(10);
    for (let n = 0; n < 6; n++) await selecteurs.nth(n).selectOption({ label: "Maîtrisée" });
    await selecteurs.nth(6).selectOption({ label: "En partie maîtrisée" });
    await page.getByLabel(/^Compétence\s*Par exemple/).fill("Langue des signes française");
    await page.getByRole("button", { name: "Ajouter la compétence" }).click();
    await page.getByLabel(/^Social \(S\)/).selectOption({ label: "Beaucoup" });
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    await page.getByText("Profil enregistré.").waitFor();
    await expect.poll(() => page.getByText("Langue des signes française — Maîtrisée").count()).toBe(1);
    await verifierAccessibilite(page);
    await capturer(page, "beneficiaire-profil");
    await page.context().close();
    expect(erreurs).toEqual([]);
  });

  it("la conseillère obtient des pistes expliquées, en retient une, enregistre un projet et sa stratégie", async () => {
    const { page, erreurs } = await nouvellePage();
    await seConnecter(page, "conseillere.ara@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    await page.getByRole("link", { name: "Yanis Simon" }).click();
    await page.getByRole("heading", { level: 1, name: "Dossier de Yanis Simon" }).waitFor();

    await onglet(page, "Profil et compétences");
    await page.getByText("rapprochée de « Caissier / Caissière »").waitFor();
    await verifierAccessibilite(page);

    await onglet(page, "Pistes métiers");
    await page.getByRole("button", { name: "Chercher des pistes" }).click();
    const pistes = page.getByRole("article");
    await expect.poll(() => pistes.count()).toBeGreaterThan(5);
    // La région de l'opérateur (Auvergne-Rhône-Alpes) est choisie : les chiffres BMO s'affichent.
    await expect
      .poll(() => page.getByLabel("Région (chiffres de recrutement BMO 2025)").inputValue())
      .toBe("84");
    await page
      .getByText(/Dans la région : \d+ projets de recrutement/)
      .first()
      .waitFor();
    const premiere = pistes.first();
    await premiere.getByText(/^Compétences transférables \(\d+\)$/).click();
    await premiere.getByText(/^Compétences à acquérir \(\d+\)$/).click();
    await expect.poll(async () => (await premiere.getByRole("listitem").count()) > 5).toBe(true);
    const titre = (await premiere.getByRole("heading").getByRole("link").textContent())!.trim();
    await premiere.getByRole("button", { name: /^Retenir la piste/ }).click();
    await page.getByRole("heading", { name: "Pistes retenues pour en parler" }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "dossier-pistes");

    await onglet(page, "Projet");
    await page.getByLabel("Métier visé parmi les pistes retenues").selectOption({ index: 1 });
    await page.getByLabel("Type de changement").selectOption({ label: "Reconversion" });
    await page.getByRole("button", { name: "Ajouter le projet" }).click();
    await page.getByRole("table", { name: "Hypothèses de projet comparées" }).waitFor();
    // Une seconde hypothèse, cherchée par intitulé : aide-soignante (métier réglementé).
    await page.getByLabel("Ou chercher un autre métier visé").fill("aide-soignante");
    await page.getByRole("button", { name: "Rechercher dans le ROME" }).click();
    await page.getByRole("radio").first().check();
    await page.getByRole("button", { name: "Choisir ce métier" }).click();
    await page.getByLabel("Type de changement").selectOption({ label: "Reconversion" });
    await page.getByRole("button", { name: "Ajouter le projet" }).click();
    const tableau = page.getByRole("table", { name: "Hypothèses de projet comparées" });
    await expect.poll(() => tableau.getByRole("columnheader").count()).toBe(3);
    await tableau
      .getByRole("row", { name: /Certification obligatoire/ })
      .getByText("Oui")
      .waitFor();
    await verifierAccessibilite(page);

    await page.getByRole("button", { name: `Retenir « ${titre} »` }).click();
    await page
      .getByRole("heading", { name: new RegExp(`Faisabilité du projet retenu : ${titre}`) })
      .waitFor();
    await page.getByText(/Vous maîtrisez \d+ % du contenu pondéré/).waitFor();
    await page.getByRole("heading", { name: "Stratégies possibles" }).waitFor();
    await page.getByRole("button", { name: "Confirmer la stratégie" }).click();
    await page.getByText(/Stratégie décidée le/).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "dossier-projet-faisabilite");
    await page.context().close();
    expect(erreurs).toEqual([]);
  });

  it("la personne voit le projet retenu, sa faisabilité et la stratégie décidée", async () => {
    const { page, erreurs } = await nouvellePage();
    await seConnecter(page, "beneficiaire11@demo.cep.invalid");
    await page.waitForURL(url("/mon-espace"));
    await page.getByRole("link", { name: /Avenir Actifs/ }).click();
    await onglet(page, "Mes projets");
    await page.getByRole("heading", { name: /Faisabilité du projet retenu/ }).waitFor();
    await page.getByText(/Stratégie décidée le/).waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Confirmer la stratégie" }).count()).toBe(0);
    await verifierAccessibilite(page);
    await capturer(page, "beneficiaire-projets");
    await page.context().close();
    expect(erreurs).toEqual([]);
  });
});
