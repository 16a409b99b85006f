import { mkdirSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

export const CHROMIUM = process.env.CEP_CHROMIUM ?? "/usr/bin/chromium";

export async function lancerNavigateur(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/**
 * Le navigateur d'un fichier de tests : lancé avant ses tests, fermé après. `newContext` ouvre un contexte neuf ;
 * `nouvellePage` une page dans un contexte neuf (en français par défaut), avec la surveillance de ses erreurs.
 */
export function navigateurDuFichier() {
  let navigateur: Browser | undefined;
  beforeAll(async () => {
    navigateur = await lancerNavigateur();
  });
  afterAll(async () => navigateur?.close());
  const newContext = (options?: BrowserContextOptions) => {
    if (!navigateur) throw new Error("Navigateur pas encore lancé (appel hors d'un test).");
    return navigateur.newContext(options);
  };
  return {
    newContext,
    async nouvellePage(options: BrowserContextOptions = {}) {
      const page = await (await newContext({ locale: "fr-FR", ...options })).newPage();
      return { page, erreurs: surveillerErreurs(page) };
    },
  };
}

export const url = (chemin: string) => `${inject("urlBase")}${chemin}`;

/** Zéro violation axe (WCAG 2.1 A et AA) sur la page telle qu'elle est affichée. */
export async function verifierAccessibilite(page: Page) {
  const resultat = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const resume = resultat.violations.map(
    (v) =>
      `${v.id} (${v.impact}) : ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(" | ")}`,
  );
  expect(resume, `violations axe sur ${page.url()}`).toEqual([]);
}

/** Capture d'écran gardée sous test-results/ pour relecture humaine. */
export async function capturer(page: Page, nom: string) {
  mkdirSync("test-results/captures", { recursive: true });
  await page.screenshot({ path: `test-results/captures/${nom}.png`, fullPage: true });
}

/** Surveille les erreurs de la page (exceptions, CSP, console.error) : un test les refuse. */
export function surveillerErreurs(page: Page): string[] {
  const erreurs: string[] = [];
  page.on("pageerror", (e) => erreurs.push(`exception : ${e.message}`));
  page.on("console", (m) => {
    // Les réponses 4xx attendues (mauvais mot de passe, formulaire invalide) sont journalisées par le navigateur : ce ne sont pas des erreurs de la page.
    if (
      m.type() === "error" &&
      !m.text().startsWith("Failed to load resource: the server responded with a status of 4")
    )
      erreurs.push(`console : ${m.text()}`);
  });
  return erreurs;
}

export async function seConnecter(page: Page, email: string, motDePasse = "demo-cep-2026") {
  await page.goto(url("/connexion"));
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
}
