import { simulerFinancement } from "../../app/financement/simulation.js";
import { exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

const tags = ["Financement"];

export async function routesFinancement(app: App, o: OptionsServeur) {
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/financement/simulation",
    cas: simulerFinancement,
    publique: true,
    resume: "Estimer les financements possibles d'une action (formation, bilan, VAE, permis B)",
    tags,
    schema: { body: simulerFinancement.entree },
  });
}
