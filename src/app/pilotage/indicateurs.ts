import { z } from "zod";
import {
  CalculIndicateurs,
  type FiltrePilotage,
  type Indicateurs,
  masquer,
  type Periode,
  type TableauIndicateur,
  tableauxSatisfaction,
} from "../../domain/indicateurs.js";
import { exigerRole } from "../autorisations.js";
import { ErreurAccesRefuse, ErreurValidation } from "../erreurs.js";
import { casUsage } from "../pipeline.js";
import type { Depots } from "../ports.js";

/**
 * Indicateurs de pilotage (ticket 9) : le responsable voit son opérateur, l'administrateur tous les opérateurs ;
 * filtres par période, site, conseiller. Agrégats seulement : aucune donnée nominative de bénéficiaire ne sort.
 */

export const date = (libelle: string) =>
  z.string({ error: `Indiquez la date de ${libelle}.` }).regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: `La date de ${libelle} doit être au format AAAA-MM-JJ.`,
  });
export const id = (libelle: string) =>
  z
    .uuid(`${libelle} invalide.`)
    .optional()
    .or(z.literal("").transform(() => undefined));

export const schemaFiltre = z
  .object({
    debut: date("début"),
    fin: date("fin"),
    operateurId: id("Identifiant d'opérateur"),
    siteId: id("Identifiant de site"),
    conseillerId: id("Identifiant de conseiller"),
  })
  .superRefine(verifierPeriode);

