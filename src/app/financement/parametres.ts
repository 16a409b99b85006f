import { randomUUID } from "node:crypto";
import { z } from "zod";
import { CATALOGUE } from "../../domain/financement/catalogue.js";
import { estDateIso } from "../../domain/financement/dates.js";
import { avecSurcharges, type IdParametre, PARAMETRES } from "../../domain/financement/parametres.js";
import { exigerRole } from "../autorisations.js";
import { ErreurConflit } from "../erreurs.js";
import { casUsage } from "../pipeline.js";
import type { Depots } from "../ports.js";

const IDS = Object.keys(PARAMETRES) as [IdParametre, ...IdParametre[]];

/** Les paramètres en vigueur : ceux du code, complétés par les surcharges des administrateurs. */
export async function parametresEnVigueur(depots: Depots) {
  return avecSurcharges(PARAMETRES, await depots.financement.surcharges());
}

/**
 * Catalogue des dispositifs et paramètres datés, avec leur historique (valeurs du code et surcharges).
 * Public : ce sont des règles, sans donnée personnelle ; pas d'audit.
 */
export const lireParametresFinancement = casUsage({
  nom: "financement.parametres.lire",
  entree: z.object({}),
  autoriser: () => ({}),
  async executer({ depots }) {
    const surcharges = await depots.financement.surcharges();
    const jeu = avecSurcharges(PARAMETRES, surcharges);
    const versions = await depots.financement.versions();
    const parametres = IDS.map((id) => ({
      ...jeu[id],
      version: versions[id] ?? 0,
      surcharges: surcharges
        .filter((s) => s.parametreId === id)
        .map(({ debut, valeur, source, motif, creeLe }) => ({ debut, valeur, source, motif, creeLe })),
    }));
    return { parametres, dispositifs: Object.values(CATALOGUE) };
  },
  audit: false,
});

/** Un administrateur fixe une nouvelle valeur datée (l'historique est conservé ; version → 409). */
export const surchargerParametre = casUsage({
  nom: "financement.parametre.surcharger",
  entree: z.object({
    id: z.enum(IDS, { error: "Paramètre inconnu." }),
    debut: z
      .string({ error: "Date d'effet attendue au format AAAA-MM-JJ." })
      .refine(estDateIso, "Date d'effet attendue au format AAAA-MM-JJ."),
    valeur: z
      .number({ error: "Valeur numérique attendue (ou null si la règle ne s'applique plus)." })
      .nullable(),
    source: z
      .string({ error: "Indiquez la source (texte, article, arrêté)." })
      .trim()
      .min(3, "Indiquez la source (texte, article, arrêté).")
      .max(500, "Source trop longue (500 caractères au plus)."),
    motif: z
      .string({ error: "Indiquez le motif de la modification." })
      .trim()
      .min(3, "Indiquez le motif de la modification.")
      .max(500, "Motif trop long (500 caractères au plus)."),
    version: z.number({ error: "Version attendue." }).int().min(0, "Version invalide."),
  }),
  autoriser: ({ acteur, entree }) => {
    exigerRole(acteur, "admin");
    return { objetType: "parametre_financement", objetId: entree.id };
  },
  async executer({ entree, acteur, depots, services }) {
    const a = exigerRole(acteur, "admin");
    const ok = await depots.financement.ajouterSurcharge(
      {
        id: randomUUID(),
        parametreId: entree.id,
        debut: entree.debut,
        valeur: entree.valeur,
        source: entree.source,
        motif: entree.motif,
        auteurCompteId: a.compteId,
        creeLe: services.horloge.maintenant().toISOString(),
      },
      entree.version,
    );
    if (!ok) {
      const courante = await depots.financement.version(entree.id);
      throw new ErreurConflit(
        "Ce paramètre a été modifié par quelqu'un d'autre entre-temps : rechargez-le pour voir la nouvelle valeur avant de la changer.",
        courante,
      );
    }
    const jeu = await parametresEnVigueur(depots);
    return { ...jeu[entree.id], version: await depots.financement.version(entree.id) };
  },
  audit: (e) => ({
    objetType: "parametre_financement",
    objetId: e.id,
    details: { debut: e.debut, valeur: e.valeur, source: e.source, motif: e.motif },
  }),
});
