import { lireParametresFinancement, surchargerParametre } from "../../app/financement/parametres.js";
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
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/financement/parametres",
    cas: lireParametresFinancement,
    publique: true,
    resume: "Catalogue des dispositifs et paramètres datés (valeurs, dates d'effet, sources, surcharges)",
    tags,
    entree: () => ({}),
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/financement/parametres/:id/valeurs",
    cas: surchargerParametre,
    resume: "Fixer une nouvelle valeur datée d'un paramètre (administrateur ; historique conservé)",
    tags,
    statut: 201,
    schema: { body: surchargerParametre.entree.omit({ id: true }) },
  });
}
