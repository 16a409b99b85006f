import { z } from "zod";
import { rechercherCommunes } from "../../app/territoires/territoires.js";
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
}
