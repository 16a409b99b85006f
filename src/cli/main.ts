import path from "node:path";
import { parseArgs } from "node:util";
import { attributionEsco } from "../app/metiers/metiers.js";
import { executerSiLibre } from "../app/taches/planificateur.js";
import {
  type Configuration,
  chargerConfiguration,
  DOCUMENTATION_VARIABLES,
  ErreurConfiguration,
} from "../config.js";
import { creerHachage } from "../infra/hachage.js";
import {
  attributionRome,
  importerReferentiels,
  type ResultatImport,
  referentielsDisponibles,
} from "../referentiels/import.js";
import type { ServiceReferentiels } from "../referentiels/service.js";
import { type Base, ouvrirBase } from "../storage/base.js";
import { restaurerSqlite, sauvegarderSqlite } from "../storage/sauvegarde.js";
import { assembler, creerServices } from "./assemblage.js";
import { COMPTES_DEMO, chargerDemo, MOT_DE_PASSE_DEMO } from "./demo.js";
import { demarrerPlanificateur, identifiantProcessus, tachesDuProduit } from "./planification.js";
import { chargerSynthetique, MOT_DE_PASSE_SYNTHETIQUE } from "./synthetique.js";

const AIDE = `cep — plateforme du Conseil en évolution professionnelle

Usage : cep <commande> [options]

Commandes :
  serve                 démarre le serveur (API + interface web), applique les migrations,
                        charge la démonstration si la base est vide (hors production)
  migrate               applique les migrations de la base
  seed --demo           charge les données de démonstration (base vide uniquement)
  seed --synthetique --parcours N [--graine G]
                        remplit une base vide d'un jeu synthétique à l'échelle nationale (personnes fictives,
                        opérateurs dans chaque région, ~50 événements d'audit par parcours) ; SQLite par défaut,
                        PostgreSQL avec CEP_DATABASE_URL=postgres://… (voir docs/exploitation.md)
  sauvegarde [fichier]  sauvegarde la base SQLite (défaut : CEP_DATA_DIR/sauvegardes/cep-<date>.sqlite)
  restauration <fichier>
                        remplace la base SQLite par une sauvegarde vérifiée (serveur arrêté)
  taches lancer <nom>   exécute une tâche planifiée maintenant (ex. tache.maintenance)
  rappels               envoie les rappels des rendez-vous du lendemain (idempotent)
  anonymiser [--annees N]
                        anonymise les parcours clos depuis plus de N ans (défaut : CEP_ANONYMISATION_ANNEES),
                        les inscriptions aux réunions de personnes sans dossier six mois après la séance,
                        et affiche le rapport
  referentiels import [--source DOSSIER|ZIP|URL]
                        importe le ROME 4.0 (et, s'il est à côté, le marché du travail BMO) ;
                        défaut : CEP_REFERENTIELS_DIR. Réimporter la même version ne change rien.
  referentiels etat     affiche les versions chargées
  config                affiche les variables d'environnement reconnues
  aide                  affiche cette aide
`;

function afficherComptesDemo() {
  console.log("\nComptes de démonstration (mot de passe commun : %s) :", MOT_DE_PASSE_DEMO);
  for (const c of COMPTES_DEMO) console.log(`  ${c.role.padEnd(13)} ${c.email.padEnd(38)} ${c.libelle}`);
  console.log("");
}

const MESSAGE_SANS_REFERENTIELS = `Aucun référentiel chargé. Les pages « Métiers » (recherche, fiches, marché du travail) en ont besoin.
Chargez-les avec : npx cep referentiels import --source DOSSIER|ZIP|URL (par exemple --source ../shared/data),
ou définissez CEP_REFERENTIELS_DIR avant npm start.`;

function decrireImport(r: ResultatImport) {
  const n = Object.entries(r.compteurs)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
  return r.statut === "deja_a_jour"
    ? `${r.nom} ${r.version} : déjà chargé, rien à faire (${n}).`
    : `${r.nom} ${r.version} importé en ${(r.dureeMs / 1000).toFixed(1)} s : ${n}.${r.nom === "rome" ? ` ${attributionRome(r.version)}.` : r.nom === "esco" ? ` ${attributionEsco}.` : ""}`;
}

