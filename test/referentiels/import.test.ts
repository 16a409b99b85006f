import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importerRome } from "../../src/referentiels/import.js";
import { ouvrirSourceRome, repertoireRome } from "../../src/referentiels/sources.js";
import { fabriquesBase } from "../support/bases.js";
import { dossierReferentiels } from "../support/environnement.js";

/**
 * Import du ROME 4.0 officiel (../shared/data/rome-v4) sur SQLite et PostgreSQL : un seul import complet par base,
 * puis des versions défectueuses (fichier tronqué, mauvais encodage, fichier manquant) qui doivent échouer avec un
 * message nommant le fichier et la ligne, sans toucher à la version active.
 */
const romeOfficiel = repertoireRome(dossierReferentiels())!;

/** Copie l'export sous un autre numéro de version (v999), puis applique une altération. */
function versionAlteree(alterer: (dossier: string) => void): string {
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-rome-"));
  for (const f of readdirSync(romeOfficiel).filter((n) => n.endsWith(".csv")))
    copyFileSync(path.join(romeOfficiel, f), path.join(dossier, f.replace("_v460_", "_v999_")));
  alterer(dossier);
  return dossier;
}

const fichier = (d: string, cle: string) => path.join(d, `unix_${cle}_v999_utf8.csv`);

const ALTERATIONS: { nom: string; alterer: (d: string) => void; message: RegExp }[] = [
  {
    nom: "un CSV tronqué au milieu d'une ligne",
    alterer: (d) => {
      const f = fichier(d, "referentiel_appellation");
      const octets = readFileSync(f);
      writeFileSync(f, octets.subarray(0, Math.floor(octets.length / 2)));
    },
    message: /unix_referentiel_appellation_v999_utf8\.csv, ligne \d+ : .*(tronqué|incomplète)/,
  },
  {
    nom: "un fichier en Windows-1252 au lieu d'UTF-8",
    alterer: (d) => {
      const f = fichier(d, "referentiel_code_rome");
      writeFileSync(f, execFileSync("iconv", ["-f", "UTF-8", "-t", "WINDOWS-1252//TRANSLIT", f]));
    },
    message: /unix_referentiel_code_rome_v999_utf8\.csv, ligne \d+ : le fichier n'est pas encodé en UTF-8/,
  },
  {
    nom: "un fichier manquant",
    alterer: (d) => rmSync(fichier(d, "rubrique_mobilite")),
    message: /unix_rubrique_mobilite_v999_utf8\.csv : fichier manquant/,
  },
  {
    nom: "un lien vers un item inexistant",
    alterer: (d) => {
      const f = fichier(d, "liens_rome_referentiels");
      writeFileSync(f, `${readFileSync(f, "utf8")}"A1101","5","1","99999999"\n`);
    },
    message: /unix_liens_rome_referentiels_v999_utf8\.csv, ligne 118925 : item 99999999 inconnu/,
  },
];

describe.each(fabriquesBase())("import du ROME 4.0 ($nom)", (fabrique) => {
  let base: Awaited<ReturnType<typeof fabrique.ouvrir>>;
  beforeAll(async () => {
    base = await fabrique.ouvrir();
    await importerRome(base, await ouvrirSourceRome(dossierReferentiels()));
  }, 120_000);
  afterAll(async () => base?.detruire());

  it("charge les 1 584 fiches et les 13 120 appellations de la v460", async () => {
    const v = await base.depots.referentiels.versionActive("rome");
    expect(v?.version).toBe("v460");
    expect(v?.compteurs).toMatchObject({
      fiches: 1584,
      appellations: 13120,
      mobilites: 14912,
      liens: 104219,
    });
    const n = await base.db
      .selectFrom("rome_appellation")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(13120);
  });

  it("la fiche M1607 a sa définition, ses appellations, ses compétences groupées et ses mobilités", async () => {
    const f = await base.depots.referentiels.fiche("M1607");
    expect(f?.libelle).toBe("Secrétaire");
    expect(f?.domaine).toMatchObject({ code: "M16", grandDomaine: { code: "M" } });
    expect(f?.definition).toBeTruthy();
    expect(f?.appellations.find((a) => a.principale)?.libelle).toBe("Secrétaire");
    expect(f?.items.some((i) => i.rubrique === "savoir_faire" && i.macroCompetence)).toBe(true);
    expect(f?.items.some((i) => i.coeurMetier === "Principale")).toBe(true);
    expect(f?.mobilites.length).toBeGreaterThan(0);
  });

  it("réimporter la même version ne fait rien", async () => {
    const r = await importerRome(base, await ouvrirSourceRome(dossierReferentiels()));
    expect(r.statut).toBe("deja_a_jour");
    const versions = await base.db
      .selectFrom("referentiel_version")
      .selectAll()
      .where("nom", "=", "rome")
      .execute();
    expect(versions).toHaveLength(1);
  });

  it.each(ALTERATIONS)(
    "$nom : échec qui nomme le fichier et la ligne, version active intacte",
    async ({ alterer, message }) => {
      const dossier = versionAlteree(alterer);
      try {
        await expect(importerRome(base, await ouvrirSourceRome(dossier))).rejects.toThrow(message);
      } finally {
        rmSync(dossier, { recursive: true, force: true });
      }
      const v = await base.depots.referentiels.versionActive("rome");
      expect(v?.version).toBe("v460");
      const versions = await base.db.selectFrom("referentiel_version").select("statut").execute();
      expect(versions.map((x) => x.statut)).toEqual(["active"]);
      expect((await base.depots.referentiels.fiche("M1607"))?.libelle).toBe("Secrétaire");
    },
    60_000,
  );
});
