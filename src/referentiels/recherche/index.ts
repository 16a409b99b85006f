import type { DonneesIndexMetiers, RelationEsco } from "../../app/ports.js";
import { distance, motsRequete, motsSignificatifs, segmentsIntitule } from "./texte.js";

/**
 * Index en mémoire de la recherche d'intitulés de métier (« normalisation d'intitulé »). Méthode (docs/adr/0005-recherche-intitules.md) :
 * 1. chaque appellation est un document, et chacun de ses libellés ESCO (correspondance officielle ESCO ↔ ROME) en est un
 *    autre qui renvoie à l'appellation, avec un facteur selon la relation ; les mots (racinés, sans accents) sont pondérés
 *    par leur rareté (idf) ;
 * 2. un mot de la requête absent du vocabulaire est corrigé (distance d'édition 1 ou 2) ou complété (préfixe) ;
 * 3. le score d'une appellation combine la part de la requête qu'elle couvre, la part de son intitulé que la requête
 *    couvre, et le contexte de sa fiche (mots des compétences et savoirs, cœur de métier d'abord) pour départager ;
 * 4. les mots de la requête inconnus de tout le référentiel (ville, entreprise…) sont ignorés ; ceux qui suivent un
 *    séparateur (« - », « , », « | ») hors du segment principal (le premier qui contient un mot des appellations)
 *    comptent pour moitié ;
 * 5. une appellation garde le meilleur score de ses documents ; un a priori tiré du volume de recrutement de la fiche
 *    (projets BMO, France entière) départage les appellations proches ;
 * 6. les autres appellations touchées de la même fiche renforcent chacune d'elles (moyenne des trois suivantes).
 */

export interface ResultatRecherche {
  codeRome: string;
  libelleRome: string;
  appellation: { codeOgr: string; libelle: string };
  score: number;
}

interface Appellation {
  codeOgr: string;
  codeRome: string;
  /** rang de la fiche dans `fiches` */
  fiche: number;
  libelle: string;
  bonus: number;
}

/** Un document de l'index : le libellé d'une appellation ou un libellé ESCO qui lui est rattaché. */
interface Document {
  appellation: number;
  mots: Set<string>;
  poidsTotal: number;
  /** 1 pour l'appellation elle-même ; facteur de la relation ESCO sinon. */
  facteur: number;
}

/**
 * Facteur d'un libellé ESCO selon la relation de la correspondance : exact/close, synonyme de l'appellation ;
 * broad/narrow (métier ESCO plus large ou plus étroit) : écartés par défaut, car ils dégradent la mesure (BENCHMARKS.md).
 */
export const FACTEURS_ESCO: Record<RelationEsco, number> = {
  exactMatch: 1,
  closeMatch: 0.95,
  broadMatch: 0,
  narrowMatch: 0,
};

export interface OptionsIndex {
  /** Poids du contexte de la fiche (compétences, savoirs) dans le score. */
  poidsContexte?: number;
  /** Part du rappel (requête couverte) face à la précision (intitulé couvert) dans le score. */
  poidsRappel?: number;
  /** Poids des mots hors du segment principal de l'intitulé (secteur, lieu… après « - », « , », « | ») ; 0,5 par défaut. */
  poidsSegmentsSuivants?: number;
  /** Activer la correction des fautes et les préfixes. */
  approximations?: boolean;
  /** Poids de l'a priori « volume de recrutement » de la fiche (BMO), pour départager (0,1 par défaut). */
  poidsVolume?: number;
  /**
   * Garder tous les libellés ESCO ; par défaut, seuls ceux qui apportent au moins un mot absent des appellations
   * (les autres ne font que concurrencer les appellations et dégradent la mesure).
   */
  escoTousLibelles?: boolean;
  /** Corriger aussi les fautes vers les mots propres aux libellés ESCO (par défaut : vers les appellations seulement). */
  escoCorrection?: boolean;
  /**
   * Poids des autres appellations touchées de la même fiche (les trois suivantes, moyenne) dans le score de chacune
   * (0,15 par défaut ; 0 : chaque appellation seule).
   */
  poidsFiche?: number;
  /** Facteurs des libellés ESCO par relation (0 : ignorer). */
  facteursEsco?: Partial<Record<RelationEsco, number>>;
  /** Échauffer l'index à la construction (par défaut : oui ; voir `echauffer`). */
  echauffement?: boolean;
}

