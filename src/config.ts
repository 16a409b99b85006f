import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Publication officielle du ROME 4.0 (open data France Travail, archive « RefRomeCsv »). */
export const URL_ROME_PAR_DEFAUT =
  "https://www.francetravail.org/files/live/sites/peorg/files/documents/Statistiques-et-analyses/Open-data/ROME/RefRomeCsv.zip";

/**
 * Configuration lue une seule fois au démarrage depuis l'environnement, validée par zod.
 * Toute valeur incorrecte arrête le programme avec un message en français qui nomme la variable,
 * la valeur reçue et la forme attendue.
 */

export type BaseDeDonnees = { type: "sqlite"; fichier: string } | { type: "postgresql"; url: string };

const entier = (min: number, max: number, attendu: string) =>
  z
    .string()
    .regex(/^\d+$/, attendu)
    .transform(Number)
    .refine((n) => n >= min && n <= max, attendu);

const booleen = (attendu: string) =>
  z
    .enum(["true", "false", "1", "0", "oui", "non"], { error: attendu })
    .transform((v) => ["true", "1", "oui"].includes(v));

const variables = {
  NODE_ENV: {
    schema: z.enum(["development", "production", "test"], { error: "development, production ou test" }),
    defaut: "development",
    description: "Mode d'exécution ; en production, pas de données de démonstration et cookies `Secure`.",
  },
  HOST: {
    schema: z.string().min(1, "une adresse d'écoute (ex. 127.0.0.1 ou 0.0.0.0)"),
    defaut: "127.0.0.1",
    description: "Adresse d'écoute du serveur HTTP.",
  },
  PORT: {
    schema: entier(0, 65535, "un entier entre 0 et 65535"),
    defaut: "3000",
    description: "Port HTTP du serveur (API et interface web).",
  },
  CEP_DATA_DIR: {
    schema: z.string().min(1, "un chemin de répertoire"),
    defaut: "./var",
    description: "Répertoire des données locales : base SQLite par défaut, courriels `.eml`, sauvegardes.",
  },
  CEP_DATABASE_URL: {
    schema: z
      .string()
      .regex(
        /^(postgres|postgresql):\/\/.+|^sqlite:.+/,
        "une URL postgres://… ou sqlite:chemin/vers/fichier.sqlite",
      )
      .optional(),
    defaut: undefined,
    description:
      "Base de données. Non définie : fichier SQLite `CEP_DATA_DIR/cep.sqlite`. `postgres://…` : PostgreSQL (production). `sqlite:chemin` : autre fichier SQLite.",
  },
  CEP_REFERENTIELS_DIR: {
    schema: z
      .string()
      .refine((p) => existsSync(p) && statSync(p).isDirectory(), "un répertoire existant")
      .optional(),
    defaut: undefined,
    description:
      "Répertoire où lire les fichiers officiels des référentiels (ROME 4.0, BMO…). Les tests et la CI utilisent `../shared/data`.",
  },
  CEP_REFERENTIELS_URL: {
    schema: z
      .string()
      .regex(/^(https?:\/\/.+|aucune)$/, "une URL http(s)://… d'archive zip, ou « aucune »")
      .optional(),
    defaut: URL_ROME_PAR_DEFAUT,
    description:
      "Archive zip du ROME 4.0 téléchargée par `npm start` quand aucune version n'est chargée et que `CEP_REFERENTIELS_DIR` n'est pas définie. `aucune` : ne rien télécharger.",
  },
  CEP_SMTP_URL: {
    schema: z
      .string()
      .regex(/^smtps?:\/\/.+/, "une URL smtp://utilisateur:motdepasse@hote:port ou smtps://…")
      .optional(),
    defaut: undefined,
    description:
      "Serveur d'envoi des courriels. Non définie : les courriels sont écrits en fichiers `.eml` sous `CEP_DATA_DIR/mails`.",
  },
  CEP_MAIL_FROM: {
    schema: z.string().min(3, "une adresse d'expéditeur, ex. « CEP <ne-pas-repondre@exemple.fr> »"),
    defaut: "Conseil en évolution professionnelle <ne-pas-repondre@cep.localhost>",
    description: "Expéditeur des courriels.",
  },
  CEP_PUBLIC_URL: {
    schema: z.url({ error: "une URL http(s)://… sans chemin final" }).optional(),
    defaut: undefined,
    description:
      "Adresse publique du service, utilisée dans les liens envoyés par courriel. Défaut : http://localhost:PORT.",
  },
  CEP_RATE_LIMIT_PUBLIC: {
    schema: entier(1, 1_000_000, "un entier entre 1 et 1000000 (requêtes par minute)"),
    defaut: "120",
    description:
      "Nombre de requêtes par minute et par adresse IP sur les points d'accès publics (sans compte).",
  },
  CEP_RATE_LIMIT_CONNEXION: {
    schema: entier(1, 10_000, "un entier entre 1 et 10000 (tentatives par minute)"),
    defaut: "10",
    description: "Tentatives de connexion par minute et par adresse IP.",
  },
  CEP_VERROUILLAGE_ECHECS: {
    schema: entier(1, 100, "un entier entre 1 et 100"),
    defaut: "5",
    description: "Échecs de mot de passe consécutifs avant verrouillage temporaire du compte.",
  },
  CEP_VERROUILLAGE_MINUTES: {
    schema: entier(1, 1440, "un entier entre 1 et 1440 (minutes)"),
    defaut: "15",
    description: "Durée du verrouillage temporaire d'un compte, en minutes.",
  },
  CEP_SESSION_HEURES: {
    schema: entier(1, 720, "un entier entre 1 et 720 (heures)"),
    defaut: "12",
    description: "Durée de vie d'une session sans activité, en heures.",
  },
  CEP_MAINTENANCE_SECONDES: {
    schema: entier(1, 86_400, "un entier entre 1 et 86400 (secondes)"),
    defaut: "3600",
    description:
      "Période de la tâche de purge (sessions expirées, liens usés, compteurs de débit). Avec plusieurs processus, chaque période n'est exécutée qu'une fois.",
  },
  CEP_ANONYMISATION_ANNEES: {
    schema: entier(1, 30, "un entier entre 1 et 30 (années)"),
    defaut: "3",
    description:
      "Années après la clôture au-delà desquelles un parcours inactif est anonymisé (tâche quotidienne ; voir docs/adr/0004-anonymisation-parcours-clos.md).",
  },
  CEP_TACHES: {
    schema: booleen("true ou false"),
    defaut: "true",
    description:
      "Lancer les tâches planifiées (rappels de rendez-vous chaque heure, anonymisation chaque jour) dans `cep serve`.",
  },
  CEP_DEMO: {
    schema: booleen("true ou false"),
    defaut: "true",
    description:
      "Charger les données de démonstration au démarrage quand la base est vide (jamais en production, quelle que soit la valeur).",
  },
  CEP_LOG_LEVEL: {
    schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "fatal, error, warn, info, debug, trace ou silent",
    }),
    defaut: "info",
    description: "Niveau des journaux techniques (qui ne contiennent jamais de données personnelles).",
  },
} as const;

