/** Outils communs des bancs d'essai : une ligne de résultat par mesure, un tableau à la fin. */
export interface LigneBench {
  banc: string;
  mesure: string;
  valeurs: Record<string, string | number>;
}

export interface ResultatBench {
  lignes: LigneBench[];
  notes?: string[];
}

export const arrondi = (n: number, chiffres = 2) => Number(n.toFixed(chiffres));

export function tableau(lignes: LigneBench[]): string {
  const colonnes = ["banc", "mesure", ...new Set(lignes.flatMap((l) => Object.keys(l.valeurs)))];
  const rangs = lignes.map((l) => [
    l.banc,
    l.mesure,
    ...colonnes.slice(2).map((c) => String(l.valeurs[c] ?? "")),
  ]);
  const largeurs = colonnes.map((c, i) => Math.max(c.length, ...rangs.map((r) => r[i]!.length)));
  const ligne = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(largeurs[i]!)).join(" | ")} |`;
  return [ligne(colonnes), `|${largeurs.map((l) => "-".repeat(l + 2)).join("|")}|`, ...rangs.map(ligne)].join(
    "\n",
  );
}
