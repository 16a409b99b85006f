import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  decisionDerogatoire,
  evaluerFaisabilite,
  type Faisabilite,
  STRATEGIES,
  TYPES_CHANGEMENT,
} from "../../domain/competences/faisabilite.js";
import { PROFIL_VIDE } from "../../domain/competences/profil.js";
import { ErreurAccesRefuse, ErreurConflit, ErreurIntrouvable, ErreurValidation } from "../erreurs.js";
import { idParcours, sujetParcours } from "../parcours/commun.js";
import { casUsage, exigerConnecte, type ServicesApp } from "../pipeline.js";
import type { Depots, Parcours, ProjetProfessionnel } from "../ports.js";
import { parcoursDuProfil } from "./profil.js";

/**
 * Projets professionnels du dossier : une ou plusieurs hypothèses (métier visé, type de changement), comparées côte à
 * côte ; une seule est retenue. Pour chaque projet, la faisabilité est calculée à la lecture (écart de compétences,
 * certification exigée, perspectives régionales, stratégies) ; le conseiller confirme la stratégie ou la corrige avec un
 * motif (seul le personnel décide ; le bénéficiaire voit la décision).
 */

const codeRome = z
  .string({ error: "Le métier visé (code ROME) est obligatoire." })
  .regex(/^[A-N]\d{4}$/, "Le métier visé : un code ROME, une lettre de A à N et 4 chiffres (ex. M1607).");
const version = z
  .number({ error: "La version lue est obligatoire (pour détecter les modifications concurrentes)." })
  .int()
  .positive("La version lue est un entier positif.");
const description = z
  .string({ error: "La description est un texte." })
  .trim()
  .max(4000, "La description : 4000 caractères au plus.");

export async function regionDuParcours(depots: Depots, p: Parcours, demandee?: string) {
  if (demandee) return demandee;
  return (await depots.operateurs.parId(p.operateurId))?.codeRegion ?? undefined;
}

/**
 * La faisabilité de chaque projet, avec le profil enregistré, le marché de la région et les certifications liées
 * (écran « Projet » et document de synthèse : le même calcul).
 */
export async function avecFaisabilite(
  depots: Depots,
  services: ServicesApp,
  projets: ProjetProfessionnel[],
  region: string | undefined,
): Promise<(ProjetProfessionnel & { faisabilite: Faisabilite | null })[]> {
  const moteur = services.metiers?.moteurPistes?.();
  if (!projets.length) return [];
  const profil = (await depots.competences.profil(projets[0]!.parcoursId))?.profil ?? PROFIL_VIDE;
  const marche = region ? services.metiers?.marcheRegion?.(region) : undefined;
  return Promise.all(
    projets.map(async (p) => {
      const fiche = moteur?.fiche(p.codeRome);
      if (!fiche) return { ...p, faisabilite: null };
      const v3 = (await depots.referentiels.fiche(p.codeRome))?.codeRomeParent ?? p.codeRome;
      const certifications = await depots.referentiels.certificationsDuRome([...new Set([p.codeRome, v3])]);
      return {
        ...p,
        faisabilite: evaluerFaisabilite({
          cible: {
            codeRome: fiche.codeRome,
            libelle: fiche.libelle,
            reglemente: fiche.reglemente,
            items: fiche.items.map((i) => ({
              codeOgr: i.codeOgr,
              libelle: i.libelle,
              coeurMetier: i.coeurMetier,
              poids: i.poids,
            })),
          },
          competences: profil.competences,
          experienceDansLeMetier: profil.experiences.some((e) => e.appellation?.codeRome === p.codeRome),
          marche: marche?.get(p.codeRome),
          certifications,
        }),
      };
    }),
  );
}

export const listerProjets = casUsage({
  nom: "parcours.projets.lister",
  entree: z.object({
    id: idParcours,
    region: z
      .string()
      .regex(/^\d{2,3}$/, "La région est un code INSEE de région (ex. 84).")
      .optional(),
  }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await parcoursDuProfil(acteur, depots, entree.id));
  },
  async executer({ entree, depots, services }) {
    const p = (await depots.parcours.parId(entree.id))!;
    const region = await regionDuParcours(depots, p, entree.region);
    const projets = await avecFaisabilite(
      depots,
      services,
      await depots.competences.projets(entree.id),
      region,
    );
    const certifications = await depots.referentiels.versionActive("certifications");
    return {
      projets,
      region: region ?? null,
      sources: [
        "France Travail, ROME 4.0",
        ...(region ? ["France Travail, enquête BMO 2025"] : []),
        ...(certifications ? [`France compétences, ${certifications.version} (RNCP et RS)`] : []),
      ],
    };
  },
});

function ficheVisee(services: ServicesApp, code: string) {
  const fiche = services.metiers?.moteurPistes?.()?.fiche(code);
  if (!fiche)
    throw new ErreurValidation([
      { champ: "codeRome", message: `Le code ${code} n'est pas une fiche du ROME en vigueur.` },
    ]);
  return fiche;
}

