import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fabriquesBase } from "../support/bases.js";

/** Dépôt du document de synthèse (migration 0011) : la même suite sur SQLite et sur PostgreSQL. */
describe.each(fabriquesBase())("dépôt de la synthèse ($nom)", (fabrique) => {
  let base: Awaited<ReturnType<typeof fabrique.ouvrir>>;
  beforeAll(async () => {
    base = await fabrique.ouvrir();
  });
  afterAll(async () => base?.detruire());

  const maintenant = "2026-03-01T10:00:00.000Z";
  async function parcoursNeuf() {
    const o = {
      id: randomUUID(),
      nom: "Opérateur",
      type: "apec" as const,
      codeRegion: "84",
      creeLe: maintenant,
    };
    await base.depots.operateurs.creer(o);
    const compte = (role: "conseiller" | "beneficiaire") => ({
      id: randomUUID(),
      email: `${randomUUID().slice(0, 8)}@exemple.invalid`,
      prenom: "Prénom",
      nom: "Nom",
      role,
      operateurId: role === "conseiller" ? o.id : null,
      actif: true,
      demo: false,
      creeLe: maintenant,
      hashMotDePasse: "hash",
    });
    const conseiller = compte("conseiller");
    const b = compte("beneficiaire");
    await base.depots.comptes.creer(conseiller);
    await base.depots.comptes.creer(b);
    const p = {
      id: randomUUID(),
      beneficiaireId: b.id,
      operateurId: o.id,
      referentId: conseiller.id,
      niveau: 2 as const,
      phase: "conseil" as const,
      statut: "en_cours" as const,
      creeLe: maintenant,
      modifieLe: maintenant,
    };
    await base.depots.parcours.creer(p);
    return { p, conseiller, b };
  }

  it("brouillon : création en version 1, puis écriture conditionnée à la version (la seconde concurrente échoue)", async () => {
    const { p, conseiller } = await parcoursNeuf();
    const b = {
      parcoursId: p.id,
      niveau: 2 as const,
      conclusions: "Projet confirmé : l'accompagnement a « porté ».",
      prochainesEtapes: null,
      auteurId: conseiller.id,
      modifieLe: maintenant,
    };
    expect(await base.depots.syntheses.enregistrerBrouillon(b, 0)).toBe(true);
    expect(await base.depots.syntheses.enregistrerBrouillon(b, 0)).toBe(false);
    expect(await base.depots.syntheses.brouillon(p.id)).toEqual({ ...b, version: 1, creeLe: maintenant });
    const resultats = await Promise.all([
      base.transaction((d) => d.syntheses.enregistrerBrouillon({ ...b, conclusions: "A" }, 1)),
      base.transaction((d) => d.syntheses.enregistrerBrouillon({ ...b, conclusions: "B" }, 1)),
    ]);
    expect(resultats.sort()).toEqual([false, true]);
    expect((await base.depots.syntheses.brouillon(p.id))?.version).toBe(2);
  });

  it("versions : numéro unique par parcours, relues à l'identique ; contenu et empreinte figés en base", async () => {
    const { p, conseiller } = await parcoursNeuf();
    const v = {
      id: randomUUID(),
      parcoursId: p.id,
      numero: 1,
      niveau: 2 as const,
      contenu: '{"beneficiaire":{"nom":"Bernard","prenom":"Nadia"},"niveau":2}',
      empreinte: "a".repeat(64),
      emiseLe: maintenant,
      emisePar: conseiller.id,
    };
    expect(await base.depots.syntheses.emettre(v)).toBe(true);
    expect(await base.depots.syntheses.emettre({ ...v, id: randomUUID() })).toBe(false);
    expect(await base.depots.syntheses.emettre({ ...v, id: randomUUID(), numero: 2 })).toBe(true);
    expect(await base.depots.syntheses.version(p.id, 1)).toEqual({ ...v, accuseeLe: null });
    expect((await base.depots.syntheses.versions(p.id)).map((x) => x.numero)).toEqual([1, 2]);

    // L'accusé de lecture s'ajoute une seule fois.
    expect(await base.depots.syntheses.accuser(p.id, 1, "2026-03-02T10:00:00.000Z")).toBe(true);
    expect(await base.depots.syntheses.accuser(p.id, 1, "2026-03-03T10:00:00.000Z")).toBe(false);
    expect((await base.depots.syntheses.version(p.id, 1))?.accuseeLe).toBe("2026-03-02T10:00:00.000Z");

    // Même en SQL direct, le contenu d'une version émise ne peut plus changer.
    await expect(
      base.db.updateTable("synthese_version").set({ contenu: "{}" }).where("id", "=", v.id).execute(),
    ).rejects.toThrow(/figée/);
    await expect(
      sql`update synthese_version set empreinte = 'falsifiee' where id = ${v.id}`.execute(base.db),
    ).rejects.toThrow(/figée/);
    expect((await base.depots.syntheses.version(p.id, 1))?.contenu).toBe(v.contenu);
  });

  it("corrections : demandées, puis traitées par la version suivante ; accords et liens ; retrait versionné", async () => {
    const { p, b, conseiller } = await parcoursNeuf();
    for (const [i, commentaire] of [
      "Mon nom est mal orthographié.",
      "La date d'entretien est fausse.",
    ].entries())
      await base.depots.syntheses.demanderCorrection({
        id: randomUUID(),
        parcoursId: p.id,
        numero: 1,
        auteurId: b.id,
        commentaire,
        demandeeLe: `2026-03-0${2 + i}T10:00:00.000Z`,
      });
    expect(await base.depots.syntheses.traiterCorrections(p.id, 2, "2026-03-05T10:00:00.000Z")).toBe(2);
    expect(await base.depots.syntheses.traiterCorrections(p.id, 3, "2026-03-06T10:00:00.000Z")).toBe(0);
    const corrections = await base.depots.syntheses.corrections(p.id);
    expect(corrections.map((c) => [c.commentaire, c.corrigeeParNumero])).toEqual([
      ["Mon nom est mal orthographié.", 2],
      ["La date d'entretien est fausse.", 2],
    ]);

    const accord = {
      id: randomUUID(),
      parcoursId: p.id,
      beneficiaireId: b.id,
      destinataire: "Transitions Pro Auvergne-Rhône-Alpes",
      typeDestinataire: "financeur" as const,
      accordeLe: maintenant,
    };
    await base.depots.syntheses.donnerAccord(accord);
    const lien = {
      hash: randomUUID(),
      accordId: accord.id,
      parcoursId: p.id,
      numero: 1,
      creePar: conseiller.id,
      creeLe: maintenant,
      expireLe: "2026-03-31T10:00:00.000Z",
    };
    await base.depots.syntheses.creerLien(lien);
    expect(await base.depots.syntheses.lien(lien.hash)).toEqual(lien);
    expect(await base.depots.syntheses.lien("inconnu")).toBeUndefined();
    expect(await base.depots.syntheses.retirerAccord(accord.id, 2, maintenant)).toBe(false);
    expect(await base.depots.syntheses.retirerAccord(accord.id, 1, "2026-03-04T10:00:00.000Z")).toBe(true);
    expect(await base.depots.syntheses.accords(p.id)).toEqual([
      { ...accord, retireLe: "2026-03-04T10:00:00.000Z", version: 2 },
    ]);
  });

  it("l'anonymisation du parcours efface la synthèse (brouillon, versions, corrections, accords, liens)", async () => {
    const { p, b, conseiller } = await parcoursNeuf();
    await base.depots.syntheses.enregistrerBrouillon(
      {
        parcoursId: p.id,
        niveau: 1,
        conclusions: "x",
        prochainesEtapes: null,
        auteurId: conseiller.id,
        modifieLe: maintenant,
      },
      0,
    );
    await base.depots.syntheses.emettre({
      id: randomUUID(),
      parcoursId: p.id,
      numero: 1,
      niveau: 1,
      contenu: "{}",
      empreinte: "e",
      emiseLe: maintenant,
      emisePar: conseiller.id,
    });
    const accordId = randomUUID();
    await base.depots.syntheses.donnerAccord({
      id: accordId,
      parcoursId: p.id,
      beneficiaireId: b.id,
      destinataire: "Employeur",
      typeDestinataire: "employeur",
      accordeLe: maintenant,
    });
    await base.depots.syntheses.creerLien({
      hash: `h-${accordId}`,
      accordId,
      parcoursId: p.id,
      numero: 1,
      creePar: conseiller.id,
      creeLe: maintenant,
      expireLe: maintenant,
    });
    await base.transaction((d) => d.anonymisation.anonymiserParcours(p.id, maintenant));
    expect(await base.depots.syntheses.brouillon(p.id)).toBeUndefined();
    expect(await base.depots.syntheses.versions(p.id)).toEqual([]);
    expect(await base.depots.syntheses.accords(p.id)).toEqual([]);
    expect(await base.depots.syntheses.lien(`h-${accordId}`)).toBeUndefined();
  });
});