export type NomVariable = keyof typeof variables;

/** Description des variables, pour la documentation (README) et `cep config`. */
export const DOCUMENTATION_VARIABLES = Object.entries(variables).map(([nom, v]) => ({
  nom,
  defaut: v.defaut,
  description: v.description,
}));

export interface Configuration {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  dataDir: string;
  base: BaseDeDonnees;
  referentielsDir: string | undefined;
  /** Archive du ROME à télécharger au démarrage si rien n'est chargé ; undefined : pas de téléchargement. */
  referentielsUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  rateLimitPublic: number;
  rateLimitConnexion: number;
  verrouillageEchecs: number;
  verrouillageMinutes: number;
  sessionHeures: number;
  anonymisationAnnees: number;
  taches: boolean;
  demo: boolean;
  maintenanceSecondes: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

export class ErreurConfiguration extends Error {
  constructor(
    readonly variable: string,
    readonly valeur: string,
    readonly attendu: string,
  ) {
    super(`Configuration invalide : la variable ${variable} vaut « ${valeur} » ; attendu : ${attendu}.`);
    this.name = "ErreurConfiguration";
  }
}

function lire<N extends NomVariable>(
  env: NodeJS.ProcessEnv,
  nom: N,
): z.output<(typeof variables)[N]["schema"]> {
  const def = variables[nom];
  const brut = env[nom] === undefined || env[nom] === "" ? def.defaut : env[nom];
  const res = (def.schema as z.ZodType).safeParse(brut);
  if (!res.success) {
    throw new ErreurConfiguration(nom, String(brut), res.error.issues[0]?.message ?? "une valeur valide");
  }
  return res.data as z.output<(typeof variables)[N]["schema"]>;
}

export function chargerConfiguration(env: NodeJS.ProcessEnv = process.env): Configuration {
  const dataDir = path.resolve(lire(env, "CEP_DATA_DIR"));
  const url = lire(env, "CEP_DATABASE_URL");
  let base: BaseDeDonnees;
  if (url === undefined) base = { type: "sqlite", fichier: path.join(dataDir, "cep.sqlite") };
  else if (url.startsWith("sqlite:"))
    base = { type: "sqlite", fichier: path.resolve(url.slice("sqlite:".length)) };
  else base = { type: "postgresql", url };
  const port = lire(env, "PORT");
  const envMode = lire(env, "NODE_ENV");
  const referentiels = lire(env, "CEP_REFERENTIELS_DIR");
  return {
    env: envMode,
    host: lire(env, "HOST"),
    port,
    dataDir,
    base,
    referentielsDir: referentiels ? path.resolve(referentiels) : undefined,
    referentielsUrl:
      lire(env, "CEP_REFERENTIELS_URL") === "aucune" ? undefined : lire(env, "CEP_REFERENTIELS_URL"),
    smtpUrl: lire(env, "CEP_SMTP_URL"),
    mailFrom: lire(env, "CEP_MAIL_FROM"),
    publicUrl: (lire(env, "CEP_PUBLIC_URL") ?? `http://localhost:${port}`).replace(/\/$/, ""),
    rateLimitPublic: lire(env, "CEP_RATE_LIMIT_PUBLIC"),
    rateLimitConnexion: lire(env, "CEP_RATE_LIMIT_CONNEXION"),
    verrouillageEchecs: lire(env, "CEP_VERROUILLAGE_ECHECS"),
    verrouillageMinutes: lire(env, "CEP_VERROUILLAGE_MINUTES"),
    sessionHeures: lire(env, "CEP_SESSION_HEURES"),
    anonymisationAnnees: lire(env, "CEP_ANONYMISATION_ANNEES"),
    taches: lire(env, "CEP_TACHES"),
    demo: lire(env, "CEP_DEMO") && envMode !== "production",
    maintenanceSecondes: lire(env, "CEP_MAINTENANCE_SECONDES"),
    logLevel: lire(env, "CEP_LOG_LEVEL"),
  };
}