export class IndexMetiers {
  private readonly appellations: Appellation[] = [];
  private readonly documents: Document[] = [];
  /** les documents [0, documentsRome) sont les appellations ; les suivants, les libellés ESCO */
  private readonly documentsRome: number = 0;
  private readonly libellesRome = new Map<string, string>();
  /** mot → documents qui le contiennent */
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  /** mot → (fiche → poids dans le contexte de la fiche, normalisé) */
  private readonly contexte = new Map<string, { fiches: number[]; poids: number[] }>();
  private readonly rangFiche = new Map<string, number>();
  /** a priori de chaque fiche (rang) : log des projets de recrutement, ramené à [0, 1] */
  private readonly volume: Float64Array;
  private readonly tampons: {
    titre: Float64Array;
    couvert: Float64Array;
    meilleur: Float64Array;
    /** meilleur idf des variantes du mot courant présentes dans chaque libellé */
    couvertMot: Float64Array;
    parAppellation: Float64Array;
    ctx: Float64Array;
    ctxMot: Float64Array;
    /** les 4 meilleurs scores d'appellation de chaque fiche (4 cases par fiche) */
    parFiche: Float64Array;
  };
  private readonly idfContexte = new Map<string, number>();
  /** rang de la fiche de chaque appellation (-1 : fiche inconnue) */
  private readonly ficheDe: Int32Array;
  private readonly vocabulaire: string[];
  /**
   * Mots du vocabulaire par longueur, avec le masque de leurs lettres (`masqueLettres`) : la correction des fautes
   * écarte d'un test de bits les mots trop différents avant de calculer une distance.
   */
  private readonly parLongueur = new Map<number, { mots: string[]; masques: Int32Array }>();
  private readonly cache = new Map<string, [string, number][]>();
  readonly taille: number;

