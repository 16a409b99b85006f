import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  anomaliesProfil,
  appellationsConfirmees,
  competencesDetenues,
  LETTRES_RIASEC,
  lettresDominantes,
  MAITRISES,
  NIVEAUX_CERTIFICATION,
  PROFIL_VIDE,
  type ProfilCompetences,
} from "../../domain/competences/profil.js";
import { chargerParcoursAutorise } from "../autorisations.js";
import { ErreurAccesRefuse, ErreurConflit, ErreurValidation } from "../erreurs.js";
import { idParcours, sujetParcours } from "../parcours/commun.js";
import { casUsage, exigerConnecte, type ServicesApp } from "../pipeline.js";
import type { Depots, Parcours } from "../ports.js";
import { calculerPistes, LIMITE_PISTES_MAX } from "./pistes.js";

/**
 * Profil de compétences du dossier, co-construit : le bénéficiaire (son propre dossier) et les conseillers qui suivent le
 * dossier le lisent et l'enregistrent ; tout ce que la personne saisit est visible de son référent. Chaque lecture et
 * chaque écriture est tracée dans le journal que la personne consulte.
 */

const texte = (max: number, libelle: string) =>
  z
    .string({ error: `${libelle} : texte attendu.` })
    .trim()
    .min(1, `${libelle} : à renseigner.`)
    .max(max, `${libelle} : ${max} caractères au plus.`);
const dateIso = (libelle: string) =>
  z
    .string({ error: `${libelle} : date attendue (AAAA-MM).` })
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, `${libelle} : date attendue au format AAAA-MM ou AAAA-MM-JJ.`);
const codeOgr = z
  .string({ error: "Un code OGR est un nombre (ex. 38055)." })
  .regex(/^\d{1,9}$/, "Un code OGR est un nombre (ex. 38055).");

export const schemaProfil = z
  .object({
    experiences: z
      .array(
        z
          .object({
            id: z.string().max(64).optional(),
            intitule: texte(200, "L'intitulé de l'expérience"),
            appellation: z
              .object({ codeOgr, libelle: z.string().max(300), codeRome: z.string().max(5) })
              .strict()
              .nullable()
              .default(null),
            employeur: z.string().trim().max(200, "L'employeur : 200 caractères au plus.").optional(),
            debut: dateIso("Le début").optional(),
            fin: dateIso("La fin").optional(),
            dureeMois: z
              .number({ error: "La durée est un nombre de mois." })
              .int("La durée est un nombre entier de mois.")
              .min(0, "La durée ne peut pas être négative.")
              .max(720, "La durée : 720 mois au plus.")
              .optional(),
            actuelle: z.boolean().optional(),
          })
          .strict(),
      )
      .max(50, "50 expériences au plus."),
    formations: z
      .array(
        z
          .object({
            id: z.string().max(64).optional(),
            intitule: texte(300, "L'intitulé de la formation"),
            niveau: z.enum(NIVEAUX_CERTIFICATION, {
              error: "Le niveau est « aucun » ou un niveau du cadre national de 3 à 8.",
            }),
            annee: z
              .number({ error: "L'année est un nombre." })
              .int()
              .min(1940, "L'année doit être postérieure à 1940.")
              .max(2100, "L'année doit être antérieure à 2100.")
              .optional(),
            obtenue: z.boolean({ error: "Indiquez si la formation a été obtenue (vrai ou faux)." }),
          })
          .strict(),
      )
      .max(50, "50 formations au plus."),
    competences: z
      .array(
        z
          .object({
            codeOgr: codeOgr.nullable(),
            libelle: texte(300, "Le libellé de la compétence"),
            rubrique: z.enum(["savoir_faire", "savoir_etre", "savoir", "libre"], {
              error: "La rubrique est savoir_faire, savoir_etre, savoir ou libre.",
            }),
            maitrise: z.enum(MAITRISES, {
              error: "La maîtrise est « maitrisee », « partielle » ou « a_acquerir ».",
            }),
          })
          .strict(),
      )
      .max(400, "400 compétences au plus."),
    interets: z
      .record(
        z.enum(LETTRES_RIASEC),
        z.number({ error: "Chaque centre d'intérêt est noté de 0 à 3." }).int().min(0).max(3),
      )
      .nullable()
      .default(null),
  })
  .strict();

