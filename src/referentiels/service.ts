import type { ResultatRechercheMetier, ServiceMetiers, Stockage } from "../app/ports.js";
import { IndexMetiers } from "./recherche/index.js";

/**
 * Les référentiels en mémoire : l'index de recherche d'intitulés, construit depuis la base au démarrage et reconstruit
 * après chaque import. Tant que le ROME n'est pas chargé, `rechercher` renvoie undefined (l'API répond 503 avec la marche
 * à suivre).
 */
export class ServiceReferentiels implements ServiceMetiers {
  private index: IndexMetiers | undefined;
  private versionIndex: string | undefined;

  constructor(private readonly stockage: Stockage) {}

  /** (Re)construit l'index depuis la version active du ROME ; renvoie la durée en millisecondes. */
  async recharger(): Promise<number> {
    const debut = performance.now();
    const version = await this.stockage.depots.referentiels.versionActive("rome");
    if (!version) {
      this.index = undefined;
      this.versionIndex = undefined;
      return 0;
    }
    const donnees = await this.stockage.depots.referentiels.donneesIndex();
    this.index = new IndexMetiers(donnees);
    this.versionIndex = version.version;
    return performance.now() - debut;
  }

  rechercher(texte: string, limite: number): ResultatRechercheMetier[] | undefined {
    return this.index?.rechercher(texte, limite);
  }

  /** Pour /api/health : version et source de chaque référentiel chargé. */
  async etat() {
    const versions = await this.stockage.depots.referentiels.versionsActives();
    const etat: Record<string, { version: string | null; source?: string; chargeLe?: string | null }> = {
      rome: { version: null },
    };
    for (const v of versions) etat[v.nom] = { version: v.version, source: v.source, chargeLe: v.activeLe };
    if (etat.rome && this.versionIndex)
      (etat.rome as Record<string, unknown>).indexRecherche = this.versionIndex;
    return etat;
  }
}