/** Barre de progression sur la sortie d'erreur (terminal uniquement) pour les étapes longues. */
function barreProgression() {
  if (!process.stderr.isTTY) return undefined;
  let derniere = "";
  return (etape: string, fait: number, total: number) => {
    const part = total ? fait / total : 1;
    const plein = Math.round(part * 30);
    const ligne = `\r${etape.padEnd(28)} [${"#".repeat(plein)}${" ".repeat(30 - plein)}] ${String(Math.round(part * 100)).padStart(3)} %`;
    if (ligne === derniere) return;
    derniere = ligne;
    process.stderr.write(ligne);
    if (fait >= total) process.stderr.write("\n");
  };
}

/** Au démarrage : si aucun ROME n'est chargé, l'importer depuis CEP_REFERENTIELS_DIR ou l'URL officielle, sans jamais arrêter le serveur. */
async function importAutomatique(base: Base, referentiels: ServiceReferentiels, config: Configuration) {
  // Rien à faire quand tout ce que la source contient est déjà chargé ; un référentiel ajouté par une nouvelle version
  // du produit (certifications RNCP/RS, ESCO…) et présent dans CEP_REFERENTIELS_DIR est importé au démarrage suivant.
  const rome = await base.depots.referentiels.versionActive("rome");
  const actifs = new Set((await base.depots.referentiels.versionsActives()).map((v) => v.nom));
  const attendus = config.referentielsDir ? referentielsDisponibles(config.referentielsDir) : ["rome"];
  if (attendus.every((n) => actifs.has(n))) return;
  const source = config.referentielsDir ?? config.referentielsUrl;
  if (!source) {
    console.log(MESSAGE_SANS_REFERENTIELS);
    return;
  }
  console.log(`${rome ? "Référentiels incomplets" : "Aucun référentiel chargé"} : import depuis ${source}…`);
  try {
    for (const r of await importerReferentiels(base, source)) console.log(decrireImport(r));
    await referentiels.recharger();
  } catch (e) {
    console.error(`Import des référentiels impossible : ${(e as Error).message}`);
    console.log(MESSAGE_SANS_REFERENTIELS);
  }
}

