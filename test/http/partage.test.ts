import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

/** Co-suivi : un dossier partagé explicitement avec un collègue de l'opérateur (ADR 0003, regles-cep.md §6). */
describe.each(fabriquesBase())("partage d'un dossier avec un collègue ($nom)", (fabrique) => {
  let env: Environnement;
  beforeAll(async () => {
    env = await environnement(fabrique);
  });
  afterAll(async () => env?.fermer());

  it("le collègue n'y a accès qu'une fois le dossier partagé, et plus après le retrait ; le bénéficiaire le voit", async () => {
    const claire = await env.connecter("conseillere.ara@demo.cep.invalid");
    const julien = await env.connecter("conseiller.ara@demo.cep.invalid");
    const dossier = (await env.requete("GET", "/api/v1/parcours?mesDossiers=true", claire)).json()
      .dossiers[0];
    expect((await env.requete("GET", `/api/v1/parcours/${dossier.id}`, julien)).statusCode).toBe(403);

    const partage = await env.requete("POST", `/api/v1/parcours/${dossier.id}/partages`, claire, {
      conseillerId: julien.compte.id,
    });
    expect(partage.statusCode).toBe(201);
    const vu = await env.requete("GET", `/api/v1/parcours/${dossier.id}`, julien);
    expect(vu.statusCode).toBe(200);
    expect(vu.json().partages).toEqual([
      { conseiller: { id: julien.compte.id, prenom: "Julien", nom: "Morin" }, creeLe: expect.any(String) },
    ]);
    // Le collègue le retrouve dans son portefeuille.
    const portefeuille = (await env.requete("GET", "/api/v1/parcours", julien)).json().dossiers;
    expect(portefeuille.map((p: { id: string }) => p.id)).toContain(dossier.id);

    expect(
      (await env.requete("DELETE", `/api/v1/parcours/${dossier.id}/partages/${julien.compte.id}`, claire))
        .statusCode,
    ).toBe(204);
    expect((await env.requete("GET", `/api/v1/parcours/${dossier.id}`, julien)).statusCode).toBe(403);

    const journal = await env.base.depots.audit.listerParBeneficiaire(dossier.beneficiaire.id, 50);
    expect(
      journal.filter((e) => e.action === "parcours.partager" && e.acteurCompteId === claire.compte.id),
    ).toHaveLength(1);
    expect(
      journal.some(
        (e) =>
          e.action === "parcours.lire" && e.acteurCompteId === julien.compte.id && e.resultat === "succes",
      ),
    ).toBe(true);
  });

  it("refuse le partage avec un conseiller d'un autre opérateur, en nommant le champ", async () => {
    const claire = await env.connecter("conseillere.ara@demo.cep.invalid");
    const sofia = await env.connecter("conseillere.ml@demo.cep.invalid");
    const dossier = (await env.requete("GET", "/api/v1/parcours?mesDossiers=true", claire)).json()
      .dossiers[1];
    const r = await env.requete("POST", `/api/v1/parcours/${dossier.id}/partages`, claire, {
      conseillerId: sofia.compte.id,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs[0]).toMatchObject({ champ: "conseillerId" });
    expect((await env.requete("GET", `/api/v1/parcours/${dossier.id}`, sofia)).statusCode).toBe(403);
  });

  it("un collègue à qui le dossier est partagé ne peut pas le repartager", async () => {
    const claire = await env.connecter("conseillere.ara@demo.cep.invalid");
    const julien = await env.connecter("conseiller.ara@demo.cep.invalid");
    const dossier = (await env.requete("GET", "/api/v1/parcours?mesDossiers=true", claire)).json()
      .dossiers[2];
    await env.requete("POST", `/api/v1/parcours/${dossier.id}/partages`, claire, {
      conseillerId: julien.compte.id,
    });
    const r = await env.requete("POST", `/api/v1/parcours/${dossier.id}/partages`, julien, {
      conseillerId: claire.compte.id,
    });
    expect(r.statusCode).toBe(403);
  });
});
