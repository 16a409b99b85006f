import { ErreurImport, type LigneCsv, lireCsv } from "../csv.js";

/**
 * Lecture de l'export officiel ROME 4.0 de France Travail (« RefRomeCsv », fichiers `unix_*_vNNN_utf8.csv`)
 * en un modèle en mémoire, vérifié : chaque lien se résout, chaque fiche a son appellation principale.
 */

/** Un ensemble de fichiers : un répertoire ou une archive zip. */
export interface SourceFichiers {
  description: string;
  noms(): string[];
  lire(nom: string): Promise<Uint8Array>;
}

export type Rubrique = "savoir_faire" | "savoir_etre" | "savoir" | "contexte";

export interface FicheRome {
  codeRome: string;
  codeOgr: string;
  libelle: string;
  codeDomaine: string;
  transitionEco: string | null;
  transitionNum: boolean;
  transitionDemo: boolean;
  emploiReglemente: boolean;
  emploiCadre: boolean;
  codeRomeParent: string | null;
  riasecMajeur: string | null;
  riasecMineur: string | null;
  definition: string | null;
  acces: string | null;
}

export interface AppellationRome {
  codeOgr: string;
  codeRome: string;
  libelle: string;
  libelleCourt: string;
  principale: boolean;
  peuUsite: boolean;
}

export interface ItemRome {
  codeOgr: string;
  libelle: string;
  rubrique: Rubrique;
  categorie: string | null;
  sousCategorie: string | null;
  macroCodeOgr: string | null;
}

export interface LienRome {
  codeRome: string;
  codeOgr: string;
  coeurMetier: string | null;
}

export interface MobiliteRome {
  codeRome: string;
  codeRomeCible: string;
  ordre: number;
}

export interface DomaineRome {
  code: string;
  libelle: string;
  parent: string | null;
}

export interface DonneesRome {
  version: string;
  domaines: DomaineRome[];
  fiches: FicheRome[];
  appellations: AppellationRome[];
  items: ItemRome[];
  liens: LienRome[];
  mobilites: MobiliteRome[];
}

export const FICHIERS_ROME = {
  fiches: "referentiel_code_rome",
  appellations: "referentiel_appellation",
  items: "item",
  competences: "referentiel_competence",
  savoirs: "referentiel_savoir",
  contextes: "referentiel_contexte_travail",
  liens: "liens_rome_referentiels",
  coherence: "coherence_item",
  mobilites: "rubrique_mobilite",
  riasec: "referentiel_code_rome_riasec",
  textes: "texte",
  arbre: "cr_gd_dp",
  grandsDomaines: "grand_domaine",
  domaines: "domaine_professionnel",
} as const;

const nomFichier = (cle: string, version: string) => `unix_${cle}_${version}_utf8.csv`;

/** La version (« v460 ») lue dans le nom du fichier des fiches. */
export function detecterVersion(noms: string[]): string | null {
  for (const n of noms) {
    const m = /(?:^|\/)unix_referentiel_code_rome_(v\d+)_utf8\.csv$/.exec(n);
    if (m) return m[1]!;
  }
  return null;
}

const oui = (v: string | undefined) => v === "O";
const vide = (v: string | undefined) => (v === undefined || v.trim() === "" ? null : v.trim());

export type Progression = (etape: string, fait: number, total: number) => void;

