import { z } from "zod";
import {
  accuserReceptionSynthese,
  consulterSynthesePartagee,
  demanderCorrectionSynthese,
  documentSynthese,
  donnerAccordPartageSynthese,
  emettreSynthese,
  enregistrerBrouillonSynthese,
  lireSynthese,
  lireVersionSynthese,
  partagerSynthese,
  retirerAccordPartageSynthese,
} from "../../app/synthese/synthese.js";
import type { EnTeteDocument } from "../../documents/commun.js";
import { rendreHtml } from "../../documents/html.js";
import { rendrePdf } from "../../documents/pdf.js";
import type { ContenuSynthese } from "../../domain/synthese.js";
import { corpsEtParametres, exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

/** Document de synthèse : brouillon, émission, PDF et HTML par version, accusé, correction, partage avec accord. */

const id = z.object({ id: z.uuid() });
interface Document {
  format: "pdf" | "html";
  numero: number | null;
  contenu: ContenuSynthese;
  entete: EnTeteDocument;
}

/** Le rendu se fait à chaque lecture depuis le contenu figé : le PDF d'une version dit toujours la même chose. */
async function envoyerDocument(
  reply: import("fastify").FastifyReply,
  d: Document,
  disposition: "inline" | "attachment" = "inline",
) {
  const nom = `synthese-cep-${d.numero ? `v${d.numero}` : "brouillon"}.${d.format}`;
  reply
    .header("content-disposition", `${disposition}; filename="${nom}"`)
    .header("cache-control", "private, no-store");
  if (d.format === "html")
    return reply.type("text/html; charset=utf-8").send(rendreHtml(d.contenu, d.entete));
  return reply.type("application/pdf").send(await rendrePdf(d.contenu, d.entete));
}

export async function routesSynthese(app: App, o: OptionsServeur) {
  const s = o.services;
  const tags = ["Document de synthèse"];
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/synthese",
    cas: lireSynthese,
    resume:
      "Le document de synthèse du parcours : brouillon (conseiller), versions émises, demandes de correction, accords de partage",
    tags,
    schema: { params: id },
  });
  exposer(app, s, {
    methode: "PUT",
    url: "/api/v1/parcours/:id/synthese/brouillon",
    cas: enregistrerBrouillonSynthese,
    resume:
      "Rédiger le brouillon : niveau clos, conclusions, prochaines étapes (version lue, 0 la première fois : 409 si elle a changé)",
    tags,
    entree: corpsEtParametres,
    schema: { params: id, body: enregistrerBrouillonSynthese.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/synthese/versions",
    cas: emettreSynthese,
    statut: 201,
    resume:
      "Émettre le document : fige une nouvelle version (contenu, date, empreinte SHA-256) et prévient la personne",
    tags,
    entree: corpsEtParametres,
    schema: { params: id, body: emettreSynthese.entree.omit({ id: true }) },
  });
  for (const format of ["pdf", "html"] as const)
    exposer(app, s, {
      methode: "GET",
      url: `/api/v1/parcours/:id/synthese.${format}`,
      cas: documentSynthese,
      resume: `Le document de synthèse en ${format.toUpperCase()} : une version émise (?version=N, la dernière par défaut) ou l'aperçu du brouillon (?version=brouillon, conseiller)`,
      tags,
      entree: (req) => ({ ...(req.query as object), ...(req.params as object), format }),
      schema: { params: id, querystring: z.object({ version: z.string().optional() }) },
      repondre: (reply, r) => envoyerDocument(reply, r),
    });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/synthese/versions/:numero",
    cas: lireVersionSynthese,
    resume: "Une version émise : son contenu figé et la vérification de son empreinte SHA-256",
    tags,
    schema: { params: z.object({ id: z.uuid(), numero: z.string() }) },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/synthese/versions/:numero/accuse-reception",
    cas: accuserReceptionSynthese,
    resume: "La personne accuse réception d'une version de son document de synthèse",
    tags,
    entree: corpsEtParametres,
    schema: { params: z.object({ id: z.uuid(), numero: z.string() }) },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/synthese/versions/:numero/corrections",
    cas: demanderCorrectionSynthese,
    statut: 201,
    resume:
      "La personne demande une correction d'une version, avec son commentaire (le référent est prévenu)",
    tags,
    entree: corpsEtParametres,
    schema: {
      params: z.object({ id: z.uuid(), numero: z.string() }),
      body: z.object({ commentaire: z.string() }),
    },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/synthese/accords",
    cas: donnerAccordPartageSynthese,
    statut: 201,
    resume: "La personne donne son accord pour partager sa synthèse avec un destinataire nommé",
    tags,
    entree: corpsEtParametres,
    schema: { params: id, body: donnerAccordPartageSynthese.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/synthese/accords/:accordId/retrait",
    cas: retirerAccordPartageSynthese,
    resume: "La personne retire son accord : les liens déjà envoyés cessent de fonctionner",
    tags,
    entree: corpsEtParametres,
    schema: {
      params: z.object({ id: z.uuid(), accordId: z.uuid() }),
      body: z.object({ version: z.number() }),
    },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/synthese/partages",
    cas: partagerSynthese,
    statut: 201,
    resume:
      "Partager une version avec un tiers par un lien (30 jours) : refusé (403, journalisé) sans l'accord de la personne pour ce destinataire",
    tags,
    entree: corpsEtParametres,
    schema: { params: id, body: partagerSynthese.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/syntheses/partagees/:jeton",
    cas: consulterSynthesePartagee,
    publique: true,
    resume:
      "Lien de partage reçu par le destinataire : le PDF de la version partagée, tant que l'accord n'est pas retiré (consultation journalisée)",
    tags,
    schema: { params: z.object({ jeton: z.string() }) },
    repondre: (reply, r) => envoyerDocument(reply, r, "attachment"),
  });
}
