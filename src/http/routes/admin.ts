import { z } from "zod";
import { creerCompte, lireCompte, listerComptes } from "../../app/comptes/comptes.js";
import {
  creerOperateur,
  creerSite,
  lireOperateur,
  listerOperateurs,
  modifierOperateur,
} from "../../app/operateurs/operateurs.js";
import { exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

const id = z.object({ id: z.uuid() });

export async function routesAdmin(app: App, o: OptionsServeur) {
  const s = o.services;
  const tags = ["Organisations"];
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/operateurs",
    cas: listerOperateurs,
    resume: "Lister les opérateurs visibles",
    tags,
    entree: () => ({}),
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/operateurs",
    cas: creerOperateur,
    resume: "Créer un opérateur CEP (admin)",
    tags,
    statut: 201,
    schema: { body: creerOperateur.entree },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/operateurs/:id",
    cas: lireOperateur,
    resume: "Lire un opérateur et ses sites",
    tags,
    schema: { params: id },
  });
  exposer(app, s, {
    methode: "PUT",
    url: "/api/v1/operateurs/:id",
    cas: modifierOperateur,
    resume: "Modifier un opérateur (avec sa version : 409 si elle a changé)",
    tags,
    schema: { params: id, body: modifierOperateur.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/operateurs/:id/sites",
    cas: creerSite,
    resume: "Créer un site d'un opérateur",
    tags,
    statut: 201,
    entree: (req) => ({ ...(req.body as object), operateurId: (req.params as { id: string }).id }),
    schema: { params: id, body: creerSite.entree.omit({ operateurId: true }) },
  });

  const tagsComptes = ["Session et comptes"];
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/comptes",
    cas: listerComptes,
    resume: "Lister les comptes (admin : tous ; responsable : le personnel de son opérateur)",
    tags: tagsComptes,
    schema: { querystring: listerComptes.entree },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/comptes",
    cas: creerCompte,
    resume: "Créer un compte ; sans mot de passe, un lien d'activation est envoyé",
    tags: tagsComptes,
    statut: 201,
    schema: { body: creerCompte.entree },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/comptes/:id",
    cas: lireCompte,
    resume: "Lire un compte (soi-même, son personnel, ou un bénéficiaire suivi par son opérateur)",
    tags: tagsComptes,
    schema: { params: id },
  });
}