export async function lireRome(source: SourceFichiers, progression?: Progression): Promise<DonneesRome> {
  const noms = source.noms();
  const version = detecterVersion(noms);
  if (!version)
    throw new ErreurImport(
      source.description,
      null,
      "aucun fichier unix_referentiel_code_rome_vNNN_utf8.csv : ce n'est pas un export ROME 4.0 (RefRomeCsv)",
    );
  const cles = Object.values(FICHIERS_ROME);
  let lus = 0;
  async function lire(cle: string, colonnes: string[]): Promise<LigneCsv[]> {
    const nom = nomFichier(cle, version!);
    const chemin = noms.find((n) => n === nom || n.endsWith(`/${nom}`));
    if (!chemin) throw new ErreurImport(nom, null, `fichier manquant dans ${source.description}`);
    const lignes = lireCsv(nom, await source.lire(chemin), colonnes);
    progression?.("lecture des fichiers", ++lus, cles.length);
    return lignes;
  }
  const erreur = (cle: string, ligne: number, raison: string) =>
    new ErreurImport(nomFichier(cle, version), ligne, raison);

  // Arborescence : grand domaine → domaine professionnel → fiche
  const domaines: DomaineRome[] = [];
  for (const l of await lire(FICHIERS_ROME.grandsDomaines, ["code_grand_domaine", "libelle_grand_domaine"]))
    domaines.push({
      code: l.valeurs.code_grand_domaine!,
      libelle: l.valeurs.libelle_grand_domaine!,
      parent: null,
    });
  const grands = new Set(domaines.map((d) => d.code));
  for (const l of await lire(FICHIERS_ROME.domaines, [
    "code_domaine_professionnel",
    "libelle_domaine_professionnel",
  ])) {
    const code = l.valeurs.code_domaine_professionnel!;
    const parent = code.slice(0, 1);
    if (!grands.has(parent))
      throw erreur(FICHIERS_ROME.domaines, l.ligne, `grand domaine « ${parent} » inconnu`);
    domaines.push({ code, libelle: l.valeurs.libelle_domaine_professionnel!, parent });
  }
  const codesDomaines = new Set(domaines.map((d) => d.code));
  const domaineDeFiche = new Map<string, string>();
  for (const l of await lire(FICHIERS_ROME.arbre, ["code_rome", "code_domaine_professionel"])) {
    const d = l.valeurs.code_domaine_professionel!;
    if (!codesDomaines.has(d))
      throw erreur(FICHIERS_ROME.arbre, l.ligne, `domaine professionnel « ${d} » inconnu`);
    domaineDeFiche.set(l.valeurs.code_rome!, d);
  }

  // Textes : définition et accès au métier, phrase par phrase
  const textes = new Map<string, { definition: [number, string][]; acces: [number, string][] }>();
  for (const l of await lire(FICHIERS_ROME.textes, [
    "code_rome",
    "libelle_type_texte",
    "position_phrase",
    "libelle_texte",
  ])) {
    const t = textes.get(l.valeurs.code_rome!) ?? { definition: [], acces: [] };
    textes.set(l.valeurs.code_rome!, t);
    // L'export officiel double les apostrophes dans ce seul fichier (« d''un ») : on rend le texte tel qu'il s'écrit.
    const phrase: [number, string] = [
      Number(l.valeurs.position_phrase),
      l.valeurs.libelle_texte!.trim().replace(/''/g, "'"),
    ];
    if (l.valeurs.libelle_type_texte === "definition") t.definition.push(phrase);
    else if (l.valeurs.libelle_type_texte === "acces_metier") t.acces.push(phrase);
  }
  const joindre = (p: [number, string][] | undefined) =>
    p?.length
      ? p
          .sort((a, b) => a[0] - b[0])
          .map((x) => x[1])
          .join("\n")
      : null;

  const riasec = new Map<string, { majeur: string | null; mineur: string | null }>();
  for (const l of await lire(FICHIERS_ROME.riasec, ["code_rome", "riasec_majeur", "riasec_mineur"]))
    riasec.set(l.valeurs.code_rome!, {
      majeur: vide(l.valeurs.riasec_majeur),
      mineur: vide(l.valeurs.riasec_mineur),
    });

  const fiches: FicheRome[] = [];
  for (const l of await lire(FICHIERS_ROME.fiches, [
    "code_rome",
    "code_ogr",
    "libelle_rome",
    "transition_eco",
    "transition_num",
    "transition_demo",
    "emploi_reglemente",
    "emploi_cadre",
    "code_rome_parent",
  ])) {
    const v = l.valeurs;
    const code = v.code_rome!;
    if (!/^[A-N]\d{4}$/.test(code))
      throw erreur(FICHIERS_ROME.fiches, l.ligne, `code ROME « ${code} » invalide`);
    const domaine = domaineDeFiche.get(code);
    if (!domaine)
      throw erreur(FICHIERS_ROME.fiches, l.ligne, `la fiche ${code} n'a pas de domaine professionnel`);
    const t = textes.get(code);
    const r = riasec.get(code);
    fiches.push({
      codeRome: code,
      codeOgr: v.code_ogr!,
      libelle: v.libelle_rome!,
      codeDomaine: domaine,
      transitionEco: vide(v.transition_eco),
      transitionNum: oui(v.transition_num),
      transitionDemo: oui(v.transition_demo),
      emploiReglemente: oui(v.emploi_reglemente),
      emploiCadre: oui(v.emploi_cadre),
      codeRomeParent: vide(v.code_rome_parent),
      riasecMajeur: r?.majeur ?? null,
      riasecMineur: r?.mineur ?? null,
      definition: joindre(t?.definition),
      acces: joindre(t?.acces),
    });
  }
  const codesFiches = new Set(fiches.map((f) => f.codeRome));
  if (codesFiches.size !== fiches.length)
    throw new ErreurImport(nomFichier(FICHIERS_ROME.fiches, version), null, "codes ROME en double");

  const appellations: AppellationRome[] = [];
  for (const l of await lire(FICHIERS_ROME.appellations, [
    "code_ogr",
    "libelle_appellation_long",
    "libelle_appellation_court",
    "code_rome",
    "classification",
    "peu_usite",
  ])) {
    const v = l.valeurs;
    if (!codesFiches.has(v.code_rome!))
      throw erreur(
        FICHIERS_ROME.appellations,
        l.ligne,
        `l'appellation ${v.code_ogr} renvoie à la fiche ${v.code_rome}, absente de ${nomFichier(FICHIERS_ROME.fiches, version)}`,
      );
    appellations.push({
      codeOgr: v.code_ogr!,
      codeRome: v.code_rome!,
      libelle: v.libelle_appellation_long!,
      libelleCourt: v.libelle_appellation_court!,
      principale: v.classification === "PRINCIPALE",
      peuUsite: oui(v.peu_usite),
    });
  }

  // Items : compétences (savoir-faire, savoir-être, macro-compétences), savoirs, contextes de travail
  const competences = new Map<string, LigneCsv["valeurs"]>();
  for (const l of await lire(FICHIERS_ROME.competences, [
    "code_ogr",
    "nature",
    "libelle_competence",
    "code_ogr_macro_comp",
  ]))
    competences.set(l.valeurs.code_ogr!, l.valeurs);
  const savoirs = new Map<string, LigneCsv["valeurs"]>();
  for (const l of await lire(FICHIERS_ROME.savoirs, [
    "code_ogr_savoir",
    "libelle_savoir",
    "categorie_savoir",
    "sous_categorie_savoir",
  ]))
    savoirs.set(l.valeurs.code_ogr_savoir!, l.valeurs);
  const contextes = new Map<string, LigneCsv["valeurs"]>();
  for (const l of await lire(FICHIERS_ROME.contextes, [
    "code_ogr",
    "libelle_cont_travail",
    "libelle_type_cont_trav",
  ]))
    contextes.set(l.valeurs.code_ogr!, l.valeurs);

  const items: ItemRome[] = [];
  for (const l of await lire(FICHIERS_ROME.items, ["code_ogr", "libelle", "code_rubrique"])) {
    const v = l.valeurs;
    const code = v.code_ogr!;
    const comp = competences.get(code);
    const sav = savoirs.get(code);
    const ctx = contextes.get(code);
    let rubrique: Rubrique;
    let categorie: string | null = null;
    let sousCategorie: string | null = null;
    let macro: string | null = null;
    if (v.code_rubrique === "1") rubrique = "savoir_faire";
    else if (v.code_rubrique === "2") rubrique = "savoir_etre";
    else if (v.code_rubrique === "3") rubrique = "savoir";
    else if (ctx) rubrique = "contexte";
    else
      throw erreur(
        FICHIERS_ROME.items,
        l.ligne,
        `l'item ${code} n'a ni rubrique ni entrée dans le référentiel des contextes de travail`,
      );
    if (comp) {
      // Une macro-compétence est son propre groupe ; une compétence se range sous sa macro-compétence.
      macro = comp.nature === "Macro-compétence" ? code : vide(comp.code_ogr_macro_comp);
      categorie = vide(comp.cat_comp);
      sousCategorie = vide(comp.sous_cat_comp);
    }
    if (sav) {
      categorie = vide(sav.categorie_savoir);
      sousCategorie = vide(sav.sous_categorie_savoir);
    }
    if (ctx) categorie = vide(ctx.libelle_type_cont_trav);
    items.push({
      codeOgr: code,
      libelle: v.libelle!,
      rubrique,
      categorie,
      sousCategorie,
      macroCodeOgr: macro,
    });
  }
  const codesItems = new Set(items.map((i) => i.codeOgr));
  for (const i of items)
    if (i.macroCodeOgr && !codesItems.has(i.macroCodeOgr))
      throw new ErreurImport(
        nomFichier(FICHIERS_ROME.competences, version),
        null,
        `la compétence ${i.codeOgr} renvoie à la macro-compétence ${i.macroCodeOgr}, absente de ${nomFichier(FICHIERS_ROME.items, version)}`,
      );

  const coeur = new Map<string, string | null>();
  for (const l of await lire(FICHIERS_ROME.coherence, ["code_rome", "code_ogr", "coeur_metier"]))
    coeur.set(`${l.valeurs.code_rome}|${l.valeurs.code_ogr}`, vide(l.valeurs.coeur_metier));

  const appellationsParCode = new Map(appellations.map((a) => [a.codeOgr, a]));
  const liens: LienRome[] = [];
  for (const l of await lire(FICHIERS_ROME.liens, ["code_rome", "code_compo_bloc", "code_ogr"])) {
    const v = l.valeurs;
    const codeRome = v.code_rome!;
    const codeOgr = v.code_ogr!;
    if (!codesFiches.has(codeRome)) throw erreur(FICHIERS_ROME.liens, l.ligne, `fiche ${codeRome} inconnue`);
    if (v.code_compo_bloc === "1" || v.code_compo_bloc === "2") {
      // Bloc 1 : la fiche elle-même ; bloc 2 : ses appellations (déjà portées par le référentiel des appellations).
      if (v.code_compo_bloc === "2" && appellationsParCode.get(codeOgr)?.codeRome !== codeRome)
        throw erreur(
          FICHIERS_ROME.liens,
          l.ligne,
          `l'appellation ${codeOgr} n'appartient pas à la fiche ${codeRome} dans le référentiel des appellations`,
        );
      continue;
    }
    if (!codesItems.has(codeOgr))
      throw erreur(FICHIERS_ROME.liens, l.ligne, `item ${codeOgr} inconnu (fiche ${codeRome})`);
    liens.push({ codeRome, codeOgr, coeurMetier: coeur.get(`${codeRome}|${codeOgr}`) ?? null });
  }

  const mobilites: MobiliteRome[] = [];
  for (const l of await lire(FICHIERS_ROME.mobilites, ["code_rome", "code_rome_cible", "numero_ordre"])) {
    const v = l.valeurs;
    for (const c of [v.code_rome!, v.code_rome_cible!])
      if (!codesFiches.has(c)) throw erreur(FICHIERS_ROME.mobilites, l.ligne, `fiche ${c} inconnue`);
    mobilites.push({
      codeRome: v.code_rome!,
      codeRomeCible: v.code_rome_cible!,
      ordre: Number(v.numero_ordre),
    });
  }

  const avecPrincipale = new Set(appellations.filter((a) => a.principale).map((a) => a.codeRome));
  const orpheline = fiches.find((f) => !avecPrincipale.has(f.codeRome));
  if (orpheline)
    throw new ErreurImport(
      nomFichier(FICHIERS_ROME.appellations, version),
      null,
      `la fiche ${orpheline.codeRome} n'a pas d'appellation principale (fichier tronqué ?)`,
    );

  return { version, domaines, fiches, appellations, items, liens, mobilites };
}
