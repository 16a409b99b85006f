/**
 * Moteur de pistes métiers (domaine pur, sans entrée-sortie) : à partir d'un profil (compétences détenues, métiers
 * exercés, centres d'intérêt), classe les fiches ROME selon la part de leurs compétences que la personne détient déjà,
 * pondérée :
 * - par la rubrique (savoir-faire > savoirs > savoir-être ; les contextes de travail ne comptent pas) ;
 * - par le cœur de métier (« Principale » ou « Émergente » dans la cohérence ROME) ;
 * - par la rareté de l'item (idf : une compétence présente dans 3 fiches en dit plus qu'une présente dans 400) ;
 * - une compétence non détenue mais de la même macro-compétence qu'une compétence détenue compte en partie.
 * Le score final combine cette couverture de la fiche avec la part du profil que la fiche mobilise, puis ajoute des bonus
 * expliqués : mobilité ROME depuis un métier exercé, centres d'intérêt (RIASEC), perspectives de recrutement régionales.
 */

export type RubriqueCompetence = "savoir_faire" | "savoir_etre" | "savoir" | "contexte";
export type LettreRiasec = "R" | "I" | "A" | "S" | "E" | "C";

export interface DonneesPistes {
  fiches: {
    codeRome: string;
    libelle: string;
    codeDomaine: string;
    riasecMajeur: string | null;
    riasecMineur: string | null;
    emploiReglemente: boolean;
    emploiCadre: boolean;
    transitionEcologique: string | null;
  }[];
  items: { codeOgr: string; libelle: string; rubrique: string; macroCodeOgr: string | null }[];
  liens: { codeRome: string; codeOgr: string; coeurMetier: string | null }[];
  mobilites: { codeRome: string; codeRomeCible: string }[];
  appellations: { codeOgr: string; codeRome: string; libelle: string }[];
}

/** Chiffres du marché (BMO) d'une fiche dans la région choisie. */
export interface MarchePiste {
  region: string;
  projets: number | null;
  partDifficiles: number | null;
  partSaisonniers: number | null;
  rang: number | null;
  nombreMetiers: number;
}

export interface CompetencePiste {
  codeOgr: string;
  libelle: string;
  rubrique: RubriqueCompetence;
  coeurMetier: boolean;
  /** Détenue par une compétence voisine de la même macro-compétence (transférable en partie). */
  voisine?: { codeOgr: string; libelle: string };
}

export interface Piste {
  codeRome: string;
  libelle: string;
  score: number;
  couverture: number;
  competencesAcquises: CompetencePiste[];
  competencesAAcquerir: CompetencePiste[];
  mobilite: boolean;
  /** Les métiers exercés depuis lesquels le ROME signale cette mobilité. */
  mobiliteDepuis: string[];
  riasec: { majeur: string | null; mineur: string | null; concordance: boolean };
  emploiReglemente: boolean;
  emploiCadre: boolean;
  transitionEcologique: boolean;
  marche?: MarchePiste;
  explication: string[];
}

export interface RequetePistes {
  competences: string[];
  appellations?: string[];
  /** Lettres dominantes, la plus forte d'abord (ex. « SE »). */
  riasec?: LettreRiasec[];
  /** Chiffres de marché par code ROME pour la région choisie (bonus et affichage). */
  marche?: Map<string, MarchePiste>;
  filtres?: { transitionEcologique?: boolean; sansEmploiReglemente?: boolean; cadre?: boolean };
  limite?: number;
  /** Réglages (banc d'essai) : désactiver les bonus qui s'appuient sur la table des mobilités. */
  sansMobilites?: boolean;
  /** Fiches à écarter (par défaut : celles des métiers exercés). */
  exclure?: string[];
}

