import { readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type LigneBench, tableau } from "./outils.js";

/**
 * `npm run bench [nom…]` : lance chaque banc bench/<nom>/index.ts et imprime un seul tableau.
 * Chaque banc exporte `default async function (): Promise<ResultatBench>`.
 */
const ici = path.dirname(fileURLToPath(import.meta.url));
const demandes = process.argv.slice(2);
const bancs = readdirSync(ici)
  .filter(
    (d) =>
      statSync(path.join(ici, d)).isDirectory() &&
      statSync(path.join(ici, d, "index.ts"), { throwIfNoEntry: false }),
  )
  .filter((d) => demandes.length === 0 || demandes.includes(d))
  .sort();

const lignes: LigneBench[] = [];
const notes: string[] = [];
for (const banc of bancs) {
  console.error(`▶ banc ${banc}…`);
  const module = await import(pathToFileURL(path.join(ici, banc, "index.ts")).href);
  const r = await module.default();
  lignes.push(...r.lignes);
  notes.push(...(r.notes ?? []));
}
console.log(
  `\nBancs d'essai — ${new Date().toISOString().slice(0, 10)} — ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} Gio, Node ${process.version}\n`,
);
console.log(tableau(lignes));
if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join("\n")}`);
process.exit(0);
