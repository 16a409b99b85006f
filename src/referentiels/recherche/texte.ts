/**
 * Normalisation du texte pour la recherche d'intitulés : minuscules, sans accents ni ligatures, mots vides et
 * mentions d'offre (« H/F », « CDI »…) retirés, racinisation légère (pluriels et formes féminines ramenés à une forme).
 */

const MOTS_VIDES = new Set(
  (
    "a au aux avec chez d de des du en et l la le les leur ou par pour sur un une dans sous sa ses " +
    // mentions d'offre d'emploi, sans rapport avec le métier
    "h f hf fh x m cdi cdd cdic interim intérim temps plein partiel poste postes urgent h/f f/h ref reference " +
    "debutant debutante accepte confirme confirmee experimente experimentee senior junior " +
    "nous recrutons recrute recherche recherchons offre emploi job mission " +
    "alternance alternant alternante stage stagiaire freelance"
  ).split(/\s+/),
);

/** Abréviations et équivalents anglais usuels des offres d'emploi (vocabulaire général, pas de règle par intitulé). */
const EQUIVALENTS: Record<string, string> = {
  dev: "developpeur",
  developer: "developpeur",
  developpeu: "developpeur",
  engineer: "ingenieur",
  ing: "ingenieur",
  ingenieu: "ingenieur",
  resp: "responsable",
  respo: "responsable",
  tech: "technicien",
  techn: "technicien",
  assist: "assistant",
  asst: "assistant",
  cial: "commercial",
  comptab: "comptable",
  admin: "administrateur",
  analyst: "analyste",
  architect: "architecte",
  manager: "manager",
  security: "securite",
  sales: "commercial",
  support: "support",
  software: "logiciel",
  network: "reseau",
  networks: "reseau",
  cloud: "cloud",
  consultante: "consultant",
  // sigles et abréviations courants des offres
  pl: "poids lourd",
  spl: "super lourd",
  vl: "vehicule leger",
  rh: "ressources humaines",
  grh: "gestion ressources humaines",
  aes: "accompagnant educatif social",
  ash: "agent service hospitalier",
  ide: "infirmier",
  bi: "business intelligence",
  ia: "intelligence artificielle",
  ai: "intelligence artificielle",
  ml: "machine learning",
  qse: "qualite securite environnement",
  qhse: "qualite hygiene securite environnement",
  adv: "administration ventes",
  sav: "service apres vente",
  amoa: "assistance maitrise ouvrage",
  moa: "maitrise ouvrage",
  moe: "maitrise oeuvre",
  si: "systeme information",
  ssi: "securite systeme information",
  rssi: "responsable securite systeme information",
  devops: "devops",
  fullstack: "full stack",
  frontend: "front end",
  backend: "back end",
  informaticien: "informatique",
  agt: "agent",
  vdi: "vendeur",
  chauf: "chauffeur",
};

export function replier(texte: string): string {
  return texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
}

/** Racine légère : pluriel puis féminin ramenés au masculin singulier (appliquée de la même façon à l'index et aux requêtes). */
export function raciner(mot: string): string {
  let m = mot;
  if (m.length <= 3) return m;
  if (m.length > 4 && (m.endsWith("s") || m.endsWith("x")) && !m.endsWith("ss")) m = m.slice(0, -1);
  if (m.endsWith("euse")) return `${m.slice(0, -4)}eur`;
  if (m.endsWith("rice") && m.length > 6) return `${m.slice(0, -4)}eur`;
  if (m.endsWith("ienne")) return m.slice(0, -2);
  if (m.endsWith("enne")) return m.slice(0, -2);
  if (m.endsWith("ere")) return `${m.slice(0, -3)}er`;
  if (m.endsWith("ive") && m.length > 5) return `${m.slice(0, -3)}if`;
  if (m.endsWith("ette")) return m.slice(0, -2);
  if (m.endsWith("elle")) return m.slice(0, -2);
  if (m.endsWith("ee")) return m.slice(0, -1);
  if (m.endsWith("e") && m.length > 4) return m.slice(0, -1);
  return m;
}

