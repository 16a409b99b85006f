import { z } from "zod";
import {
  CalculIndicateurs,
  masquer,
  type TableauIndicateur,
  tableauxSatisfaction,
} from "../../domain/indicateurs.js";
import { LIBELLES_MOTIF_CLOTURE, MOTIFS_CLOTURE } from "../../domain/parcours.js";
import { casUsage } from "../pipeline.js";

/**
 * Statistiques publiques (sans compte) : entrées et issues des parcours, au niveau national et par région (région de
 * l'opérateur), pour une année civile. Toujours masquées sous 5 (secret statistique).
 */
export const lireStatistiquesPubliques = casUsage({
  nom: "statistiques.publiques",
  entree: z.object({
    annee: z.coerce
      .number({ error: "L'année doit être un nombre." })
      .int("L'année doit être un nombre entier.")
      .min(2019, "Les statistiques commencent en 2019 (cahier des charges du CEP).")
      .max(2100, "Année trop lointaine.")
      .optional(),
  }),
  autoriser: () => ({}),
  async executer({ entree, depots, services }) {
    const maintenant = services.horloge.maintenant().toISOString();
    const annee = entree.annee ?? Number(maintenant.slice(0, 4));
    const periode = { debut: `${annee}-01-01`, fin: `${annee}-12-31` };
    // Un seul passage sur les parcours de l'année : le calcul national et celui de la région de l'opérateur.
    const national = new CalculIndicateurs(periode, {});
    const parRegionCalculs = new Map<string, CalculIndicateurs>();
    const lignes = await depots.pilotage.lignes(periode, (p) => {
      national.ajouter(p);
      const r = p.codeRegion ?? "inconnue";
      let c = parRegionCalculs.get(r);
      if (!c) {
        c = new CalculIndicateurs(periode, {});
        parRegionCalculs.set(r, c);
      }
      c.ajouter(p);
    });
    const garder = ["entrees_niveau", "entrees_point_entree", "clotures"];
    const presente = (t: TableauIndicateur) => {
      const v = masquer(t);
      return {
        id: t.id,
        titre: t.titre,
        colonnes: t.colonnes,
        lignes: t.lignes.map((l, i) => ({ cle: l.cle, libelle: l.libelle, valeurs: v[i]! })),
      };
    };
    const regions = [...parRegionCalculs.keys()].sort();
    const parRegion: TableauIndicateur = {
      id: "regions",
      titre: "Entrées et issues par région (région de l'opérateur)",
      colonnes: [
        "Nouveaux parcours",
        "Parcours clos",
        ...MOTIFS_CLOTURE.map((m) => LIBELLES_MOTIF_CLOTURE[m]),
      ],
      lignes: regions.map((r) => {
        const i = parRegionCalculs.get(r)!.terminer({ reorientations: [], entretiens: [] });
        const t = (id: string) => i.tableaux.find((x) => x.id === id)!;
        const somme = (id: string) => t(id).lignes.reduce((s, l) => s + (l.valeurs[0] ?? 0), 0);
        const clotures = Object.fromEntries(t("clotures").lignes.map((l) => [l.cle, l.valeurs[0] ?? 0]));
        return {
          cle: r,
          libelle: r === "inconnue" ? "Région non renseignée" : `Région ${r} (code INSEE)`,
          valeurs: [
            somme("entrees_point_entree"),
            somme("clotures"),
            ...MOTIFS_CLOTURE.map((m) => clotures[m] ?? 0),
          ],
        };
      }),
      colonnesEffectif: [0, 1, ...MOTIFS_CLOTURE.map((_, i) => i + 2)],
      graphique: false,
    };
    const nationaux = national.terminer(lignes);
    const satisfaction = tableauxSatisfaction(await depots.satisfaction.reponses(periode));
    return {
      annee,
      tableaux: [...nationaux.tableaux.filter((t) => garder.includes(t.id)), parRegion, ...satisfaction].map(
        presente,
      ),
    };
  },
  audit: false,
});
