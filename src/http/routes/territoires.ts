import { z } from "zod";
import { marcheTerritoire, rechercherCommunes } from "../../app/territoires/territoires.js";
import { exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

export async function routesTerritoires(app: App, o: OptionsServeur) {
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/territoires/recherche",
    cas: rechercherCommunes,
    resume: "Communes par code postal ou par nom, avec leur département et leur région",
    tags: ["Territoires"],
    publique: true,
    schema: { querystring: z.object({ q: z.string(), limit: z.string().optional() }) },
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/territoires/:codeRegion/marche",
    cas: marcheTerritoire,
    resume:
      "Métiers qui recrutent le plus, jugés les plus difficiles à pourvoir et de la transition écologique dans une région (enquête BMO), avec leurs fiches ROME",
    tags: ["Territoires"],
    publique: true,
    schema: { params: z.object({ codeRegion: z.string() }) },
  });
}
