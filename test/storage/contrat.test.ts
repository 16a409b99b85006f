import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITUATION_VIDE } from "../../src/domain/dossier.js";
import { fabriquesBase } from "../support/bases.js";

/** Contrat des dépôts : la même suite sur SQLite et sur PostgreSQL. */
describe.each(fabriquesBase())("dépôts ($nom)", (fabrique) => {
  let base: Awaited<ReturnType<typeof fabrique.ouvrir>>;
  beforeAll(async () => {
    base = await fabrique.ouvrir();
  });
  afterAll(async () => base?.detruire());

  const maintenant = "2026-03-01T10:00:00.000Z";
  const nouvelOperateur = () => ({
    id: randomUUID(),
    nom: `Opérateur ${randomUUID().slice(0, 6)}`,
    type: "apec" as const,
    codeRegion: "84",
    creeLe: maintenant,
  });
  const nouveauCompte = (
    extra: Partial<{ role: "beneficiaire" | "conseiller"; operateurId: string | null; email: string }> = {},
  ) => ({
    id: randomUUID(),
    email: extra.email ?? `${randomUUID().slice(0, 8)}@exemple.invalid`,
    prenom: "Prénom",
    nom: "Nom",
    role: extra.role ?? ("beneficiaire" as const),
    operateurId: extra.operateurId ?? null,
    actif: true,
    demo: false,
    creeLe: maintenant,
    hashMotDePasse: "hash",
  });

  it("enregistre et relit un opérateur avec ses accents, version 1", async () => {
    const o = { ...nouvelOperateur(), nom: "Mission locale de l'Yonne — Auxerre" };
    await base.depots.operateurs.creer(o);
    expect(await base.depots.operateurs.parId(o.id)).toEqual({ ...o, version: 1 });
  });

  it("refuse une modification sur une version périmée (écriture concurrente détectée)", async () => {
    const o = nouvelOperateur();
    await base.depots.operateurs.creer(o);
    expect(await base.depots.operateurs.modifier(o.id, 1, { nom: "Premier" })).toBe(true);
    expect(await base.depots.operateurs.modifier(o.id, 1, { nom: "Second" })).toBe(false);
    const relu = await base.depots.operateurs.parId(o.id);
    expect(relu).toMatchObject({ nom: "Premier", version: 2 });
  });

  it("retrouve un compte par adresse sans tenir compte de la casse et refuse les doublons", async () => {
    const c = nouveauCompte({ email: `camille.${randomUUID().slice(0, 6)}@exemple.invalid` });
    await base.depots.comptes.creer(c);
    expect((await base.depots.comptes.parEmailAvecSecret(c.email.toUpperCase()))?.id).toBe(c.id);
    await expect(base.depots.comptes.creer({ ...c, id: randomUUID() })).rejects.toThrow();
  });

  it("impose qu'un conseiller appartienne à un opérateur (contrainte en base)", async () => {
    await expect(
      base.depots.comptes.creer(nouveauCompte({ role: "conseiller", operateurId: null })),
    ).rejects.toThrow();
  });

  it("annule toute la transaction quand une écriture échoue (rien n'est à moitié écrit)", async () => {
    const o = nouvelOperateur();
    await expect(
      base.transaction(async (d) => {
        await d.operateurs.creer(o);
        await d.sites.creer({
          id: randomUUID(),
          operateurId: randomUUID(),
          nom: "Site orphelin",
          adresse: null,
          codePostal: null,
          commune: null,
          creeLe: maintenant,
        });
      }),
    ).rejects.toThrow();
    expect(await base.depots.operateurs.parId(o.id)).toBeUndefined();
  });

  it("sessions : trouvée tant qu'elle n'a pas expiré, supprimée avec le compte", async () => {
    const c = nouveauCompte();
    await base.depots.comptes.creer(c);
    await base.depots.sessions.creer({
      id: `s1-${c.id}`,
      compteId: c.id,
      jetonCsrf: "x",
      creeLe: maintenant,
      expireLe: "2026-03-01T12:00:00.000Z",
    });
    expect((await base.depots.sessions.trouver(`s1-${c.id}`, "2026-03-01T11:59:00.000Z"))?.compte.id).toBe(
      c.id,
    );
    expect(await base.depots.sessions.trouver(`s1-${c.id}`, "2026-03-01T12:00:01.000Z")).toBeUndefined();
    await base.depots.sessions.supprimerPourCompte(c.id);
    expect(await base.depots.sessions.trouver(`s1-${c.id}`, "2026-03-01T11:00:00.000Z")).toBeUndefined();
  });

  it("jeton de réinitialisation : utilisable une seule fois et avant expiration", async () => {
    const c = nouveauCompte();
    await base.depots.comptes.creer(c);
    await base.depots.jetons.creer({
      hash: `h-${c.id}`,
      compteId: c.id,
      creeLe: maintenant,
      expireLe: "2026-03-01T11:00:00.000Z",
    });
    expect(await base.depots.jetons.consommer(`h-${c.id}`, "2026-03-01T11:00:01.000Z")).toBeUndefined();
    expect(await base.depots.jetons.consommer(`h-${c.id}`, "2026-03-01T10:30:00.000Z")).toBe(c.id);
    expect(await base.depots.jetons.consommer(`h-${c.id}`, "2026-03-01T10:31:00.000Z")).toBeUndefined();
  });

  it("compte les échecs de connexion puis verrouille", async () => {
    const c = nouveauCompte();
    await base.depots.comptes.creer(c);
    expect(await base.depots.comptes.enregistrerEchecConnexion(c.id, null)).toBe(1);
    expect(await base.depots.comptes.enregistrerEchecConnexion(c.id, null)).toBe(2);
    await base.depots.comptes.enregistrerEchecConnexion(c.id, "2026-03-01T10:15:00.000Z");
    expect(await base.depots.comptes.parId(c.id)).toMatchObject({
      echecsConnexion: 0,
      verrouilleJusquA: "2026-03-01T10:15:00.000Z",
    });
  });

  it("limite de débit : compteur partagé par clé et par fenêtre", async () => {
    const cle = `ip:${randomUUID()}`;
    expect(await base.depots.limites.incrementer(cle, "2026-03-01T10:00")).toBe(1);
    expect(await base.depots.limites.incrementer(cle, "2026-03-01T10:00")).toBe(2);
    expect(await base.depots.limites.incrementer(cle, "2026-03-01T10:01")).toBe(1);
  });

  it("parcours : visibles par opérateur, par référent et par bénéficiaire", async () => {
    const o = nouvelOperateur();
    await base.depots.operateurs.creer(o);
    const conseiller = nouveauCompte({ role: "conseiller", operateurId: o.id });
    const b = nouveauCompte();
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
    expect(await base.depots.parcours.parId(p.id)).toEqual({
      ...p,
      version: 1,
      demande: null,
      situation: SITUATION_VIDE,
      suppleantId: null,
      suppleantJusquAu: null,
      closLe: null,
      anonymiseLe: null,
      partageAvec: [],
    });
    expect(
      (await base.depots.parcours.listerParOperateur(o.id, { referentId: conseiller.id })).map((x) => x.id),
    ).toEqual([p.id]);
    expect(await base.depots.parcours.listerParOperateur(o.id, { referentId: randomUUID() })).toEqual([]);
    expect(await base.depots.parcours.beneficiaireSuiviPar(b.id, o.id)).toBe(true);
    expect(await base.depots.parcours.beneficiaireSuiviPar(b.id, randomUUID())).toBe(false);
  });

  it("journal d'audit : lu par bénéficiaire, du plus récent au plus ancien, et en ajout seul", async () => {
    const b = randomUUID();
    for (const [i, action] of ["parcours.lire", "compte.lire"].entries())
      await base.depots.audit.ajouter({
        horodatage: `2026-03-01T10:0${i}:00.000Z`,
        acteurCompteId: null,
        acteurRole: "conseiller",
        action,
        resultat: "succes",
        beneficiaireId: b,
        objetType: null,
        objetId: null,
        requeteId: "r",
        details: null,
      });
    const evenements = await base.depots.audit.listerParBeneficiaire(b, 10);
    expect(evenements.map((e) => e.action)).toEqual(["compte.lire", "parcours.lire"]);
    await expect(sql`update evenement_audit set action = 'falsifie'`.execute(base.db)).rejects.toThrow(
      /ajout seul/,
    );
    await expect(sql`delete from evenement_audit`.execute(base.db)).rejects.toThrow(/ajout seul/);
  });

  it("tâches planifiées : un créneau n'est réservé qu'une fois, même par deux réservations simultanées", async () => {
    const nom = `tache-${randomUUID()}`;
    const resultats = await Promise.all([
      base.depots.taches.reserver(nom, "42", "processus-a", maintenant),
      base.depots.taches.reserver(nom, "42", "processus-b", maintenant),
    ]);
    expect(resultats.filter(Boolean)).toHaveLength(1);
    expect(await base.depots.taches.reserver(nom, "43", "processus-b", maintenant)).toBe(true);
    await base.depots.taches.terminer(nom, "42", maintenant, '{"ok":true}');
    const dernieres = await base.depots.taches.dernieres(nom, 10);
    expect(dernieres.map((e) => e.creneau)).toEqual(["43", "42"]);
    expect(dernieres[1]).toMatchObject({ termineLe: maintenant, resultat: '{"ok":true}' });
  });

  it("purge les sessions expirées et les jetons usés ou expirés, pas les autres", async () => {
    const c = nouveauCompte();
    await base.depots.comptes.creer(c);
    await base.depots.sessions.creer({
      id: `vieille-${c.id}`,
      compteId: c.id,
      jetonCsrf: "x",
      creeLe: maintenant,
      expireLe: "2026-03-01T09:00:00.000Z",
    });
    await base.depots.sessions.creer({
      id: `active-${c.id}`,
      compteId: c.id,
      jetonCsrf: "x",
      creeLe: maintenant,
      expireLe: "2026-03-02T09:00:00.000Z",
    });
    await base.depots.jetons.creer({
      hash: `expire-${c.id}`,
      compteId: c.id,
      creeLe: maintenant,
      expireLe: "2026-03-01T09:00:00.000Z",
    });
    await base.depots.jetons.creer({
      hash: `valide-${c.id}`,
      compteId: c.id,
      creeLe: maintenant,
      expireLe: "2026-03-02T09:00:00.000Z",
    });
    expect(await base.depots.sessions.purgerExpirees(maintenant)).toBeGreaterThanOrEqual(1);
    expect(await base.depots.sessions.trouver(`active-${c.id}`, maintenant)).toBeDefined();
    expect(await base.depots.jetons.purger(maintenant)).toBeGreaterThanOrEqual(1);
    expect(await base.depots.jetons.consommer(`valide-${c.id}`, maintenant)).toBe(c.id);
  });

  /** Un parcours neuf avec son bénéficiaire et son conseiller, pour les cas suivants. */
  async function parcoursNeuf() {
    const o = nouvelOperateur();
    await base.depots.operateurs.creer(o);
    const conseiller = nouveauCompte({ role: "conseiller", operateurId: o.id });
    const b = nouveauCompte();
    await base.depots.comptes.creer(conseiller);
    await base.depots.comptes.creer(b);
    const p = {
      id: randomUUID(),
      beneficiaireId: b.id,
      operateurId: o.id,
      referentId: conseiller.id,
      niveau: 1 as const,
      phase: null,
      statut: "en_cours" as const,
      creeLe: maintenant,
      modifieLe: maintenant,
    };
    await base.depots.parcours.creer(p);
    return { p, conseiller, b };
  }

  it("parcours : deux modifications sur la même version, la seconde est refusée et la première reste", async () => {
    const { p } = await parcoursNeuf();
    const situation = (commune: string) => ({ ...SITUATION_VIDE, commune });
    const resultats = await Promise.all([
      base.transaction((d) => d.parcours.modifier(p.id, 1, { situation: situation("Lyon") }, maintenant)),
      base.transaction((d) => d.parcours.modifier(p.id, 1, { situation: situation("Vienne") }, maintenant)),
    ]);
    expect(resultats.sort()).toEqual([false, true]);
    const relu = await base.depots.parcours.parId(p.id);
    expect(relu!.version).toBe(2);
    expect(["Lyon", "Vienne"]).toContain(relu!.situation.commune);
  });

  it("transitions gardées dans l'ordre, rejouables ; notes privées filtrées ; rappel réservé une seule fois", async () => {
    const { p, conseiller } = await parcoursNeuf();
    await base.depots.transitions.ajouter({
      id: randomUUID(),
      parcoursId: p.id,
      auteurId: conseiller.id,
      type: "ouverture",
      niveau: 1,
      phase: null,
      le: maintenant,
    });
    await base.depots.transitions.ajouter({
      id: randomUUID(),
      parcoursId: p.id,
      auteurId: conseiller.id,
      type: "pause",
      motif: "Congé",
      retourPrevu: "2026-06-01",
      le: "2026-03-02T10:00:00.000Z",
    });
    expect((await base.depots.transitions.lister(p.id)).map((t) => t.type)).toEqual(["ouverture", "pause"]);
    for (const partagee of [true, false])
      await base.depots.notes.creer({
        id: randomUUID(),
        parcoursId: p.id,
        auteurId: conseiller.id,
        texte: String(partagee),
        partagee,
        creeLe: maintenant,
        modifieLe: maintenant,
      });
    expect((await base.depots.notes.lister(p.id, true)).map((n) => n.texte)).toEqual(["true"]);
    expect(await base.depots.notes.lister(p.id, false)).toHaveLength(2);
    const rdv = {
      id: randomUUID(),
      parcoursId: p.id,
      auteurId: conseiller.id,
      debut: "2026-03-03T09:00:00.000Z",
      dureeMinutes: 30,
      modalite: "visio" as const,
      siteId: null,
      lieu: null,
      statut: "propose" as const,
      creeLe: maintenant,
      modifieLe: maintenant,
    };
    await base.depots.rendezVous.creer(rdv);
    expect(
      (await base.depots.rendezVous.aRappeler("2026-03-02T00:00:00.000Z", "2026-03-04T00:00:00.000Z")).map(
        (r) => r.id,
      ),
    ).toContain(rdv.id);
    const reservations = await Promise.all([
      base.depots.rendezVous.marquerRappel(rdv.id, maintenant),
      base.depots.rendezVous.marquerRappel(rdv.id, maintenant),
    ]);
    expect(reservations.sort()).toEqual([false, true]);
    expect(
      (await base.depots.rendezVous.aRappeler("2026-03-02T00:00:00.000Z", "2026-03-04T00:00:00.000Z")).map(
        (r) => r.id,
      ),
    ).not.toContain(rdv.id);
  });

  it("consentement : créé une fois (version 0), puis modifié avec sa version", async () => {
    const { b } = await parcoursNeuf();
    expect(await base.depots.consentements.enregistrer(b.id, "rappels", true, 0, maintenant)).toBe(true);
    expect(await base.depots.consentements.enregistrer(b.id, "rappels", false, 0, maintenant)).toBe(false);
    expect(await base.depots.consentements.enregistrer(b.id, "rappels", false, 1, maintenant)).toBe(true);
    expect(await base.depots.consentements.lister(b.id)).toMatchObject([
      { type: "rappels", accorde: false, version: 2 },
    ]);
  });

  it("lit plusieurs comptes d'un coup, sans secret, en ignorant les identifiants inconnus", async () => {
    const comptes = Array.from({ length: 3 }, () => nouveauCompte());
    for (const c of comptes) await base.depots.comptes.creer(c);
    const lus = await base.depots.comptes.parIds([...comptes.map((c) => c.id), randomUUID()]);
    expect(lus.map((c) => c.id).sort()).toEqual(comptes.map((c) => c.id).sort());
    expect(lus.every((c) => !("hashMotDePasse" in c))).toBe(true);
    expect(await base.depots.comptes.parIds([])).toEqual([]);
  });

  it("co-suivi : un partage par conseiller, relu avec le parcours, retiré une fois", async () => {
    const { p, b } = await parcoursNeuf();
    const collegue = nouveauCompte({ role: "conseiller", operateurId: p.operateurId });
    await base.depots.comptes.creer(collegue);
    const partage = { parcoursId: p.id, conseillerId: collegue.id, partagePar: b.id, creeLe: maintenant };
    expect(await base.depots.parcours.partager(partage)).toBe(true);
    expect(await base.depots.parcours.partager(partage)).toBe(false);
    expect((await base.depots.parcours.parId(p.id))?.partageAvec).toEqual([collegue.id]);
    expect(await base.depots.parcours.partages(p.id)).toEqual([
      { conseillerId: collegue.id, partagePar: b.id, creeLe: maintenant },
    ]);
    expect(await base.depots.parcours.retirerPartage(p.id, collegue.id)).toBe(true);
    expect(await base.depots.parcours.retirerPartage(p.id, collegue.id)).toBe(false);
    expect((await base.depots.parcours.parId(p.id))?.partageAvec).toEqual([]);
  });

  describe("réunions : anonymisation des inscriptions (ADR 0004)", () => {
    const reunion = async (operateurId: string, debut: string) => {
      const r = {
        id: randomUUID(),
        operateurId,
        theme: "Réunion",
        lieu: "distance" as const,
        siteId: null,
        debut,
        dureeMinutes: 60,
        places: 2,
        creeLe: maintenant,
      };
      await base.depots.reunions.creer(r);
      return r.id;
    };
    const inscrire = async (reunionId: string, nom: string, email: string, compteId: string | null) => {
      const id = randomUUID();
      await base.depots.reunions.inscrire({ id, reunionId, nom, email, compteId, inscritLe: maintenant });
      return id;
    };
    const lire = async (id: string) => (await base.depots.reunions.inscriptionParId(id))!;
    const anonyme = (id: string) => ({
      nom: "(anonymisé)",
      email: `anonyme-${id}@anonyme.invalid`,
      compteId: null,
    });

    it("avec le parcours : celles de la personne aux séances de l'opérateur jusqu'à la clôture ; les autres à l'anonymisation du compte", async () => {
      const { p, b } = await parcoursNeuf();
      const clos = "2026-02-01T00:00:00.000Z";
      expect(await base.depots.parcours.modifier(p.id, 1, { statut: "clos", closLe: clos }, clos)).toBe(true);
      const autreOperateur = nouvelOperateur();
      await base.depots.operateurs.creer(autreOperateur);
      const avant = await reunion(p.operateurId, "2026-01-15T10:00:00.000Z");
      const apres = await reunion(p.operateurId, "2026-04-15T10:00:00.000Z");
      const ailleurs = await reunion(autreOperateur.id, "2026-01-15T10:00:00.000Z");
      const parCompte = await inscrire(avant, `${b.prenom} ${b.nom}`, b.email, b.id);
      // Inscrite aussi depuis la page publique avant d'avoir un compte (adresse en majuscules).
      const parAdresse = await inscrire(
        await reunion(p.operateurId, "2026-01-10T10:00:00.000Z"),
        "Nom public",
        b.email.toUpperCase(),
        null,
      );
      const autrePersonne = await inscrire(avant, "Autre Personne", "autre.personne@exemple.invalid", null);
      const apresCloture = await inscrire(apres, b.nom, b.email, b.id);
      const autreOp = await inscrire(ailleurs, b.nom, b.email, b.id);
      expect(await base.depots.reunions.marquerPresence(parCompte, 1, true)).toBe(true);
      expect(await base.depots.reunions.annuler(autrePersonne, 1, "2026-01-02T00:00:00.000Z")).toBe(true);

      await base.depots.anonymisation.anonymiserParcours(p.id, "2029-03-01T00:00:00.000Z");
      // Identité effacée ; séance, dates, présence gardées (les comptes et la liste d'attente restent justes).
      expect(await lire(parCompte)).toMatchObject({
        ...anonyme(parCompte),
        reunionId: avant,
        inscritLe: maintenant,
        present: true,
        version: 3,
      });
      expect(await lire(parAdresse)).toMatchObject(anonyme(parAdresse));
      expect((await base.depots.reunions.inscriptions(avant)).length).toBe(2);
      expect(await lire(autrePersonne)).toMatchObject({
        nom: "Autre Personne",
        annuleeLe: "2026-01-02T00:00:00.000Z",
      });
      expect(await lire(apresCloture)).toMatchObject({ email: b.email, compteId: b.id });
      expect(await lire(autreOp)).toMatchObject({ email: b.email, compteId: b.id });
      expect((await base.depots.reunions.inscriptionsDuCompte(b.id)).map((i) => i.id).sort()).toEqual(
        [apresCloture, autreOp].sort(),
      );

      // Tous les parcours sont anonymisés : le compte l'est, et ses dernières inscriptions nominatives aussi.
      expect(
        await base.depots.anonymisation.anonymiserCompteSiPossible(b.id, "2029-03-01T00:00:00.000Z"),
      ).toBe(true);
      expect(await lire(apresCloture)).toMatchObject(anonyme(apresCloture));
      expect(await lire(autreOp)).toMatchObject(anonyme(autreOp));
      expect(await lire(autrePersonne)).toMatchObject({ nom: "Autre Personne" });
    });

    it("sans dossier : effacées 6 mois après la séance ; pas celles d'une personne qui a un parcours", async () => {
      const { b } = await parcoursNeuf();
      const sansParcours = nouveauCompte();
      await base.depots.comptes.creer(sansParcours);
      const o = nouvelOperateur();
      await base.depots.operateurs.creer(o);
      const ancienne = await reunion(o.id, "2020-01-15T10:00:00.000Z");
      const recente = await reunion(o.id, "2020-09-15T10:00:00.000Z");
      const sansCompte = await inscrire(ancienne, "Sans Compte", "sans.compte@exemple.invalid", null);
      const compteSansParcours = await inscrire(
        ancienne,
        "Sans Parcours",
        sansParcours.email,
        sansParcours.id,
      );
      const avecParcoursParAdresse = await inscrire(ancienne, "A un dossier", b.email, null);
      const tropRecente = await inscrire(recente, "Trop Récente", "recente@exemple.invalid", null);

      const limite = "2020-06-01T00:00:00.000Z";
      expect(
        await base.depots.anonymisation.anonymiserInscriptionsSansDossier(limite, "2020-12-01T00:00:00.000Z"),
      ).toBe(2);
      expect(await lire(sansCompte)).toMatchObject(anonyme(sansCompte));
      expect(await lire(compteSansParcours)).toMatchObject(anonyme(compteSansParcours));
      expect(await lire(avecParcoursParAdresse)).toMatchObject({ email: b.email });
      expect(await lire(tropRecente)).toMatchObject({ nom: "Trop Récente" });
      // Idempotente : rien de plus au second passage.
      expect(
        await base.depots.anonymisation.anonymiserInscriptionsSansDossier(limite, "2020-12-01T00:00:00.000Z"),
      ).toBe(0);
    });
  });
});
