import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type DonneesPistes, MoteurPistes } from "../../src/domain/competences/pistes.js";
import { importerRome } from "../../src/referentiels/import.js";
import { ouvrirSourceRome } from "../../src/referentiels/sources.js";
import { ouvrirBase } from "../../src/storage/base.js";
import { arrondi, type LigneBench, type ResultatBench } from "../outils.js";

/**
 * Pistes métiers : la table officielle des mobilités ROME est mise de côté ; chaque fiche est décrite par ses seules
 * compétences de cœur de métier, et l'on mesure combien de ses mobilités officielles chaque moteur classe dans ses 10 et
 * 20 premières pistes (rappel@10, @20) et le rang réciproque moyen du premier métier cible (MRR). Le moteur CEP tourne
 * sans la table des mobilités ; il est comparé, dans la même exécution, à un Jaccard sur les items et à un cosinus TF-IDF.
 * Latence : une requête sur toutes les fiches, en processus (budget p99 < 5 ms).
 */
const DONNEES = process.env.CEP_REFERENTIELS_DIR ?? path.resolve("../shared/data");

type Classeur = (codeRome: string, profil: string[]) => string[];

/** Jaccard : |P ∩ F| / |P ∪ F| sur tous les items liés à la fiche. */
function jaccard(d: DonneesPistes): Classeur {
  const items = new Map<string, Set<string>>();
  for (const l of d.liens) {
    const s = items.get(l.codeRome) ?? new Set<string>();
    s.add(l.codeOgr);
    items.set(l.codeRome, s);
  }
  return (source, profil) => {
    const p = new Set(profil);
    return [...items.entries()]
      .filter(([c]) => c !== source)
      .map(([c, s]) => {
        let inter = 0;
        for (const x of p) if (s.has(x)) inter++;
        return { c, v: inter / (p.size + s.size - inter) };
      })
      .sort((a, b) => b.v - a.v || a.c.localeCompare(b.c))
      .slice(0, 20)
      .map((x) => x.c);
  };
}

/** Cosinus TF-IDF (tf binaire, idf = log(N / df)) entre le profil et chaque fiche, sur tous les items liés. */
function tfidf(d: DonneesPistes): Classeur {
  const items = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const l of d.liens) {
    const s = items.get(l.codeRome) ?? new Set<string>();
    s.add(l.codeOgr);
    items.set(l.codeRome, s);
    df.set(l.codeOgr, (df.get(l.codeOgr) ?? 0) + 1);
  }
  const n = items.size;
  const idf = (x: string) => Math.log(n / (df.get(x) ?? n));
  const normes = new Map(
    [...items].map(([c, s]) => [c, Math.sqrt([...s].reduce((t, x) => t + idf(x) ** 2, 0))]),
  );
  return (source, profil) => {
    const p = new Set(profil);
    const np = Math.sqrt([...p].reduce((t, x) => t + idf(x) ** 2, 0));
    return [...items.entries()]
      .filter(([c]) => c !== source)
      .map(([c, s]) => {
        let dot = 0;
        for (const x of p) if (s.has(x)) dot += idf(x) ** 2;
        return { c, v: dot / ((normes.get(c) || 1) * (np || 1)) };
      })
      .sort((a, b) => b.v - a.v || a.c.localeCompare(b.c))
      .slice(0, 20)
      .map((x) => x.c);
  };
}

function cep(moteur: MoteurPistes): Classeur {
  return (source, profil) =>
    moteur
      .pistes({ competences: profil, sansMobilites: true, exclure: [source], limite: 20 })
      .map((p) => p.codeRome);
}

