import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { ErreurImport } from "./csv.js";
import type { SourceFichiers } from "./rome/lecture.js";

/**
 * Où trouver l'export ROME : un répertoire (ou son sous-répertoire `rome-v4`, disposition de ../shared/data),
 * une archive zip, ou une adresse http(s) d'une archive zip (publication officielle de France Travail).
 */

export function sourceRepertoire(dossier: string): SourceFichiers {
  const noms = readdirSync(dossier).filter((n) => n.endsWith(".csv"));
  return {
    description: `le répertoire ${dossier}`,
    noms: () => noms,
    lire: async (nom) => readFileSync(path.join(dossier, nom)),
  };
}

export function sourceZip(description: string, octets: Uint8Array): SourceFichiers {
  let fichiers: Record<string, Uint8Array>;
  try {
    fichiers = unzipSync(octets);
  } catch (e) {
    throw new ErreurImport(description, null, `archive zip illisible (${(e as Error).message})`);
  }
  return {
    description,
    noms: () => Object.keys(fichiers).filter((n) => n.endsWith(".csv")),
    lire: async (nom) => fichiers[nom]!,
  };
}

/** Le répertoire qui contient les fichiers ROME : le dossier lui-même, ou `rome-v4/` dedans. */
export function repertoireRome(dossier: string): string | undefined {
  const contientRome = (d: string) =>
    existsSync(d) && readdirSync(d).some((n) => /^unix_referentiel_code_rome_v\d+_utf8\.csv$/.test(n));
  if (contientRome(dossier)) return dossier;
  const sous = path.join(dossier, "rome-v4");
  if (contientRome(sous)) return sous;
  return undefined;
}

export async function telecharger(url: string, delaiMs = 30_000): Promise<Uint8Array> {
  let reponse: Response;
  try {
    reponse = await fetch(url, { signal: AbortSignal.timeout(delaiMs) });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new ErreurImport(
      url,
      null,
      `téléchargement impossible (${cause?.code ?? cause?.message ?? (e as Error).message}). Vérifiez l'accès à Internet, ou téléchargez l'archive vous-même et lancez « cep referentiels import --source CHEMIN »`,
    );
  }
  if (!reponse.ok)
    throw new ErreurImport(
      url,
      null,
      `téléchargement refusé par le serveur (HTTP ${reponse.status}). Téléchargez l'archive vous-même et lancez « cep referentiels import --source CHEMIN »`,
    );
  return new Uint8Array(await reponse.arrayBuffer());
}

/** Ouvre une source ROME désignée par un chemin (répertoire ou .zip) ou une URL. */
export async function ouvrirSourceRome(source: string): Promise<SourceFichiers> {
  if (/^https?:\/\//.test(source)) return sourceZip(source, await telecharger(source));
  if (!existsSync(source)) throw new ErreurImport(source, null, "ce chemin n'existe pas");
  if (statSync(source).isDirectory()) {
    const dossier = repertoireRome(source);
    if (!dossier)
      throw new ErreurImport(
        source,
        null,
        "aucun fichier unix_referentiel_code_rome_vNNN_utf8.csv dans ce répertoire ni dans son sous-répertoire rome-v4",
      );
    return sourceRepertoire(dossier);
  }
  return sourceZip(source, readFileSync(source));
}
