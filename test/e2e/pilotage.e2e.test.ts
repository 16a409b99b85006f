import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
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
  page = await (await navigateur.newContext({ locale: "fr-FR", acceptDownloads: true })).newPage();
  erreurs = surveillerErreurs(page);
});
afterEach(async () => {
  await page.context().close();
  expect(erreurs, "erreurs dans la page").toEqual([]);
});

const D = "demo.cep.invalid";

describe("tableau de bord du responsable", () => {
  it("ouvre le tableau de bord, filtre par site, exporte en CSV ; graphiques compris, zéro violation axe", async () => {
    await seConnecter(page, `responsable.ara@${D}`);
    await page.waitForURL(url("/responsable"));
    await page.getByRole("link", { name: /Tableau de bord/ }).click();
    await page.getByRole("heading", { level: 1, name: "Tableau de bord de l'opérateur" }).waitFor();
    // Démonstration : 14 parcours chez l'opérateur régional (d'autres tests du navigateur peuvent en ajouter).
    const suivis = async () =>
      Number(
        (await page.getByText(/^[\d\u202f ]+ parcours suivis sur la période$/).textContent())!.replace(
          /\D/g,
          "",
        ),
      );
    await page.getByText(/parcours suivis sur la période/).waitFor();
    const tous = await suivis();
    expect(tous).toBeGreaterThanOrEqual(14);
    // Chaque graphique est une image décrite, suivie de sa table de données.
    const graphique = page.getByRole("img", { name: /^Entrées par niveau \(Entrées\) : Niveau 1/ });
    await graphique.waitFor();
    expect(await page.getByRole("table").count()).toBeGreaterThanOrEqual(10);
    // Réunions d'information tenues (graphique du taux de présence + table) et documents de synthèse remis.
    await page
      .getByRole("heading", { level: 2, name: "Réunions collectives d'information tenues" })
      .waitFor();
    await page
      .getByRole("img", { name: /^Réunions collectives d'information tenues \(Taux de présence \(%\)\) :/ })
      .waitFor();
    const reunions = page.getByRole("table", { name: "Réunions collectives d'information tenues" });
    for (const colonne of ["Séances", "Places offertes", "Inscriptions", "Présences", "Taux de présence (%)"])
      await reunions.getByRole("columnheader", { name: colonne, exact: true }).waitFor();
    await reunions.getByRole("row", { name: /^Ensemble des réunions/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Documents de synthèse remis" }).waitFor();
    await page.getByRole("table", { name: "Documents de synthèse remis" }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "pilotage-tableau-de-bord");

    await page.getByRole("combobox", { name: /^Site/ }).selectOption({ label: "Lyon Part-Dieu" });
    await page.getByRole("button", { name: "Afficher les indicateurs" }).click();
    await page.waitForURL(/siteId=/);
    await expect.poll(suivis).toBeLessThan(tous);
    expect(await suivis()).toBeGreaterThanOrEqual(2);
    await verifierAccessibilite(page);
    await capturer(page, "pilotage-filtre-site");

    const [telechargement] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Télécharger les indicateurs CSV/ }).click(),
    ]);
    expect(telechargement.suggestedFilename()).toMatch(
      /^indicateurs-cep-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync((await telechargement.path())!, "utf8");
    expect(csv).toContain("Entrées par niveau");
    // Deux parcours sur ce site : tout effectif sous 5 quitte l'opérateur masqué.
    expect(csv).toContain("Portefeuille par conseiller à la fin de la période");
    expect(csv).toContain("< 5");
    expect(csv).toContain("Réunions collectives d'information tenues");
    // Hors des réunions (séances et places ne comptent pas des personnes), aucun effectif de 1 à 4 ne sort.
    const personnes = csv.split("\r\n\r\n").filter((b) => !b.startsWith("Réunions collectives"));
    expect(personnes.join("\r\n\r\n")).not.toMatch(/;[1-4](;|\r\n)/);

    // Partage des données par bénéficiaire : JSON pseudonymisé, tout l'opérateur (le filtre de site ne s'applique pas).
    await page.getByRole("heading", { level: 2, name: "Partage des données par bénéficiaire" }).waitFor();
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Exporter les données de partage (JSON)" }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^echanges-cep-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.json$/);
    const texte = readFileSync((await json.path())!, "utf8");
    const document = JSON.parse(texte);
    expect(document.format).toBe("cep-echanges-parcours");
    expect(document.version).toBe("1.0");
    expect(document.operateurs).toHaveLength(1);
    expect(texte).not.toContain(D);
    await verifierAccessibilite(page);
  });

  it("signale une période invalide à côté du champ et en haut du formulaire, au clavier", async () => {
    await seConnecter(page, `responsable.ara@${D}`);
    await page.waitForURL(url("/responsable"));
    await page.goto(url("/responsable/tableau-de-bord?debut=2026-01-01&fin=2026-06-30"));
    await page.getByText(/parcours suivis sur la période/).waitFor();
    await page.getByRole("textbox", { name: "Fin de la période" }).fill("2025-01-01");
    await page.getByRole("textbox", { name: "Fin de la période" }).press("Enter");
    await page
      .getByRole("link", { name: /Fin de la période : La fin de la période doit suivre son début\./ })
      .waitFor();
    expect(await page.locator("#champ-fin-desc-error, .fr-error-text").first().textContent()).toContain(
      "La fin de la période doit suivre son début.",
    );
    await verifierAccessibilite(page);
  });
});

describe("indicateurs de l'administrateur et statistiques publiques", () => {
  it("l'administrateur voit tous les opérateurs, petits effectifs masqués", async () => {
    await seConnecter(page, `admin@${D}`);
    await page.waitForURL(url("/admin"));
    await page.getByRole("link", { name: "Indicateurs de tous les opérateurs" }).click();
    await page.getByRole("heading", { level: 1, name: "Indicateurs de tous les opérateurs" }).waitFor();
    await page.getByText(/^\d+ parcours suivis sur la période$/).waitFor();
    await page
      .getByText(/effectifs de moins de 5 personnes sont affichés/)
      .first()
      .waitFor();
    await verifierAccessibilite(page);
  });

  it("la page publique « Le CEP en chiffres » s'ouvre sans compte, masquée sous 5", async () => {
    await page.goto(url("/"));
    await page.getByRole("link", { name: "Le CEP en chiffres" }).click();
    await page.getByRole("heading", { level: 1, name: "Le CEP en chiffres" }).waitFor();
    await page
      .getByRole("heading", { name: "Entrées et issues par région (région de l'opérateur)" })
      .waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "statistiques-publiques");
  });
});