export interface ReglagesPistes {
  poidsRubrique: Record<RubriqueCompetence, number>;
  poidsCoeur: number;
  creditMacro: number;
  /** Exposant de la part du profil mobilisée par la fiche dans le score (0 = ignorée). */
  exposantProfil: number;
  bonusMobilite: number;
  bonusRiasec: number;
  bonusMarche: number;
  bonusDomaine: number;
  /** Bonus pour le domaine professionnel (3 caractères) de la fiche la plus proche du profil, déduit des compétences. */
  bonusDomaineProfil: number;
  /** Même chose au niveau du grand domaine (1 lettre) et du code RIASEC majeur de cette fiche. */
  bonusGrandDomaineProfil: number;
  bonusRiasecProfil: number;
  /** Poids de la similarité (cosinus pondéré) avec la fiche la plus proche du profil : l'expansion du profil. */
  poidsVoisinage: number;
}

export const REGLAGES_PISTES: ReglagesPistes = {
  poidsRubrique: { savoir_faire: 1, savoir: 0.6, savoir_etre: 0.3, contexte: 0 },
  poidsCoeur: 1.5,
  creditMacro: 0.35,
  exposantProfil: 1,
  bonusMobilite: 0.15,
  bonusRiasec: 0.04,
  bonusMarche: 0.05,
  bonusDomaine: 0.05,
  bonusDomaineProfil: 0.1,
  bonusGrandDomaineProfil: 0.03,
  bonusRiasecProfil: 0.03,
  poidsVoisinage: 1,
};

interface ItemIndexe {
  /** Rang alphabétique (ordre français), pour trier les explications sans comparer de chaînes à chaque requête. */
  rangAlpha: number;
  codeOgr: string;
  libelle: string;
  rubrique: RubriqueCompetence;
  macro: string | null;
  idf: number;
}

interface FicheIndexee {
  codeRome: string;
  libelle: string;
  codeDomaine: string;
  riasecMajeur: string | null;
  riasecMineur: string | null;
  reglemente: boolean;
  cadre: boolean;
  transitionEco: boolean;
  /** Indices des items et poids de chacun dans la fiche. */
  items: Int32Array;
  poids: Float64Array;
  coeur: Uint8Array;
  total: number;
  norme: number;
}

/** Les fiches « de la transition écologique » au sens du ROME : emplois verts et emplois stratégiques (pas « Blanc », « Brun »). */
export const TRANSITION_ECOLOGIQUE = new Set([
  "Emploi Vert",
  "Emploi stratégique pour la Transition écologique",
]);

const RUBRIQUES = new Set<RubriqueCompetence>(["savoir_faire", "savoir_etre", "savoir", "contexte"]);

export class MoteurPistes {
  readonly nombreFiches: number;
  private readonly items: ItemIndexe[] = [];
  private readonly indiceItem = new Map<string, number>();
  private readonly fiches: FicheIndexee[] = [];
  private readonly indiceFiche = new Map<string, number>();
  /** Pour chaque item, les fiches qui le contiennent et son poids dans chacune (accumulation creuse). */
  private readonly fichesDeItem: number[][] = [];
  private readonly poidsDeItem: number[][] = [];
  /** Pour chaque macro-compétence, les items qu'elle regroupe. */
  private readonly itemsDeMacro = new Map<string, number[]>();
  private readonly mobilites = new Map<string, Set<string>>();
  private readonly appellations = new Map<string, { codeRome: string; libelle: string }>();

