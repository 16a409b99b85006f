import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ServicesApp } from "../../src/app/pipeline.js";
import { chargerDemo, MOT_DE_PASSE_DEMO } from "../../src/cli/demo.js";
import { type App, construireServeur } from "../../src/http/serveur.js";
import { creerHachage } from "../../src/infra/hachage.js";
import { creerMessagerie } from "../../src/infra/messagerie.js";
import { importerReferentiels } from "../../src/referentiels/import.js";
import { creerReferentielsOrientation } from "../../src/referentiels/orientation.js";
import { ServiceReferentiels } from "../../src/referentiels/service.js";
import { creerServiceTerritoires } from "../../src/referentiels/territoires.js";
import { baseRepond } from "../../src/storage/base.js";
import type { FabriqueBase } from "./bases.js";

/** Les fichiers officiels des référentiels : CEP_REFERENTIELS_DIR, sinon ../shared/data. */
export function dossierReferentiels(): string {
  const d = process.env.CEP_REFERENTIELS_DIR ?? path.resolve("../shared/data");
  if (!existsSync(d)) throw new Error(`Référentiels introuvables : ${d} (définissez CEP_REFERENTIELS_DIR).`);
  return d;
}

/**
 * Un serveur complet (vrai Fastify, vraie base, vrais courriels .eml) sur lequel les tests HTTP
 * envoient des requêtes avec `inject` ; données de démonstration chargées.
 */
export async function environnement(
  fabrique: FabriqueBase,
  options: { rateLimitPublic?: number; demo?: boolean; referentiels?: boolean } = {},
) {
  const base = await fabrique.ouvrir();
  const referentiels = new ServiceReferentiels(base);
  if (options.referentiels) {
    let t = Date.now();
    await importerReferentiels(base, dossierReferentiels());
    if (process.env.DEBUG_REF) console.log("import", Date.now() - t);
    t = Date.now();
    await referentiels.recharger();
    if (process.env.DEBUG_REF) console.log("index", Date.now() - t);
  }
  const dossierMails = mkdtempSync(path.join(tmpdir(), "cep-mails-"));
  const territoires = creerServiceTerritoires();
  const services: ServicesApp = {
    stockage: base,
    messagerie: creerMessagerie({ dossier: dossierMails, expediteur: "CEP <test@cep.invalid>" }),
    horloge: { maintenant: () => new Date() },
    hachage: creerHachage(),
    metiers: referentiels,
    territoires,
    parametres: {
      publicUrl: "http://cep.test",
      rateLimitConnexion: 50,
      verrouillageEchecs: 5,
      verrouillageMinutes: 15,
      sessionHeures: 12,
    },
    orientation: creerReferentielsOrientation(
      process.env.CEP_REFERENTIELS_DIR ?? path.resolve("../shared/data"),
      territoires,
    ),
  };
  if (options.demo !== false) await chargerDemo(base, services.hachage);
  const app: App = await construireServeur({
    services,
    base: { type: base.type, repond: () => baseRepond(base.db) },
    rateLimitPublic: options.rateLimitPublic ?? 10_000,
    cookieSecurise: false,
    niveauJournal: "silent",
    referentiels: () => referentiels.etat(),
  });
  await app.ready();

  async function connecter(email: string, motDePasse = MOT_DE_PASSE_DEMO) {
    const r = await app.inject({ method: "POST", url: "/api/v1/session", payload: { email, motDePasse } });
    if (r.statusCode !== 201) throw new Error(`connexion de ${email} impossible : ${r.statusCode} ${r.body}`);
    const cookie = r.cookies.find((c) => c.name === "cep_session")!;
    return {
      cookie: `cep_session=${cookie.value}`,
      csrf: r.json().jetonCsrf as string,
      compte: r.json().compte,
    };
  }

  type Session = Awaited<ReturnType<typeof connecter>>;
  function requete(
    methode: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    session?: Session,
    corps?: unknown,
  ) {
    return app.inject({
      method: methode,
      url,
      headers: {
        ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}),
        ...(corps !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(corps !== undefined ? { payload: JSON.stringify(corps) } : {}),
    });
  }

  function courriels() {
    return readdirSync(dossierMails)
      .sort()
      .map((f) => readFileSync(path.join(dossierMails, f), "utf8"));
  }

  return {
    app,
    base,
    referentiels,
    services,
    connecter,
    requete,
    courriels,
    async fermer() {
      await app.close();
      await base.detruire();
      rmSync(dossierMails, { recursive: true, force: true });
    },
  };
}

export type Environnement = Awaited<ReturnType<typeof environnement>>;