describe("questionnaire de satisfaction par lien à usage unique", () => {
  /** Liens envoyés par la tâche de satisfaction au démarrage du serveur de test (parcours clos de la démo). */
  function liens(): string[] {
    const dossier = inject("dossierMails");
    return readdirSync(dossier)
      .sort()
      .map((f) =>
        readFileSync(path.join(dossier, f), "utf8")
          .replace(/=\r?\n/g, "")
          .replace(/=3D/g, "="),
      )
      .flatMap((m) =>
        [...m.matchAll(/https?:\/\/[^\s/]+(\/satisfaction\/[A-Za-z0-9_-]+)/g)].map((x) => x[1]!),
      );
  }

  it("se remplit une fois, au clavier ; un second usage et un lien forgé affichent une page claire", async () => {
    const chemin = liens()[0]!;
    expect(chemin).toBeDefined();
    await page.goto(url(chemin));
    await page
      .getByRole("heading", { level: 1, name: "Votre avis sur le conseil en évolution professionnelle" })
      .waitFor();
    await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await page
      .getByRole("link", { name: /Utilité du conseil : Indiquez l'utilité du conseil, de 1 à 5\./ })
      .waitFor();
    await verifierAccessibilite(page);
    await page.getByLabel("4", { exact: true }).focus();
    await page.keyboard.press("Space");
    await page.getByLabel("Oui", { exact: true }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Envoyer ma réponse" }).press("Enter");
    await page.getByRole("heading", { level: 1, name: "Merci pour votre réponse" }).waitFor();
    await verifierAccessibilite(page);

    await page.goto(url(chemin));
    await page.getByRole("heading", { level: 1, name: "Questionnaire déjà rempli" }).waitFor();
    await page.getByText("un lien ne sert qu'une fois").waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "satisfaction-deja-rempli");

    await page.goto(url("/satisfaction/jeton-invente-de-toutes-pieces"));
    await page.getByRole("heading", { level: 1, name: "Lien non valide" }).waitFor();
    await page.getByText("Ce lien de questionnaire n'est pas valide. Vérifiez qu'il est complet.").waitFor();
    await verifierAccessibilite(page);
  });
});
