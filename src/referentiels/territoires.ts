import { createRequire } from "node:module";
import type { CommuneTrouvee, ServiceTerritoires } from "../app/ports.js";
import { replier } from "./recherche/texte.js";

/**
 * Territoires depuis le paquet npm @etalab/decoupage-administratif (dépendance, pas de copie) : commune → département →
 * région, recherche par code postal ou par nom (sans accents ni tirets, préfixe), les communes les plus peuplées d'abord.
 */
interface CommuneBrute {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
}

const cle = (t: string) =>
  replier(t)
    .replace(/\bst\b/g, "saint")
    .replace(/\bste\b/g, "sainte")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

export function creerServiceTerritoires(): ServiceTerritoires {
  const requerir = createRequire(import.meta.url);
  const communes = (requerir("@etalab/decoupage-administratif/data/communes.json") as CommuneBrute[]).filter(
    (c) => c.type === "commune-actuelle",
  );
  const departements = new Map(
    (
      requerir("@etalab/decoupage-administratif/data/departements.json") as { code: string; nom: string }[]
    ).map((d) => [d.code, d.nom]),
  );
  const regions = new Map(
    (requerir("@etalab/decoupage-administratif/data/regions.json") as { code: string; nom: string }[]).map(
      (r) => [r.code, r.nom],
    ),
  );
  const index = communes
    .map((c) => ({ c, cle: cle(c.nom) }))
    .sort((a, b) => (b.c.population ?? 0) - (a.c.population ?? 0));
  const versCommune = (c: CommuneBrute): CommuneTrouvee => ({
    code: c.code,
    nom: c.nom,
    codesPostaux: c.codesPostaux ?? [],
    departement: { code: c.departement ?? "", nom: departements.get(c.departement ?? "") ?? "" },
    region: { code: c.region ?? "", nom: regions.get(c.region ?? "") ?? "" },
  });
  // Code postal → région de la commune la plus peuplée qui le porte (aiguillage vers l'opérateur régional).
  const regionParCodePostal = new Map<string, { code: string; nom: string }>();
  for (const { c } of index)
    for (const cp of c.codesPostaux ?? [])
      if (c.region && !regionParCodePostal.has(cp))
        regionParCodePostal.set(cp, { code: c.region, nom: regions.get(c.region) ?? "" });
  return {
    regionDuCodePostal: async (codePostal) => regionParCodePostal.get(codePostal) ?? null,
    rechercher(texte, limite) {
      const q = texte.trim();
      if (/^\d{2,5}$/.test(q))
        return index
          .filter((x) => x.c.codesPostaux?.some((cp) => cp.startsWith(q)))
          .slice(0, limite)
          .map((x) => versCommune(x.c));
      const k = cle(q);
      if (!k) return [];
      const exacts = index.filter((x) => x.cle === k);
      const debut = index.filter((x) => x.cle !== k && x.cle.startsWith(k));
      const mots = index.filter((x) => x.cle !== k && !x.cle.startsWith(k) && x.cle.includes(` ${k}`));
      return [...exacts, ...debut, ...mots].slice(0, limite).map((x) => versCommune(x.c));
    },
    regions: () => [...regions].map(([code, nom]) => ({ code, nom })),
  };
}
