import { randomUUID } from "node:crypto";
import { z } from "zod";
import { TYPES_OPERATEUR } from "../../domain/organisation.js";
import { exigerMembreOperateur, exigerRole } from "../autorisations.js";
import { ErreurConflit, ErreurIntrouvable } from "../erreurs.js";
import { casUsage } from "../pipeline.js";

const nom = z
  .string()
  .trim()
  .min(2, "Le nom doit contenir au moins 2 caractères.")
  .max(200, "Le nom est trop long.");
const codeRegion = z
  .string()
  .regex(/^\d{2}$/, "Le code région INSEE comporte 2 chiffres (ex. 84 pour Auvergne-Rhône-Alpes).");

export const schemaOperateur = z.object({
  nom,
  type: z.enum(TYPES_OPERATEUR, {
    error: `Type inconnu ; valeurs possibles : ${TYPES_OPERATEUR.join(", ")}.`,
  }),
  codeRegion: codeRegion.nullish(),
});

export const creerOperateur = casUsage({
  nom: "operateur.creer",
  entree: schemaOperateur,
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "admin");
    return { objetType: "operateur" };
  },
  async executer({ entree, depots, services }) {
    const operateur = {
      id: randomUUID(),
      nom: entree.nom,
      type: entree.type,
      codeRegion: entree.codeRegion ?? null,
      creeLe: services.horloge.maintenant().toISOString(),
    };
    await depots.operateurs.creer(operateur);
    return { ...operateur, version: 1 };
  },
  audit: (_e, r) => ({ objetType: "operateur", objetId: r.id }),
});

export const modifierOperateur = casUsage({
  nom: "operateur.modifier",
  entree: schemaOperateur.extend({
    id: z.uuid("Identifiant d'opérateur invalide."),
    version: z.number().int().positive(),
  }),
  autoriser: ({ acteur, entree }) => {
    exigerRole(acteur, "admin");
    return { objetType: "operateur", objetId: entree.id };
  },
  async executer({ entree, depots }) {
    const ok = await depots.operateurs.modifier(entree.id, entree.version, {
      nom: entree.nom,
      type: entree.type,
      codeRegion: entree.codeRegion ?? null,
    });
    if (!ok) {
      const courant = await depots.operateurs.parId(entree.id);
      if (!courant) throw new ErreurIntrouvable("Cet opérateur n'existe pas.");
      throw new ErreurConflit(undefined, courant.version);
    }
    return (await depots.operateurs.parId(entree.id))!;
  },
});

export const listerOperateurs = casUsage({
  nom: "operateur.lister",
  entree: z.object({}),
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "admin", "responsable", "conseiller");
    return {};
  },
  async executer({ acteur, depots }) {
    const tous = await depots.operateurs.lister();
    if (acteur.type === "compte" && acteur.role !== "admin")
      return tous.filter((o) => o.id === acteur.operateurId);
    return tous;
  },
  audit: false,
});

export const lireOperateur = casUsage({
  nom: "operateur.lire",
  entree: z.object({ id: z.uuid("Identifiant d'opérateur invalide.") }),
  autoriser: ({ acteur, entree }) => {
    exigerMembreOperateur(acteur, entree.id);
    return {};
  },
  async executer({ entree, depots }) {
    const operateur = await depots.operateurs.parId(entree.id);
    if (!operateur) throw new ErreurIntrouvable("Cet opérateur n'existe pas.");
    const sites = await depots.sites.listerParOperateur(entree.id);
    return { ...operateur, sites };
  },
  audit: false,
});

export const creerSite = casUsage({
  nom: "site.creer",
  entree: z.object({
    operateurId: z.uuid("Identifiant d'opérateur invalide."),
    nom,
    adresse: z.string().trim().max(300, "L'adresse est trop longue.").nullish(),
    codePostal: z
      .string()
      .regex(/^\d{5}$/, "Le code postal comporte 5 chiffres.")
      .nullish(),
    commune: z.string().trim().max(200, "Le nom de commune est trop long.").nullish(),
  }),
  autoriser: ({ acteur, entree }) => {
    const a = exigerMembreOperateur(acteur, entree.operateurId);
    if (a.role === "conseiller") exigerRole(acteur, "responsable", "admin");
    return { objetType: "site" };
  },
  async executer({ entree, depots, services }) {
    if (!(await depots.operateurs.parId(entree.operateurId)))
      throw new ErreurIntrouvable("Cet opérateur n'existe pas.");
    const site = {
      id: randomUUID(),
      operateurId: entree.operateurId,
      nom: entree.nom,
      adresse: entree.adresse ?? null,
      codePostal: entree.codePostal ?? null,
      commune: entree.commune ?? null,
      creeLe: services.horloge.maintenant().toISOString(),
    };
    await depots.sites.creer(site);
    return { ...site, version: 1 };
  },
  audit: (_e, r) => ({ objetType: "site", objetId: r.id }),
});
