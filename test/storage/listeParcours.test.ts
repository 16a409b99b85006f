import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FiltreParcours } from "../../src/app/ports.js";
import type { StatutRendezVous } from "../../src/domain/dossier.js";
import type { StatutParcours } from "../../src/domain/parcours.js";
import { fabriquesBase } from "../support/bases.js";

/**
 * Liste des dossiers d'un opérateur, page par page (dépôt parcours.filtrer), sur SQLite et PostgreSQL :
 * pages contiguës dans un ordre stable, total exact, filtres « sans contact » et « rendez-vous » calculés en SQL.
 */
describe.each(fabriquesBase())("liste paginée des dossiers ($nom)", (fabrique) => {
  let base: Awaited<ReturnType<typeof fabrique.ouvrir>>;
  const maintenant = "2026-06-01T12:00:00.000Z";
  const jour = (n: number) => new Date(Date.parse(maintenant) + n * 86_400_000).toISOString();

  beforeAll(async () => {
    base = await fabrique.ouvrir();
  });
  afterAll(async () => base?.detruire());

  async function nouvelOperateur() {
    const operateurId = randomUUID();
    await base.depots.operateurs.creer({
      id: operateurId,
      nom: `Opérateur ${operateurId.slice(0, 6)}`,
      type: "operateur_regional",
      codeRegion: "84",
      creeLe: maintenant,
    });
    const conseillerId = randomUUID();
    await base.depots.comptes.creer({
      id: conseillerId,
      email: `${conseillerId.slice(0, 8)}@exemple.invalid`,
      prenom: "Claire",
      nom: "Conseillère",
      role: "conseiller",
      operateurId,
      actif: true,
      demo: false,
      creeLe: maintenant,
      hashMotDePasse: null,
    });
    return { operateurId, conseillerId };
  }

  /** Un dossier ouvert à `creeLe`, modifié à `modifieLe`, pour une nouvelle personne. */
  async function dossier(
    o: { operateurId: string; conseillerId: string },
    d: { creeLe?: string; modifieLe?: string; statut?: StatutParcours; nom?: string } = {},
  ) {
    const beneficiaireId = randomUUID();
    await base.depots.comptes.creer({
      id: beneficiaireId,
      email: `${beneficiaireId.slice(0, 8)}@exemple.invalid`,
      prenom: "Personne",
      nom: d.nom ?? "Suivie",
      role: "beneficiaire",
      operateurId: null,
      actif: true,
      demo: false,
      creeLe: maintenant,
      hashMotDePasse: null,
    });
    const id = randomUUID();
    await base.depots.parcours.creer({
      id,
      beneficiaireId,
      operateurId: o.operateurId,
      referentId: o.conseillerId,
      niveau: 1,
      phase: null,
      statut: d.statut ?? "en_cours",
      creeLe: d.creeLe ?? jour(-60),
      modifieLe: d.modifieLe ?? d.creeLe ?? jour(-60),
    });
    return id;
  }

  const entretien = (parcoursId: string, le: string) =>
    base.depots.entretiens.creer({
      id: randomUUID(),
      parcoursId,
      auteurId: null,
      modalite: "presentiel",
      siteId: null,
      le,
      dureeMinutes: 45,
      participants: null,
      resume: "Entretien",
      creeLe: le,
    });
  const message = (parcoursId: string, creeLe: string) =>
    base.depots.messages.creer({ id: randomUUID(), parcoursId, auteurId: null, texte: "Bonjour", creeLe });
  const rendezVous = (parcoursId: string, debut: string, statut: StatutRendezVous = "propose") =>
    base.depots.rendezVous.creer({
      id: randomUUID(),
      parcoursId,
      auteurId: null,
      debut,
      dureeMinutes: 30,
      modalite: "telephone",
      siteId: null,
      lieu: null,
      statut,
      creeLe: maintenant,
      modifieLe: maintenant,
    });

  /** Toutes les pages, de `parPage` en `parPage`, jusqu'à la dernière. */
  async function toutesLesPages(f: FiltreParcours, parPage: number) {
    const pages: { ids: string[]; total: number }[] = [];
    for (let decalage = 0; ; decalage += parPage) {
      const r = await base.depots.parcours.filtrer(f, { limite: parPage, decalage });
      pages.push({ ids: r.parcours.map((p) => p.id), total: r.total });
      if (r.parcours.length < parPage) return pages;
    }
  }

  it("la page 2 continue la page 1, sans doublon ni trou, dans l'ordre de modification (l'identifiant départage)", async () => {
    const o = await nouvelOperateur();
    const modifs = [jour(-1), jour(-3), jour(-3), jour(-3), jour(-2), jour(-5), jour(-3)];
    const crees: string[] = [];
    for (const modifieLe of modifs) crees.push(await dossier(o, { modifieLe }));
    const f = { operateurId: o.operateurId, maintenant };
    const pages = await toutesLesPages(f, 3);
    expect(pages.map((p) => p.ids.length)).toEqual([3, 3, 1]);
    expect(pages.every((p) => p.total === 7)).toBe(true);
    const bout = pages.flatMap((p) => p.ids);
    // Mises bout à bout, les pages donnent chaque dossier une fois, dans l'ordre de la liste entière.
    expect([...bout].sort()).toEqual([...crees].sort());
    const entiere = await base.depots.parcours.filtrer(f, { limite: 50, decalage: 0 });
    expect(bout).toEqual(entiere.parcours.map((p) => p.id));
    expect(entiere.parcours.map((p) => p.modifieLe)).toEqual([...modifs].sort().reverse());
    // Relue, la même page revient à l'identique (ordre déterministe malgré les égalités de date).
    const encore = await base.depots.parcours.filtrer(f, { limite: 3, decalage: 3 });
    expect(encore.parcours.map((p) => p.id)).toEqual(pages[1]!.ids);
    // Au-delà de la dernière page : aucune ligne, le total reste juste.
    expect(await base.depots.parcours.filtrer(f, { limite: 3, decalage: 9 })).toEqual({
      parcours: [],
      total: 7,
    });
  });

  it("le total compte les dossiers qui répondent aux filtres, pas seulement ceux de la page", async () => {
    const o = await nouvelOperateur();
    for (let i = 0; i < 4; i++) await dossier(o, { nom: "Lefèvre" });
    for (let i = 0; i < 3; i++) await dossier(o, { nom: "Garnier" });
    await dossier(o, { nom: "Lefèvre", statut: "en_pause" });
    const r = await base.depots.parcours.filtrer(
      { operateurId: o.operateurId, maintenant, recherche: "lefèvre", statut: "en_cours" },
      { limite: 2, decalage: 0 },
    );
    expect(r.total).toBe(4);
    expect(r.parcours).toHaveLength(2);
    expect(r.parcours.every((p) => p.statut === "en_cours")).toBe(true);
  });

  it("sans contact depuis : dernier entretien ou message (à défaut l'ouverture) avant la date, dossier non clos", async () => {
    const o = await nouvelOperateur();
    const jamaisContacte = await dossier(o);
    const entretienRecent = await dossier(o);
    await entretien(entretienRecent, jour(-10));
    const contactsAnciens = await dossier(o);
    await entretien(contactsAnciens, jour(-45));
    await message(contactsAnciens, jour(-40));
    const messageRecent = await dossier(o);
    await entretien(messageRecent, jour(-50));
    await message(messageRecent, jour(-3));
    const ouvertRecemment = await dossier(o, { creeLe: jour(-5) });
    const clos = await dossier(o, { statut: "clos" });
    // Ouvert récemment, mais avec un entretien daté d'avant (saisi après coup) : c'est lui le dernier contact.
    const entretienAnterieur = await dossier(o, { creeLe: jour(-5) });
    await entretien(entretienAnterieur, jour(-40));
    // Contact exactement à la date limite : il compte (« avant » est strict).
    const contactALaLimite = await dossier(o);
    await message(contactALaLimite, jour(-30));

    const r = await base.depots.parcours.filtrer(
      { operateurId: o.operateurId, maintenant, sansContactDepuis: jour(-30) },
      { limite: 50, decalage: 0 },
    );
    expect(r.parcours.map((p) => p.id).sort()).toEqual(
      [jamaisContacte, contactsAnciens, entretienAnterieur].sort(),
    );
    expect(r.total).toBe(3);
    expect(r.parcours.find((p) => p.id === contactsAnciens)?.dernierContact).toBe(jour(-40));
    expect(r.parcours.find((p) => p.id === jamaisContacte)?.dernierContact).toBeNull();
    // Sans ce filtre, tous les dossiers de l'opérateur (y compris ceux écartés).
    const tous = await base.depots.parcours.filtrer(
      { operateurId: o.operateurId, maintenant },
      { limite: 50, decalage: 0 },
    );
    expect(tous.total).toBe(8);
    expect(tous.parcours.map((p) => p.id)).toEqual(
      expect.arrayContaining([messageRecent, ouvertRecemment, clos]),
    );
  });

  it("rendez-vous avant : le prochain rendez-vous non annulé, à partir de maintenant, tombe au plus tard à la date", async () => {
    const o = await nouvelOperateur();
    const dansTroisJours = await dossier(o);
    await rendezVous(dansTroisJours, jour(3), "confirme");
    const annulePuisPlusTard = await dossier(o);
    await rendezVous(annulePuisPlusTard, jour(3), "annule");
    await rendezVous(annulePuisPlusTard, jour(10));
    const seulementPasse = await dossier(o);
    await rendezVous(seulementPasse, jour(-2));
    const aLaLimite = await dossier(o);
    await rendezVous(aLaLimite, jour(7));
    const passeEtProche = await dossier(o);
    await rendezVous(passeEtProche, jour(-1));
    await rendezVous(passeEtProche, jour(5));
    await dossier(o);

    const r = await base.depots.parcours.filtrer(
      { operateurId: o.operateurId, maintenant, rendezVousAvant: jour(7) },
      { limite: 50, decalage: 0 },
    );
    expect(r.parcours.map((p) => p.id).sort()).toEqual([dansTroisJours, aLaLimite, passeEtProche].sort());
    expect(r.total).toBe(3);
    expect(r.parcours.find((p) => p.id === passeEtProche)?.prochainRendezVous).toBe(jour(5));
    // Les deux filtres ensemble, page par page : les pages recomposent exactement le résultat.
    const pages = await toutesLesPages(
      { operateurId: o.operateurId, maintenant, rendezVousAvant: jour(7), sansContactDepuis: jour(-30) },
      2,
    );
    expect(pages.flatMap((p) => p.ids).sort()).toEqual([dansTroisJours, aLaLimite, passeEtProche].sort());
    expect(pages.every((p) => p.total === 3)).toBe(true);
  });
});