function evaluer(classeur: Classeur, moteur: MoteurPistes, cibles: Map<string, Set<string>>) {
  let r10 = 0;
  let r20 = 0;
  let mrr = 0;
  let n = 0;
  const durees: number[] = [];
  for (const [source, attendues] of cibles) {
    const profil = moteur.competencesCoeur(source);
    if (!profil.length || !attendues.size) continue;
    const t = performance.now();
    const classement = classeur(source, profil);
    durees.push(performance.now() - t);
    const dans = (k: number) => classement.slice(0, k).filter((c) => attendues.has(c)).length;
    r10 += dans(10) / attendues.size;
    r20 += dans(20) / attendues.size;
    const premier = classement.findIndex((c) => attendues.has(c));
    mrr += premier >= 0 ? 1 / (premier + 1) : 0;
    n++;
  }
  durees.sort((a, b) => a - b);
  const q = (p: number) => durees[Math.min(durees.length - 1, Math.floor(p * durees.length))]!;
  return { r10: r10 / n, r20: r20 / n, mrr: mrr / n, n, p50: q(0.5), p99: q(0.99) };
}

export async function chargerDonneesPistes(): Promise<DonneesPistes> {
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-bench-pistes-"));
  const base = ouvrirBase({ type: "sqlite", fichier: path.join(dossier, "b.sqlite") });
  try {
    await base.migrer();
    await importerRome(base, await ouvrirSourceRome(DONNEES));
    return await base.depots.referentiels.donneesPistes();
  } finally {
    await base.fermer();
    rmSync(dossier, { recursive: true, force: true });
  }
}

export default async function banc(): Promise<ResultatBench> {
  const donnees = await chargerDonneesPistes();
  const debut = performance.now();
  const moteur = new MoteurPistes(donnees);
  const construction = performance.now() - debut;
  const cibles = new Map<string, Set<string>>();
  for (const m of donnees.mobilites) {
    const s = cibles.get(m.codeRome) ?? new Set<string>();
    s.add(m.codeRomeCible);
    cibles.set(m.codeRome, s);
  }
  const lignes: LigneBench[] = [];
  const resultats = {
    CEP: evaluer(cep(moteur), moteur, cibles),
    Jaccard: evaluer(jaccard(donnees), moteur, cibles),
    "TF-IDF": evaluer(tfidf(donnees), moteur, cibles),
  };
  for (const [nom, r] of Object.entries(resultats))
    lignes.push({
      banc: "pistes-metiers",
      mesure: `qualité ${nom} (${r.n} fiches)`,
      valeurs: {
        "rappel@10 %": arrondi(r.r10 * 100, 1),
        "rappel@20 %": arrondi(r.r20 * 100, 1),
        MRR: arrondi(r.mrr, 3),
        "p50 ms": arrondi(r.p50, 3),
        "p99 ms": arrondi(r.p99, 3),
      },
    });
  // Latence : chaque fiche sert de profil une fois (toutes les fiches sont parcourues à chaque requête), deux tours.
  const durees: number[] = [];
  const sources = [...cibles.keys()];
  for (let tour = 0; tour < 2; tour++)
    for (const s of sources) {
      const profil = moteur.competencesCoeur(s);
      const t = performance.now();
      moteur.pistes({ competences: profil, limite: 20 });
      durees.push(performance.now() - t);
    }
  durees.sort((a, b) => a - b);
  const q = (p: number) => durees[Math.min(durees.length - 1, Math.floor(p * durees.length))]!;
  lignes.push({
    banc: "pistes-metiers",
    mesure: `latence CEP (${durees.length} requêtes, ${moteur.nombreFiches} fiches)`,
    valeurs: {
      "p50 ms": arrondi(q(0.5), 3),
      "p99 ms": arrondi(q(0.99), 3),
      "construction ms": arrondi(construction, 0),
    },
  });
  return {
    lignes,
    notes: [
      "pistes-metiers : vérité terrain = table des mobilités ROME 4.0 (rubrique_mobilite), que le moteur CEP n'utilise pas pendant la mesure ; profil = compétences de cœur de métier de la fiche source ; la fiche source est exclue du classement.",
    ],
  };
}