export const creerProjet = casUsage({
  nom: "parcours.projets.creer",
  entree: z
    .object({
      id: idParcours,
      codeRome,
      typeChangement: z.enum(TYPES_CHANGEMENT, {
        error:
          "Le type de changement est mobilite, reconversion, creation_reprise, developpement_competences ou certification.",
      }),
      description: description.optional(),
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await parcoursDuProfil(acteur, depots, entree.id, true));
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const fiche = ficheVisee(services, entree.codeRome);
    const existants = await depots.competences.projets(entree.id);
    if (existants.filter((p) => p.statut !== "abandonne").length >= 10)
      throw new ErreurValidation([
        {
          champ: "codeRome",
          message: "Dix hypothèses de projet sont déjà ouvertes : abandonnez-en une d'abord.",
        },
      ]);
    const maintenant = services.horloge.maintenant().toISOString();
    const projet: ProjetProfessionnel = {
      id: randomUUID(),
      parcoursId: entree.id,
      codeRome: fiche.codeRome,
      libelleMetier: fiche.libelle,
      typeChangement: entree.typeChangement,
      description: entree.description || null,
      statut: "hypothese",
      decision: null,
      version: 1,
      auteurId: acteur.compteId,
      creeLe: maintenant,
      modifieLe: maintenant,
    };
    await depots.competences.creerProjet(projet);
    return { projet };
  },
});

async function projetAutorise(
  acteur: Parameters<typeof parcoursDuProfil>[0],
  depots: Depots,
  parcoursId: string,
  projetId: string,
) {
  const parcours = await parcoursDuProfil(acteur, depots, parcoursId, true);
  const projet = await depots.competences.projet(projetId);
  if (!projet || projet.parcoursId !== parcoursId)
    throw new ErreurIntrouvable("Ce projet n'existe pas dans ce dossier.");
  return { parcours, projet };
}

const conflit = (v?: number) =>
  new ErreurConflit(
    "Ce projet a été modifié entre-temps (par la personne ou un autre conseiller). Rechargez-le, puis refaites votre modification.",
    v,
  );

export const modifierProjet = casUsage({
  nom: "parcours.projets.modifier",
  entree: z
    .object({
      id: idParcours,
      projetId: z.uuid("Identifiant de projet invalide."),
      version,
      codeRome: codeRome.optional(),
      typeChangement: z
        .enum(TYPES_CHANGEMENT, {
          error:
            "Le type de changement est mobilite, reconversion, creation_reprise, developpement_competences ou certification.",
        })
        .optional(),
      description: description.nullable().optional(),
      /** « retenu » : ce projet devient le projet choisi, les autres hypothèses retenues redeviennent des hypothèses. */
      statut: z
        .enum(["hypothese", "retenu", "abandonne"], {
          error: "Le statut est « hypothese », « retenu » ou « abandonne ».",
        })
        .optional(),
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours((await projetAutorise(acteur, depots, entree.id, entree.projetId)).parcours);
  },
  async executer({ entree, depots, services }) {
    const maintenant = services.horloge.maintenant().toISOString();
    const fiche = entree.codeRome ? ficheVisee(services, entree.codeRome) : undefined;
    if (entree.statut === "retenu")
      for (const autre of await depots.competences.projets(entree.id))
        if (autre.id !== entree.projetId && autre.statut === "retenu")
          await depots.competences.modifierProjet(autre.id, autre.version, {
            statut: "hypothese",
            modifieLe: maintenant,
          });
    const ok = await depots.competences.modifierProjet(entree.projetId, entree.version, {
      ...(fiche ? { codeRome: fiche.codeRome, libelleMetier: fiche.libelle, decision: null } : {}),
      ...(entree.typeChangement ? { typeChangement: entree.typeChangement } : {}),
      ...(entree.description !== undefined ? { description: entree.description || null } : {}),
      ...(entree.statut ? { statut: entree.statut } : {}),
      modifieLe: maintenant,
    });
    const projet = await depots.competences.projet(entree.projetId);
    if (!ok) throw conflit(projet?.version);
    return { projet: projet! };
  },
});

/** Le conseiller confirme les stratégies recommandées, ou en choisit d'autres en donnant le motif. */
export const deciderStrategie = casUsage({
  nom: "parcours.projets.strategie",
  entree: z
    .object({
      id: idParcours,
      projetId: z.uuid("Identifiant de projet invalide."),
      version,
      strategies: z
        .array(z.enum(STRATEGIES, { error: "Une stratégie est formation, vae ou bilan_competences." }), {
          error: "Les stratégies retenues sont attendues (liste, éventuellement vide).",
        })
        .max(3),
      motif: z.string().trim().max(2000, "Le motif : 2000 caractères au plus.").optional(),
      region: z
        .string()
        .regex(/^\d{2,3}$/, "La région est un code INSEE de région (ex. 84).")
        .optional(),
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    const { parcours } = await projetAutorise(acteur, depots, entree.id, entree.projetId);
    if (acteur.type === "compte" && acteur.role === "beneficiaire")
      throw new ErreurAccesRefuse(
        "La stratégie est confirmée par votre conseiller ou conseillère, avec vous.",
        sujetParcours(parcours),
      );
    return sujetParcours(parcours);
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const parcours = (await depots.parcours.parId(entree.id))!;
    const projet = (await depots.competences.projet(entree.projetId))!;
    const region = await regionDuParcours(depots, parcours, entree.region);
    const [evalue] = await avecFaisabilite(depots, services, [projet], region);
    const strategies = [...new Set(entree.strategies)];
    if (evalue?.faisabilite && decisionDerogatoire(evalue.faisabilite.options, strategies) && !entree.motif)
      throw new ErreurValidation([
        {
          champ: "motif",
          message:
            "Votre choix s'écarte des stratégies recommandées : indiquez le motif (il figurera au dossier et dans la synthèse).",
        },
      ]);
    const maintenant = services.horloge.maintenant().toISOString();
    const ok = await depots.competences.modifierProjet(entree.projetId, entree.version, {
      decision: { strategies, motif: entree.motif || null, decidePar: acteur.compteId, decideLe: maintenant },
      modifieLe: maintenant,
    });
    const apres = await depots.competences.projet(entree.projetId);
    if (!ok) throw conflit(apres?.version);
    return { projet: apres! };
  },
});
