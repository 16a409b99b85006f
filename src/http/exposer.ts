import type { FastifyReply, FastifyRequest, FastifySchema } from "fastify";
import type { z } from "zod";
import { type CasUsage, executer, type ServicesApp } from "../app/pipeline.js";
import type { App } from "./serveur.js";

/**
 * Expose un cas d'usage en HTTP : la route ne fait que rassembler l'entrée (paramètres, requête, corps),
 * appeler le pipeline et choisir le statut. Les schémas zod décrivent la route dans l'OpenAPI.
 * Chaque route déclarée ici figure dans la table des autorisations (test/http/autorisations.test.ts).
 */
export interface DefinitionRoute<S extends z.ZodType, R> {
  methode: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  cas: CasUsage<S, R>;
  resume: string;
  tags: string[];
  publique?: boolean;
  statut?: number;
  schema?: Omit<FastifySchema, "summary" | "tags">;
  entree?: (req: FastifyRequest) => unknown;
  repondre?: (reply: FastifyReply, resultat: R, req: FastifyRequest) => unknown;
}

/** Registre des routes exposées, pour la table des autorisations et la documentation. */
export const ROUTES_EXPOSEES: { methode: string; url: string; publique: boolean; cas: string }[] = [];

/** Entrée d'une écriture : le corps et les paramètres du chemin (sans la chaîne de requête). */
export const corpsEtParametres = (req: { body: unknown; params: unknown }) => ({
  ...((req.body as object) ?? {}),
  ...(req.params as object),
});

const entreeParDefaut = (req: FastifyRequest) => ({
  ...((req.query as object) ?? {}),
  ...((req.body as object) ?? {}),
  ...((req.params as object) ?? {}),
});

export function exposer<S extends z.ZodType, R>(app: App, services: ServicesApp, d: DefinitionRoute<S, R>) {
  if (!ROUTES_EXPOSEES.some((r) => r.methode === d.methode && r.url === d.url))
    ROUTES_EXPOSEES.push({ methode: d.methode, url: d.url, publique: !!d.publique, cas: d.cas.nom });
  app.route({
    method: d.methode,
    url: d.url,
    config: { publique: !!d.publique },
    schema: {
      summary: d.resume,
      tags: d.tags,
      ...(d.publique ? {} : { security: [{ session: [], csrf: [] }] }),
      ...(d.schema ?? {}),
    },
    handler: async (req, reply) => {
      const resultat = await executer(services, d.cas, (d.entree ?? entreeParDefaut)(req), {
        acteur: req.acteur,
        requeteId: req.id,
      });
      if (d.repondre) return d.repondre(reply, resultat, req);
      if (d.statut === 204) return reply.status(204).send();
      return reply.status(d.statut ?? 200).send(resultat);
    },
  });
}