  constructor(
    donnees: DonneesIndexMetiers,
    private readonly options: OptionsIndex = {},
  ) {
    for (const f of donnees.fiches) {
      this.libellesRome.set(f.codeRome, f.libelle);
      this.rangFiche.set(f.codeRome, this.rangFiche.size);
    }
    this.volume = new Float64Array(Math.max(1, this.rangFiche.size));
    const projets = donnees.projets ?? [];
    const maxProjets = Math.log1p(Math.max(0, ...projets.map((p) => p.projets)));
    if (maxProjets > 0)
      for (const p of projets) {
        const r = this.rangFiche.get(p.codeRome);
        if (r !== undefined) this.volume[r] = Math.log1p(p.projets) / maxProjets;
      }
    const ajouterDocument = (appellation: number, mots: Set<string>, facteur: number) => {
      if (!mots.size || facteur <= 0) return;
      const id = this.documents.length;
      this.documents.push({ appellation, mots, poidsTotal: 0, facteur });
      for (const m of mots) {
        let p = this.postings.get(m);
        if (!p) {
          p = [];
          this.postings.set(m, p);
        }
        p.push(id);
      }
    };
    const rangAppellation = new Map<string, number>();
    const dejaVus: Set<string>[] = [];
    for (const a of donnees.appellations) {
      const mots = new Set([...motsSignificatifs(a.libelle), ...motsSignificatifs(a.libelleCourt)]);
      const id = this.appellations.length;
      rangAppellation.set(a.codeOgr, id);
      this.appellations.push({
        codeOgr: a.codeOgr,
        codeRome: a.codeRome,
        fiche: this.rangFiche.get(a.codeRome) ?? -1,
        libelle: a.libelle,
        bonus: (a.principale ? 0.02 : 0) - (a.peuUsite ? 0.03 : 0),
      });
      dejaVus.push(new Set([[...mots].sort().join(" ")]));
      ajouterDocument(id, mots, 1);
    }
    // Libellés ESCO : « masculin/féminin » séparés ; un libellé qui donne les mêmes mots qu'un autre document de
    // l'appellation n'ajoute rien (le meilleur facteur l'emporte : exact et close d'abord).
    const facteurs = { ...FACTEURS_ESCO, ...options.facteursEsco };
    const synonymes = [...(donnees.synonymes ?? [])].sort(
      (x, y) => facteurs[y.relation] - facteurs[x.relation],
    );
    const vocabulaireRome = new Set(this.postings.keys());
    this.documentsRome = this.documents.length;
    // Un même libellé ESCO revient pour plusieurs appellations : ses mots sont calculés une fois.
    const formes = new Map<string, { mots: Set<string>; cle: string; utile: boolean }>();
    for (const syn of synonymes) {
      const app = rangAppellation.get(syn.codeOgr);
      if (app === undefined || facteurs[syn.relation] <= 0) continue;
      for (const forme of syn.libelle.split("/")) {
        let f = formes.get(forme);
        if (!f) {
          const mots = new Set(motsSignificatifs(forme));
          f = {
            mots,
            cle: [...mots].sort().join(" "),
            utile:
              mots.size > 0 && (!!options.escoTousLibelles || [...mots].some((m) => !vocabulaireRome.has(m))),
          };
          formes.set(forme, f);
        }
        if (!f.utile || dejaVus[app]!.has(f.cle)) continue;
        dejaVus[app]!.add(f.cle);
        ajouterDocument(app, f.mots, facteurs[syn.relation]);
      }
    }
    const n = this.appellations.length;
    const nDocs = this.documents.length;
    // Rareté d'un mot mesurée sur les appellations (les libellés ESCO ne la changent pas) ; pour un mot propre à ESCO,
    // sur les libellés ESCO.
    const nRome = this.documentsRome;
    for (const [m, p] of this.postings) {
      let dansRome = 0;
      for (const d of p) if (d < nRome) dansRome++;
      this.idf.set(
        m,
        dansRome > 0 ? Math.log(1 + nRome / dansRome) : Math.log(1 + Math.max(1, nDocs - nRome) / p.length),
      );
    }
    for (const d of this.documents) for (const m of d.mots) d.poidsTotal += this.idf.get(m)!;

    // Contexte des fiches : mots des compétences et savoirs (cœur de métier compté double), fréquence normalisée.
    const freq = new Map<string, Map<string, number>>();
    for (const it of donnees.items) {
      const poids = it.coeurMetier === "Principale" ? 2 : 1;
      for (const m of new Set(motsSignificatifs(it.libelle))) {
        let f = freq.get(m);
        if (!f) {
          f = new Map();
          freq.set(m, f);
        }
        f.set(it.codeRome, (f.get(it.codeRome) ?? 0) + poids);
      }
    }
    const nFiches = donnees.fiches.length || 1;
    for (const [m, f] of freq) {
      this.idfContexte.set(m, Math.log(1 + nFiches / f.size));
      const entree = { fiches: [] as number[], poids: [] as number[] };
      for (const [r, c] of f) {
        const rang = this.rangFiche.get(r);
        if (rang === undefined) continue;
        entree.fiches.push(rang);
        entree.poids.push(c / (c + 2));
      }
      this.contexte.set(m, entree);
    }
    // Correction des fautes et préfixes vers les mots des appellations seulement : un mot propre à ESCO n'est trouvé
    // que tel quel (sinon les noms de ville ou d'entreprise des offres seraient « corrigés » vers eux).
    this.vocabulaire = [...(options.escoCorrection ? this.postings.keys() : vocabulaireRome)].sort();
    const motsParLongueur = new Map<number, string[]>();
    for (const m of this.vocabulaire) {
      let l = motsParLongueur.get(m.length);
      if (!l) {
        l = [];
        motsParLongueur.set(m.length, l);
      }
      l.push(m);
    }
    for (const [longueur, mots] of motsParLongueur)
      this.parLongueur.set(longueur, { mots, masques: Int32Array.from(mots, masqueLettres) });
    this.taille = n;
    this.ficheDe = Int32Array.from(this.appellations, (a) => a.fiche);
    const nf = Math.max(1, this.rangFiche.size);
    this.tampons = {
      titre: new Float64Array(nDocs),
      couvert: new Float64Array(nDocs),
      meilleur: new Float64Array(nDocs),
      couvertMot: new Float64Array(nDocs),
      parAppellation: new Float64Array(n),
      ctx: new Float64Array(nf),
      ctxMot: new Float64Array(nf),
      parFiche: new Float64Array(4 * nf),
    };
    if (options.echauffement !== false) this.echauffer();
  }

