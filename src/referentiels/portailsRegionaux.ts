import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PortailRegional } from "../domain/orientation.js";

/**
 * Portails régionaux « Mon CEP par Avenir(s) Actifs » des opérateurs régionaux (marché France compétences 2024-2027),
 * lus depuis le fichier officiel `operateurs/cep_actifs_occupes_portails_regionaux_2024_2027.csv` du répertoire des
 * référentiels. Colonnes : region_code_insee, region_nom, lot_portal_url, portal_shared_with.
 */
export const FICHIER_PORTAILS = path.join(
  "operateurs",
  "cep_actifs_occupes_portails_regionaux_2024_2027.csv",
);

export class ErreurFichierReferentiel extends Error {
  constructor(
    readonly fichier: string,
    readonly ligne: number | null,
    raison: string,
  ) {
    super(`${fichier}${ligne ? `, ligne ${ligne}` : ""} : ${raison}`);
  }
}

export function lirePortails(contenu: string, fichier = FICHIER_PORTAILS): PortailRegional[] {
  const lignes = contenu
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const entete = lignes[0]?.split(",") ?? [];
  const attendu = ["region_code_insee", "region_nom", "lot_portal_url"];
  if (!attendu.every((c, i) => entete[i] === c))
    throw new ErreurFichierReferentiel(fichier, 1, `en-tête inattendu ; attendu : ${attendu.join(",")},…`);
  return lignes.slice(1).map((l, i) => {
    const [codeRegion, nomRegion, url] = l.split(",");
    if (!codeRegion || !/^\d{2}$/.test(codeRegion) || !nomRegion || !url?.startsWith("https://"))
      throw new ErreurFichierReferentiel(
        fichier,
        i + 2,
        "ligne incomplète (code région, nom, URL https attendus)",
      );
    return { codeRegion, nomRegion, url };
  });
}

export async function chargerPortails(dossierReferentiels: string): Promise<PortailRegional[]> {
  const fichier = path.join(dossierReferentiels, FICHIER_PORTAILS);
  return lirePortails(await readFile(fichier, "utf8"), fichier);
}