  constructor(
    donnees: DonneesPistes,
    private readonly reglages: ReglagesPistes = REGLAGES_PISTES,
  ) {
    for (const i of donnees.items) {
      const rubrique = RUBRIQUES.has(i.rubrique as RubriqueCompetence)
        ? (i.rubrique as RubriqueCompetence)
        : "contexte";
      this.indiceItem.set(i.codeOgr, this.items.length);
      this.items.push({
        rangAlpha: 0,
        codeOgr: i.codeOgr,
        libelle: i.libelle,
        rubrique,
        macro: i.macroCodeOgr,
        idf: 0,
      });
      this.fichesDeItem.push([]);
      this.poidsDeItem.push([]);
    }
    const collation = new Intl.Collator("fr");
    [...this.items]
      .sort((a, b) => collation.compare(a.libelle, b.libelle))
      .forEach((it, rang) => {
        it.rangAlpha = rang;
      });
    for (const [n, it] of this.items.entries())
      if (it.macro) {
        const l = this.itemsDeMacro.get(it.macro) ?? [];
        l.push(n);
        this.itemsDeMacro.set(it.macro, l);
      }
    const liensParFiche = new Map<string, { item: number; coeur: boolean }[]>();
    for (const l of donnees.liens) {
      const item = this.indiceItem.get(l.codeOgr);
      if (item === undefined) continue;
      const liste = liensParFiche.get(l.codeRome) ?? [];
      liste.push({ item, coeur: l.coeurMetier !== null && l.coeurMetier !== "" });
      liensParFiche.set(l.codeRome, liste);
    }
    const nbFiches = donnees.fiches.length;
    const df = new Int32Array(this.items.length);
    for (const liste of liensParFiche.values()) for (const l of liste) df[l.item]!++;
    for (const [n, it] of this.items.entries()) it.idf = Math.log(1 + nbFiches / (1 + df[n]!));
    for (const f of donnees.fiches) {
      const liste = (liensParFiche.get(f.codeRome) ?? []).filter(
        (l) => this.reglages.poidsRubrique[this.items[l.item]!.rubrique] > 0,
      );
      const items = new Int32Array(liste.length);
      const poids = new Float64Array(liste.length);
      const coeur = new Uint8Array(liste.length);
      let total = 0;
      let norme = 0;
      liste.forEach((l, k) => {
        const it = this.items[l.item]!;
        items[k] = l.item;
        coeur[k] = l.coeur ? 1 : 0;
        poids[k] =
          this.reglages.poidsRubrique[it.rubrique] * (l.coeur ? this.reglages.poidsCoeur : 1) * it.idf;
        total += poids[k]!;
        norme += poids[k]! ** 2;
      });
      const indice = this.fiches.length;
      this.indiceFiche.set(f.codeRome, indice);
      for (let k = 0; k < items.length; k++) {
        this.fichesDeItem[items[k]!]!.push(indice);
        this.poidsDeItem[items[k]!]!.push(poids[k]!);
      }
      this.fiches.push({
        codeRome: f.codeRome,
        libelle: f.libelle,
        codeDomaine: f.codeDomaine,
        riasecMajeur: f.riasecMajeur,
        riasecMineur: f.riasecMineur,
        reglemente: f.emploiReglemente,
        cadre: f.emploiCadre,
        transitionEco: TRANSITION_ECOLOGIQUE.has(f.transitionEcologique ?? ""),
        items,
        poids,
        coeur,
        total,
        norme: Math.sqrt(norme),
      });
    }
    this.nombreFiches = this.fiches.length;
    for (const m of donnees.mobilites) {
      const s = this.mobilites.get(m.codeRome) ?? new Set<string>();
      s.add(m.codeRomeCible);
      this.mobilites.set(m.codeRome, s);
    }
    for (const a of donnees.appellations)
      this.appellations.set(a.codeOgr, { codeRome: a.codeRome, libelle: a.libelle });
  }

  /** Les codes OGR inconnus du référentiel parmi ceux donnés (pour des erreurs 400 précises). */
  competencesInconnues(codes: string[]): number[] {
    return codes.flatMap((c, n) => (this.indiceItem.has(c) ? [] : [n]));
  }

  appellationsInconnues(codes: string[]): number[] {
    return codes.flatMap((c, n) => (this.appellations.has(c) ? [] : [n]));
  }

  appellation(codeOgr: string) {
    return this.appellations.get(codeOgr);
  }

  competence(codeOgr: string) {
    const n = this.indiceItem.get(codeOgr);
    return n === undefined ? undefined : this.items[n];
  }