/** Charge le parcours et vérifie le droit de le voir ; en écriture, refuse un parcours clos. */
export async function parcoursDuProfil(
  acteur: Parameters<typeof chargerParcoursAutorise>[0],
  depots: Depots,
  id: string,
  ecriture = false,
): Promise<Parcours> {
  const p = await chargerParcoursAutorise(acteur, depots, id);
  if (ecriture && p.statut === "clos")
    throw new ErreurAccesRefuse("Ce parcours est clos : il ne peut plus être modifié.", sujetParcours(p));
  return p;
}

export const lireProfil = casUsage({
  nom: "parcours.profil.lire",
  entree: z.object({ id: idParcours }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await parcoursDuProfil(acteur, depots, entree.id));
  },
  async executer({ entree, depots }) {
    const [p, pistes] = await Promise.all([
      depots.competences.profil(entree.id),
      depots.competences.pistes(entree.id),
    ]);
    return {
      profil: p?.profil ?? PROFIL_VIDE,
      version: p?.version ?? 0,
      modifieLe: p?.modifieLe ?? null,
      pistesRetenues: pistes,
    };
  },
});

/** Vérifie que chaque code OGR existe dans le ROME chargé ; 400 qui nomme le champ sinon. */
function controlerCodes(services: ServicesApp, profil: ProfilCompetences) {
  const moteur = services.metiers?.moteurPistes?.();
  if (!moteur) return;
  const champs: { champ: string; message: string }[] = [];
  profil.experiences.forEach((e, n) => {
    if (!e.appellation) return;
    const a = moteur.appellation(e.appellation.codeOgr);
    if (!a)
      champs.push({
        champ: `experiences.${n}.appellation.codeOgr`,
        message: `Le code ${e.appellation.codeOgr} n'est pas une appellation du ROME en vigueur.`,
      });
    else e.appellation = { codeOgr: e.appellation.codeOgr, libelle: a.libelle, codeRome: a.codeRome };
  });
  profil.competences.forEach((c, n) => {
    if (!c.codeOgr) return;
    const it = moteur.competence(c.codeOgr);
    if (!it)
      champs.push({
        champ: `competences.${n}.codeOgr`,
        message: `Le code ${c.codeOgr} n'est pas une compétence (item) du ROME en vigueur.`,
      });
    else {
      c.libelle = it.libelle;
      if (it.rubrique !== "contexte") c.rubrique = it.rubrique;
    }
  });
  if (champs.length) throw new ErreurValidation(champs);
}

export const enregistrerProfil = casUsage({
  nom: "parcours.profil.enregistrer",
  entree: z
    .object({
      id: idParcours,
      version: z
        .number({ error: "La version lue est obligatoire (0 pour une première saisie)." })
        .int()
        .min(0, "La version lue est un entier positif (0 pour une première saisie)."),
      profil: schemaProfil,
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await parcoursDuProfil(acteur, depots, entree.id, true));
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const profil: ProfilCompetences = {
      experiences: entree.profil.experiences.map((e) => ({ ...e, id: e.id ?? randomUUID() })),
      formations: entree.profil.formations.map((f) => ({ ...f, id: f.id ?? randomUUID() })),
      competences: entree.profil.competences,
      interets: entree.profil.interets
        ? (Object.fromEntries(LETTRES_RIASEC.map((l) => [l, entree.profil.interets?.[l] ?? 0])) as Record<
            (typeof LETTRES_RIASEC)[number],
            number
          >)
        : null,
    };
    const anomalies = anomaliesProfil(profil);
    if (anomalies.length) throw new ErreurValidation(anomalies);
    controlerCodes(services, profil);
    const ok = await depots.competences.enregistrerProfil(
      {
        parcoursId: entree.id,
        profil,
        modifiePar: acteur.compteId,
        modifieLe: services.horloge.maintenant().toISOString(),
      },
      entree.version,
    );
    const actuel = await depots.competences.profil(entree.id);
    if (!ok)
      throw new ErreurConflit(
        "Le profil a été modifié entre-temps (par la personne ou un autre conseiller). Rechargez-le, puis refaites votre modification.",
        actuel?.version,
      );
    return { profil: actuel!.profil, version: actuel!.version, modifieLe: actuel!.modifieLe };
  },
});

