import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Acteur } from "../app/acteur.js";
import { fenetreMinute } from "../app/comptes/seConnecter.js";
import { ErreurTropDeRequetes } from "../app/erreurs.js";
import type { ServicesApp } from "../app/pipeline.js";
import { reponseErreur } from "./erreurs.js";
import { routesAccueil } from "./routes/accueil.js";
import { routesAdmin } from "./routes/admin.js";
import { routesCompetences } from "./routes/competences.js";
import { routesDonnees } from "./routes/donnees.js";
import { routesFinancement } from "./routes/financement.js";
import { routesMetiers } from "./routes/metiers.js";
import { routesOrientation } from "./routes/orientation.js";
import { routesParcours } from "./routes/parcours.js";
import { routesPilotage } from "./routes/pilotage.js";
import { routesPlan } from "./routes/plan.js";
import { routesSante } from "./routes/sante.js";
import { routesSession } from "./routes/session.js";
import { routesSynthese } from "./routes/synthese.js";
import { routesTerritoires } from "./routes/territoires.js";
import { chargerSession, verifierCsrf } from "./session.js";

export interface EtatReferentiels {
  [nom: string]: { version: string | null; source?: string };
}

export interface OptionsServeur {
  services: ServicesApp;
  base: { type: "sqlite" | "postgresql"; repond(): Promise<boolean> };
  rateLimitPublic: number;
  cookieSecurise: boolean;
  /** Répertoire du SPA construit (dist/web) ; absent : seule l'API est servie. */
  dossierWeb?: string;
  niveauJournal?: string;
  referentiels?: () => Promise<EtatReferentiels>;
}

declare module "fastify" {
  interface FastifyRequest {
    acteur: Acteur;
    sessionId: string | null;
    jetonCsrf: string | null;
  }
  interface FastifyContextConfig {
    /** Point d'accès public (sans compte) : soumis à la limite de débit par IP. */
    publique?: boolean;
  }
}

export type App = FastifyInstance<
  import("node:http").Server,
  import("node:http").IncomingMessage,
  import("node:http").ServerResponse,
  import("fastify").FastifyBaseLogger,
  ZodTypeProvider
>;

/** Journal technique sans données personnelles : ni corps, ni paramètres de requête, ni cookies. */
const serializers = {
  req: (req: FastifyRequest) => ({
    id: req.id,
    method: req.method,
    route: req.routeOptions?.url ?? req.url.split("?")[0],
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

export async function construireServeur(o: OptionsServeur): Promise<App> {
  const app = Fastify({
    logger: o.niveauJournal === "silent" ? false : { level: o.niveauJournal ?? "info", serializers },
    genReqId: () => randomUUID(),
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  // Une seule validation, celle des cas d'usage (src/app/pipeline.ts) : les schémas des routes servent à l'OpenAPI.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: o.cookieSecurise ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  await app.register(fastifyCookie);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "API du Conseil en évolution professionnelle (CEP)",
        description:
          "API de la plateforme CEP. Les erreurs ont la forme `{erreur:{code, message, champs:[{champ, message}]}}`. Les écritures authentifiées par cookie exigent l'en-tête `x-csrf-token`.",
        version: "0.1.0",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "cep_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    // Swagger UI pose quelques styles en ligne ; les scripts, eux, restent interdits en ligne.
    transformStaticCSP: (entete) =>
      entete.replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'"),
  });

  app.decorateRequest("acteur", null as never);
  app.decorateRequest("sessionId", null);
  app.decorateRequest("jetonCsrf", null);

  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", req.id);
    await chargerSession(req, o.services);
  });
  app.addHook("preHandler", async (req) => {
    verifierCsrf(req);
    if (req.routeOptions.config.publique) {
      const n = await o.services.stockage.depots.limites.incrementer(
        `public:${req.ip}`,
        fenetreMinute(o.services.horloge.maintenant()),
      );
      if (n > o.rateLimitPublic)
        throw new ErreurTropDeRequetes(
          "Trop de requêtes depuis votre adresse. Patientez une minute avant de réessayer.",
        );
    }
  });

  // Arrêt propre : une fois l'écoute fermée, chaque réponse ferme sa connexion pour que le processus puisse s'arrêter
  // dès la dernière requête en cours servie (sans attendre l'expiration des connexions persistantes).
  app.addHook("onSend", async (_req, reply) => {
    if (!app.server.listening) reply.header("connection", "close");
  });

  app.setErrorHandler((erreur, req, reply) => {
    const { statut, corps, entetes } = reponseErreur(erreur);
    if (statut >= 500) req.log.error({ err: erreur }, "erreur interne");
    if (entetes) reply.headers(entetes);
    return reply.status(statut).send(corps);
  });

  app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());
  await routesSante(app, o);
  await routesSession(app, o);
  await routesAdmin(app, o);
  await routesParcours(app, o);
  await routesFinancement(app, o);
  await routesOrientation(app, o);
  await routesAccueil(app, o);
  await routesDonnees(app, o);
  await routesMetiers(app, o);
  await routesCompetences(app, o);
  await routesTerritoires(app, o);
  await routesPilotage(app, o);
  await routesSynthese(app, o);
  await routesPlan(app, o);

  const web = o.dossierWeb && existsSync(path.join(o.dossierWeb, "index.html")) ? o.dossierWeb : undefined;
  if (web) {
    await app.register(fastifyStatic, { root: web, wildcard: false, index: false, maxAge: "1h" });
    app.get("/", { schema: { hide: true } }, (_req, reply) => reply.sendFile("index.html", { maxAge: 0 }));
  }
  app.setNotFoundHandler((req, reply) => {
    if (!req.url.startsWith("/api/") && web && (req.method === "GET" || req.method === "HEAD")) {
      // Application monopage : le routeur React affiche la page, ou la page 404.
      return reply.type("text/html").sendFile("index.html", { maxAge: 0 });
    }
    return reply.status(404).send({
      erreur: {
        code: "introuvable",
        message: `Aucune ressource à l'adresse ${req.url.split("?")[0]}.`,
        champs: [],
      },
    });
  });

  return app as unknown as App;
}
