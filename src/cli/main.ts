import { parseArgs } from "node:util";
import { chargerConfiguration, DOCUMENTATION_VARIABLES, ErreurConfiguration } from "../config.js";
import { creerHachage } from "../infra/hachage.js";
import { ouvrirBase } from "../storage/base.js";
import { assembler } from "./assemblage.js";
import { COMPTES_DEMO, chargerDemo, MOT_DE_PASSE_DEMO } from "./demo.js";
import { lancerTache, planifierTaches } from "./taches.js";

const AIDE = `cep — plateforme du Conseil en évolution professionnelle

Usage : cep <commande> [options]

Commandes :
  serve                 démarre le serveur (API + interface web), applique les migrations,
                        charge la démonstration si la base est vide (hors production)
  migrate               applique les migrations de la base
  seed --demo           charge les données de démonstration (base vide uniquement)
  rappels               envoie les rappels des rendez-vous du lendemain (idempotent)
  anonymiser [--annees N]
                        anonymise les parcours clos depuis plus de N ans (défaut : CEP_ANONYMISATION_ANNEES)
                        et affiche le rapport
  config                affiche les variables d'environnement reconnues
  aide                  affiche cette aide
`;

function afficherComptesDemo() {
  console.log("\nComptes de démonstration (mot de passe commun : %s) :", MOT_DE_PASSE_DEMO);
  for (const c of COMPTES_DEMO) console.log(`  ${c.role.padEnd(13)} ${c.email.padEnd(38)} ${c.libelle}`);
  console.log("");
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
      const { values } = parseArgs({ args: reste, options: { demo: { type: "boolean" } } });
      if (!values.demo) throw new Error("Précisez le jeu de données : cep seed --demo");
      if (config.env === "production")
        throw new Error("Les données de démonstration ne sont jamais chargées en production.");
      const base = ouvrirBase(config.base);
      await base.migrer();
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
    case "rappels":
    case "anonymiser": {
      const { values } = parseArgs({ args: reste, options: { annees: { type: "string" } } });
      const { base, services } = await assembler(config, { sansServeur: true });
      const rapport =
        commande === "rappels"
          ? await lancerTache(services, "rappels", config)
          : await lancerTache(services, "anonymisation", {
              ...config,
              anonymisationAnnees: values.annees ? Number(values.annees) : config.anonymisationAnnees,
            });
      console.log(JSON.stringify(rapport, null, 2));
      await base.fermer();
      return;
    }
    case "serve": {
      const { base, services, app } = await assembler(config);
      let demo = false;
      if (config.demo && (await base.depots.comptes.compter()) === 0) {
        await chargerDemo(base, services.hachage);
        demo = true;
      }
      const minuteurs = config.taches ? planifierTaches(services, config, app.log) : [];
      const arreter = async (signal: string) => {
        for (const m of minuteurs) clearInterval(m);
        app.log.info({ signal }, "arrêt demandé : fin des requêtes en cours");
        await app.close();
        await base.fermer();
        process.exit(0);
      };
      process.once("SIGTERM", () => void arreter("SIGTERM"));
      process.once("SIGINT", () => void arreter("SIGINT"));
      await app.listen({ host: config.host, port: config.port });
      const adresse = app.server.address();
      const port = typeof adresse === "object" && adresse ? adresse.port : config.port;
      console.log(
        `\nCEP démarré sur http://localhost:${port} (base : ${base.type === "sqlite" ? (config.base.type === "sqlite" ? config.base.fichier : "") : "PostgreSQL"})`,
      );
      if (demo) console.log("Données de démonstration chargées (base vide).");
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
