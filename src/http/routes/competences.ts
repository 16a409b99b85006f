import { z } from "zod";
import { explorerPistes, proposerCompetences } from "../../app/competences/pistes.js";
import {
  enregistrerProfil,
  lireProfil,
  pistesDuProfil,
  retenirPiste,
  retirerPiste,
} from "../../app/competences/profil.js";
import {
  creerProjet,
  deciderStrategie,
  listerProjets,
  modifierProjet,
} from "../../app/competences/projets.js";
import { corpsEtParametres, exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

const tags = ["Compétences et pistes métiers"];

const competence = z.object({
  codeOgr: z.string(),
  libelle: z.string(),
  rubrique: z.enum(["savoir_faire", "savoir_etre", "savoir", "contexte"]),
  coeurMetier: z.boolean(),
  voisine: z.object({ codeOgr: z.string(), libelle: z.string() }).optional(),
});

export const schemaPiste = z.object({
  codeRome: z.string(),
  libelle: z.string(),
  score: z.number(),
  couverture: z.number(),
  competencesAcquises: z.array(competence),
  competencesAAcquerir: z.array(competence),
  mobilite: z.boolean(),
  mobiliteDepuis: z.array(z.string()),
  riasec: z.object({
    majeur: z.string().nullable(),
    mineur: z.string().nullable(),
    concordance: z.boolean(),
  }),
  emploiReglemente: z.boolean(),
  emploiCadre: z.boolean(),
  transitionEcologique: z.boolean(),
  marche: z
    .object({
      region: z.string(),
      projets: z.number().nullable(),
      partDifficiles: z.number().nullable(),
      partSaisonniers: z.number().nullable(),
      rang: z.number().nullable(),
      nombreMetiers: z.number(),
    })
    .optional(),
  explication: z.array(z.string()),
});

const id = z.object({ id: z.uuid() });
const tagsDossier = ["Parcours : profil, pistes et projets"];

export async function routesCompetences(app: App, o: OptionsServeur) {
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/parcours/:id/profil",
    cas: lireProfil,
    resume:
      "Profil de compétences du dossier (expériences, formations, compétences, centres d'intérêt) et pistes retenues",
    tags: tagsDossier,
    schema: { params: id },
  });
  exposer(app, o.services, {
    methode: "PUT",
    url: "/api/v1/parcours/:id/profil",
    cas: enregistrerProfil,
    resume: "Enregistrer le profil de compétences (version lue, 0 la première fois : 409 si elle a changé)",
    tags: tagsDossier,
    entree: corpsEtParametres,
    schema: { params: id, body: enregistrerProfil.entree.omit({ id: true }) },
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/parcours/:id/pistes",
    cas: pistesDuProfil,
    resume:
      "Pistes métiers calculées à partir du profil enregistré (filtres : région, transition écologique…)",
    tags: tagsDossier,
    schema: { params: id, querystring: pistesDuProfil.entree.omit({ id: true }) },
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/parcours/:id/pistes-retenues",
    cas: retenirPiste,
    statut: 201,
    resume: "Retenir une piste pour en parler en entretien",
    tags: tagsDossier,
    entree: corpsEtParametres,
    schema: { params: id, body: retenirPiste.entree.omit({ id: true }) },
  });
  exposer(app, o.services, {
    methode: "DELETE",
    url: "/api/v1/parcours/:id/pistes-retenues/:codeRome",
    cas: retirerPiste,
    resume: "Retirer une piste retenue",
    tags: tagsDossier,
    schema: { params: z.object({ id: z.uuid(), codeRome: z.string() }) },
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/parcours/:id/projets",
    cas: listerProjets,
    resume:
      "Projets professionnels du dossier, chacun avec sa faisabilité (écart, certification, marché, stratégies)",
    tags: tagsDossier,
    schema: { params: id },
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/parcours/:id/projets",
    cas: creerProjet,
    statut: 201,
    resume: "Ajouter une hypothèse de projet (métier visé, type de changement)",
    tags: tagsDossier,
    entree: corpsEtParametres,
    schema: { params: id, body: creerProjet.entree.omit({ id: true }) },
  });
  exposer(app, o.services, {
    methode: "PATCH",
    url: "/api/v1/parcours/:id/projets/:projetId",
    cas: modifierProjet,
    resume: "Modifier un projet, le retenir ou l'abandonner (version lue : 409 si elle a changé)",
    tags: tagsDossier,
    entree: corpsEtParametres,
    schema: {
      params: z.object({ id: z.uuid(), projetId: z.uuid() }),
      body: modifierProjet.entree.omit({ id: true, projetId: true }),
    },
  });
  exposer(app, o.services, {
    methode: "PUT",
    url: "/api/v1/parcours/:id/projets/:projetId/strategie",
    cas: deciderStrategie,
    resume:
      "Confirmer ou corriger (avec motif) la stratégie du projet : formation, VAE, bilan de compétences",
    tags: tagsDossier,
    entree: corpsEtParametres,
    schema: {
      params: z.object({ id: z.uuid(), projetId: z.uuid() }),
      body: deciderStrategie.entree.omit({ id: true, projetId: true }),
    },
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/pistes-metiers",
    cas: explorerPistes,
    publique: true,
    resume: "Pistes métiers expliquées à partir de métiers exercés et de compétences (sans compte)",
    tags,
    schema: {
      body: explorerPistes.entree,
      response: {
        200: z.object({
          pistes: z.array(schemaPiste),
          /** Régions couvertes par l'enquête BMO chargée, pour choisir la région. */
          regions: z.array(z.object({ code: z.string(), nom: z.string() })),
          source: z.string(),
        }),
      },
    },
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/competences/propositions",
    cas: proposerCompetences,
    publique: true,
    resume: "Compétences ROME proposées à partir de métiers exercés, cœur de métier d'abord (sans compte)",
    tags,
    schema: {
      body: proposerCompetences.entree,
      response: {
        200: z.object({
          competences: z.array(competence.extend({ codeRome: z.string() })),
          source: z.string(),
        }),
      },
    },
  });
}