  /**
   * Les compétences à proposer à partir des métiers exercés : celles de leurs fiches, cœur de métier d'abord, puis
   * savoir-faire, savoirs et savoir-être ; chaque compétence une seule fois.
   */
  competencesProposees(codesRome: string[]): (CompetencePiste & { codeRome: string })[] {
    const vues = new Set<number>();
    const sortie: (CompetencePiste & { codeRome: string; rang: number })[] = [];
    const ordreRubrique: Record<RubriqueCompetence, number> = {
      savoir_faire: 0,
      savoir: 1,
      savoir_etre: 2,
      contexte: 3,
    };
    for (const code of codesRome) {
      const f = this.fiches[this.indiceFiche.get(code) ?? -1];
      if (!f) continue;
      for (let k = 0; k < f.items.length; k++) {
        const n = f.items[k]!;
        if (vues.has(n)) continue;
        vues.add(n);
        const it = this.items[n]!;
        sortie.push({
          codeOgr: it.codeOgr,
          libelle: it.libelle,
          rubrique: it.rubrique,
          coeurMetier: f.coeur[k] === 1,
          codeRome: code,
          rang: (f.coeur[k] === 1 ? 0 : 10) + ordreRubrique[it.rubrique],
        });
      }
    }
    return sortie
      .sort((a, b) => a.rang - b.rang || this.rangAlpha(a.codeOgr) - this.rangAlpha(b.codeOgr))
      .map(({ rang: _, ...c }) => c);
  }

  private rangAlpha(codeOgr: string) {
    return this.items[this.indiceItem.get(codeOgr) ?? -1]?.rangAlpha ?? 0;
  }

  fichesDesAppellations(codes: string[]): string[] {
    return [...new Set(codes.flatMap((c) => this.appellations.get(c)?.codeRome ?? []))];
  }

