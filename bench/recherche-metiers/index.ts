import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import type { DonneesIndexMetiers } from "../../src/app/ports.js";
import { importerBmo } from "../../src/referentiels/bmo/import.js";
import { lireCsv } from "../../src/referentiels/csv.js";
import { importerEsco, repertoireEsco } from "../../src/referentiels/esco/import.js";
import { importerRome, repertoireMarche } from "../../src/referentiels/import.js";
import { IndexMetiers } from "../../src/referentiels/recherche/index.js";
import { motsSignificatifs, replier, segmentsIntitule } from "../../src/referentiels/recherche/texte.js";
import { projetsNationaux } from "../../src/referentiels/service.js";
import { ouvrirSourceRome } from "../../src/referentiels/sources.js";
import { ouvrirBase } from "../../src/storage/base.js";
import { arrondi, type LigneBench, type ResultatBench } from "../outils.js";

/**
 * Recherche d'intitulés : sur les offres réelles de ../shared/data/evaluation/offres_titres_rome.csv (intitulé écrit par le
 * recruteur → code ROME attribué par France Travail), exactitude top-1 et top-3 (codes ROME distincts) par strate, latence
 * p50/p99 en processus, temps de construction et mémoire de l'index ; mêmes mesures pour MiniSearch et Fuse.js.
 */
const DONNEES = process.env.CEP_REFERENTIELS_DIR ?? path.resolve("../shared/data");

interface Moteur {
  nom: string;
  construire(d: DonneesIndexMetiers): void;
  rechercher(q: string): string[];
}

function cep(): Moteur {
  let index: IndexMetiers;
  return {
    nom: "CEP",
    construire: (d) => {
      // Comme le produit, l'index s'échauffe à sa construction ; BENCH_ECHAUFFEMENT=non mesure sans (un processus neuf
      // par mesure : la compilation du moteur JavaScript est partagée par tout le processus).
      index = new IndexMetiers(d, { echauffement: process.env.BENCH_ECHAUFFEMENT !== "non" });
    },
    rechercher: (q) => index.rechercher(q, 20).map((r) => r.codeRome),
  };
}

const plier = (t: string) =>
  replier(t)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

function minisearch(): Moteur {
  let ms: MiniSearch<{ id: number; libelle: string; codeRome: string }>;
  return {
    nom: "MiniSearch",
    construire: (d) => {
      ms = new MiniSearch({
        fields: ["libelle"],
        storeFields: ["codeRome"],
        processTerm: (t) => (t.length > 1 ? replier(t) : null),
        searchOptions: { fuzzy: 0.2, prefix: true, boost: { libelle: 1 } },
      });
      ms.addAll(d.appellations.map((a, id) => ({ id, libelle: a.libelle, codeRome: a.codeRome })));
    },
    rechercher: (q) =>
      ms
        .search(q)
        .slice(0, 20)
        .map((r) => r.codeRome as string),
  };
}

function fuse(): Moteur {
  let f: Fuse<{ libelle: string; codeRome: string }>;
  return {
    nom: "Fuse.js",
    construire: (d) => {
      f = new Fuse(
        d.appellations.map((a) => ({ libelle: plier(a.libelle), codeRome: a.codeRome })),
        { keys: ["libelle"], threshold: 0.4, ignoreLocation: true, useExtendedSearch: false },
      );
    },
    rechercher: (q) => f.search(plier(q), { limit: 20 }).map((r) => r.item.codeRome),
  };
}