/** Les pistes métiers du profil enregistré (compétences détenues, métiers exercés, centres d'intérêt). */
export const pistesDuProfil = casUsage({
  nom: "parcours.pistes.calculer",
  entree: z
    .object({
      id: idParcours,
      region: z
        .string()
        .regex(/^\d{2,3}$/, "La région est un code INSEE de région (ex. 84).")
        .optional(),
      transitionEcologique: z.stringbool().optional(),
      sansEmploiReglemente: z.stringbool().optional(),
      cadre: z.stringbool().optional(),
      limite: z.coerce
        .number({ error: "La limite doit être un nombre." })
        .int()
        .min(1, `La limite doit être comprise entre 1 et ${LIMITE_PISTES_MAX}.`)
        .max(LIMITE_PISTES_MAX, `La limite doit être comprise entre 1 et ${LIMITE_PISTES_MAX}.`)
        .default(20),
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await parcoursDuProfil(acteur, depots, entree.id));
  },
  async executer({ entree, depots, services }) {
    const p = (await depots.competences.profil(entree.id))?.profil ?? PROFIL_VIDE;
    const riasec = lettresDominantes(p.interets).join("");
    const parcours = (await depots.parcours.parId(entree.id))!;
    const regionOperateur = (await depots.operateurs.parId(parcours.operateurId))?.codeRegion ?? null;
    try {
      return {
        regions: services.metiers?.regionsMarche?.() ?? [],
        regionOperateur,
        riasec,
        pistes: calculerPistes(services, {
          appellations: appellationsConfirmees(p),
          competences: competencesDetenues(p),
          region: entree.region,
          riasec: riasec || undefined,
          limite: entree.limite,
          filtres: {
            transitionEcologique: entree.transitionEcologique,
            sansEmploiReglemente: entree.sansEmploiReglemente,
            cadre: entree.cadre,
          },
        }),
      };
    } catch (e) {
      if (e instanceof ErreurValidation && e.champs.some((c) => c.champ === "competences"))
        throw new ErreurValidation([
          {
            champ: "profil",
            message:
              "Le profil est vide : ajoutez au moins une expérience confirmée ou une compétence maîtrisée pour obtenir des pistes.",
          },
        ]);
      throw e;
    }
  },
});

export const retenirPiste = casUsage({
  nom: "parcours.pistes.retenir",
  entree: z
    .object({
      id: idParcours,
      codeRome: z
        .string()
        .regex(/^[A-N]\d{4}$/, "Le code ROME : une lettre de A à N et 4 chiffres (ex. M1607)."),
      commentaire: z.string().trim().max(1000, "Le commentaire : 1000 caractères au plus.").optional(),
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await parcoursDuProfil(acteur, depots, entree.id, true));
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const fiche = services.metiers?.moteurPistes?.()?.fiche(entree.codeRome);
    if (!fiche)
      throw new ErreurValidation([
        { champ: "codeRome", message: `Le code ${entree.codeRome} n'est pas une fiche du ROME en vigueur.` },
      ]);
    await depots.competences.retenirPiste({
      parcoursId: entree.id,
      codeRome: entree.codeRome,
      libelle: fiche.libelle,
      commentaire: entree.commentaire || null,
      auteurId: acteur.compteId,
      creeLe: services.horloge.maintenant().toISOString(),
    });
    return { pistesRetenues: await depots.competences.pistes(entree.id) };
  },
});

export const retirerPiste = casUsage({
  nom: "parcours.pistes.retirer",
  entree: z.object({ id: idParcours, codeRome: z.string().regex(/^[A-N]\d{4}$/, "Code ROME invalide.") }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await parcoursDuProfil(acteur, depots, entree.id, true));
  },
  async executer({ entree, depots }) {
    // Idempotent : retirer une piste déjà retirée (double clic, autre onglet) n'est pas une erreur.
    await depots.competences.retirerPiste(entree.id, entree.codeRome);
    return { pistesRetenues: await depots.competences.pistes(entree.id) };
  },
});
