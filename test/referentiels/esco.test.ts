import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importerEsco, repertoireEsco } from "../../src/referentiels/esco/import.js";
import { importerRome } from "../../src/referentiels/import.js";
import { ouvrirSourceRome } from "../../src/referentiels/sources.js";
import { fabriquesBase } from "../support/bases.js";
import { dossierReferentiels } from "../support/environnement.js";

/**
 * Import d'ESCO (libellés français des métiers et correspondance officielle ESCO ↔ ROME, ../shared/data/esco) sur
 * SQLite et PostgreSQL : un import complet par base, puis des fichiers défectueux qui doivent échouer en nommant le
 * fichier et la ligne, sans rien basculer.
 */
const escoOfficiel = repertoireEsco(dossierReferentiels())!;
const CORRESPONDANCE = "mapping_esco_1.1_rome_v3_appellations.csv";
const METIERS = "occupations_fr.csv";

/** Copie des deux fichiers officiels, puis altération. */
function versionAlteree(alterer: (dossier: string) => void): string {
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-esco-"));
  for (const f of [CORRESPONDANCE, METIERS]) copyFileSync(path.join(escoOfficiel, f), path.join(dossier, f));
  alterer(dossier);
  return dossier;
}

/** Remplace la n-ième ligne physique (1-indexée) d'un fichier. */
function remplacerLigne(fichier: string, n: number, remplacer: (ligne: string) => string) {
  const lignes = readFileSync(fichier, "utf8").split("\n");
  lignes[n - 1] = remplacer(lignes[n - 1]!);
  writeFileSync(fichier, lignes.join("\n"));
}

const ALTERATIONS: { nom: string; alterer: (d: string) => void; message: RegExp }[] = [
  {
    // Ligne 18 : première correspondance (15 lignes de métadonnées, une ligne vide, l'en-tête).
    nom: "une relation inconnue dans la correspondance",
    alterer: (d) =>
      remplacerLigne(path.join(d, CORRESPONDANCE), 18, (l) => l.replace("skos:broadMatch", "skos:related")),
    message:
      /mapping_esco_1\.1_rome_v3_appellations\.csv, ligne 18 : relation « skos:related » inconnue \(attendu : skos:exactMatch/,
  },
  {
    nom: "un code OGR qui n'est pas un nombre",
    alterer: (d) => remplacerLigne(path.join(d, CORRESPONDANCE), 20, (l) => l.replace(",11987,", ",A11987,")),
    message:
      /mapping_esco_1\.1_rome_v3_appellations\.csv, ligne 20 : « A11987 » n'est pas un code OGR d'appellation ROME/,
  },
  {
    nom: "une ligne de correspondance tronquée",
    alterer: (d) => remplacerLigne(path.join(d, CORRESPONDANCE), 19, (l) => l.slice(0, l.lastIndexOf(","))),
    message: /mapping_esco_1\.1_rome_v3_appellations\.csv, ligne 19 : 4 champ\(s\) au lieu de 5/,
  },
  {
    nom: "une URI de métier ESCO mal formée",
    alterer: (d) =>
      remplacerLigne(path.join(d, METIERS), 2, (l) =>
        l.replace("http://data.europa.eu/esco/occupation/", "http://exemple.fr/"),
      ),
    message: /occupations_fr\.csv, ligne 2 : « http:\/\/exemple\.fr\/.* » n'est pas l'URI d'un métier ESCO/,
  },
  {
    nom: "le fichier des libellés absent",
    alterer: (d) => rmSync(path.join(d, METIERS)),
    message: /ESCO incomplet : il faut occupations_fr\.csv/,
  },
];

describe.each(fabriquesBase())("import d'ESCO ($nom)", (fabrique) => {
  let base: Awaited<ReturnType<typeof fabrique.ouvrir>>;
  beforeAll(async () => {
    base = await fabrique.ouvrir();
    await importerRome(base, await ouvrirSourceRome(dossierReferentiels()));
    await importerEsco(base, escoOfficiel);
  }, 180_000);
  afterAll(async () => base?.detruire());

  it("charge les 3 043 métiers et les 11 118 correspondances, versionnés", async () => {
    const v = await base.depots.referentiels.versionActive("esco");
    expect(v?.version).toMatch(/^ESCO-ROME V1\.4 \([0-9a-f]{8}\)$/);
    expect(v?.compteurs).toMatchObject({ metiers: 3043, correspondances: 11118 });
  });

  it("les libellés ESCO rattachés aux appellations arrivent dans les données de l'index, avec leur relation", async () => {
    const d = await base.depots.referentiels.donneesIndex();
    // 11987 « Chauffeur / Chauffeuse de machines agricoles » ↔ ESCO « conducteur d'engins agricoles » (exactMatch).
    expect(d.synonymes).toContainEqual({
      codeOgr: "11987",
      libelle: "conducteur d'engins agricoles/conductrice d'engins agricoles",
      relation: "exactMatch",
    });
    const relations = new Set(d.synonymes?.map((s) => s.relation));
    expect([...relations].sort()).toEqual(["broadMatch", "closeMatch", "exactMatch", "narrowMatch"]);
  });

  it("réimporter les mêmes fichiers ne fait rien", async () => {
    const r = await importerEsco(base, escoOfficiel);
    expect(r.statut).toBe("deja_a_jour");
    const versions = await base.db
      .selectFrom("referentiel_version")
      .selectAll()
      .where("nom", "=", "esco")
      .execute();
    expect(versions).toHaveLength(1);
  });

  it.each(ALTERATIONS)(
    "$nom : échec qui nomme le fichier et la ligne, rien ne bascule",
    async ({ alterer, message }) => {
      const avant = await base.depots.referentiels.versionActive("esco");
      const dossier = versionAlteree(alterer);
      try {
        await expect(importerEsco(base, dossier)).rejects.toThrow(message);
      } finally {
        rmSync(dossier, { recursive: true, force: true });
      }
      expect(await base.depots.referentiels.versionActive("esco")).toEqual(avant);
      const versions = await base.db
        .selectFrom("referentiel_version")
        .select("statut")
        .where("nom", "=", "esco")
        .execute();
      expect(versions.map((x) => x.statut)).toEqual(["active"]);
      // Rien de la tentative ne reste : seules les lignes de la version active sont en base.
      for (const [table, n] of [
        ["esco_metier", 3043],
        ["esco_rome", 11118],
      ] as const) {
        const r = await base.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        expect(Number(r.n)).toBe(n);
      }
    },
    60_000,
  );
});
