import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VersionPlan } from "../../src/app/ports.js";
import { action, ligne, plan } from "../cas/plan.js";
import { fabriquesBase } from "../support/bases.js";

/** Contrat du dépôt du plan d'actions (migration 0010), sur SQLite et PostgreSQL. */
describe.each(fabriquesBase())("plan d'actions ($nom)", (fabrique) => {
  let base: Awaited<ReturnType<typeof fabrique.ouvrir>>;
  let conseillerId: string;
  let beneficiaireId: string;
  let operateurId: string;
  const maintenant = "2026-04-01T10:00:00.000Z";
  beforeAll(async () => {
    base = await fabrique.ouvrir();
    operateurId = randomUUID();
    await base.depots.operateurs.creer({
      id: operateurId,
      nom: `Opérateur ${operateurId.slice(0, 6)}`,
      type: "operateur_regional",
      codeRegion: "84",
      creeLe: maintenant,
    });
    const compte = async (role: "conseiller" | "beneficiaire") => {
      const id = randomUUID();
      await base.depots.comptes.creer({
        id,
        email: `${id.slice(0, 8)}@exemple.invalid`,
        prenom: "Prénom",
        nom: "Nom",
        role,
        operateurId: role === "conseiller" ? operateurId : null,
        actif: true,
        demo: false,
        creeLe: maintenant,
        hashMotDePasse: null,
      });
      return id;
    };
    conseillerId = await compte("conseiller");
    beneficiaireId = await compte("beneficiaire");
  });
  afterAll(async () => base?.detruire());

  async function nouveauParcours() {
    const id = randomUUID();
    await base.depots.parcours.creer({
      id,
      beneficiaireId,
      operateurId,
      referentId: conseillerId,
      niveau: 2,
      phase: "mise_en_oeuvre",
      statut: "en_cours",
      creeLe: maintenant,
      modifieLe: maintenant,
    });
    return id;
  }
  const premiere = (parcoursId: string): VersionPlan => ({
    parcoursId,
    numero: 1,
    // Accents, guillemets et montants décimaux : le JSON doit revenir à l'identique.
    contenu: plan([
      action({
        intitule: "Titre « Assistant·e de vie »",
        lignes: [ligne({ dispositif: "cpf", montant: 1234.56 })],
      }),
    ]),
    statut: "brouillon",
    motif: null,
    auteurId: conseillerId,
    convenuLe: null,
    convenuPar: null,
    creeLe: maintenant,
    modifieLe: maintenant,
  });

  it("crée le plan avec sa première version, le relit à l'identique, et refuse un second plan pour le parcours", async () => {
    const id = await nouveauParcours();
    expect(await base.depots.plans.lire(id)).toBeUndefined();
    const v = premiere(id);
    expect(await base.depots.plans.creer(v)).toBe(true);
    expect(await base.depots.plans.lire(id)).toEqual({
      parcoursId: id,
      version: 1,
      numeroCourant: 1,
      creeLe: maintenant,
      modifieLe: maintenant,
      courante: v,
    });
    expect(await base.depots.plans.creer(v)).toBe(false);
  });

  it("modifie la version en cours sous condition de version (écriture concurrente → false)", async () => {
    const id = await nouveauParcours();
    const v = premiere(id);
    await base.depots.plans.creer(v);
    const plus = "2026-04-02T09:00:00.000Z";
    const champs = {
      contenu: { ...v.contenu, projetVise: "Autre" },
      statut: "convenu" as const,
      convenuLe: plus,
      convenuPar: conseillerId,
      modifieLe: plus,
    };
    expect(await base.depots.plans.modifierCourante(id, 1, champs)).toBe(true);
    expect(await base.depots.plans.modifierCourante(id, 1, champs)).toBe(false);
    const lu = await base.depots.plans.lire(id);
    expect(lu).toMatchObject({ version: 2, numeroCourant: 1, modifieLe: plus });
    expect(lu?.courante).toMatchObject({ statut: "convenu", convenuLe: plus, convenuPar: conseillerId });
    expect(lu?.courante.contenu.projetVise).toBe("Autre");
  });

  it("révise : la nouvelle version devient la version en cours, l'ancienne reste lisible ; la dernière convenue est retrouvée", async () => {
    const id = await nouveauParcours();
    const v1 = premiere(id);
    await base.depots.plans.creer(v1);
    expect(await base.depots.plans.derniereConvenue(id)).toBeUndefined();
    const le = "2026-04-03T09:00:00.000Z";
    await base.depots.plans.modifierCourante(id, 1, {
      contenu: v1.contenu,
      statut: "convenu",
      convenuLe: le,
      convenuPar: conseillerId,
      modifieLe: le,
    });
    const v2: VersionPlan = {
      ...v1,
      numero: 2,
      motif: "Début décalé",
      contenu: { ...v1.contenu, projetVise: "V2" },
      creeLe: le,
      modifieLe: le,
    };
    expect(await base.depots.plans.reviser(1, v2)).toBe(false);
    expect(await base.depots.plans.reviser(2, v2)).toBe(true);
    const lu = await base.depots.plans.lire(id);
    expect(lu).toMatchObject({ version: 3, numeroCourant: 2 });
    expect(lu?.courante).toEqual(v2);
    expect((await base.depots.plans.versions(id)).map((v) => [v.numero, v.statut, v.motif])).toEqual([
      [1, "convenu", null],
      [2, "brouillon", "Début décalé"],
    ]);
    expect((await base.depots.plans.version(id, 1))?.contenu.projetVise).toBe(v1.contenu.projetVise);
    expect(await base.depots.plans.derniereConvenue(id)).toMatchObject({ numero: 1, convenuLe: le });
  });

  it("écrit tout ou rien dans une transaction", async () => {
    const id = await nouveauParcours();
    await expect(
      base.transaction(async (d) => {
        await d.plans.creer(premiere(id));
        throw new Error("annulation");
      }),
    ).rejects.toThrow("annulation");
    expect(await base.depots.plans.lire(id)).toBeUndefined();
    expect(await base.depots.plans.versions(id)).toEqual([]);
  });

  it("l'anonymisation du parcours efface son plan", async () => {
    const id = await nouveauParcours();
    await base.depots.plans.creer(premiere(id));
    await base.depots.anonymisation.anonymiserParcours(id, maintenant);
    expect(await base.depots.plans.lire(id)).toBeUndefined();
    expect(await base.depots.plans.versions(id)).toEqual([]);
  });
});
