import type { Locator, Page } from "playwright-core";
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

/** Clavier seul : Tab jusqu'à ce que l'élément voulu ait le focus (au plus 60 pressions). */
async function tabulerJusqua(cible: Locator) {
  for (let i = 0; i < 60; i++) {
    if (await cible.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("élément jamais atteint au clavier");
}

describe("« Où m'adresser ? » : questionnaire public et résultat", () => {
  it("se remplit au clavier seul, signale une réponse invalide à côté du champ et donne les opérateurs", async () => {
    await page.goto(url("/"));
    await tabulerJusqua(page.getByRole("link", { name: /Où m'adresser/ }));
    await page.keyboard.press("Enter");
    await page.waitForURL(url("/ou-m-adresser"));
    await page.getByRole("heading", { level: 1, name: "Où m'adresser ?" }).waitFor();
    await page.getByText("Étape 1 sur 5").waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "orientation-etape-1");

    // Étape 1 : salarié du privé (premier choix, coché avec Espace), cadre.
    await tabulerJusqua(page.getByRole("radio", { name: /Salarié ou salariée d'une entreprise/ }));
    await page.keyboard.press("Space");
    await tabulerJusqua(page.getByRole("checkbox", { name: /statut cadre/ }));
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");

    // Étape 2 : âge invalide → résumé en haut et message à côté du champ, puis correction.
    await page.getByText("Étape 2 sur 5").waitFor();
    await tabulerJusqua(page.getByRole("textbox", { name: /Votre âge/ }));
    await page.keyboard.type("cinquante");
    await page.keyboard.press("Enter");
    await page.getByRole("alert").getByText("Cette étape est incomplète.").waitFor();
    await page.locator(".fr-input-group--error").getByText("Indiquez votre âge en années").waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "orientation-erreur-age");
    await tabulerJusqua(page.getByRole("textbox", { name: /Votre âge/ }));
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("52");
    await page.keyboard.press("Enter");

    // Étape 3 : « Je préfère ne pas le dire » (flèches dans le groupe de boutons radio).
    await page.getByText("Étape 3 sur 5").waitFor();
    await tabulerJusqua(page.getByRole("radio", { name: "Oui" }));
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: "Je préfère ne pas le dire" }).isChecked()).toBe(true);
    await page.keyboard.press("Enter");

    // Étape 4 : code postal d'une commune de Lyon.
    await page.getByText("Étape 4 sur 5").waitFor();
    await tabulerJusqua(page.getByRole("textbox", { name: /Code postal/ }));
    await page.keyboard.type("69003");
    await page.keyboard.press("Enter");

    // Étape 5 : projet de démission.
    await page.getByText("Étape 5 sur 5").waitFor();
    await tabulerJusqua(page.getByRole("radio", { name: "Oui" }));
    await page.keyboard.press("Space");
    await verifierAccessibilite(page);
    await tabulerJusqua(page.getByRole("button", { name: "Voir mon résultat" }));
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { name: "Votre résultat" }).waitFor();
    await page.getByText("Vous pouvez bénéficier du conseil en évolution professionnelle").waitFor();
    await page.getByText(/demandez le CEP avant de démissionner/).waitFor();
    const cartes = page.locator(".fr-card");
    await expect.poll(() => cartes.count()).toBe(2);
    expect(await cartes.nth(0).getByRole("heading", { level: 3 }).textContent()).toBe("Apec");
    await cartes.nth(1).getByText("Région Auvergne-Rhône-Alpes", { exact: true }).waitFor();
    expect(await cartes.nth(1).getByRole("link").getAttribute("href")).toMatch(/^https:\/\//);
    await page.getByRole("heading", { name: "Ce qu'il est utile de préparer" }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "orientation-resultat");

    // Depuis le résultat : l'information sur le territoire de la commune saisie (69003 → Lyon), au clavier.
    await tabulerJusqua(page.getByRole("link", { name: "Voir les métiers qui recrutent près de chez vous" }));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/metiers\/territoire\?cp=69003$/);
    await page
      .getByRole("heading", { level: 1, name: "Les métiers qui recrutent près de chez vous" })
      .waitFor();
    await page.getByText(/Lyon est en région Auvergne-Rhône-Alpes/).waitFor();
    await expect.poll(() => page.locator("table caption").count()).toBe(3);
    await verifierAccessibilite(page);
  });

  it("dit clairement quand le CEP ne correspond pas à la situation", async () => {
    await page.goto(url("/ou-m-adresser"));
    await page.getByText("Étudiant ou étudiante").click();
    await page.getByRole("button", { name: "Étape suivante" }).click();
    await page.getByLabel("Votre âge").fill("20");
    await page.getByRole("button", { name: "Étape suivante" }).click();
    await page.getByText("Non", { exact: true }).click();
    await page.getByRole("button", { name: "Étape suivante" }).click();
    await page.getByLabel("Code postal de votre commune").fill("35000");
    await page.getByRole("button", { name: "Étape suivante" }).click();
    await page.getByText(/elle ne s'applique pas à votre situation/).waitFor();
    await page.getByRole("button", { name: "Voir mon résultat" }).click();
    await page.getByText(/ne correspond pas à votre situation actuelle/).waitFor();
    await page.getByText(/y a droit si elle travaille ou cherche un emploi/).waitFor();
    expect(await page.locator(".fr-card").count()).toBe(0);
    await verifierAccessibilite(page);
  });
});

describe("de la demande en ligne à l'état des lieux de niveau 1", () => {
  const email = `sacha.demande.${Date.now()}@cep.invalid`;

  it("la personne dépose sa demande ; la conseillère la prend dans la file et remplit l'état des lieux", async () => {
    await page.goto(url("/ou-m-adresser"));
    await page.getByText("Salarié ou salariée d'une entreprise").click();
    await page.getByRole("button", { name: "Étape suivante" }).click();
    await page.getByLabel("Votre âge").fill("38");
    await page.getByRole("button", { name: "Étape suivante" }).click();
    await page.getByText("Non", { exact: true }).click();
    await page.getByRole("button", { name: "Étape suivante" }).click();
    await page.getByLabel("Code postal de votre commune").fill("69003");
    await page.getByRole("button", { name: "Étape suivante" }).click();
    await page.getByText("Non", { exact: true }).click();
    await page.getByRole("button", { name: "Voir mon résultat" }).click();
    await page.getByRole("heading", { name: "Déposer ma demande" }).waitFor();
    await page.getByText(/Votre demande sera adressée à/).waitFor();

    // Envoi incomplet : résumé en haut, message à côté de chaque champ.
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();
    await page.getByRole("alert").getByText("Certaines informations sont invalides.").waitFor();
    await page.locator(".fr-input-group--error").first().waitFor();
    await page.getByText("Sans votre accord, l'opérateur ne peut pas vous contacter").first().waitFor();
    await verifierAccessibilite(page);

    await page.getByLabel("Prénom").fill("Sacha");
    await page.getByLabel("Nom", { exact: true }).fill("Demande");
    await page.getByLabel("Adresse électronique").fill(email);
    await page
      .getByRole("textbox", { name: /^Votre demande/ })
      .fill("Je travaille dans la logistique et je voudrais devenir infirmier.");
    await page.getByLabel("Vos disponibilités").fill("Le jeudi en fin de journée");
    await page.getByText("Visioconférence").click();
    await page.getByText("J'accepte que l'opérateur choisi me contacte").click();
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();
    await page.getByText("Votre demande est envoyée").waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "demande-envoyee");

    await seConnecter(page, "conseillere.ara@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    await page.getByLabel("Dossiers").selectOption("mesDossiers=false");
    await page.getByRole("link", { name: "Sacha Demande" }).click();
    await page.getByRole("heading", { level: 1, name: "Dossier de Sacha Demande" }).waitFor();
    await page.getByText("Aucun pour l'instant (file d'attente)").waitFor();
    await page.getByRole("button", { name: /Prendre en charge/ }).click();
    await page
      .getByRole("definition")
      .filter({ hasText: "Aucun pour l'instant" })
      .waitFor({ state: "detached" });

    await page.getByRole("tab", { name: "État des lieux", exact: true }).click();
    await page.getByRole("heading", { name: "État des lieux de niveau 1" }).waitFor();
    await page.getByLabel("La demande").fill("Devenir infirmier après dix ans en logistique.");
    await page.getByLabel("Le besoin clarifié").fill("Connaître la formation, sa durée et son financement.");
    await page
      .getByLabel("L'information donnée")
      .fill("Diplôme d'État, accès par la formation professionnelle continue, PTP.");
    await page.getByText("Poursuivre le conseil (niveau 2)").click();
    await page.getByRole("textbox", { name: /^L'orientation/ }).fill("Niveau 2 avec la même conseillère.");
    await page.getByRole("button", { name: "Enregistrer l'état des lieux" }).click();
    await page.getByText("État des lieux enregistré").waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "etat-des-lieux");
  });
});
