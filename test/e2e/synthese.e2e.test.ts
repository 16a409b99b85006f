import { describe, expect, it } from "vitest";
import { rendreHtml } from "../../src/documents/html.js";
import { SYNTHESE_NIVEAU_2 } from "../cas/synthese.js";
import {
  capturer,
  navigateurDuFichier,
  seConnecter,
  surveillerErreurs,
  url,
  verifierAccessibilite,
} from "./support/navigateur.js";

const navigateur = navigateurDuFichier();

describe("version HTML du document de synthèse", () => {
  it("n'a aucune violation d'accessibilité (WCAG 2.1 A/AA)", async () => {
    const contexte = await navigateur.newContext();
    const page = await contexte.newPage();
    await page.setContent(
      rendreHtml(SYNTHESE_NIVEAU_2, { statut: "Version 1 émise le 30 juin 2026", empreinte: "0".repeat(64) }),
    );
    await verifierAccessibilite(page);
    await capturer(page, "synthese-html");
    await contexte.close();
  });
});

describe("cycle de vie du document de synthèse dans le produit", () => {
  it("le conseiller rédige et émet ; la personne lit, accuse réception, demande une correction ; le conseiller émet la version 2", async () => {
    const erreurs: string[] = [];
    const conseiller = await (await navigateur.newContext({ locale: "fr-FR" })).newPage();
    erreurs.push(...surveillerErreurs(conseiller));
    await seConnecter(conseiller, "conseiller.ara@demo.cep.invalid");
    await conseiller.waitForURL(url("/conseiller"));
    await conseiller.getByRole("link", { name: "Inès Dubois" }).click();
    await conseiller.getByRole("heading", { level: 1, name: "Dossier de Inès Dubois" }).waitFor();
    const parcoursId = new URL(conseiller.url()).pathname.split("/").pop()!;
    await conseiller.getByRole("tab", { name: "Document de synthèse", exact: true }).click();
    await conseiller.getByText("Aucune version n'a encore été émise.").waitFor();
    await conseiller
      .getByLabel("Conclusions")
      .fill("Le projet d'aide-soignante est confirmé par l'immersion.");
    await conseiller
      .getByLabel("Prochaines étapes")
      .fill("Déposer le dossier de transition professionnelle.");
    await conseiller.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await conseiller.getByText("Brouillon enregistré.").waitFor();
    await conseiller.getByRole("button", { name: "Émettre le document" }).click();
    await conseiller.getByText(/Version 1 émise et figée/).waitFor();
    await conseiller.getByRole("link", { name: "Télécharger la version 1 (PDF)" }).waitFor();
    await verifierAccessibilite(conseiller);
    await capturer(conseiller, "synthese-conseiller");

    const personne = await (await navigateur.newContext({ locale: "fr-FR" })).newPage();
    erreurs.push(...surveillerErreurs(personne));
    await seConnecter(personne, "beneficiaire08@demo.cep.invalid");
    await personne.waitForURL(url("/mon-espace"));
    await personne.goto(url(`/mon-espace/parcours/${parcoursId}`));
    await personne.getByRole("tab", { name: "Mon document de synthèse" }).click();
    await personne.getByRole("heading", { name: "Nouvelle version à lire : version 1" }).waitFor();
    // La version HTML servie par le produit : lisible au lecteur d'écran, zéro violation axe.
    const html = await personne.context().newPage();
    erreurs.push(...surveillerErreurs(html));
    await html.goto(url(`/api/v1/parcours/${parcoursId}/synthese.html?version=1`));
    await html.getByRole("heading", { level: 1, name: "Document de synthèse" }).waitFor();
    await html.getByText("Le projet d’aide-soignante est confirmé par l’immersion.").waitFor();
    await verifierAccessibilite(html);
    await capturer(html, "synthese-html-emise");
    await html.close();

    await personne.getByRole("button", { name: "J'ai lu mon document : j'en accuse réception" }).click();
    await personne.getByText("Merci : votre accusé de réception est enregistré.").waitFor();
    await personne.getByLabel("Ce qui doit être corrigé").fill("Mon entretien de mars était en visio.");
    await personne.getByRole("button", { name: "Demander une correction" }).click();
    await personne.getByText("Votre demande de correction est transmise").waitFor();
    await personne
      .getByRole("textbox", { name: /^Destinataire/ })
      .fill("Transitions Pro Auvergne-Rhône-Alpes");
    await personne.getByRole("button", { name: "Donner mon accord" }).click();
    await personne
      .getByRole("button", { name: "Retirer mon accord pour Transitions Pro Auvergne-Rhône-Alpes" })
      .waitFor();
    await verifierAccessibilite(personne);
    await capturer(personne, "synthese-beneficiaire");

    await conseiller.reload();
    await conseiller.getByRole("tab", { name: "Document de synthèse", exact: true }).click();
    await conseiller.getByText("« Mon entretien de mars était en visio. »", { exact: false }).waitFor();
    await conseiller.getByLabel("Conclusions").fill("Projet confirmé ; entretien de mars corrigé.");
    await conseiller.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await conseiller.getByText("Brouillon enregistré.").waitFor();
    await conseiller.getByRole("button", { name: "Émettre le document" }).click();
    await conseiller.getByText(/Version 2 émise et figée/).waitFor();
    await conseiller.getByLabel("Destinataire (accord de la personne)").waitFor();
    await conseiller.getByRole("button", { name: "Créer un lien de partage" }).click();
    await conseiller.getByText("Lien pour Transitions Pro Auvergne-Rhône-Alpes").waitFor();
    await verifierAccessibilite(conseiller);

    await personne.reload();
    await personne.getByRole("tab", { name: "Mon document de synthèse" }).click();
    await personne.getByRole("heading", { name: "Nouvelle version à lire : version 2" }).waitFor();
    await personne.getByText(/corrigée dans la version 2/).waitFor();
    // La version 1 reste lisible.
    await personne.getByRole("link", { name: "Télécharger la version 1 (PDF)" }).waitFor();
    await verifierAccessibilite(personne);
    await conseiller.context().close();
    await personne.context().close();
    expect(erreurs, "erreurs dans les pages").toEqual([]);
  });
});