async function main(argv: string[]) {
  const [commande = "aide", ...reste] = argv;
  if (commande === "aide" || commande === "--help" || commande === "-h") {
    console.log(AIDE);
    return;
  }
  if (commande === "config") {
    for (const v of DOCUMENTATION_VARIABLES)
      console.log(`${v.nom} (défaut : ${v.defaut ?? "non définie"})\n  ${v.description}`);
    return;
  }
  const config = chargerConfiguration();

  switch (commande) {
    case "migrate": {
      const base = ouvrirBase(config.base);
      const r = await base.migrer();
      const appliquees = r.results?.filter((m) => m.status === "Success").map((m) => m.migrationName) ?? [];
      console.log(
        appliquees.length ? `Migrations appliquées : ${appliquees.join(", ")}` : "La base est à jour.",
      );
      await base.fermer();
      return;
    }
    case "seed": {
      const { values } = parseArgs({
        args: reste,
        options: {
          demo: { type: "boolean" },
          synthetique: { type: "boolean" },
          parcours: { type: "string" },
          graine: { type: "string" },
        },
      });
      if (!values.demo && !values.synthetique)
        throw new Error(
          "Précisez le jeu de données : cep seed --demo ou cep seed --synthetique --parcours N",
        );
      if (config.env === "production")
        throw new Error("Les données de démonstration ne sont jamais chargées en production.");
      const base = ouvrirBase(config.base);
      await base.migrer();
      if (values.synthetique) {
        const n = Number(values.parcours);
        const graine = Number(values.graine ?? 1);
        if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
          throw new Error("--parcours : un nombre entier de parcours entre 1 et 10000000.");
        if (!Number.isInteger(graine)) throw new Error("--graine : un nombre entier.");
        const vide = (await base.depots.comptes.compter()) === 0;
        await base.fermer();
        if (!vide) throw new Error("La base contient déjà des comptes : jeu synthétique non chargé.");
        const r = await chargerSynthetique(config.base, {
          parcours: n,
          graine,
          hashMotDePasse: await creerHachage().hacher(MOT_DE_PASSE_SYNTHETIQUE),
          journal: (l) => console.log(l),
        });
        const total = Object.values(r.lignes).reduce((s, x) => s + x, 0);
        console.log(
          `Jeu synthétique chargé en ${(r.dureeMs / 1000).toFixed(1)} s : ${r.parcours} parcours, ${r.operateurs} opérateurs, ${r.conseillers} conseillers, ${total} lignes (${Math.round(total / (r.dureeMs / 1000))} lignes/s).`,
        );
        for (const [t, x] of Object.entries(r.lignes)) console.log(`  ${t.padEnd(22)} ${x}`);
        console.log(`\nMot de passe commun : ${MOT_DE_PASSE_SYNTHETIQUE}`);
        for (const [role, email] of Object.entries(r.exemples)) console.log(`  ${role.padEnd(13)} ${email}`);
        return;
      }
      if ((await base.depots.comptes.compter()) > 0) {
        console.log("La base contient déjà des comptes : démonstration non chargée.");
      } else {
        await chargerDemo(base, creerHachage());
        console.log("Données de démonstration chargées.");
        afficherComptesDemo();
      }
      await base.fermer();
      return;
    }
    case "sauvegarde":
    case "restauration": {
      if (config.base.type !== "sqlite")
        throw new Error("Avec PostgreSQL, utilisez pg_dump et pg_restore (voir docs/exploitation.md).");
      if (commande === "sauvegarde") {
        const destination =
          reste[0] ??
          path.join(
            config.dataDir,
            "sauvegardes",
            `cep-${new Date().toISOString().replace(/[:.]/g, "-")}.sqlite`,
          );
        const r = await sauvegarderSqlite(config.base.fichier, destination);
        console.log(`Sauvegarde vérifiée (${r.pages} pages) : ${destination}`);
      } else {
        if (!reste[0]) throw new Error("Précisez le fichier de sauvegarde : cep restauration <fichier>");
        const r = restaurerSqlite(path.resolve(reste[0]), config.base.fichier);
        console.log(
          `Base restaurée depuis ${reste[0]}.${r.ancienne ? ` L'ancienne base est conservée : ${r.ancienne}` : ""}`,
        );
      }
      return;
    }
    case "rappels":
    case "anonymiser": {
      // Raccourcis des tâches planifiées, pour un lancement manuel ou par cron (idempotents).
      const { values } = parseArgs({ args: reste, options: { annees: { type: "string" } } });
      const base = ouvrirBase(config.base);
      await base.migrer();
      const services = creerServices(config, base);
      const annees = values.annees ? Number(values.annees) : config.anonymisationAnnees;
      const tache = tachesDuProduit({ ...config, anonymisationAnnees: annees }).find(
        (t) => t.nom === (commande === "rappels" ? "tache.rappels" : "tache.anonymisation"),
      )!;
      const r = await executerSiLibre(
        services,
        { ...tache, periodeMs: 1 },
        `manuel:${identifiantProcessus()}`,
      );
      console.log(JSON.stringify(r, null, 2));
      await base.fermer();
      return;
    }
    case "taches": {
      const [action, nom] = reste;
      const tache = tachesDuProduit(config).find((t) => t.nom === nom);
      if (action !== "lancer" || !tache)
        throw new Error(
          `Usage : cep taches lancer <nom> ; tâches : ${tachesDuProduit(config)
            .map((t) => t.nom)
            .join(", ")}`,
        );
      const base = ouvrirBase(config.base);
      await base.migrer();
      // Une exécution manuelle a son propre créneau : elle ne bloque pas la prochaine exécution planifiée.
      const r = await executerSiLibre(
        creerServices(config, base),
        { ...tache, periodeMs: 1 },
        `manuel:${identifiantProcessus()}`,
      );
      console.log(JSON.stringify(r ?? { message: "Déjà exécutée dans ce créneau." }));
      await base.fermer();
      return;
    }
    case "referentiels": {
      const [sous = "etat", ...options] = reste;
      const base = ouvrirBase(config.base);
      await base.migrer();
      try {
        if (sous === "import") {
          const { values } = parseArgs({ args: options, options: { source: { type: "string" } } });
          const source = values.source ?? config.referentielsDir;
          if (!source)
            throw new Error(
              "Précisez la source : cep referentiels import --source DOSSIER|ZIP|URL (ou définissez CEP_REFERENTIELS_DIR).",
            );
          for (const r of await importerReferentiels(base, source, { progression: barreProgression() }))
            console.log(decrireImport(r));
        } else if (sous === "etat") {
          const versions = await base.depots.referentiels.versionsActives();
          if (!versions.length) console.log(MESSAGE_SANS_REFERENTIELS);
          for (const v of versions)
            console.log(`${v.nom} ${v.version} (chargé le ${v.activeLe}) — ${v.source}`);
        } else throw new Error(`Sous-commande inconnue : referentiels ${sous} (import ou etat).`);
      } finally {
        await base.fermer();
      }
      return;
    }
    case "serve": {
      const { base, services, app, referentiels } = await assembler(config);
      await referentiels.recharger();
      let demo = false;
      // Plusieurs processus peuvent démarrer ensemble sur une base vide : un seul charge la démonstration.
      if (
        config.demo &&
        (await base.depots.comptes.compter()) === 0 &&
        (await base.depots.taches.reserver(
          "demo.chargement",
          "unique",
          identifiantProcessus(),
          new Date().toISOString(),
        ))
      ) {
        await chargerDemo(base, services.hachage);
        demo = true;
      }
      const planificateur = config.taches
        ? demarrerPlanificateur(services, tachesDuProduit(config), {
            processus: identifiantProcessus(),
            surErreur: (e) => app.log.error({ err: e }, "tâche planifiée en échec"),
          })
        : { arreter() {} };
      const arreter = async (signal: string) => {
        app.log.info({ signal }, "arrêt demandé : fin des requêtes en cours");
        planificateur.arreter();
        // Filet de sécurité : si une requête ne se termine pas, l'arrêt est forcé après 20 secondes.
        setTimeout(() => process.exit(1), 20_000).unref();
        await app.close();
        await base.fermer();
        process.exit(0);
      };
      process.once("SIGTERM", () => void arreter("SIGTERM"));
      process.once("SIGINT", () => void arreter("SIGINT"));
      // SQLite : l'import occupe l'unique connexion (et le fil d'exécution, le pilote étant synchrone) ; le serveur
      // n'écoute qu'une fois l'import fini plutôt que d'accepter des requêtes qu'il laisserait sans réponse. PostgreSQL :
      // l'import se fait en tâche de fond, le serveur répond pendant ce temps.
      if (base.type === "sqlite") await importAutomatique(base, referentiels, config);
      await app.listen({ host: config.host, port: config.port });
      const adresse = app.server.address();
      const port = typeof adresse === "object" && adresse ? adresse.port : config.port;
      console.log(
        `\nCEP démarré sur http://localhost:${port} (base : ${base.type === "sqlite" ? (config.base.type === "sqlite" ? config.base.fichier : "") : "PostgreSQL"})`,
      );
      if (demo) console.log("Données de démonstration chargées (base vide).");
      if (base.type !== "sqlite") void importAutomatique(base, referentiels, config);
      if (config.demo) afficherComptesDemo();
      return;
    }
    default:
      console.error(`Commande inconnue : ${commande}\n`);
      console.log(AIDE);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ErreurConfiguration) {
    console.error(e.message);
    process.exit(78);
  }
  console.error(e instanceof Error ? `Erreur : ${e.message}` : e);
  process.exit(1);
});
