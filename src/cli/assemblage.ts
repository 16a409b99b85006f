import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServicesApp } from "../app/pipeline.js";
import type { Configuration } from "../config.js";
import { construireServeur } from "../http/serveur.js";
import { creerHachage } from "../infra/hachage.js";
import { creerMessagerie } from "../infra/messagerie.js";
import { creerReferentielsOrientation } from "../referentiels/orientation.js";
import { ServiceReferentiels } from "../referentiels/service.js";
import { creerServiceTerritoires } from "../referentiels/territoires.js";
import { type Base, baseRepond, ouvrirBase } from "../storage/base.js";

/** Racine de composition : la seule place où les adaptateurs sont branchés sur l'application. */

const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Le SPA construit par `vite build`, à côté de dist/server. */
export const DOSSIER_WEB = path.join(
  racine.endsWith(`${path.sep}dist`) ? path.dirname(racine) : racine,
  "dist",
  "web",
);

export function creerServices(
  config: Configuration,
  base: Base,
  referentiels = new ServiceReferentiels(base),
): ServicesApp {
  const territoires = creerServiceTerritoires();
  return {
    metiers: referentiels,
    territoires,
    stockage: base,
    messagerie: creerMessagerie({
      smtpUrl: config.smtpUrl,
      dossier: path.join(config.dataDir, "mails"),
      expediteur: config.mailFrom,
    }),
    horloge: { maintenant: () => new Date() },
    hachage: creerHachage(),
    parametres: {
      publicUrl: config.publicUrl,
      rateLimitConnexion: config.rateLimitConnexion,
      verrouillageEchecs: config.verrouillageEchecs,
      verrouillageMinutes: config.verrouillageMinutes,
      sessionHeures: config.sessionHeures,
    },
    orientation: creerReferentielsOrientation(config.referentielsDir, territoires),
  };
}

export async function assembler(config: Configuration, options: { dossierWeb?: string } = {}) {
  const base = ouvrirBase(config.base);
  await base.migrer();
  const referentiels = new ServiceReferentiels(base);
  const services = creerServices(config, base, referentiels);
  const app = await construireServeur({
    services,
    base: { type: base.type, repond: () => baseRepond(base.db) },
    rateLimitPublic: config.rateLimitPublic,
    cookieSecurise: config.env === "production",
    dossierWeb: options.dossierWeb ?? DOSSIER_WEB,
    niveauJournal: config.logLevel,
    referentiels: () => referentiels.etat(),
  });
  return { base, services, app, referentiels };
}
