import type { ResultatRechercheMetier, ServiceMetiers, Stockage } from "../app/ports.js";
import { type MarchePiste, MoteurPistes } from "../domain/competences/pistes.js";
import { IndexMetiers } from "./recherche/index.js";

/**
 * Les référentiels en mémoire : l'index de recherche d'intitulés, construit depuis la base au démarrage et reconstruit
 * après chaque import. Tant que le ROME n'est pas chargé, `rechercher` renvoie undefined (l'API répond 503 avec la marche
 * à suivre).
 */
type MarcheRegional = Awaited<ReturnType<Stockage["depots"]["referentiels"]["marcheRegional"]>>;

/**
 * Projets de recrutement de chaque fiche ROME 4.0, France entière : la fiche → son code ROME v3 → les métiers BMO (FAP
 * 228) → somme des projets de toutes les régions (secret statistique compté 0). Vide si le BMO n'est pas chargé.
 */
export function projetsNationaux(
  fichesV3: { codeRome: string; codeRomeV3: string | null }[],
  marche: MarcheRegional,
): { codeRome: string; projets: number }[] {
  const parMetier = new Map<string, number>();
  for (const l of marche.lignes)
    parMetier.set(l.codeMetier, (parMetier.get(l.codeMetier) ?? 0) + (l.projets ?? 0));
  const metiersDuV3 = new Map<string, Set<string>>();
  for (const f of marche.fap) {
    const s = metiersDuV3.get(f.codeRomeV3) ?? new Set<string>();
    s.add(f.codeMetier);
    metiersDuV3.set(f.codeRomeV3, s);
  }
  const resultat: { codeRome: string; projets: number }[] = [];
  for (const f of fichesV3) {
    const metiers = f.codeRomeV3 ? metiersDuV3.get(f.codeRomeV3) : undefined;
    if (!metiers) continue;
    let projets = 0;
    for (const m of metiers) projets += parMetier.get(m) ?? 0;
    resultat.push({ codeRome: f.codeRome, projets });
  }
  return resultat;
}

export class ServiceReferentiels implements ServiceMetiers {
  private index: IndexMetiers | undefined;
  private versionIndex: string | undefined;
  private moteur: MoteurPistes | undefined;
  private marche = new Map<string, Map<string, MarchePiste>>();
  private regions: { code: string; nom: string }[] = [];

  constructor(private readonly stockage: Stockage) {}

  /** (Re)construit l'index depuis la version active du ROME ; renvoie la durée en millisecondes. */
  async recharger(): Promise<number> {
    const debut = performance.now();
    const version = await this.stockage.depots.referentiels.versionActive("rome");
    if (!version) {
      this.index = undefined;
      this.versionIndex = undefined;
      this.moteur = undefined;
      this.marche = new Map();
      this.regions = [];
      return 0;
    }
    const depot = this.stockage.depots.referentiels;
    const [donnees, pistes, marche] = await Promise.all([
      depot.donneesIndex(),
      depot.donneesPistes(),
      depot.marcheRegional(),
    ]);
    // A priori des fiches pour départager : projets de recrutement BMO de la France entière (si le BMO est chargé).
    this.index = new IndexMetiers({ ...donnees, projets: projetsNationaux(pistes.fichesV3, marche) });
    this.moteur = new MoteurPistes(pistes);
    this.construireMarche(pistes.fichesV3, marche);
    this.versionIndex = version.version;
    return performance.now() - debut;
  }

  /**
   * Chiffres BMO de chaque fiche ROME 4.0 par région : la fiche → son code ROME v3 (code_rome_parent) → les métiers BMO
   * (FAP 228) de la table DARES → somme des projets de recrutement de la région ; rang parmi les fiches de la région.
   */
  private construireMarche(
    fichesV3: { codeRome: string; codeRomeV3: string | null }[],
    marche: Awaited<ReturnType<Stockage["depots"]["referentiels"]["marcheRegional"]>>,
  ) {
    const fapDuV3 = new Map<string, string[]>();
    for (const f of marche.fap)
      fapDuV3.set(f.codeRomeV3, [...(fapDuV3.get(f.codeRomeV3) ?? []), f.codeMetier]);
    const parRegion = new Map<string, Map<string, (typeof marche.lignes)[number]>>();
    const noms = new Map<string, string>();
    for (const l of marche.lignes) {
      noms.set(l.codeRegion, l.nomRegion);
      const m = parRegion.get(l.codeRegion) ?? new Map();
      m.set(l.codeMetier, l);
      parRegion.set(l.codeRegion, m);
    }
    this.marche = new Map();
    for (const [region, lignes] of parRegion) {
      const parFiche = new Map<string, MarchePiste>();
      for (const f of fichesV3) {
        const codes = f.codeRomeV3 ? (fapDuV3.get(f.codeRomeV3) ?? []) : [];
        const connues = codes.map((c) => lignes.get(c)).filter((l) => l !== undefined);
        if (!connues.length) continue;
        const somme = (cle: "projets" | "difficiles" | "saisonniers") =>
          connues.every((l) => l[cle] === null) ? null : connues.reduce((t, l) => t + (l[cle] ?? 0), 0);
        const projets = somme("projets");
        const difficiles = somme("difficiles");
        const saisonniers = somme("saisonniers");
        parFiche.set(f.codeRome, {
          region,
          projets,
          partDifficiles:
            projets && difficiles !== null ? Math.round((difficiles / projets) * 1000) / 1000 : null,
          partSaisonniers:
            projets && saisonniers !== null ? Math.round((saisonniers / projets) * 1000) / 1000 : null,
          rang: null,
          nombreMetiers: 0,
        });
      }
      const classes = [...parFiche.values()]
        .filter((m) => m.projets !== null)
        .sort((a, b) => (b.projets ?? 0) - (a.projets ?? 0));
      classes.forEach((m, n) => {
        m.rang = n + 1;
      });
      for (const m of parFiche.values()) m.nombreMetiers = classes.length;
      this.marche.set(region, parFiche);
    }
    this.regions = [...noms]
      .map(([code, nom]) => ({ code, nom }))
      .sort((a, b) => a.nom.localeCompare(b.nom, "fr"));
  }

  moteurPistes() {
    return this.moteur;
  }

  marcheRegion(codeRegion: string) {
    return this.marche.get(codeRegion);
  }

  regionsMarche() {
    return this.regions;
  }

  rechercher(texte: string, limite: number): ResultatRechercheMetier[] | undefined {
    return this.index?.rechercher(texte, limite);
  }

  /** Pour /api/health : version et source de chaque référentiel chargé. */
  async etat() {
    const versions = await this.stockage.depots.referentiels.versionsActives();
    const etat: Record<string, { version: string | null; source?: string; chargeLe?: string | null }> = {
      rome: { version: null },
    };
    for (const v of versions) etat[v.nom] = { version: v.version, source: v.source, chargeLe: v.activeLe };
    if (etat.rome && this.versionIndex)
      (etat.rome as Record<string, unknown>).indexRecherche = this.versionIndex;
    return etat;
  }
}
