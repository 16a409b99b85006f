import { exporterEchanges } from "../../app/pilotage/echanges.js";
import { exporterIndicateurs, lireIndicateurs } from "../../app/pilotage/indicateurs.js";
import { lireQuestionnaire, repondreQuestionnaire } from "../../app/pilotage/satisfaction.js";
import { lireStatistiquesPubliques } from "../../app/pilotage/statistiques.js";
import { ecrireCsv, ecrireXlsx, type Feuille } from "../../documents/tableur.js";
import { enCache } from "../cache.js";
import { exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

const tags = ["Pilotage"];

export async function routesPilotage(app: App, o: OptionsServeur) {
  // Recalculées au plus toutes les 15 minutes par processus (docs/exploitation.md).
  const statistiques = enCache(lireStatistiquesPubliques, 15 * 60_000);
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/pilotage/indicateurs",
    cas: lireIndicateurs,
    resume: "Indicateurs d'activité et de résultat (responsable : son opérateur ; administrateur : tous)",
    tags,
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/pilotage/export",
    cas: exporterIndicateurs,
    resume: "Exporter les tableaux d'indicateurs en CSV ou XLSX (effectifs de moins de 5 masqués)",
    tags,
    repondre: (reply, r) => {
      const feuilles: Feuille[] = r.tableaux.map((t) => ({
        nom: t.titre,
        lignes: [["", ...t.colonnes], ...t.lignes.map((l) => [l.libelle, ...l.valeurs])],
      }));
      const nom = `indicateurs-cep-${r.periode.debut}-${r.periode.fin}`;
      if (r.format === "xlsx")
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="${nom}.xlsx"`)
          .send(ecrireXlsx(feuilles));
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${nom}.csv"`)
        .send(ecrireCsv(feuilles));
    },
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/pilotage/echanges",
    cas: exporterEchanges,
    resume:
      "Partage des données de parcours et de formation par bénéficiaire (JSON pseudonymisé, docs/echanges.md ; L6111-6-1, L6353-10, R6323-34)",
    tags,
    repondre: (reply, r) =>
      reply
        .header("content-type", "application/json; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="echanges-cep-${r.periode.debut}-${r.periode.fin}.json"`,
        )
        .header("cache-control", "no-store")
        .send(JSON.stringify(r, null, 2)),
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/statistiques",
    cas: statistiques,
    publique: true,
    resume:
      "Statistiques publiques du CEP : entrées et issues, national et par région (effectifs < 5 masqués)",
    tags,
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/satisfaction/:jeton",
    cas: lireQuestionnaire,
    publique: true,
    resume: "Ouvrir un questionnaire de satisfaction depuis son lien à usage unique (sans compte)",
    tags,
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/satisfaction/:jeton",
    cas: repondreQuestionnaire,
    publique: true,
    statut: 201,
    resume:
      "Répondre au questionnaire de satisfaction (une seule fois ; réponse anonyme, rangée à part du dossier)",
    tags,
    schema: { body: repondreQuestionnaire.entree.omit({ jeton: true }) },
  });
}