/** Les mots significatifs d'un texte, racinés, dans l'ordre. */
/** Marques d'écriture inclusive ou de féminin accolées (« assistant(e) », « chef-fe », « conseiller·ère ») retirées. */
function sansMarquesDeGenre(texte: string): string {
  return texte
    .replace(/\s?\((e|es|ve|ne|le|se|fe|re|ère|ere|euse|rice|trice|ice|eure|ière|iere)\)/gi, "")
    .replace(/[-·.](e|es|ve|ne|le|fe|ère|ere|euse|rice|trice|eure|ière|iere)(?=\b|\s|$)/gi, "")
    .replace(/\b(femme\s*\/\s*homme|homme\s*\/\s*femme)\b/gi, "");
}

export function motsSignificatifs(texte: string, options: { equivalents?: boolean } = {}): string[] {
  const mots = replier(sansMarquesDeGenre(texte))
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ");
  const resultat: string[] = [];
  for (const brut of mots) {
    if (!brut || MOTS_VIDES.has(brut) || /^\d+[a-z]{0,3}$/.test(brut)) continue;
    const equivalent = options.equivalents ? EQUIVALENTS[brut] : undefined;
    for (const mot of equivalent ? equivalent.split(" ") : [brut]) {
      if (mot.length < 2) continue;
      resultat.push(raciner(mot));
    }
  }
  return resultat;
}

/**
 * Les mots d'une requête, chacun avec ses formes acceptées : le mot lui-même et, pour une abréviation ou un mot anglais
 * usuel, son équivalent (« engineer » → engineer | ingenieur). Un sigle qui vaut plusieurs mots (« PL » → poids lourd)
 * est remplacé par ces mots.
 */
export function motsRequete(texte: string): string[][] {
  const mots = replier(sansMarquesDeGenre(texte))
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ");
  const resultat: string[][] = [];
  for (const brut of mots) {
    if (!brut || MOTS_VIDES.has(brut) || /^\d+[a-z]{0,3}$/.test(brut)) continue;
    const equivalent = EQUIVALENTS[brut];
    if (equivalent?.includes(" ")) {
      for (const m of equivalent.split(" ")) resultat.push([raciner(m)]);
      continue;
    }
    const formes = new Set<string>();
    if (brut.length >= 2) formes.add(raciner(brut));
    if (equivalent) formes.add(raciner(equivalent));
    if (formes.size) resultat.push([...formes]);
  }
  return resultat;
}

/**
 * Segments d'un intitulé d'offre : coupé aux séparateurs qui introduisent une précision (« - », « | », « , », « : »…),
 * pas à la barre « / » qui sépare des intitulés équivalents.
 */
export function segmentsIntitule(texte: string): string[] {
  return texte.split(/\s[-–—|:]\s|[|,;:]\s|\s[-–—]|[–—]/);
}

/** Lignes de travail de `distance`, réutilisées d'un appel à l'autre (pas d'allocation par comparaison). */
let lignes = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/** Distance d'édition (Damerau restreinte) bornée : renvoie max+1 dès qu'elle est dépassée. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  if (m + 1 > lignes[0].length)
    lignes = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  let [prec2, prec, cour] = lignes;
  for (let j = 0; j <= m; j++) {
    prec2[j] = 0;
    prec[j] = j;
    cour[j] = 0;
  }
  for (let i = 1; i <= n; i++) {
    cour[0] = i;
    let minLigne = i;
    for (let j = 1; j <= m; j++) {
      const cout = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prec[j]! + 1, cour[j - 1]! + 1, prec[j - 1]! + cout);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        v = Math.min(v, prec2[j - 2]! + 1);
      cour[j] = v;
      if (v < minLigne) minLigne = v;
    }
    if (minLigne > max) return max + 1;
    const libre = prec2;
    prec2 = prec;
    prec = cour;
    cour = libre;
  }
  return prec[m]!;
}