  /**
   * Échauffement : l'index répond à une appellation sur 50 de ses propres libellés, telle quelle puis une lettre en
   * moins (chemin de correction des fautes), pour que le moteur JavaScript ait compilé le calcul avant la première
   * requête d'un utilisateur (sinon les premières, juste après le démarrage ou un import, prennent plusieurs
   * millisecondes). Les résultats n'en dépendent pas ; le cache des mots est vidé ensuite.
   */
  private echauffer() {
    for (let i = 0; i < this.appellations.length; i += 50) {
      const libelle = this.appellations[i]!.libelle;
      const k = libelle.length >> 1;
      this.rechercher(libelle);
      this.rechercher(`${libelle.slice(0, k)}${libelle.slice(k + 1)} (H/F)`);
    }
    this.cache.clear();
  }

  /** Variantes d'un mot de requête présentes dans le vocabulaire, avec un poids de confiance. */
  private variantes(mot: string): [string, number][] {
    const connu = this.cache.get(mot);
    if (connu) return connu;
    let r: [string, number][] = [];
    const singulier = mot.length >= 4 && /[sx]$/.test(mot) ? mot.slice(0, -1) : "";
    if (this.postings.has(mot) || this.contexte.has(mot)) r = [[mot, 1]];
    // pluriel d'un mot court, que la racinisation laisse (« cars » → car)
    else if (singulier && this.postings.has(singulier)) r = [[singulier, 1]];
    else if (this.options.approximations !== false && mot.length >= 3) {
      // Correction des fautes à partir de 5 lettres (en deçà, trop de mots voisins) ; sinon préfixe.
      const max = mot.length >= 8 ? 2 : mot.length >= 5 ? 1 : 0;
      let meilleure = max + 1;
      let candidats: string[] = [];
      const masque = masqueLettres(mot);
      for (let l = mot.length - max; max > 0 && l <= mot.length + max; l++) {
        const groupe = this.parLongueur.get(l);
        if (!groupe) continue;
        const { mots, masques } = groupe;
        for (let i = 0; i < mots.length; i++) {
          // Chaque opération (substitution, insertion, suppression, transposition) change au plus deux lettres de
          // l'ensemble des lettres du mot : au-delà de 2 × max lettres différentes, la distance dépasse max.
          if (bitsAUn(masque ^ masques[i]!) > 2 * max) continue;
          const v = mots[i]!;
          if (v[0] !== mot[0] && v[1] !== mot[1]) continue;
          const d = distance(mot, v, max);
          if (d < meilleure) {
            meilleure = d;
            candidats = [v];
          } else if (d === meilleure && d <= max) candidats.push(v);
        }
      }
      if (candidats.length) r = candidats.slice(0, 4).map((v) => [v, meilleure === 1 ? 0.8 : 0.6]);
      else {
        // Préfixe (abréviation) : les mots du vocabulaire qui commencent ainsi, les plus fréquents d'abord.
        let bas = 0;
        let haut = this.vocabulaire.length;
        while (bas < haut) {
          const milieu = (bas + haut) >> 1;
          if (this.vocabulaire[milieu]! < mot) bas = milieu + 1;
          else haut = milieu;
        }
        const debut: string[] = [];
        for (let i = bas; i < this.vocabulaire.length && this.vocabulaire[i]!.startsWith(mot); i++)
          debut.push(this.vocabulaire[i]!);
        const pref = debut
          .sort((a, b) => this.postings.get(b)!.length - this.postings.get(a)!.length)
          .slice(0, 3);
        r = pref.map((v) => [v, 0.6]);
      }
    }
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(mot, r);
    return r;
  }