const centile = (t: number[], p: number) => {
  const s = [...t].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

const distincts = (codes: string[], n: number) => [...new Set(codes)].slice(0, n);

const pourcent = (x: number, n: number) => `${arrondi(n ? (100 * x) / n : 0, 1).toLocaleString("fr-FR")} %`;

interface Offre {
  q: string;
  rome: string;
  strate: string;
}

/**
 * Ce que valent les étiquettes du jeu face au ROME v460, indépendamment de toute méthode de recherche : parmi les offres
 * dont l'intitulé (premier segment, mentions « H/F », « CDI »… retirées) a exactement les mots d'une appellation du
 * ROME v460 rangée dans une seule fiche, part des étiquettes égales à cette fiche (la réponse du référentiel lui-même),
 * égales à son code ROME v3 parent (codage antérieur au ROME 4.0), ou autres. Aussi : part des étiquettes qui sont un
 * code de forme v3 (code d'une fiche qui est sa propre parente). Renvoie aussi l'ensemble des offres « identiques ».
 */
function diagnosticEtiquettes(
  offres: Offre[],
  donnees: DonneesIndexMetiers,
  fichesV3: { codeRome: string; codeRomeV3: string | null }[],
) {
  const parent = new Map(fichesV3.map((f) => [f.codeRome, f.codeRomeV3]));
  const codesV3 = new Set(fichesV3.map((f) => f.codeRomeV3).filter((c) => c !== null));
  const cle = (t: string) => [...new Set(motsSignificatifs(t))].sort().join(" ");
  const fichesParCle = new Map<string, Set<string>>();
  for (const a of donnees.appellations)
    for (const t of [a.libelle, a.libelleCourt]) {
      const k = cle(t);
      const f = fichesParCle.get(k) ?? new Set<string>();
      fichesParCle.set(k, f.add(a.codeRome));
    }
  const identiques = new Set<Offre>();
  const notes: string[] = [];
  for (const strate of ["générale", "informatique"]) {
    const o = offres.filter((x) => x.strate === strate);
    let n = 0;
    let fiche = 0;
    let parentV3 = 0;
    for (const x of o) {
      const k = cle(segmentsIntitule(x.q)[0]!);
      const f = fichesParCle.get(k);
      if (!k || f?.size !== 1) continue;
      identiques.add(x);
      n++;
      const code = [...f][0]!;
      if (code === x.rome) fiche++;
      else if (parent.get(code) === x.rome) parentV3++;
    }
    notes.push(
      `recherche-metiers : étiquettes, strate ${strate} — ${n} intitulés identiques à une appellation du ROME v460 (une seule fiche) : étiquette = fiche de l'appellation ${pourcent(fiche, n)}, = son code v3 parent ${pourcent(parentV3, n)}, autre ${pourcent(n - fiche - parentV3, n)} ; étiquettes de forme v3 : ${pourcent(o.filter((x) => codesV3.has(x.rome)).length, o.length)} (${pourcent(codesV3.size, parent.size)} des fiches v460)`,
    );
  }
  return { identiques, notes };
}

export default async function (): Promise<ResultatBench> {
  const fichierEval = path.join(DONNEES, "evaluation", "offres_titres_rome.csv");
  if (!existsSync(fichierEval))
    return { lignes: [], notes: [`recherche-metiers : ${fichierEval} absent, banc sauté`] };
  const offres: Offre[] = lireCsv("offres_titres_rome.csv", readFileSync(fichierEval), [
    "intitule",
    "romeCode",
    "sources",
  ]).map((l) => ({
    q: l.valeurs.intitule!,
    rome: l.valeurs.romeCode!,
    strate: l.valeurs.sources!.includes("ily25-11/mon-projet") ? "informatique" : "générale",
  }));
  // Comme le produit : import du ROME (et, s'ils sont là, du BMO et d'ESCO) dans une base, puis index construit depuis
  // la base avec l'a priori des projets de recrutement.
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-bench-recherche-"));
  const base = ouvrirBase({ type: "sqlite", fichier: path.join(dossier, "b.sqlite") });
  await base.migrer();
  await importerRome(base, await ouvrirSourceRome(DONNEES));
  const marche = repertoireMarche(DONNEES);
  if (marche) await importerBmo(base, marche);
  const esco = repertoireEsco(DONNEES);
  if (esco) await importerEsco(base, esco);
  const depot = base.depots.referentiels;
  const [index, pistes, regional] = await Promise.all([
    depot.donneesIndex(),
    depot.donneesPistes(),
    depot.marcheRegional(),
  ]);
  const donnees: DonneesIndexMetiers = { ...index, projets: projetsNationaux(pistes.fichesV3, regional) };
  const etiquettes = diagnosticEtiquettes(offres, donnees, pistes.fichesV3);
  await base.fermer();
  rmSync(dossier, { recursive: true, force: true });

  const lignes: LigneBench[] = [];
  const notesMoteurs: string[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  // BENCH_PAIRS=non : notre index seul (itérations rapides ; Fuse.js prend des dizaines de minutes sur une machine chargée).
  const moteurs = process.env.BENCH_PAIRS === "non" ? [cep()] : [cep(), minisearch(), fuse()];
  for (const moteur of moteurs) {
    gc?.();
    const avant = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    moteur.construire(donnees);
    const construction = performance.now() - t0;
    gc?.();
    const memoire = (process.memoryUsage().heapUsed - avant) / 2 ** 20;
    const temps: number[] = [];
    const par = new Map<string, { n: number; top1: number; top3: number }>();
    /** top-1 sur les intitulés identiques à une appellation, et sur les autres */
    const parForme = new Map<string, { n: number; top1: number }>();
    for (const o of offres) {
      const t = performance.now();
      const codes = moteur.rechercher(o.q);
      temps.push(performance.now() - t);
      const s = par.get(o.strate) ?? { n: 0, top1: 0, top3: 0 };
      par.set(o.strate, s);
      s.n++;
      const d = distincts(codes, 3);
      if (d[0] === o.rome) s.top1++;
      if (d.includes(o.rome)) s.top3++;
      const forme = `${o.strate} ${etiquettes.identiques.has(o) ? "identiques" : "autres"}`;
      const f = parForme.get(forme) ?? { n: 0, top1: 0 };
      parForme.set(forme, f);
      f.n++;
      if (d[0] === o.rome) f.top1++;
    }
    // Latence : chaque requête du passage ci-dessus, mesurée une fois (un seul passage : Fuse.js prend des dizaines de ms).
    const chaud = temps;
    const valeurs: Record<string, string | number> = {};
    for (const strate of ["générale", "informatique"]) {
      const s = par.get(strate)!;
      valeurs[`${strate} top-1`] = `${arrondi((100 * s.top1) / s.n, 1)} %`;
      valeurs[`${strate} top-3`] = `${arrondi((100 * s.top3) / s.n, 1)} %`;
    }
    valeurs["p50 (ms)"] = arrondi(centile(chaud, 50), 3);
    valeurs["p99 (ms)"] = arrondi(centile(chaud, 99), 3);
    valeurs["construction (ms)"] = arrondi(construction, 0);
    valeurs["mémoire (Mio)"] = gc ? arrondi(memoire, 1) : "n.d.";
    lignes.push({ banc: "recherche-metiers", mesure: moteur.nom, valeurs });
    notesMoteurs.push(
      `recherche-metiers : ${moteur.nom}, top-1 sur les intitulés identiques à une appellation / sur les autres — ${[
        "générale",
        "informatique",
      ]
        .map((s) => {
          const i = parForme.get(`${s} identiques`) ?? { n: 0, top1: 0 };
          const a = parForme.get(`${s} autres`) ?? { n: 0, top1: 0 };
          return `${s} : ${pourcent(i.top1, i.n)} / ${pourcent(a.top1, a.n)}`;
        })
        .join(" ; ")}`,
    );
  }
  return {
    lignes,
    notes: [
      `recherche-metiers : ${donnees.synonymes?.length ?? 0} libellés ESCO, ${donnees.projets?.length ?? 0} fiches avec projets BMO`,
      `recherche-metiers : ${offres.length} offres (${offres.filter((o) => o.strate === "générale").length} générales, ${offres.filter((o) => o.strate === "informatique").length} informatique) ; budget : générale top-1 ≥ 80 %, top-3 ≥ 92 % ; informatique top-1 ≥ 65 %, top-3 ≥ 80 % ; p99 < 2 ms`,
      ...etiquettes.notes,
      ...notesMoteurs,
    ],
  };
}
