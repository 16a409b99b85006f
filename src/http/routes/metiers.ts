import { z } from "zod";
import {
  lireFicheMetier,
  listerDomainesMetiers,
  listerFichesMetiers,
  marcheMetier,
  rechercherMetiers,
} from "../../app/metiers/metiers.js";
import { exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

/** Métiers (ROME 4.0) et marché du travail : lectures publiques d'un référentiel officiel. */
export async function routesMetiers(app: App, o: OptionsServeur) {
  const tags = ["Métiers"];
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/metiers/recherche",
    cas: rechercherMetiers,
    resume: "Rechercher un métier à partir d'un intitulé libre (fautes, abréviations, « H/F »…)",
    tags,
    publique: true,
    schema: { querystring: z.object({ q: z.string(), limit: z.string().optional() }) },
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/metiers/domaines",
    cas: listerDomainesMetiers,
    resume: "Grands domaines et domaines professionnels du ROME",
    tags,
    publique: true,
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/metiers",
    cas: listerFichesMetiers,
    resume: "Fiches métier d'un domaine, ou de la transition écologique",
    tags,
    publique: true,
    schema: {
      querystring: z.object({ domaine: z.string().optional(), transitionEcologique: z.string().optional() }),
    },
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/metiers/:codeRome",
    cas: lireFicheMetier,
    resume:
      "Fiche métier ROME 4.0 complète (définition, accès, appellations, compétences, contextes, mobilités)",
    tags,
    publique: true,
    schema: { params: z.object({ codeRome: z.string() }) },
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/metiers/:codeRome/marche",
    cas: marcheMetier,
    resume: "Projets de recrutement (enquête BMO) du métier, pour une région et pour la France",
    tags,
    publique: true,
    schema: {
      params: z.object({ codeRome: z.string() }),
      querystring: z.object({ region: z.string().optional() }),
    },
  });
}