  rechercher(texte: string, limite = 10): ResultatRecherche[] {
    // Un intitulé d'offre commence par le métier ; ce qui suit un séparateur (« - », « | », « , », « : »…) précise
    // le secteur, le lieu ou le contrat : ces segments comptent moins. La barre « / » sépare des intitulés équivalents
    // (« Vendeur / Vendeuse », « Business analyst / Scrum master ») : elle ne coupe pas. Le segment principal est le
    // premier qui contient un mot des appellations (« Alternance - Data analyst » : le second).
    const segments = segmentsIntitule(texte);
    const poidsSegment = this.options.poidsSegmentsSuivants ?? 0.5;
    const motsSegments = segments.map((seg) => motsRequete(seg));
    const principal = Math.max(
      0,
      motsSegments.findIndex((mots) =>
        mots.some((formes) => formes.some((f) => this.variantes(f).some(([v]) => this.postings.has(v)))),
      ),
    );
    const vus = new Map<string, { formes: string[]; poids: number }>();
    motsSegments.forEach((mots, i) => {
      for (const formes of mots) {
        const cle = formes.join("|");
        const ps = i === principal ? 1 : poidsSegment;
        const deja = vus.get(cle);
        if (!deja || deja.poids < ps) vus.set(cle, { formes, poids: ps });
      }
    });
    // Poids de chaque mot de requête : le meilleur idf de ses variantes ; mots inconnus ignorés.
    const requete: { variantes: [string, number][]; poids: number }[] = [];
    for (const { formes, poids: ps } of vus.values()) {
      const parVariante = new Map<string, number>();
      for (const f of formes)
        for (const [x, c] of this.variantes(f)) parVariante.set(x, Math.max(parVariante.get(x) ?? 0, c));
      const v = [...parVariante];
      if (!v.length) continue;
      const poids =
        ps * Math.max(...v.map(([x, c]) => c * (this.idf.get(x) ?? this.idfContexte.get(x) ?? 0)));
      requete.push({ variantes: v, poids });
    }
    if (!requete.length) return [];
    const totalRequete = requete.reduce((s, q) => s + q.poids, 0);
    // Tableaux réutilisés d'une requête à l'autre (pas d'allocation par appellation candidate).
    const { titre, couvert, meilleur, couvertMot, parAppellation, ctx, ctxMot } = this.tampons;
    const touches: number[] = [];
    const touchesCtx: number[] = [];
    for (const q of requete) {
      const vusMot: number[] = [];
      const vusCtxMot: number[] = [];
      for (const [v, c] of q.variantes) {
        const p = this.postings.get(v);
        if (p) {
          const s = c * q.poids;
          // La liste d'un mot dit déjà quels libellés le contiennent : son idf couvre ces libellés.
          const idfV = this.idf.get(v)!;
          for (const a of p) {
            if (meilleur[a] === 0) vusMot.push(a);
            if (meilleur[a]! < s) meilleur[a] = s;
            if (couvertMot[a]! < idfV) couvertMot[a] = idfV;
          }
        }
        const f = this.contexte.get(v);
        if (f) {
          const idfc = this.idfContexte.get(v)!;
          for (let k = 0; k < f.fiches.length; k++) {
            const r = f.fiches[k]!;
            const s = c * idfc * f.poids[k]!;
            if (ctxMot[r] === 0) vusCtxMot.push(r);
            if (ctxMot[r]! < s) ctxMot[r] = s;
          }
        }
      }
      for (const a of vusMot) {
        if (titre[a] === 0) touches.push(a);
        titre[a]! += meilleur[a]!;
        meilleur[a] = 0;
        couvert[a]! += couvertMot[a]!;
        couvertMot[a] = 0;
      }
      for (const r of vusCtxMot) {
        if (ctx[r] === 0) touchesCtx.push(r);
        ctx[r]! += ctxMot[r]!;
        ctxMot[r] = 0;
      }
    }
    const poidsContexte = this.options.poidsContexte ?? 0.05;
    const pr = this.options.poidsRappel ?? 0.8;
    const poidsVolume = this.options.poidsVolume ?? 0.1;
    let maxCtx = 0;
    for (const r of touchesCtx) if (ctx[r]! > maxCtx) maxCtx = ctx[r]!;
    const appellationsTouchees: number[] = [];
    for (const d of touches) {
      const doc = this.documents[d]!;
      const a = doc.appellation;
      const app = this.appellations[a]!;
      const rappel = titre[d]! / totalRequete; // part de la requête trouvée dans le libellé
      const precision = couvert[d]! / doc.poidsTotal; // part du libellé présente dans la requête
      const contexte = maxCtx > 0 && app.fiche >= 0 ? ctx[app.fiche]! / maxCtx : 0;
      // Décalé de 1 pour distinguer « non touchée » (0) d'un score négatif.
      const s = 1 + doc.facteur * (pr * rappel + (1 - pr) * precision) + poidsContexte * contexte + app.bonus;
      const s2 = s + (app.fiche >= 0 ? poidsVolume * this.volume[app.fiche]! : 0);
      if (parAppellation[a] === 0) appellationsTouchees.push(a);
      if (parAppellation[a]! < s2) parAppellation[a] = s2;
      titre[d] = 0;
      couvert[d] = 0;
    }
    const poidsFiche = this.options.poidsFiche ?? 0.15;
    // Fiche : ses quatre meilleures appellations touchées ; les trois qui suivent la meilleure renforcent la fiche, pour
    // un tiers chacune (un intitulé général, « Développeur », « Agent de fabrication », va à la fiche dont plusieurs
    // appellations lui répondent plutôt qu'à celle d'une seule appellation voisine, sans qu'une fiche aux dizaines
    // d'appellations voisines l'emporte sur le libellé exact d'une autre).
    const { parFiche } = this.tampons;
    const fichesTouchees: number[] = [];
    if (poidsFiche > 0)
      for (const a of appellationsTouchees) {
        const f = this.ficheDe[a]!;
        if (f < 0) continue;
        const base = 4 * f;
        if (parFiche[base] === 0) fichesTouchees.push(f);
        // insertion dans les 4 meilleurs scores de la fiche, décroissants (scores décalés de 1, donc > 0)
        let v = parAppellation[a]!;
        for (let k = base; k < base + 4; k++)
          if (v > parFiche[k]!) {
            const x = parFiche[k]!;
            parFiche[k] = v;
            v = x;
          }
      }
    // Les `limite` meilleures seulement, gardées triées au fil de l'eau (à score égal, ordre de rencontre : comme un tri
    // stable de toutes, sans trier les milliers d'appellations d'un mot courant comme « agent »).
    const scores: [number, number][] = [];
    for (const a of appellationsTouchees) {
      let s = parAppellation[a]! - 1;
      parAppellation[a] = 0;
      const f = this.ficheDe[a]!;
      if (poidsFiche > 0 && f >= 0) {
        let autres = 0;
        for (let k = 4 * f + 1; k < 4 * f + 4; k++) if (parFiche[k]! > 0) autres += parFiche[k]! - 1;
        s += (poidsFiche * autres) / 3;
      }
      if (scores.length >= limite && s <= scores[scores.length - 1]![1]) continue;
      let i = scores.length;
      while (i > 0 && scores[i - 1]![1] < s) i--;
      scores.splice(i, 0, [a, s]);
      if (scores.length > limite) scores.pop();
    }
    for (const f of fichesTouchees) parFiche.fill(0, 4 * f, 4 * f + 4);
    for (const r of touchesCtx) ctx[r] = 0;
    return scores.map(([a, s]) => {
      const app = this.appellations[a]!;
      return {
        codeRome: app.codeRome,
        libelleRome: this.libellesRome.get(app.codeRome) ?? "",
        appellation: { codeOgr: app.codeOgr, libelle: app.libelle },
        score: Math.round(s * 1000) / 1000,
      };
    });
  }
}

/** Ensemble des lettres d'un mot replié (a à z, chiffres regroupés) en bits d'un entier. */
function masqueLettres(mot: string): number {
  let m = 0;
  for (let i = 0; i < mot.length; i++) {
    const c = mot.charCodeAt(i);
    m |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return m;
}

/** Nombre de bits à 1 d'un entier de 32 bits. */
function bitsAUn(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
