import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envoyerQuestionnaires } from "../../src/app/pilotage/satisfaction.js";
import { executerSiLibre } from "../../src/app/taches/planificateur.js";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

const tache = { nom: envoyerQuestionnaires.nom, periodeMs: 86_400_000, cas: envoyerQuestionnaires };

describe.each(fabriquesBase())("questionnaire de satisfaction ($nom)", (fabrique) => {
  let env: Environnement;
  let liens: string[];
  beforeAll(async () => {
    env = await environnement(fabrique);
    // Démonstration : 3 parcours clos il y a moins de 30 jours → 3 invitations « clôture ».
    expect(await executerSiLibre(env.services, tache, "test")).toEqual({ cloture: 3, six_mois: 0 });
    liens = env
      .courriels()
      .map((m) => m.replace(/=\r?\n/g, "").replace(/=3D/g, "="))
      .flatMap((m) =>
        [...m.matchAll(/http:\/\/cep\.test\/satisfaction\/([A-Za-z0-9_-]+)/g)].map((x) => x[1]!),
      );
  });
  afterAll(async () => env?.fermer());

  it("envoie un lien par parcours clos, une seule fois même si la tâche repasse", async () => {
    expect(liens).toHaveLength(3);
    // Créneau suivant (autre processus, autre jour) : rien de nouveau.
    const r = await env.services.stockage.transaction((d) =>
      envoyerQuestionnaires.executer({
        entree: {},
        acteur: { type: "systeme", ip: "local", tache: "t" },
        depots: d,
        services: env.services,
        contexte: { acteur: { type: "systeme", ip: "local", tache: "t" }, requeteId: "r" },
        sujet: {},
      }),
    );
    expect(r).toEqual({ cloture: 0, six_mois: 0 });
  });

  it("se remplit une fois sans compte ; un second usage et un jeton forgé sont refusés", async () => {
    const url = `/api/v1/satisfaction/${liens[0]}`;
    expect((await env.requete("GET", url)).json()).toMatchObject({ moment: "cloture" });
    const invalide = await env.requete("POST", url, undefined, { utilite: 9, recommande: true });
    expect(invalide.statusCode).toBe(400);
    expect(invalide.json().erreur.champs).toEqual([
      { champ: "utilite", message: "Indiquez l'utilité du conseil, de 1 à 5." },
    ]);
    expect((await env.requete("POST", url, undefined, { utilite: 4, recommande: true })).statusCode).toBe(
      201,
    );
    const second = await env.requete("POST", url, undefined, { utilite: 1, recommande: false });
    expect(second.statusCode).toBe(409);
    expect(second.json().erreur.message).toContain("déjà reçu une réponse");
    expect((await env.requete("GET", url)).statusCode).toBe(409);
    const forge = await env.requete("GET", "/api/v1/satisfaction/jeton-invente-de-toutes-pieces");
    expect(forge.statusCode).toBe(404);
    expect(forge.json().erreur.message).toBe(
      "Ce lien de questionnaire n'est pas valide. Vérifiez qu'il est complet.",
    );
  });

  it("range la réponse à part du dossier et ne la montre qu'en agrégat, masquée sous 5", async () => {
    const reponses = await env.base.db.selectFrom("satisfaction_reponse").selectAll().execute();
    expect(reponses).toHaveLength(1);
    expect(Object.keys(reponses[0]!).sort()).toEqual(
      ["code_region", "cree_le", "id", "moment", "operateur_id", "recommande", "situation", "utilite"].sort(),
    );
    const stats = (await env.requete("GET", "/api/v1/statistiques")).json();
    const satisfaction = stats.tableaux.find((t: { id: string }) => t.id === "satisfaction");
    expect(satisfaction.lignes[0].valeurs).toEqual(["< 5", null, null]);
  });
});
