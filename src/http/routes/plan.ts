import { z } from "zod";
import {
  ajouterContactFinanceur,
  changerStatutAction,
  comparerVersionsPlan,
  convenirPlan,
  enregistrerPlan,
  exporterCalendrierPlan,
  lirePlan,
} from "../../app/plan/plan.js";
import { corpsEtParametres, exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

const tags = ["Plan d'actions"];
const id = z.object({ id: z.uuid() });
/** Plan d'actions, plan de financement, calendrier prévisionnel et versions du plan (docs/plan.md). */
export async function routesPlan(app: App, o: OptionsServeur) {
  const s = o.services;
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/plan",
    cas: lirePlan,
    resume:
      "Plan d'actions en cours (null s'il n'existe pas), historique des versions, bilan du financement et calendrier prévisionnel",
    tags,
    schema: { params: id },
  });
  exposer(app, s, {
    methode: "PUT",
    url: "/api/v1/parcours/:id/plan",
    cas: enregistrerPlan,
    resume:
      "Créer (version 0) ou modifier le plan ; une fois convenu, une modification du contenu crée une nouvelle version et exige son motif (409 si la version lue a changé)",
    tags,
    entree: corpsEtParametres,
    schema: { params: id, body: enregistrerPlan.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/plan/accord",
    cas: convenirPlan,
    resume: "Consigner que la version en cours du plan est convenue avec la personne (date et auteur)",
    tags,
    entree: corpsEtParametres,
    schema: { params: id, body: convenirPlan.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "PUT",
    url: "/api/v1/parcours/:id/plan/actions/:actionId/statut",
    cas: changerStatutAction,
    resume:
      "Changer le statut d'une action (la personne accompagnée : seulement ses propres actions ; 409 si la version lue a changé)",
    tags,
    entree: corpsEtParametres,
    schema: {
      params: z.object({ id: z.uuid(), actionId: z.uuid() }),
      body: changerStatutAction.entree.omit({ id: true, actionId: true }),
    },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/plan/lignes/:ligneId/contacts",
    cas: ajouterContactFinanceur,
    statut: 201,
    resume:
      "Consigner un échange avec un financeur (date, canal, réponse) et, s'il y a lieu, le nouveau statut de la demande",
    tags,
    entree: corpsEtParametres,
    schema: {
      params: z.object({ id: z.uuid(), ligneId: z.uuid() }),
      body: ajouterContactFinanceur.entree.omit({ id: true, ligneId: true }),
    },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/plan/comparaison",
    cas: comparerVersionsPlan,
    resume: "Deux versions du plan côte à côte et leurs différences (?de=1&a=2)",
    tags,
    schema: { params: id, querystring: z.object({ de: z.string(), a: z.string() }) },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/plan/calendrier.ics",
    cas: exporterCalendrierPlan,
    resume: "Calendrier prévisionnel du plan au format iCalendar (.ics)",
    tags,
    schema: { params: id },
    repondre: (reply, r) =>
      reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", 'attachment; filename="plan-d-actions.ics"')
        .header("cache-control", "no-store")
        .send(r.ics),
  });
}
