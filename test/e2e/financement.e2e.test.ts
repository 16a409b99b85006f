import { readFileSync } from "node:fs";
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
  page = await (await navigateur.newContext({ locale: "fr-FR", acceptDownloads: true })).newPage();
  erreurs = surveillerErreurs(page);
});
afterEach(async () => {
  await page.context().close();
  expect(erreurs, "erreurs dans la page").toEqual([]);
});

describe("simulateur public « Financer mon projet »", () => {
  it("s'ouvre depuis la tuile de l'accueil, sans violation d'accessibilité", async () => {
    await page.goto(url("/"));
    await page.getByRole("link", { name: /Financer mon projet/ }).click();
    await page.waitForURL(url("/financer-mon-projet"));
    await page.getByRole("heading", { level: 1, name: "Financer mon projet" }).waitFor();
    expect(await page.title()).toBe("Financer mon projet — Conseil en évolution professionnelle");
    await verifierAccessibilite(page);
    await capturer(page, "financement-formulaire");
  });

  it("estime un PTP pour une formation de 9 mois : reste à charge, tableau, calendrier et .ics", async () => {
    await page.goto(url("/financer-mon-projet"));
    await page.getByLabel("Ancienneté comme salarié").fill("48");
    await page.getByLabel("Ancienneté dans l'entreprise").fill("30");
    await page.getByLabel("Solde de votre CPF").fill("1500");
    await page.getByLabel("Coût de l'action").fill("9000");
    await page.getByLabel("Date de début").fill("2026-12-01");
    await page.getByLabel("Durée en mois").fill("9");
    await page.getByLabel("Durée en heures").fill("900");
    await page.getByText("La formation est certifiante").click();
    await page.getByText("La formation est éligible au CPF").click();
    await page.getByLabel("Date de l'estimation").fill("2026-04-01");
    await page.getByRole("button", { name: "Estimer les financements" }).click();

    await page.getByRole("heading", { name: "Résultat de l'estimation" }).waitFor();
    await page.getByRole("heading", { name: /Reste à votre charge : 0,00\s€/ }).waitFor();
    await page
      .getByText("Estimation selon les règles en vigueur le mercredi 1er avril 2026")
      .first()
      .waitFor();
    const ligne = page.getByRole("row", { name: /Projet de transition professionnelle/ });
    expect(await ligne.getByText("Retenu").count()).toBe(1);
    expect(await ligne.textContent()).toMatch(/7\s500,00\s€/);
    await page.getByRole("heading", { name: "Calendrier prévisionnel" }).waitFor();
    await page
      .getByRole("listitem")
      .filter({
        hasText: "lundi 3 août 2026 — Date limite de la demande de congé de transition professionnelle",
      })
      .waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "financement-resultat-ptp");

    const [telechargement] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger le calendrier (.ics)" }).click(),
    ]);
    expect(telechargement.suggestedFilename()).toBe("calendrier-previsionnel.ics");
    const ics = readFileSync((await telechargement.path())!, "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("DTSTART;VALUE=DATE:20260803");
  });

  it("un coût négatif est refusé : message à côté du champ et résumé en haut du formulaire", async () => {
    await page.goto(url("/financer-mon-projet"));
    await page.getByLabel("Coût de l'action").fill("-100");
    await page.getByLabel("Date de début").fill("2027-01-04");
    await page.getByRole("button", { name: "Estimer les financements" }).click();
    const alerte = page.getByRole("alert").first();
    await alerte.waitFor();
    expect(await alerte.textContent()).toContain("Coût de l'action : Le coût ne peut pas être négatif.");
    await page.locator("#champ-action\\.cout").waitFor();
    expect(await page.locator(".fr-input-group--error").textContent()).toContain(
      "Le coût ne peut pas être négatif.",
    );
    await verifierAccessibilite(page);
    await capturer(page, "financement-erreur");
  });

  it("se remplit et s'envoie au clavier seul", async () => {
    await page.goto(url("/financer-mon-projet"));
    await page.getByRole("heading", { level: 1 }).waitFor();
    // Du premier champ du formulaire au bouton d'envoi, uniquement avec Tab, les touches et Entrée.
    await page.getByLabel("Votre statut").focus();
    await page.keyboard.press("ArrowDown"); // demandeur d'emploi
    const statut = await page.getByLabel("Votre statut").inputValue();
    expect(statut).toBe("demandeur_emploi");
    await page.keyboard.press("Tab"); // plus haut diplôme : non renseigné
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("champ-situation.soldeCPF");
    await page.keyboard.type("500");
    await page.keyboard.press("Tab"); // département
    await page.keyboard.press("Tab"); // case RQTH
    await page.keyboard.press("Tab"); // type d'action
    await page.keyboard.press("ArrowDown"); // bilan de compétences
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("champ-action.cout");
    await page.keyboard.type("1200");
    await page.keyboard.press("Tab");
    await page.keyboard.type("04012027"); // 04/01/2027 (jj/mm/aaaa)
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Résultat de l'estimation" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("titre-resultat");
    await page.getByRole("heading", { name: /Reste à votre charge : 700,00\s€/ }).waitFor();
    await verifierAccessibilite(page);
  });
});

