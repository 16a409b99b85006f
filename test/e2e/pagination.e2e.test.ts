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
 * Listes de dossiers plus longues qu'une page (50) : total affiché, pagination du DSFR utilisable au clavier,
 * pages sans chevauchement, retour à la première page quand un filtre change ; zéro violation axe.
 * La démonstration est petite : le test ouvre d'abord assez de dossiers sans référent à la Mission locale, par l'API.
 */
const navigateur = navigateurDuFichier();

const nouvellePage = () => navigateur.nouvellePage({ timezoneId: "Europe/Paris" });

const FILE = "/api/v1/parcours?statut=en_cours&sansReferent=true";
const nomsDuTableau = (page: Page) =>
  page
    .getByRole("table", { name: /en attente d'un référent/ })
    .getByRole("link")
    .allTextContents();

describe("listes de dossiers paginées", () => {
  let total = 0;

  it("le responsable parcourt sa file d'attente page par page, au clavier", async () => {
    const { page, erreurs } = await nouvellePage();
    await seConnecter(page, "responsable.ml@demo.cep.invalid");
    await page.waitForURL(url("/responsable"));
    // Assez de dossiers sans référent pour dépasser une page (50), ouverts par le responsable.
    const { jetonCsrf } = await (await page.request.get(url("/api/v1/session"))).json();
    const avant = (await (await page.request.get(url(`${FILE}&parPage=1`))).json()).total as number;
    const marque = Date.now();
    for (let n = 0; n < Math.max(0, 51 - avant) + 5; n++) {
      const r = await page.request.post(url("/api/v1/parcours"), {
        headers: { "x-csrf-token": jetonCsrf },
        data: {
          beneficiaire: {
            prenom: "Pagination",
            nom: `Dossier ${String(n).padStart(2, "0")}`,
            email: `pagination.${marque}.${n}@cep.invalid`,
          },
          niveau: 1,
          demande: "Je voudrais faire le point sur mon métier.",
        },
      });
      expect(r.status(), await r.text()).toBe(201);
    }
    total = (await (await page.request.get(url(`${FILE}&parPage=1`))).json()).total;
    expect(total).toBeGreaterThan(50);
    const pages = Math.ceil(total / 50);

    await page.reload();
    await page.getByText(`${total} dossiers en attente d'un référent — page 1 sur ${pages}`).waitFor();
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await pagination.waitFor();
    const page1 = await nomsDuTableau(page);
    expect(page1).toHaveLength(50);
    await verifierAccessibilite(page);
    await capturer(page, "file-attente-paginee");

    // Au clavier : le lien « Page suivante » reçoit le focus et s'active avec Entrée.
    await pagination.getByRole("link", { name: "Page suivante" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(url("/responsable?pageFile=2"));
    await page.getByText(`${total} dossiers en attente d'un référent — page 2 sur ${pages}`).waitFor();
    await expect.poll(() => pagination.locator('[aria-current="true"]').textContent()).toBe("2");
    const page2 = await nomsDuTableau(page);
    expect(page2).toHaveLength(Math.min(50, total - 50));
    expect(page2.filter((nom) => page1.includes(nom))).toEqual([]);
    await verifierAccessibilite(page);

    // Retour à la première page par son numéro.
    await pagination.getByRole("link", { name: "1", exact: true }).click();
    await page.getByText(`${total} dossiers en attente d'un référent — page 1 sur ${pages}`).waitFor();
    expect(await nomsDuTableau(page)).toEqual(page1);
    await page.context().close();
    expect(erreurs).toEqual([]);
  });

  it("la conseillère voit le total de son portefeuille élargi ; changer un filtre revient à la première page", async () => {
    const { page, erreurs } = await nouvellePage();
    await seConnecter(page, "conseillere.ml@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    await page.getByText("Chargement…").first().waitFor({ state: "detached" });
    // Ses dossiers, ses remplacements et toute la file d'attente : plus d'une page.
    await page.getByLabel("Dossiers").selectOption("mesDossiers=false");
    const legende = page.getByRole("table").locator("caption");
    await expect.poll(() => legende.textContent()).toMatch(/^\d+ dossiers — page 1 sur \d+$/);
    const visibles = Number((await legende.textContent())!.split(" ")[0]);
    expect(visibles).toBeGreaterThanOrEqual(total);
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await pagination.getByRole("link", { name: "2", exact: true }).click();
    await page.waitForURL(url("/conseiller?page=2"));
    await expect.poll(() => legende.textContent()).toMatch(/ — page 2 sur \d+$/);
    await verifierAccessibilite(page);
    await capturer(page, "portefeuille-page-2");

    // Un filtre change : la liste repart de la première page (et l'adresse n'a plus de numéro de page).
    await page.getByLabel("Statut").selectOption("en_cours");
    await page.waitForURL(url("/conseiller"));
    await expect.poll(() => legende.textContent()).toMatch(/ — page 1 sur \d+$/);
    await page.context().close();
    expect(erreurs).toEqual([]);
  });
});
