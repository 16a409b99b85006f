import { z } from "zod";
import { lireParcours, listerParcours } from "../../app/parcours/parcours.js";
import { exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

export async function routesParcours(app: App, o: OptionsServeur) {
  const tags = ["Parcours"];
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/parcours",
    cas: listerParcours,
    resume: "Parcours visibles : les siens (bénéficiaire) ou ceux de son opérateur (personnel)",
    tags,
    schema: { querystring: z.object({ mesDossiers: z.enum(["true", "false"]).optional() }) },
    entree: (req) => ({ mesDossiers: (req.query as { mesDossiers?: string }).mesDossiers === "true" }),
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/parcours/:id",
    cas: lireParcours,
    resume: "Lire un parcours (dossier CEP)",
    tags,
    schema: { params: z.object({ id: z.uuid() }) },
  });
}
