import type { FastifyReply, FastifyRequest } from "fastify";
import { anonyme } from "../app/acteur.js";
import { hacherJeton } from "../app/comptes/seConnecter.js";
import { ErreurAccesRefuse } from "../app/erreurs.js";
import type { ServicesApp } from "../app/pipeline.js";

/** Sessions en base : le cookie porte un jeton aléatoire, la base n'en garde que l'empreinte SHA-256. */
export const COOKIE_SESSION = "cep_session";
export const ENTETE_CSRF = "x-csrf-token";

export async function chargerSession(req: FastifyRequest, services: ServicesApp) {
  req.acteur = anonyme(req.ip);
  const jeton = req.cookies[COOKIE_SESSION];
  if (!jeton) return;
  const maintenant = services.horloge.maintenant();
  const id = hacherJeton(jeton);
  const session = await services.stockage.depots.sessions.trouver(id, maintenant.toISOString());
  if (!session) return;
  req.sessionId = id;
  req.jetonCsrf = session.jetonCsrf;
  req.acteur = {
    type: "compte",
    compteId: session.compte.id,
    role: session.compte.role,
    operateurId: session.compte.operateurId,
    ip: req.ip,
  };
  // Expiration glissante : prolongée quand plus de la moitié de la durée est écoulée.
  const dureeMs = services.parametres.sessionHeures * 3_600_000;
  if (Date.parse(session.expireLe) - maintenant.getTime() < dureeMs / 2)
    await services.stockage.depots.sessions.prolonger(
      id,
      new Date(maintenant.getTime() + dureeMs).toISOString(),
    );
}

/** Toute écriture authentifiée par cookie doit présenter le jeton CSRF de la session (en-tête x-csrf-token). */
export function verifierCsrf(req: FastifyRequest) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return;
  if (!req.sessionId) return;
  if (req.headers[ENTETE_CSRF] !== req.jetonCsrf)
    throw new ErreurAccesRefuse(
      "Jeton de sécurité (CSRF) manquant ou invalide : rechargez la page puis réessayez.",
    );
}

/** Cookie de session du navigateur (sans date) : l'expiration, glissante, est tenue par la base. */
export function poserCookieSession(reply: FastifyReply, jeton: string, securise: boolean) {
  reply.setCookie(COOKIE_SESSION, jeton, { httpOnly: true, sameSite: "lax", secure: securise, path: "/" });
}

export function effacerCookieSession(reply: FastifyReply, securise: boolean) {
  reply.clearCookie(COOKIE_SESSION, { httpOnly: true, sameSite: "lax", secure: securise, path: "/" });
}
