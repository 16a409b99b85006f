import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import {
  capturer,
  navigateurDuFichier,
  seConnecter,
  url,
  verifierAccessibilite,
} from "./support/navigateur.js";

/**
 * Un parcours complet, vu par la conseillère puis par le bénéficiaire : ouverture, entretien, passage au niveau 2,
 * pause, reprise, note partagée, rendez-vous (invitation .ics écrite en .eml), échanges, confirmation, journal
 * d'accès, clôture ; zéro violation axe sur chaque page.
 */
const navigateur = navigateurDuFichier();

const nouvellePage = () => navigateur.nouvellePage({ timezoneId: "Europe/Paris" });

/** Les courriels écrits (.eml) pour une adresse, texte décodé (quoted-printable). */
function courrielsPour(adresse: string): string[] {
  const dossier = inject("dossierMails");
  let fichiers: string[] = [];
  try {
    fichiers = readdirSync(dossier).sort();
  } catch {
    return [];
  }
  return fichiers
    .map((f) => readFileSync(path.join(dossier, f), "utf8").replace(/\r\n/g, "\n"))
    .filter((m) => m.includes(`To: ${adresse}`))
    .map((m) => m.replace(/=\n/g, "").replace(/=3D/g, "="));
}

const onglet = (page: Page, nom: string) => page.getByRole("tab", { name: nom, exact: true }).click();

