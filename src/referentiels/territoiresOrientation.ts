import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { ReferentielsOrientation, Territoires } from "../app/ports.js";
import { chargerPortails } from "./portailsRegionaux.js";

/**
 * Code postal → région, d'après le découpage administratif officiel publié par Etalab
 * (`@etalab/decoupage-administratif` : communes avec leurs codes postaux, régions INSEE).
 * Index construit une fois, au premier appel. L'index partagé des territoires (ticket 3) le remplacera.
 */
interface CommuneBrute {
  type: string;
  region?: string;
  codesPostaux?: string[];
}
interface RegionBrute {
  code: string;
  nom: string;
}

const require = createRequire(import.meta.url);

async function lireJson<T>(fichier: string): Promise<T> {
  const chemin = require.resolve(`@etalab/decoupage-administratif/data/${fichier}`);
  return JSON.parse(await readFile(chemin, "utf8")) as T;
}

export function creerTerritoiresOrientation(): Territoires {
  let index: Promise<Map<string, { code: string; nom: string }>> | undefined;
  const construire = async () => {
    const [communes, regions] = await Promise.all([
      lireJson<CommuneBrute[]>("communes.json"),
      lireJson<RegionBrute[]>("regions.json"),
    ]);
    const noms = new Map(regions.map((r) => [r.code, r.nom]));
    const parCodePostal = new Map<string, { code: string; nom: string }>();
    for (const c of communes) {
      if (c.type !== "commune-actuelle" || !c.region) continue;
      const nom = noms.get(c.region);
      if (!nom) continue;
      for (const cp of c.codesPostaux ?? [])
        if (!parCodePostal.has(cp)) parCodePostal.set(cp, { code: c.region, nom });
    }
    return parCodePostal;
  };
  return {
    async regionDuCodePostal(codePostal) {
      index ??= construire();
      return (await index).get(codePostal) ?? null;
    },
  };
}

/** Référentiels de l'aiguillage : territoires Etalab + portails régionaux lus dans le répertoire des référentiels. */
export function creerReferentielsOrientation(
  dossierReferentiels: string | undefined,
): ReferentielsOrientation {
  let portails: ReturnType<typeof chargerPortails> | undefined;
  return {
    territoires: creerTerritoiresOrientation(),
    portailsRegionaux() {
      if (!dossierReferentiels) return Promise.resolve([]);
      portails ??= chargerPortails(path.resolve(dossierReferentiels)).catch((e) => {
        portails = undefined;
        throw e;
      });
      return portails;
    },
  };
}
