import { crc32 } from "node:zlib";

/**
 * Tableurs des exports d'indicateurs : CSV (séparateur « ; », BOM UTF-8, pour les tableurs français) et XLSX minimal
 * (SpreadsheetML dans une archive ZIP non compressée, chaînes en ligne), sans dépendance.
 */
export interface Feuille {
  nom: string;
  /** Lignes de cellules ; la première est l'en-tête. */
  lignes: (string | number | null)[][];
}

const celluleCsv = (v: string | number | null) => {
  if (v === null) return "";
  const s = typeof v === "number" ? String(v).replace(".", ",") : v;
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Un CSV : chaque feuille précédée de son titre, séparées par une ligne vide. */
export function ecrireCsv(feuilles: Feuille[]): string {
  const blocs = feuilles.map((f) =>
    [[f.nom], ...f.lignes].map((l) => l.map(celluleCsv).join(";")).join("\r\n"),
  );
  return `\uFEFF${blocs.join("\r\n\r\n")}\r\n`;
}

const xml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const colonne = (i: number): string =>
  (i >= 26 ? colonne(Math.floor(i / 26) - 1) : "") + String.fromCharCode(65 + (i % 26));

function feuilleXml(f: Feuille): string {
  const lignes = f.lignes
    .map((l, r) => {
      const cellules = l
        .map((v, c) => {
          const ref = `${colonne(c)}${r + 1}`;
          if (v === null) return "";
          if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cellules}</row>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${lignes}</sheetData></worksheet>`;
}

/** Noms de feuille Excel : 31 caractères, sans []:*?/\ et uniques. */
function nomsFeuilles(feuilles: Feuille[]) {
  const vus = new Set<string>();
  return feuilles.map((f, i) => {
    let n = f.nom.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
    if (vus.has(n)) n = `${n.slice(0, 27)} (${i + 1})`;
    vus.add(n);
    return n;
  });
}

export function ecrireXlsx(feuilles: Feuille[]): Buffer {
  const noms = nomsFeuilles(feuilles);
  const fichiers: [string, string][] = [
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${feuilles
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("")}</Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${noms
        .map((n, i) => `<sheet name="${xml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${feuilles
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("")}</Relationships>`,
    ],
    ...feuilles.map((f, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, feuilleXml(f)]),
  ];
  return zipSansCompression(fichiers.map(([nom, texte]) => [nom, Buffer.from(texte, "utf8")]));
}

/** Archive ZIP « stockée » (méthode 0) : en-têtes locaux, répertoire central, fin de répertoire. */
export function zipSansCompression(fichiers: [string, Buffer][]): Buffer {
  const locaux: Buffer[] = [];
  const centraux: Buffer[] = [];
  let decalage = 0;
  for (const [nom, donnees] of fichiers) {
    const n = Buffer.from(nom, "utf8");
    const crc = crc32(donnees);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // noms en UTF-8
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(0, 10); // date/heure DOS : 0 (fichier reproductible)
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(donnees.length, 18);
    local.writeUInt32LE(donnees.length, 22);
    local.writeUInt16LE(n.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(donnees.length, 20);
    central.writeUInt32LE(donnees.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(decalage, 42);
    locaux.push(local, n, donnees);
    centraux.push(central, n);
    decalage += 30 + n.length + donnees.length;
  }
  const repertoire = Buffer.concat(centraux);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(fichiers.length, 8);
  fin.writeUInt16LE(fichiers.length, 10);
  fin.writeUInt32LE(repertoire.length, 12);
  fin.writeUInt32LE(decalage, 16);
  return Buffer.concat([...locaux, repertoire, fin]);
}
