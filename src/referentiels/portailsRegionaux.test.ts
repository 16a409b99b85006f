import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chargerPortails, ErreurFichierReferentiel, lirePortails } from "./portailsRegionaux.js";

const DONNEES = process.env.CEP_REFERENTIELS_DIR ?? path.resolve("../shared/data");

describe("portails régionaux des opérateurs CEP", () => {
  it.runIf(existsSync(DONNEES))(
    "lit les 18 régions du fichier officiel, dont Auvergne-Rhône-Alpes",
    async () => {
      const portails = await chargerPortails(DONNEES);
      expect(portails).toHaveLength(18);
      expect(portails.find((p) => p.codeRegion === "84")).toEqual({
        codeRegion: "84",
        nomRegion: "Auvergne-Rhône-Alpes",
        url: "https://ara.avenir-actifs.org",
      });
    },
  );

  it("nomme le fichier et la ligne d'une ligne incomplète", () => {
    const contenu =
      "region_code_insee,region_nom,lot_portal_url,portal_shared_with\n11,Île-de-France,https://idf.exemple\n24,Centre-Val de Loire\n";
    expect(() => lirePortails(contenu, "portails.csv")).toThrowError(
      new ErreurFichierReferentiel(
        "portails.csv",
        3,
        "ligne incomplète (code région, nom, URL https attendus)",
      ),
    );
  });
});