describe("paramètres de financement (administration)", () => {
  it("l'administratrice ajoute une valeur datée ; une modification concurrente est expliquée", async () => {
    await seConnecter(page, "admin@demo.cep.invalid");
    await page.waitForURL(url("/admin"));
    await page.getByRole("link", { name: "Paramètres de financement" }).click();
    await page.getByRole("heading", { level: 1, name: "Paramètres de financement" }).waitFor();
    await page.getByRole("row", { name: /Plafond des droits CPF mobilisables pour un bilan/ }).waitFor();
    await verifierAccessibilite(page);

    await page.getByLabel("Paramètre à modifier").selectOption("cpf.participationForfaitaire");
    await page.getByLabel("Date d'effet").fill("2027-01-01");
    await page.getByLabel("Nouvelle valeur").fill("150");
    await page.getByLabel(/^Source/).fill("Décret de relèvement (exemple du test)");
    await page.getByLabel("Motif de la modification").fill("Relèvement annoncé");
    await page.getByRole("button", { name: "Enregistrer la valeur" }).click();
    await page.getByText("Nouvelle valeur enregistrée pour « Participation forfaitaire").waitFor();
    const ligne = page.getByRole("row", { name: /Participation forfaitaire obligatoire/ });
    await ligne
      .getByText("vendredi 1er janvier 2027 : 150 € — Décret de relèvement (exemple du test)")
      .waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "admin-parametres-financement");

    // Quelqu'un d'autre ajoute une valeur pendant que la page est ouverte : l'envoi suivant reçoit un 409 expliqué.
    const session = await (await page.request.get(url("/api/v1/session"))).json();
    const autre = await page.request.post(
      url("/api/v1/financement/parametres/cpf.participationForfaitaire/valeurs"),
      {
        headers: { "x-csrf-token": session.jetonCsrf },
        data: {
          debut: "2027-07-01",
          valeur: 155,
          source: "Autre source",
          motif: "Correction d'un collègue",
          version: 1,
        },
      },
    );
    expect(autre.status()).toBe(201);
    await page.getByLabel("Date d'effet").fill("2028-01-01");
    await page.getByLabel("Nouvelle valeur").fill("160");
    await page.getByLabel(/^Source/).fill("Source");
    await page.getByLabel("Motif de la modification").fill("Mon motif");
    await page.getByRole("button", { name: "Enregistrer la valeur" }).click();
    await page.getByText("Ce paramètre vient d'être modifié par quelqu'un d'autre").waitFor();
    await page
      .getByText(
        /Dernière modification : 155 € à partir du jeudi 1er juillet 2027 \(Correction d'un collègue\)/,
      )
      .waitFor();
    await verifierAccessibilite(page);
  });
});
