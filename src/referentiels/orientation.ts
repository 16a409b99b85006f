import path from "node:path";
import type { ReferentielsOrientation, Territoires } from "../app/ports.js";
import { chargerPortails } from "./portailsRegionaux.js";

/** Référentiels de l'aiguillage : l'index des territoires (ticket 3) + les portails régionaux lus dans le répertoire des référentiels. */
export function creerReferentielsOrientation(
  dossierReferentiels: string | undefined,
  territoires: Territoires,
): ReferentielsOrientation {
  let portails: ReturnType<typeof chargerPortails> | undefined;
  return {
    territoires,
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
