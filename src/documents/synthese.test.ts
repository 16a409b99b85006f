import { describe, expect, it } from "vitest";
import { dateLongue, duree, euros, typo } from "./typographie.js";

describe("typographie française", () => {
  it.each([
    [
      "Votre projet : devenir aide-soignante ; pourquoi pas ?",
      "Votre projet\u00a0: devenir aide-soignante\u202f; pourquoi pas\u202f?",
    ],
    ["l'accompagnement « VAE »", "l’accompagnement «\u00a0VAE\u00a0»"],
    ["voir https://www.france-vae.fr", "voir https://www.france-vae.fr"],
  ])("%s", (brut, attendu) => {
    expect(typo(brut)).toBe(attendu);
  });

  it("écrit les montants et les dates à la française", () => {
    expect(euros(1600)).toBe("1\u202f600,00\u00a0€");
    expect(dateLongue("2026-03-05")).toBe("5 mars 2026");
    expect(duree(90)).toBe("1\u00a0h30");
    expect(duree(45)).toBe("45\u00a0min");
  });
});

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SYNTHESE_NIVEAU_2 } from "../../test/cas/synthese.js";
import { rendrePdf } from "./pdf.js";

const pdftotext = (pdf: Buffer) => {
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-pdf-"));
  const fichier = path.join(dossier, "synthese.pdf");
  writeFileSync(fichier, pdf);
  return {
    fichier,
    texte: execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", fichier, "-"], { encoding: "utf8" }),
  };
};

describe("PDF du document de synthèse", () => {
  it("contient le projet, chaque action et le reste à charge, avec les accents, sur chaque page l'opérateur et le référent", async () => {
    const pdf = await rendrePdf(SYNTHESE_NIVEAU_2, {
      statut: "Version 1 émise le 30 juin 2026",
      empreinte: "abc123",
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { fichier, texte } = pdftotext(pdf);
    const aplati = texte.replace(/\s+/g, " ");
    expect(aplati).toContain("Aide-soignant / Aide-soignante (code ROME J1501)");
    for (const etape of SYNTHESE_NIVEAU_2.niveau2!.etapes)
      for (const action of etape.actions)
        expect(aplati).toContain(action.libelle.replace(/'/g, "’").slice(0, 30));
    expect(aplati).toMatch(/Reste à charge\s?: 403,20\s?€/);
    expect(aplati).toContain("Réaliser des soins d’hygiène et de confort");
    const pages = texte.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, p] of pages.entries()) {
      expect(p).toContain("Avenir Actifs Auvergne-Rhône-Alpes (démo)");
      expect(p).toContain("Référent·e : Claire Vasseur");
      expect(p).toContain(`Page ${i + 1} sur ${pages.length}`);
    }
    // Polices Marianne intégrées.
    expect(execFileSync("pdffonts", [fichier], { encoding: "utf8" })).toMatch(/Marianne.*yes/);
    mkdirSync("test-results/documents", { recursive: true });
    writeFileSync("test-results/documents/synthese-niveau2.pdf", pdf);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      fichier,
      "test-results/documents/synthese-niveau2-page",
    ]);
  });

  it("n'imprime pas une section vide", async () => {
    const { niveau2: _, ...sansNiveau2 } = SYNTHESE_NIVEAU_2;
    const pdf = await rendrePdf(
      { ...sansNiveau2, niveau: 1, reunionsCollectives: [], prestations: [] },
      { statut: "Brouillon" },
    );
    const { texte } = pdftotext(pdf);
    expect(texte).toContain("Accueil individualisé (niveau 1)");
    expect(texte).not.toContain("Plan de financement");
    expect(texte).not.toContain("Réunions collectives");
    expect(texte).not.toContain("Prestations");
  });
});

import { rendreHtml } from "./html.js";

describe("niveau 2 dont le dossier ne contient pas encore le projet ni les plans", () => {
  const vide = {
    ...SYNTHESE_NIVEAU_2,
    niveau2: {
      competencesAcquises: [],
      competencesAAcquerir: [],
      strategies: [],
      etapes: [],
      parcoursFormation: [],
      calendrier: [],
    },
    conclusions: "Projet à confirmer par une immersion.",
  };
  it("imprime « Non renseigné » pour les parties attendues au niveau 2, et les textes du conseiller", async () => {
    const { texte } = pdftotext(await rendrePdf(vide, { statut: "Brouillon" }));
    const aplati = texte.replace(/\s+/g, " ");
    for (const partie of [
      "Votre projet professionnel",
      "Vos compétences",
      "Plan d’actions",
      "Plan de financement",
    ])
      expect(aplati).toContain(`${partie} Non renseigné dans le dossier à la date du document.`);
    expect(aplati).toContain("Conclusions Projet à confirmer par une immersion.");
    expect(aplati).not.toContain("Stratégies envisagées");
    const html = rendreHtml(vide, { statut: "Brouillon" });
    expect(html.match(/Non renseigné dans le dossier/g)).toHaveLength(4);
  });
});

describe("HTML du document de synthèse", () => {
  it("a le même contenu que le PDF, en HTML sémantique", () => {
    const html = rendreHtml(SYNTHESE_NIVEAU_2, { statut: "Version 1 émise le 30 juin 2026" });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Aide-soignant / Aide-soignante (code ROME J1501)");
    expect(html).toContain("Reste à charge : 403,20");
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<th scope="col">Échéance</th>');
    expect(html).not.toContain("<script");
  });

  it("échappe le texte saisi", () => {
    const html = rendreHtml(
      { ...SYNTHESE_NIVEAU_2, beneficiaire: { prenom: "<script>alert(1)</script>", nom: "X" } },
      { statut: "Brouillon" },
    );
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;");
  });
});