  pistes(requete: RequetePistes): Piste[] {
    const r = this.reglages;
    const detenus = new Set<number>();
    for (const c of requete.competences) {
      const n = this.indiceItem.get(c);
      if (n !== undefined) detenus.add(n);
    }
    const fichesExercees = this.fichesDesAppellations(requete.appellations ?? []);
    // Un métier exercé apporte ses compétences de cœur de métier quand la personne n'a pas encore choisi les siennes.
    if (detenus.size === 0)
      for (const code of fichesExercees) {
        const f = this.fiches[this.indiceFiche.get(code) ?? -1];
        if (f) for (let k = 0; k < f.items.length; k++) if (f.coeur[k]) detenus.add(f.items[k]!);
      }
    // Macro-compétences couvertes : item détenu → sa macro ; chaque item d'une macro couverte compte en partie.
    const voisines = new Map<number, number>();
    for (const n of detenus) {
      const macro = this.items[n]!.macro;
      if (!macro) continue;
      for (const v of this.itemsDeMacro.get(macro) ?? [])
        if (!detenus.has(v) && !voisines.has(v)) voisines.set(v, n);
    }
    let totalProfil = 0;
    for (const n of detenus) totalProfil += this.items[n]!.idf * r.poidsRubrique[this.items[n]!.rubrique];
    // Accumulation creuse : seules les fiches qui partagent au moins un item (ou une macro) sont visitées.
    const couvert = new Float64Array(this.fiches.length);
    const mobilise = new Float64Array(this.fiches.length);
    const candidates: number[] = [];
    const vue = new Uint8Array(this.fiches.length);
    const visiter = (n: number, facteur: number, profil: number) => {
      const fs = this.fichesDeItem[n]!;
      const ps = this.poidsDeItem[n]!;
      for (let k = 0; k < fs.length; k++) {
        const fi = fs[k]!;
        couvert[fi]! += facteur * ps[k]!;
        mobilise[fi]! += profil;
        if (!vue[fi]) {
          vue[fi] = 1;
          candidates.push(fi);
        }
      }
    };
    for (const n of detenus) visiter(n, 1, this.items[n]!.idf * r.poidsRubrique[this.items[n]!.rubrique]);
    if (r.creditMacro > 0) for (const n of voisines.keys()) visiter(n, r.creditMacro, 0);
    const mobilitesDepuis = new Map<string, string[]>();
    if (!requete.sansMobilites)
      for (const code of fichesExercees)
        for (const cible of this.mobilites.get(code) ?? []) {
          const l = mobilitesDepuis.get(cible) ?? [];
          l.push(code);
          mobilitesDepuis.set(cible, l);
          const fi = this.indiceFiche.get(cible);
          if (fi !== undefined && !vue[fi]) {
            vue[fi] = 1;
            candidates.push(fi);
          }
        }
    const domainesExerces = new Set(
      fichesExercees.map((c) => this.fiches[this.indiceFiche.get(c) ?? -1]?.codeDomaine).filter(Boolean),
    );
    const exclure = new Set(requete.exclure ?? fichesExercees);
    // Le domaine le plus proche du profil : celui de la fiche (exclues comprises) dont la couverture est la meilleure.
    let meilleure = -1;
    let meilleurScore = -1;
    for (const fi of candidates) {
      const f = this.fiches[fi]!;
      if (f.total === 0) continue;
      const v = (couvert[fi]! / f.total) * (totalProfil > 0 ? mobilise[fi]! / totalProfil : 0);
      if (v > meilleurScore) {
        meilleurScore = v;
        meilleure = fi;
      }
    }
    const procheProfil = meilleure >= 0 ? this.fiches[meilleure] : undefined;
    const domaineProfil = procheProfil?.codeDomaine;
    const voisinage = new Float64Array(r.poidsVoisinage > 0 && procheProfil ? this.fiches.length : 0);
    if (voisinage.length && procheProfil)
      for (let k = 0; k < procheProfil.items.length; k++) {
        const n = procheProfil.items[k]!;
        const fs = this.fichesDeItem[n]!;
        const ps = this.poidsDeItem[n]!;
        for (let j = 0; j < fs.length; j++) voisinage[fs[j]!]! += procheProfil.poids[k]! * ps[j]!;
      }
    const filtres = requete.filtres ?? {};
    const riasec = requete.riasec ?? [];
    const scores: { fi: number; score: number; couverture: number }[] = [];
    for (const fi of candidates) {
      const f = this.fiches[fi]!;
      if (exclure.has(f.codeRome) || f.total === 0) continue;
      if (filtres.transitionEcologique && !f.transitionEco) continue;
      if (filtres.sansEmploiReglemente && f.reglemente) continue;
      if (filtres.cadre !== undefined && f.cadre !== filtres.cadre) continue;
      const couverture = couvert[fi]! / f.total;
      const part = totalProfil > 0 ? mobilise[fi]! / totalProfil : 0;
      let score = Math.sqrt(couverture * (r.exposantProfil > 0 ? part ** r.exposantProfil : 1));
      if (mobilitesDepuis.has(f.codeRome)) score += r.bonusMobilite;
      if (domainesExerces.has(f.codeDomaine)) score += r.bonusDomaine;
      if (f.codeDomaine === domaineProfil) score += r.bonusDomaineProfil;
      if (voisinage.length && procheProfil)
        score += (r.poidsVoisinage * voisinage[fi]!) / (f.norme * procheProfil.norme || 1);
      if (procheProfil && f.codeDomaine[0] === procheProfil.codeDomaine[0])
        score += r.bonusGrandDomaineProfil;
      if (procheProfil?.riasecMajeur && f.riasecMajeur === procheProfil.riasecMajeur)
        score += r.bonusRiasecProfil;
      if (riasec.length && f.riasecMajeur && riasec.slice(0, 2).includes(f.riasecMajeur as LettreRiasec))
        score += r.bonusRiasec;
      const m = requete.marche?.get(f.codeRome);
      if (m?.projets) score += r.bonusMarche * Math.min(1, Math.log10(1 + m.projets) / 4);
      scores.push({ fi, score, couverture });
    }
    scores.sort((a, b) => b.score - a.score || a.fi - b.fi);
    const limite = requete.limite ?? 20;
    return scores.slice(0, limite).map((s) => this.expliquer(s, detenus, voisines, mobilitesDepuis, requete));
  }

