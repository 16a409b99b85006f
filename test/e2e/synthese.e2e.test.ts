import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { rendreHtml } from "../../src/documents/html.js";
import { SYNTHESE_NIVEAU_2 } from "../cas/synthese.js";
import { capturer, lancerNavigateur, verifierAccessibilite } from "./support/navigateur.js";

let navigateur: Browser;
beforeAll(async () => {
  navigateur = await lancerNavigateur();
});
afterAll(async () => navigateur?.close());

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