describe("un parcours de bout en bout, conseillère et bénéficiaire", () => {
  const email = `lina.parcours.${Date.now()}@cep.invalid`;
  const motDePasse = "une phrase de passe pour Lina";
  let dossierUrl = "";

  it("la conseillère ouvre le parcours, consigne un entretien, passe au niveau 2, met en pause et reprend", async () => {
    const { page, erreurs } = await nouvellePage();
    await seConnecter(page, "conseillere.ara@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    await page.getByText("Chargement…").first().waitFor({ state: "detached" });
    // Portefeuille : filtre et recherche par nom.
    await page.getByLabel("Rechercher par nom").fill("martin");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByRole("link", { name: "Camille Martin" }).waitFor();
    await expect.poll(() => page.getByRole("link", { name: "Hugo Thomas" }).count()).toBe(0);
    await page.getByText("1 dossier", { exact: true }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "portefeuille-recherche");

    await page.getByRole("link", { name: "Ouvrir un parcours" }).click();
    await page.getByRole("heading", { level: 1, name: "Ouvrir un parcours" }).waitFor();
    await page.getByRole("button", { name: "Ouvrir le parcours" }).click();
    await page.getByText("Le prénom est obligatoire.").first().waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "ouvrir-parcours-erreurs");
    await page.getByLabel("Prénom").fill("Lina");
    await page.getByLabel("Nom", { exact: true }).fill("Parcours");
    await page.getByLabel("Adresse électronique").fill(email);
    await page
      .getByLabel("La demande, dans ses mots")
      .fill("Je suis aide-soignante et je veux devenir infirmière.");
    await page.getByRole("button", { name: "Ouvrir le parcours" }).click();
    await page.getByRole("heading", { level: 1, name: "Dossier de Lina Parcours" }).waitFor();
    dossierUrl = page.url();
    await page.getByText("Accueil individualisé (niveau 1)").first().waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "dossier-nouveau");

    await onglet(page, "Entretiens");
    await page.getByLabel("Modalité").selectOption("telephone");
    await page.getByLabel("Durée (minutes)").fill("45");
    await page
      .getByLabel("Compte rendu")
      .fill("Premier échange : expérience de 8 ans en EHPAD, souhait de reprendre des études.");
    await page.getByRole("button", { name: "Enregistrer l'entretien" }).click();
    await page.getByText("Entretien enregistré.").waitFor();
    await page.getByRole("cell", { name: /expérience de 8 ans/ }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "dossier-entretiens");

    await onglet(page, "Étape");
    await page.getByLabel("Nouvelle étape").selectOption("2c");
    await page.getByRole("button", { name: "Valider" }).click();
    await page.getByText("Étape 2 sur 3").waitFor();
    await page.getByLabel("Action").selectOption("pause");
    await page.getByLabel("Motif de la pause").fill("Hospitalisation d'un proche");
    await page.getByLabel("Date de retour prévue").fill("2099-01-15");
    await page.getByRole("button", { name: "Valider" }).click();
    await page.getByText(/En pause depuis le .* Retour prévu le 2099-01-15/).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "dossier-pause");
    await page.getByLabel("Action").selectOption("reprise");
    await page.getByRole("button", { name: "Valider" }).click();
    await page.getByText("En cours", { exact: true }).first().waitFor();

    await onglet(page, "Notes");
    await page
      .getByLabel("Note", { exact: true })
      .fill("Renseignez-vous sur les IFSI de votre région avant notre rendez-vous.");
    await page.getByText("Partager cette note avec le bénéficiaire").click();
    await page.getByRole("button", { name: "Enregistrer la note" }).click();
    await page.getByText("Partagée avec le bénéficiaire").waitFor();
    await verifierAccessibilite(page);

    await onglet(page, "Rendez-vous");
    const demain = new Date(Date.now() + 2 * 86_400_000);
    const jour = `${demain.getFullYear()}-${String(demain.getMonth() + 1).padStart(2, "0")}-${String(demain.getDate()).padStart(2, "0")}`;
    await page.getByLabel("Date et heure").fill(`${jour}T18:30`);
    await page.getByLabel("Lieu ou lien").fill("https://visio.exemple.invalid/lina");
    await page.getByRole("button", { name: "Proposer le rendez-vous" }).click();
    await page.getByText(/Rendez-vous proposé \(hors heures ouvrées\)/).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "dossier-rendez-vous");
    const invitation = courrielsPour(email).find((m) => m.includes("rendez-vous.ics"));
    expect(invitation, "courriel d'invitation avec .ics").toBeDefined();
    expect(invitation).toContain("Content-Type: text/calendar");

    await onglet(page, "Échanges");
    await page.getByLabel("Votre message").fill("Bonjour Lina, je vous ai proposé un rendez-vous en soirée.");
    await page.getByRole("button", { name: "Envoyer le message" }).click();
    await page.getByText("je vous ai proposé un rendez-vous en soirée").waitFor();
    await onglet(page, "Journal d'accès");
    await page.getByRole("cell", { name: "a consulté votre dossier" }).first().waitFor();
    await verifierAccessibilite(page);
    await onglet(page, "Chronologie");
    await page.getByText("Mise en pause").waitFor();
    await page.getByText("Reprise").first().waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "dossier-chronologie");
    await page.context().close();
    expect(erreurs).toEqual([]);
  });

  it("le bénéficiaire active son compte, confirme le rendez-vous, répond et voit qui a consulté son dossier", async () => {
    const { page, erreurs } = await nouvellePage();
    const activation = courrielsPour(email).find((m) => m.includes("/reinitialisation?jeton="));
    const lien = activation!.match(/http\S+\/reinitialisation\?jeton=\S+/)![0];
    await page.goto(lien);
    await page.getByLabel("Nouveau mot de passe").fill(motDePasse);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page
      .getByRole("alert")
      .or(page.getByText(/mot de passe est enregistré|modifié/))
      .first()
      .waitFor();
    await seConnecter(page, email, motDePasse);
    await page.waitForURL(url("/mon-espace"));
    await page.getByRole("link", { name: /Avenir Actifs/ }).click();
    await page.getByRole("heading", { level: 1, name: "Mon parcours en détail" }).waitFor();
    await page.getByText("Prochaines étapes").waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "beneficiaire-parcours");

    await onglet(page, "Mes rendez-vous");
    await page.getByRole("button", { name: "Confirmer" }).click();
    await page.getByText("Rendez-vous confirmé. Merci !").waitFor();
    await page.getByRole("cell", { name: "Confirmé" }).waitFor();
    await verifierAccessibilite(page);

    await onglet(page, "Mes échanges");
    await page.getByText("je vous ai proposé un rendez-vous en soirée").waitFor();
    await page.getByLabel("Votre message").fill("Merci, je serai là.");
    await page.getByRole("button", { name: "Envoyer le message" }).click();
    await page.getByText("Merci, je serai là.").waitFor();
    await verifierAccessibilite(page);

    await onglet(page, "Notes partagées");
    await page.getByText("Renseignez-vous sur les IFSI").waitFor();

    await page.goto(url("/mon-espace/donnees"));
    await page.getByRole("heading", { level: 1, name: "Mes données" }).waitFor();
    await page.getByText("Chargement…").first().waitFor({ state: "detached" });
    const lecture = page
      .getByRole("row")
      .filter({ hasText: "Claire Vasseur" })
      .filter({ hasText: "a consulté votre dossier" });
    await lecture.first().waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "beneficiaire-mes-donnees");
    await page.context().close();
    expect(erreurs).toEqual([]);
  });

  it("la conseillère clôture le parcours : entrée en formation", async () => {
    const { page, erreurs } = await nouvellePage();
    await seConnecter(page, "conseillere.ara@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    await page.goto(dossierUrl);
    await page.getByRole("heading", { level: 1, name: "Dossier de Lina Parcours" }).waitFor();
    await onglet(page, "Étape");
    await page.getByLabel("Action").selectOption("cloture");
    await page.getByRole("button", { name: "Valider" }).click();
    await page.getByText("Choisissez le motif de clôture.").first().waitFor();
    await verifierAccessibilite(page);
    await page.getByLabel("Motif de clôture").selectOption("formation_engagee");
    await page.getByRole("button", { name: "Valider" }).click();
    await page.getByText("Ce parcours est clos : son étape ne change plus.").waitFor();
    await page.getByText("Clos", { exact: true }).first().waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "dossier-clos");
    await page.context().close();
    expect(erreurs).toEqual([]);
  });

  it("deux conseillers modifient la même situation : le second voit ce qui a changé, sa saisie est gardée", async () => {
    const a = await nouvellePage();
    const b = await nouvellePage();
    for (const { page } of [a, b]) {
      await seConnecter(page, "conseillere.ara@demo.cep.invalid");
      await page.waitForURL(url("/conseiller"));
      await page.getByRole("link", { name: "Camille Martin" }).click();
      await page.getByRole("heading", { level: 1, name: "Dossier de Camille Martin" }).waitFor();
      await page.getByLabel("Commune").waitFor();
    }
    await a.page.getByLabel("Commune").fill("Vienne");
    await a.page.getByRole("button", { name: "Enregistrer" }).click();
    await a.page.getByText("Modifications enregistrées.").waitFor();
    await b.page.getByLabel("Commune").fill("Givors");
    await b.page.getByRole("button", { name: "Enregistrer" }).click();
    await b.page.getByText("Ce dossier a été modifié par quelqu'un d'autre pendant votre saisie").waitFor();
    await b.page.getByText("Commune : maintenant « Vienne » (vous aviez saisi « Givors »)").waitFor();
    expect(await b.page.getByLabel("Commune").inputValue()).toBe("Givors");
    await verifierAccessibilite(b.page);
    await capturer(b.page, "dossier-conflit");
    await b.page.getByRole("button", { name: "Enregistrer" }).click();
    await b.page.getByText("Modifications enregistrées.").waitFor();
    for (const x of [a, b]) {
      await x.page.context().close();
      expect(x.erreurs.filter((e) => !e.includes("409"))).toEqual([]);
    }
  });

  it("le dossier se parcourt au clavier : onglets aux flèches, formulaire à la tabulation", async () => {
    const { page, erreurs } = await nouvellePage();
    await seConnecter(page, "conseiller.ara@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    await page.getByRole("link", { name: "Nadia Bernard" }).click();
    await page.getByRole("heading", { level: 1, name: "Dossier de Nadia Bernard" }).waitFor();
    await page.getByRole("tab", { name: "Situation et demande" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Étape du parcours" }).waitFor();
    expect(await page.getByRole("tab", { name: "Étape", exact: true }).getAttribute("aria-selected")).toBe(
      "true",
    );
    await page.getByRole("tab", { name: "Étape", exact: true }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Notes", exact: true }).waitFor();
    await page.getByLabel("Note", { exact: true }).focus();
    await page.keyboard.type("Note écrite au clavier seul.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByText("Note écrite au clavier seul.").waitFor();
    await page.getByText("Partagée avec le bénéficiaire").first().waitFor();
    await page.context().close();
    expect(erreurs).toEqual([]);
  });

  it("le responsable affecte un dossier de la file d'attente à une conseillère", async () => {
    const { page, erreurs } = await nouvellePage();
    await seConnecter(page, "responsable.ara@demo.cep.invalid");
    await page.waitForURL(url("/responsable"));
    await page.getByRole("heading", { name: "Dossiers sans référent" }).waitFor();
    await page.getByText("Aucune réorientation en attente.").waitFor();
    const lien = page
      .getByRole("table", { name: /en attente d'un référent/ })
      .getByRole("link")
      .first();
    const nom = (await lien.textContent())!;
    await verifierAccessibilite(page);
    await lien.click();
    await page.getByRole("heading", { level: 1, name: `Dossier de ${nom}` }).waitFor();
    await page.getByLabel("Référent·e du dossier").selectOption({ label: "Claire Vasseur" });
    await page.getByRole("button", { name: "Affecter" }).click();
    await page.getByRole("definition").filter({ hasText: "Claire Vasseur" }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "responsable-affectation");
    await page.context().close();
    expect(erreurs).toEqual([]);
  });

  it("remplacement temporaire et réorientation acceptée par l'opérateur d'accueil ; l'historique est gardé", async () => {
    const { page, erreurs } = await nouvellePage();
    await seConnecter(page, "conseillere.ara@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    await page.getByRole("link", { name: "Hugo Thomas" }).click();
    await page.getByRole("heading", { level: 1, name: "Dossier de Hugo Thomas" }).waitFor();
    await onglet(page, "Référent et transferts");
    await page.getByLabel("Conseiller ou conseillère").selectOption({ label: "Julien Morin" });
    await page.getByLabel("Fin du remplacement").fill("2099-02-01");
    await page.getByLabel("Motif").fill("Congés");
    await page.getByRole("button", { name: "Transférer" }).click();
    await page.getByText("remplacé·e par Julien Morin jusqu'au 2099-02-01").waitFor();
    await onglet(page, "Référent et transferts");
    await page.getByRole("cell", { name: "Remplacement temporaire" }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "dossier-transferts");

    await page.goto(url("/conseiller"));
    await page.getByRole("link", { name: "Lucas Durand" }).click();
    await page.getByRole("heading", { level: 1, name: "Dossier de Lucas Durand" }).waitFor();
    await onglet(page, "Référent et transferts");
    await page.getByLabel("Type de transfert").selectOption("reorientation");
    await page.getByLabel("Opérateur").selectOption({ label: "Mission locale de Lyon (démo)" });
    await page.getByLabel("Motif").fill("Moins de 26 ans : accompagnement par la Mission locale");
    await page.getByRole("button", { name: "Transférer" }).click();
    await page.getByRole("cell", { name: "En attente de l'opérateur d'accueil" }).waitFor();
    await page.context().close();

    const ml = await nouvellePage();
    await seConnecter(ml.page, "responsable.ml@demo.cep.invalid");
    await ml.page.waitForURL(url("/responsable"));
    await ml.page.getByText("Lucas Durand", { exact: true }).waitFor();
    await verifierAccessibilite(ml.page);
    await ml.page.getByRole("button", { name: "Accepter" }).click();
    await ml.page.getByText("Réorientation acceptée").waitFor();
    await ml.page.getByRole("link", { name: "Lucas Durand" }).waitFor();
    await capturer(ml.page, "responsable-reorientation");
    await ml.page.context().close();
    expect([...erreurs, ...ml.erreurs]).toEqual([]);
  });
});