  private expliquer(
    s: { fi: number; score: number; couverture: number },
    detenus: Set<number>,
    voisines: Map<number, number>,
    mobilitesDepuis: Map<string, string[]>,
    requete: RequetePistes,
  ): Piste {
    const f = this.fiches[s.fi]!;
    const acquises: CompetencePiste[] = [];
    const aAcquerir: CompetencePiste[] = [];
    const ordre: { c: CompetencePiste; poids: number; rang: number; acquise: boolean }[] = [];
    for (let k = 0; k < f.items.length; k++) {
      const n = f.items[k]!;
      const it = this.items[n]!;
      const c: CompetencePiste = {
        codeOgr: it.codeOgr,
        libelle: it.libelle,
        rubrique: it.rubrique,
        coeurMetier: f.coeur[k] === 1,
      };
      const v = voisines.get(n);
      if (!detenus.has(n) && v !== undefined) {
        const voisine = this.items[v]!;
        c.voisine = { codeOgr: voisine.codeOgr, libelle: voisine.libelle };
      }
      ordre.push({ c, poids: f.poids[k]!, rang: it.rangAlpha, acquise: detenus.has(n) });
    }
    ordre.sort((a, b) => b.poids - a.poids || a.rang - b.rang);
    for (const o of ordre) (o.acquise ? acquises : aAcquerir).push(o.c);
    const depuis = mobilitesDepuis.get(f.codeRome) ?? [];
    const riasec = requete.riasec ?? [];
    const concordance = !!f.riasecMajeur && riasec.slice(0, 2).includes(f.riasecMajeur as LettreRiasec);
    const explication = [
      `Vous détenez ${acquises.length} des ${f.items.length} compétences de ce métier (${Math.round(s.couverture * 100)} % de son contenu pondéré).`,
    ];
    const coeurManquant = aAcquerir.filter((c) => c.coeurMetier).length;
    if (coeurManquant)
      explication.push(`${coeurManquant} compétence(s) du cœur de métier restent à acquérir.`);
    if (depuis.length)
      explication.push(
        `Le ROME signale une mobilité depuis un métier que vous avez exercé (${depuis
          .map((c) => this.fiches[this.indiceFiche.get(c) ?? -1]?.libelle ?? c)
          .join(", ")}).`,
      );
    if (concordance) explication.push("Ce métier correspond à vos centres d'intérêt dominants.");
    if (f.reglemente) explication.push("Métier réglementé : un diplôme ou une habilitation est obligatoire.");
    if (f.transitionEco) explication.push("Métier de la transition écologique.");
    const marche = requete.marche?.get(f.codeRome);
    return {
      codeRome: f.codeRome,
      libelle: f.libelle,
      score: Math.round(s.score * 1000) / 1000,
      couverture: Math.round(s.couverture * 1000) / 1000,
      competencesAcquises: acquises,
      competencesAAcquerir: aAcquerir,
      mobilite: depuis.length > 0,
      mobiliteDepuis: depuis,
      riasec: { majeur: f.riasecMajeur, mineur: f.riasecMineur, concordance },
      emploiReglemente: f.reglemente,
      emploiCadre: f.cadre,
      transitionEcologique: f.transitionEco,
      ...(marche ? { marche } : {}),
      explication,
    };
  }

  /** Les compétences de cœur de métier d'une fiche (profil type utilisé par le banc d'essai). */
  competencesCoeur(codeRome: string): string[] {
    const f = this.fiches[this.indiceFiche.get(codeRome) ?? -1];
    if (!f) return [];
    const codes: string[] = [];
    for (let k = 0; k < f.items.length; k++) if (f.coeur[k]) codes.push(this.items[f.items[k]!]!.codeOgr);
    return codes;
  }

  fiche(codeRome: string) {
    const f = this.fiches[this.indiceFiche.get(codeRome) ?? -1];
    if (!f) return undefined;
    return {
      codeRome: f.codeRome,
      libelle: f.libelle,
      reglemente: f.reglemente,
      cadre: f.cadre,
      transitionEcologique: f.transitionEco,
      riasecMajeur: f.riasecMajeur,
      items: [...f.items].map((n, k) => ({
        ...this.items[n]!,
        coeurMetier: f.coeur[k] === 1,
        poids: f.poids[k]!,
      })),
    };
  }
}