/** Dates réelles (pas de 31 février) et fin après le début ; sinon 400 qui nomme le champ. */
export function verifierPeriode(v: { debut: string; fin: string }, ctx: z.RefinementCtx) {
  const existe = (j: string) => {
    const d = new Date(`${j}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === j;
  };
  for (const champ of ["debut", "fin"] as const)
    if (/^\d{4}-\d{2}-\d{2}$/.test(v[champ]) && !existe(v[champ]))
      ctx.addIssue({ code: "custom", path: [champ], message: "Cette date n'existe pas." });
  if (v.debut > v.fin)
    ctx.addIssue({ code: "custom", path: ["fin"], message: "La fin de la période doit suivre son début." });
}

export type EntreeFiltre = z.output<typeof schemaFiltre>;

/** Le responsable est limité à son opérateur ; l'administrateur choisit (ou prend tous les opérateurs). */
function filtreAutorise(acteur: Parameters<typeof exigerRole>[0], e: EntreeFiltre): FiltrePilotage {
  const a = exigerRole(acteur, "responsable", "admin");
  if (a.role === "responsable") {
    if (e.operateurId && e.operateurId !== a.operateurId)
      throw new ErreurAccesRefuse("Ces indicateurs appartiennent à un autre opérateur.");
    return { operateurId: a.operateurId!, siteId: e.siteId, conseillerId: e.conseillerId };
  }
  return { operateurId: e.operateurId, siteId: e.siteId, conseillerId: e.conseillerId };
}

async function verifierFiltre(depots: Depots, f: FiltrePilotage) {
  if (f.siteId) {
    const s = await depots.sites.parId(f.siteId);
    if (!s || (f.operateurId && s.operateurId !== f.operateurId))
      throw new ErreurValidation([{ champ: "siteId", message: "Ce site n'appartient pas à l'opérateur." }]);
  }
  if (f.conseillerId) {
    const c = await depots.comptes.parId(f.conseillerId);
    if (c?.role !== "conseiller" || (f.operateurId && c.operateurId !== f.operateurId))
      throw new ErreurValidation([
        { champ: "conseillerId", message: "Ce conseiller n'appartient pas à l'opérateur." },
      ]);
  }
}

/**
 * Tous les tableaux d'indicateurs pour une période et un filtre. `maintenant` : instant du calcul (une réunion
 * d'information n'est comptée comme tenue que si elle a commencé avant) ; absent, toutes celles de la période.
 */
export async function calculer(
  depots: Depots,
  periode: Periode,
  filtre: FiltrePilotage,
  maintenant?: string,
) {
  const calcul = new CalculIndicateurs(periode, filtre);
  const { reunions, ...lignes } = await depots.pilotage.lignes({ ...filtre, ...periode }, (p) =>
    calcul.ajouter(p),
  );
  const [conseillers, sites] = await Promise.all([
    depots.comptes.lister({
      role: "conseiller",
      ...(filtre.operateurId ? { operateurId: filtre.operateurId } : {}),
    }),
    filtre.operateurId ? depots.sites.listerParOperateur(filtre.operateurId) : Promise.resolve([]),
  ]);
  const i = calcul.terminer({
    ...lignes,
    // Une réunion n'est rattachée à aucun conseiller : pas de tableau des réunions filtré par conseiller.
    reunions: filtre.conseillerId ? undefined : reunions,
    maintenant,
    conseillers: Object.fromEntries(conseillers.map((c) => [c.id, `${c.prenom} ${c.nom}`])),
    sites: Object.fromEntries(sites.map((s) => [s.id, s.nom])),
  });
  // Satisfaction : anonyme, sans lien au dossier, donc par opérateur seulement (pas par site ni par conseiller).
  if (!filtre.siteId && !filtre.conseillerId)
    i.tableaux.push(
      ...tableauxSatisfaction(
        await depots.satisfaction.reponses({ operateurId: filtre.operateurId, ...periode }),
      ),
    );
  return i;
}

/** Un tableau tel qu'il est montré : valeurs brutes (usage interne de l'opérateur) ou masquées sous 5. */
export interface TableauPresente extends Omit<TableauIndicateur, "lignes"> {
  lignes: { cle: string; libelle: string; valeurs: (number | string | null)[] }[];
  masque: boolean;
}

export function presenter(i: Indicateurs, masque: boolean): TableauPresente[] {
  return i.tableaux.map((t) => {
    const valeurs = masque ? masquer(t) : t.lignes.map((l) => l.valeurs);
    return {
      ...t,
      masque,
      lignes: t.lignes.map((l, k) => ({ cle: l.cle, libelle: l.libelle, valeurs: valeurs[k]! })),
    };
  });
}

export const lireIndicateurs = casUsage({
  nom: "pilotage.indicateurs.lire",
  entree: schemaFiltre,
  autoriser: ({ acteur, entree }) => {
    const f = filtreAutorise(acteur, entree);
    return { objetType: "operateur", objetId: f.operateurId ?? null };
  },
  async executer({ acteur, entree, depots, services }) {
    const filtre = filtreAutorise(acteur, entree);
    await verifierFiltre(depots, filtre);
    const periode = { debut: entree.debut, fin: entree.fin };
    const i = await calculer(depots, periode, filtre, services.horloge.maintenant().toISOString());
    const [operateurs, sites, conseillers] = await Promise.all([
      depots.operateurs.lister(),
      filtre.operateurId ? depots.sites.listerParOperateur(filtre.operateurId) : Promise.resolve([]),
      filtre.operateurId
        ? depots.comptes.lister({ operateurId: filtre.operateurId, role: "conseiller" })
        : Promise.resolve([]),
    ]);
    // Hors de l'opérateur (vue administrateur de la plateforme), les petits effectifs sont masqués.
    const masque = acteur.type === "compte" && acteur.role === "admin";
    return {
      periode,
      filtre,
      parcoursSuivis: i.parcoursSuivis,
      tableaux: presenter(i, masque),
      choix: {
        operateurs: operateurs.map((o) => ({ id: o.id, nom: o.nom })),
        sites: sites.map((s) => ({ id: s.id, nom: s.nom })),
        conseillers: conseillers.map((c) => ({ id: c.id, nom: `${c.prenom} ${c.nom}` })),
      },
    };
  },
  audit: (entree) => ({ details: { debut: entree.debut, fin: entree.fin } }),
});

export const FORMATS_EXPORT = ["csv", "xlsx"] as const;

/** Export de tous les tableaux (ou d'un seul) ; toujours masqué sous 5 : un fichier peut quitter l'opérateur. */
export const exporterIndicateurs = casUsage({
  nom: "pilotage.indicateurs.exporter",
  entree: schemaFiltre.and(
    z.object({
      format: z.enum(FORMATS_EXPORT, { error: "Format d'export inconnu : csv ou xlsx." }),
      tableau: z.string().max(60).optional(),
    }),
  ),
  autoriser: ({ acteur, entree }) => {
    const f = filtreAutorise(acteur, entree);
    return { objetType: "operateur", objetId: f.operateurId ?? null };
  },
  async executer({ acteur, entree, depots, services }) {
    const filtre = filtreAutorise(acteur, entree);
    await verifierFiltre(depots, filtre);
    const periode = { debut: entree.debut, fin: entree.fin };
    const maintenant = services.horloge.maintenant().toISOString();
    const tableaux = presenter(await calculer(depots, periode, filtre, maintenant), true).filter(
      (t) => !entree.tableau || t.id === entree.tableau,
    );
    if (tableaux.length === 0)
      throw new ErreurValidation([{ champ: "tableau", message: "Ce tableau d'indicateurs n'existe pas." }]);
    return { periode, format: entree.format, tableaux };
  },
  audit: (entree) => ({ details: { debut: entree.debut, fin: entree.fin, format: entree.format } }),
});
