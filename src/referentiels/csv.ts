/**
 * Lecture stricte des fichiers CSV officiels (RFC 4180 : séparateur, guillemets doublés, champs sur plusieurs lignes).
 * Toute anomalie nomme le fichier et la ligne : encodage qui n'est pas de l'UTF-8, guillemet non fermé (fichier tronqué),
 * nombre de champs différent de l'en-tête, colonne attendue absente, dernière ligne incomplète.
 */

export class ErreurImport extends Error {
  constructor(
    readonly fichier: string,
    readonly ligne: number | null,
    raison: string,
  ) {
    super(ligne === null ? `${fichier} : ${raison}` : `${fichier}, ligne ${ligne} : ${raison}`);
    this.name = "ErreurImport";
  }
}

/** Position (ligne, 1-indexée) du premier octet qui n'est pas de l'UTF-8 valide, ou null. */
export function premiereLigneNonUtf8(octets: Uint8Array): number | null {
  let ligne = 1;
  let i = 0;
  const n = octets.length;
  while (i < n) {
    const b = octets[i]!;
    if (b === 0x0a) {
      ligne++;
      i++;
      continue;
    }
    if (b < 0x80) {
      i++;
      continue;
    }
    let suite = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      suite = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      suite = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      suite = 3;
      min = 0x10000;
    } else return ligne;
    if (i + suite >= n) return ligne;
    let cp = b & (0x3f >> suite);
    for (let k = 1; k <= suite; k++) {
      const c = octets[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return ligne;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return ligne;
    i += suite + 1;
  }
  return null;
}

export interface LigneCsv {
  /** Numéro de la ligne physique où commence l'enregistrement (l'en-tête est la ligne 1). */
  ligne: number;
  valeurs: Record<string, string>;
}

/** Décode et découpe un fichier CSV ; `colonnes` : colonnes exigées dans l'en-tête. */
export function lireCsv(
  fichier: string,
  octets: Uint8Array,
  colonnes: readonly string[],
  separateur = ",",
): LigneCsv[] {
  const mauvaise = premiereLigneNonUtf8(octets);
  if (mauvaise !== null)
    throw new ErreurImport(
      fichier,
      mauvaise,
      "le fichier n'est pas encodé en UTF-8 (fichier Windows-1252 ou Latin-1 ?) : téléchargez la version « utf8 » de l'export officiel",
    );
  let texte = new TextDecoder("utf-8").decode(octets);
  if (texte.charCodeAt(0) === 0xfeff) texte = texte.slice(1);
  if (texte.length === 0) throw new ErreurImport(fichier, null, "le fichier est vide");
  if (!texte.endsWith("\n"))
    throw new ErreurImport(
      fichier,
      texte.split("\n").length,
      "la dernière ligne est incomplète (fichier tronqué ?)",
    );

  const enregistrements: { ligne: number; champs: string[] }[] = [];
  let champs: string[] = [];
  let champ = "";
  let ligne = 1;
  let debut = 1;
  let i = 0;
  const n = texte.length;
  while (i < n) {
    const c = texte[i]!;
    if (c === '"' && champ === "") {
      // Champ entre guillemets
      const ouverture = ligne;
      i++;
      let fin = false;
      while (i < n) {
        const d = texte[i]!;
        if (d === '"') {
          if (texte[i + 1] === '"') {
            champ += '"';
            i += 2;
            continue;
          }
          i++;
          fin = true;
          break;
        }
        if (d === "\n") ligne++;
        champ += d;
        i++;
      }
      if (!fin)
        throw new ErreurImport(
          fichier,
          ouverture,
          "guillemet ouvert jamais fermé : le fichier est tronqué ou mal formé",
        );
      const suivant = texte[i];
      if (suivant !== separateur && suivant !== "\n" && suivant !== "\r" && suivant !== undefined)
        throw new ErreurImport(fichier, ligne, "caractère inattendu après un champ entre guillemets");
      continue;
    }
    if (c === separateur) {
      champs.push(champ);
      champ = "";
      i++;
      continue;
    }
    if (c === "\r" && texte[i + 1] === "\n") {
      i++;
      continue;
    }
    if (c === "\n") {
      champs.push(champ);
      enregistrements.push({ ligne: debut, champs });
      champs = [];
      champ = "";
      ligne++;
      debut = ligne;
      i++;
      continue;
    }
    champ += c;
    i++;
  }

  const entete = enregistrements.shift();
  if (!entete) throw new ErreurImport(fichier, null, "le fichier est vide");
  const manquantes = colonnes.filter((c) => !entete.champs.includes(c));
  if (manquantes.length)
    throw new ErreurImport(
      fichier,
      1,
      `colonne${manquantes.length > 1 ? "s" : ""} attendue${manquantes.length > 1 ? "s" : ""} absente${manquantes.length > 1 ? "s" : ""} : ${manquantes.join(", ")}`,
    );
  const largeur = entete.champs.length;
  const resultat: LigneCsv[] = [];
  for (const e of enregistrements) {
    if (e.champs.length === 1 && e.champs[0] === "") continue;
    if (e.champs.length !== largeur)
      throw new ErreurImport(
        fichier,
        e.ligne,
        `${e.champs.length} champ(s) au lieu de ${largeur} (fichier tronqué ou mal formé ?)`,
      );
    const valeurs: Record<string, string> = {};
    for (let k = 0; k < largeur; k++) valeurs[entete.champs[k]!] = e.champs[k]!;
    resultat.push({ ligne: e.ligne, valeurs });
  }
  return resultat;
}
