import { z } from "zod";
import { deposerDemande, listerOperateursAccueil } from "../../app/accueil/demandes.js";
import { enregistrerEtatDesLieux, lireEtatDesLieux } from "../../app/accueil/etatDesLieux.js";
import { exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

const tags = ["Accueil"];
const id = z.object({ id: z.uuid() });
const avecId = (req: { body: unknown; params: unknown }) => ({
  ...((req.body as object) ?? {}),
  ...(req.params as object),
});

export async function routesAccueil(app: App, o: OptionsServeur) {
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/accueil/operateurs",
    cas: listerOperateursAccueil,
    publique: true,
    resume: "Opérateurs présents sur la plateforme (pour adresser une demande)",
    tags,
    entree: () => ({}),
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/accueil/demandes",
    cas: deposerDemande,
    publique: true,
    statut: 201,
    resume: "Déposer une demande de CEP auprès d'un opérateur (crée le compte et un parcours de niveau 1)",
    tags,
    schema: { body: deposerDemande.entree },
    // Ni identifiant de compte ni de parcours dans la réponse publique : seulement l'opérateur destinataire.
    repondre: (reply, r) =>
      reply.status(201).send({
        operateur: r.operateur,
        message: `Votre demande est transmise à ${r.operateur.nom}. Un courriel vous a été envoyé pour la suite.`,
      }),
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/parcours/:id/etat-des-lieux",
    cas: lireEtatDesLieux,
    resume: "État des lieux de niveau 1 du parcours (null s'il n'est pas encore rempli)",
    tags: ["Parcours"],
    schema: { params: id },
  });
  exposer(app, o.services, {
    methode: "PUT",
    url: "/api/v1/parcours/:id/etat-des-lieux",
    cas: enregistrerEtatDesLieux,
    resume:
      "Remplir ou modifier l'état des lieux de niveau 1 (version lue, 0 la première fois : 409 si elle a changé)",
    tags: ["Parcours"],
    entree: avecId,
    schema: { params: id, body: enregistrerEtatDesLieux.entree.omit({ id: true }) },
  });
}
