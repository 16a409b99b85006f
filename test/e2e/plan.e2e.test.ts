import { readFileSync } from "node:fs";
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
 * Plan d'actions (docs/plan.md), de bout en bout : le conseiller d'un dossier de démonstration (Inès Dubois, en mise
 * en œuvre, suivie par Julien Morin) construit un plan avec une formation financée par un PTP, consigne la réponse du
 * financeur, voit le reste à charge et le calendrier, fait convenir le plan, le révise et lit les deux versions ; la
 * personne coche sa propre action. Zéro violation axe sur chaque écran.
 */
const navigateur = navigateurDuFichier();

const nouvellePage = () => navigateur.nouvellePage({ acceptDownloads: true });
const onglet = (page: Page, nom: string) => page.getByRole("tab", { name: nom, exact: true }).click();
const FORMATION = "Titre professionnel assistant de vie aux familles";
const DEMARCHE = "Demander le congé de transition professionnelle à l'employeur";

describe("plan d'actions d'un dossier de démonstration", () => {
  it("le conseiller construit, finance, fait convenir et révise le plan ; la personne coche son action", async () => {
    const { page, erreurs } = await nouvellePage();
    await seConnecter(page, "conseiller.ara@demo.cep.invalid");
    await page.waitForURL(url("/conseiller"));
    await page.getByRole("link", { name: "Inès Dubois" }).click();
    await page.getByRole("heading", { level: 1, name: "Dossier de Inès Dubois" }).waitFor();

    // 1. Le plan : une étape, une formation payante menée par un tiers, une démarche de la personne.
    await onglet(page, "Plan d'actions");
    await page.getByRole("heading", { name: "Plan d'actions", level: 2, exact: true }).waitFor();
    await page.getByText("Aucun plan pour l'instant.").waitFor();
    await page.getByLabel("Projet visé (facultatif)").fill("Assistante de vie aux familles");
    await page.getByLabel("Titre de l'étape 1").fill("Se former");
    await page.getByLabel("Objectif intermédiaire de l'étape 1").fill("Obtenir le titre professionnel");
    await page.getByRole("button", { name: "Ajouter une action à l'étape 1" }).click();
    const a1 = page.getByRole("group", { name: "Action 1 de l'étape 1" });
    await a1.getByLabel("Intitulé").fill(FORMATION);
    await a1.getByLabel("Qui mène l'action").selectOption("tiers");
    await a1.getByLabel("Nom du tiers").fill("AFPA");
    await a1.getByLabel("Échéance").fill("2029-05-31");
    await a1.getByLabel("Coût en euros (action payante)").fill("9000");
    await a1.getByLabel("Date de début").fill("2028-09-04");
    await a1.getByLabel("Date de fin (facultative)").fill("2029-05-31");
    await a1.getByLabel("Durée en mois").fill("9");
    await a1.getByLabel("Durée en heures").fill("900");
    await a1.getByText("Certifiante", { exact: true }).click();
    await a1.getByText("Éligible au CPF", { exact: true }).click();
    await page.getByRole("button", { name: "Ajouter une action à l'étape 1" }).click();
    const a2 = page.getByRole("group", { name: "Action 2 de l'étape 1" });
    await a2.getByLabel("Type d'action").selectOption("demarche_personnelle");
    await a2.getByLabel("Intitulé").fill(DEMARCHE);
    await a2.getByLabel("Qui mène l'action").selectOption("beneficiaire");
    await a2.getByLabel("Échéance").fill("2028-05-05");
    await verifierAccessibilite(page);
    await page.getByRole("button", { name: "Enregistrer le plan" }).click();
    await page.getByText("Plan enregistré : la personne le voit dans son espace.").waitFor();
    await page.getByText("Version 1 — En préparation").waitFor();
    await capturer(page, "plan-actions-v1");

    // 2. Le financement : situation, financeurs (PTP, CPF), réponse de Transitions Pro.
    await onglet(page, "Financement");
    await page.getByRole("heading", { name: "Plan de financement", level: 2, exact: true }).waitFor();
    await page.getByLabel("Statut", { exact: true }).selectOption("salarie");
    await page.getByLabel("Contrat de travail").selectOption("cdi");
    await page.getByLabel("Ancienneté comme salarié (mois)").fill("48");
    await page.getByLabel("Ancienneté dans l'entreprise (mois)").fill("30");
    await page.getByLabel("Solde CPF (euros)").fill("1500");
    await page.getByLabel("Département (ex. 69, 2A, 974)").fill("69");
    await page.getByRole("button", { name: "Enregistrer la situation" }).click();
    // Pas encore de financeur : le plan n'est pas financé et la simulation propose ce qui reste à explorer.
    await page
      .getByText(
        /Dispositifs pas encore explorés pour lesquels la situation est éligible : Compte personnel de formation \(CPF\), Projet de transition professionnelle/,
      )
      .waitFor();
    await page.getByLabel("Dispositif").selectOption("ptp");
    await page.getByLabel("Montant demandé (euros)").fill("7500");
    await page.getByLabel("Où en est la demande").selectOption("depose");
    await page.getByRole("button", { name: "Ajouter ce financeur" }).click();
    await page.getByRole("cell", { name: "Projet de transition professionnelle (PTP)" }).waitFor();
    await page.getByLabel("Dispositif").selectOption("cpf");
    await page.getByLabel("Montant demandé (euros)").fill("1500");
    await page.getByLabel("Où en est la demande").selectOption("a_deposer");
    await page.getByRole("button", { name: "Ajouter ce financeur" }).click();
    await page.getByRole("cell", { name: "Compte personnel de formation (CPF)" }).waitFor();
    await page.getByLabel("Financeur", { exact: true }).selectOption({ index: 0 });
    await page.getByLabel("Date de l'échange").fill("2028-03-15");
    await page
      .getByLabel("Réponse du financeur ou teneur de l'échange")
      .fill("Accord de la commission paritaire du 14 mars");
    await page.getByLabel("Nouveau statut de la demande (facultatif)").selectOption("accorde");
    await page.getByRole("button", { name: "Consigner l'échange" }).click();
    const lignePtp = page.getByRole("row", { name: /Projet de transition professionnelle/ });
    await lignePtp.getByText("Accord de la commission paritaire du 14 mars").waitFor();
    expect(await lignePtp.textContent()).toContain("Accordé");
    // Le CPF mobilisé dans le PTP, sans participation forfaitaire (R6323-14-4) : rien ne reste à payer.
    await page.getByText(/reste à charge : 0,00\s€/).waitFor();
    await page.getByRole("heading", { name: /Reste à charge du plan : 0,00\s€/ }).waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "plan-financement");

    // 3. Le calendrier : la demande de congé 120 jours avant une formation de 9 mois (R6323-10 I 1°), un dimanche.
    await onglet(page, "Calendrier");
    await page.getByRole("heading", { name: "Calendrier prévisionnel", level: 2 }).waitFor();
    const demande = page.getByRole("listitem").filter({
      hasText: `dimanche 7 mai 2028 — ${FORMATION} — Date limite de la demande de congé de transition professionnelle`,
    });
    await demande.waitFor();
    expect(await demande.textContent()).toContain("R6323-10 I 1°");
    await page
      .getByRole("listitem")
      .filter({ hasText: `lundi 4 septembre 2028 — Début : ${FORMATION}` })
      .waitFor();
    await verifierAccessibilite(page);
    const [telechargement] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Télécharger le calendrier (.ics)" }).click(),
    ]);
    expect(telechargement.suggestedFilename()).toBe("plan-d-actions.ics");
    const ics = readFileSync((await telechargement.path())!, "utf8");
    expect(ics).toContain("DTSTART;VALUE=DATE:20280507");

    // 4. L'accord, puis la révision : un motif est exigé et une version 2 est créée.
    await onglet(page, "Plan d'actions");
    await page.getByRole("button", { name: "Consigner l'accord de la personne sur ce plan" }).click();
    await page
      .getByText(/Version 1 — Convenu avec le conseiller le .* \(Julien Morin\)/)
      .first()
      .waitFor();
    await page
      .getByRole("group", { name: "Action 1 de l'étape 1" })
      .getByLabel("Coût en euros (action payante)")
      .fill("9400");
    await page.getByRole("button", { name: "Enregistrer une nouvelle version du plan" }).click();
    await page.getByRole("link", { name: /motif de la révision/ }).waitFor();
    await verifierAccessibilite(page);
    await page.getByLabel("Motif de la révision").fill("Le devis de l'organisme a été réévalué");
    await page.getByRole("button", { name: "Enregistrer une nouvelle version du plan" }).click();
    await page.getByText("Nouvelle version 2 du plan enregistrée").waitFor();
    await page.getByText("Version 2 — En préparation").first().waitFor();

    // 5. Les deux versions côte à côte.
    await page.getByRole("button", { name: "Comparer les versions" }).click();
    await page.getByRole("heading", { name: "Différences entre la version 1 et la version 2" }).waitFor();
    await page.getByText(`Action « ${FORMATION} » — Coût : « 9 000 € » → « 9 400 € »`).waitFor();
    const v1 = page.getByRole("region", { name: "Version 1" });
    const v2 = page.getByRole("region", { name: "Version 2" });
    await v1.getByText(/Coût : 9\s000,00\s€/).waitFor();
    await v2.getByText(/Coût : 9\s400,00\s€/).waitFor();
    await v2.getByText("Motif : Le devis de l'organisme a été réévalué").waitFor();
    await verifierAccessibilite(page);
    await capturer(page, "plan-versions");

    // 6. La personne voit son plan et coche sa propre action, pas celle du tiers.
    const b = await nouvellePage();
    await seConnecter(b.page, "beneficiaire08@demo.cep.invalid");
    await b.page.waitForURL(url("/mon-espace"));
    await b.page.getByRole("link", { name: /Avenir Actifs/ }).click();
    await b.page.getByRole("heading", { level: 1, name: "Mon parcours en détail" }).waitFor();
    await onglet(b.page, "Mon plan d'actions");
    await b.page.getByText("Version 2 — En préparation").first().waitFor();
    expect(await b.page.getByLabel(`Où en êtes-vous : « ${FORMATION} »`).count()).toBe(0);
    await b.page.getByLabel(`Où en êtes-vous : « ${DEMARCHE} »`).selectOption("fait");
    await b.page.getByRole("button", { name: `Enregistrer où j'en suis : « ${DEMARCHE} »` }).click();
    await b.page.getByText(`« ${DEMARCHE} » : fait. Votre conseiller le verra.`).waitFor();
    await b.page.getByRole("heading", { name: "Calendrier prévisionnel" }).waitFor();
    await verifierAccessibilite(b.page);
    await capturer(b.page, "plan-beneficiaire");
    expect(b.erreurs).toEqual([]);
    await b.page.context().close();

    // 7. Pendant ce temps, le conseiller modifiait le plan à partir de la version lue avant : 409, ce qui a changé est
    // affiché, sa saisie est gardée, et la case cochée par la personne n'est pas écrasée.
    const action1 = page.getByRole("group", { name: "Action 1 de l'étape 1" });
    await action1.getByLabel("Prestataire (facultatif)").fill("AFPA Lyon Vénissieux");
    await page.getByRole("button", { name: "Enregistrer le plan" }).click();
    await page.getByText("Le plan a été modifié par quelqu'un d'autre pendant votre saisie").waitFor();
    await page.getByText(`Action « ${DEMARCHE} » — Statut : « À faire » → « Fait »`).waitFor();
    expect(await action1.getByLabel("Prestataire (facultatif)").inputValue()).toBe("AFPA Lyon Vénissieux");
    await verifierAccessibilite(page);
    await page.getByRole("button", { name: "Enregistrer le plan" }).click();
    await page.getByText("Plan enregistré : la personne le voit dans son espace.").waitFor();
    // Relu du serveur (l'onglet se recharge) : la saisie est écrite et la case cochée par la personne est intacte.
    await onglet(page, "Calendrier");
    await onglet(page, "Plan d'actions");
    await page.getByText("Version 2 — En préparation").first().waitFor();
    expect(
      await page
        .getByRole("group", { name: "Action 1 de l'étape 1" })
        .getByLabel("Prestataire (facultatif)")
        .inputValue(),
    ).toBe("AFPA Lyon Vénissieux");
    expect(
      await page.getByRole("group", { name: "Action 2 de l'étape 1" }).getByLabel("Statut").inputValue(),
    ).toBe("fait");

    // 8. Le CPF est finalement refusé : le conseiller change l'état de la ligne, puis retire ce financeur ; le reste à
    // charge suit.
    await onglet(page, "Financement");
    const choixLigne = page.getByLabel("Financeur à modifier");
    const cpf = async () =>
      (await choixLigne
        .locator("option", { hasText: "Compte personnel de formation" })
        .getAttribute("value"))!;
    await choixLigne.selectOption(await cpf());
    await page.getByLabel("Nouvel état de la demande").selectOption("refuse");
    await page.getByRole("button", { name: "Enregistrer la modification" }).click();
    await page
      .getByRole("row", { name: /Compte personnel de formation/ })
      .getByText("Refusé")
      .waitFor();
    await expect.poll(() => page.getByText(/reste à charge : 0,00\s€/).count()).toBe(0);
    await verifierAccessibilite(page);
    await choixLigne.selectOption(await cpf());
    await page.getByRole("button", { name: "Retirer ce financeur" }).click();
    await expect.poll(() => page.getByRole("row", { name: /Compte personnel de formation/ }).count()).toBe(0);
    expect(erreurs).toEqual([]);
    await page.context().close();
  });
});
