import type { Kysely, Selectable } from "kysely";
import type {
  Compte,
  CompteAvecSecret,
  Depots,
  EvenementAudit,
  NouvelEvenementAudit,
  Operateur,
  Site,
} from "../app/ports.js";
import type { Role, TypeOperateur } from "../domain/organisation.js";
import { depotEtatsDesLieux, depotReunions } from "./depotsAccueil.js";
import { depotCompetences } from "./depotsCompetences.js";
import { depotParametresFinancement } from "./depotsFinancement.js";
import { creerDepotsDossier } from "./depotsParcours.js";
import { creerDepotPilotage, creerDepotSatisfaction } from "./depotsPilotage.js";
import { depotPlans } from "./depotsPlan.js";
import { depotSyntheses } from "./depotsSynthese.js";
import { creerDepotReferentiels } from "./referentiels.js";
import type { Schema, TableCompte, TableEvenementAudit, TableOperateur, TableSite } from "./schema.js";

/** Dépôts SQL communs à SQLite et PostgreSQL (Kysely) ; `db` peut être une transaction. */

const versOperateur = (r: Selectable<TableOperateur>): Operateur => ({
  id: r.id,
  nom: r.nom,
  type: r.type as TypeOperateur,
  codeRegion: r.code_region,
  version: r.version,
  creeLe: r.cree_le,
});

const versSite = (r: Selectable<TableSite>): Site => ({
  id: r.id,
  operateurId: r.operateur_id,
  nom: r.nom,
  adresse: r.adresse,
  codePostal: r.code_postal,
  commune: r.commune,
  version: r.version,
  creeLe: r.cree_le,
});

const versCompte = (r: Selectable<TableCompte>): CompteAvecSecret => ({
  id: r.id,
  email: r.email,
  prenom: r.prenom,
  nom: r.nom,
  role: r.role as Role,
  operateurId: r.operateur_id,
  actif: r.actif === 1,
  demo: r.demo === 1,
  echecsConnexion: r.echecs_connexion,
  verrouilleJusquA: r.verrouille_jusqu_a,
  version: r.version,
  creeLe: r.cree_le,
  hashMotDePasse: r.hash_mot_de_passe,
});

const sansSecret = ({ hashMotDePasse: _, ...c }: CompteAvecSecret): Compte => c;

const versLigneAudit = (e: NouvelEvenementAudit) => ({
  horodatage: e.horodatage,
  acteur_compte_id: e.acteurCompteId,
  acteur_role: e.acteurRole,
  action: e.action,
  resultat: e.resultat,
  beneficiaire_id: e.beneficiaireId,
  objet_type: e.objetType,
  objet_id: e.objetId,
  requete_id: e.requeteId,
  details: e.details,
});

const versEvenement = (r: Selectable<TableEvenementAudit>): EvenementAudit => ({
  id: String(r.id),
  horodatage: r.horodatage,
  acteurCompteId: r.acteur_compte_id,
  acteurRole: r.acteur_role as EvenementAudit["acteurRole"],
  action: r.action,
  resultat: r.resultat as EvenementAudit["resultat"],
  beneficiaireId: r.beneficiaire_id,
  objetType: r.objet_type,
  objetId: r.objet_id,
  requeteId: r.requete_id,
  details: r.details,
});

export function creerDepots(db: Kysely<Schema>): Depots {
  return {
    syntheses: depotSyntheses(db),
    financement: depotParametresFinancement(db),
    competences: depotCompetences(db),
    etatsDesLieux: depotEtatsDesLieux(db),
    reunions: depotReunions(db),
    operateurs: {
      async creer(o) {
        await db
          .insertInto("operateur")
          .values({
            id: o.id,
            nom: o.nom,
            type: o.type,
            code_region: o.codeRegion,
            cree_le: o.creeLe,
            version: 1,
          })
          .execute();
      },
      async parId(id) {
        const r = await db.selectFrom("operateur").selectAll().where("id", "=", id).executeTakeFirst();
        return r && versOperateur(r);
      },
      async lister() {
        return (await db.selectFrom("operateur").selectAll().orderBy("nom").execute()).map(versOperateur);
      },
      async modifier(id, version, champs) {
        const r = await db
          .updateTable("operateur")
          .set({
            ...(champs.nom !== undefined ? { nom: champs.nom } : {}),
            ...(champs.type !== undefined ? { type: champs.type } : {}),
            ...(champs.codeRegion !== undefined ? { code_region: champs.codeRegion } : {}),
            version: version + 1,
          })
          .where("id", "=", id)
          .where("version", "=", version)
          .executeTakeFirst();
        return Number(r.numUpdatedRows) === 1;
      },
    },
    sites: {
      async creer(s) {
        await db
          .insertInto("site")
          .values({
            id: s.id,
            operateur_id: s.operateurId,
            nom: s.nom,
            adresse: s.adresse,
            code_postal: s.codePostal,
            commune: s.commune,
            cree_le: s.creeLe,
            version: 1,
          })
          .execute();
      },
      async parId(id) {
        const r = await db.selectFrom("site").selectAll().where("id", "=", id).executeTakeFirst();
        return r && versSite(r);
      },
      async listerParOperateur(operateurId) {
        return (
          await db
            .selectFrom("site")
            .selectAll()
            .where("operateur_id", "=", operateurId)
            .orderBy("nom")
            .execute()
        ).map(versSite);
      },
    },
    comptes: {
      async creer(c) {
        await db
          .insertInto("compte")
          .values({
            id: c.id,
            email: c.email,
            prenom: c.prenom,
            nom: c.nom,
            role: c.role,
            operateur_id: c.operateurId,
            hash_mot_de_passe: c.hashMotDePasse,
            actif: c.actif ? 1 : 0,
            demo: c.demo ? 1 : 0,
            echecs_connexion: 0,
            verrouille_jusqu_a: null,
            version: 1,
            cree_le: c.creeLe,
          })
          .execute();
      },
      async parId(id) {
        const r = await db.selectFrom("compte").selectAll().where("id", "=", id).executeTakeFirst();
        return r && sansSecret(versCompte(r));
      },
      async parIds(ids) {
        const comptes: Compte[] = [];
        // Par paquets de 500 : bien en deçà de la limite de paramètres de SQLite.
        for (let i = 0; i < ids.length; i += 500) {
          const lignes = await db
            .selectFrom("compte")
            .selectAll()
            .where("id", "in", ids.slice(i, i + 500))
            .execute();
          for (const r of lignes) comptes.push(sansSecret(versCompte(r)));
        }
        return comptes;
      },
      async parEmailAvecSecret(email) {
        const r = await db
          .selectFrom("compte")
          .selectAll()
          .where("email", "=", email.toLowerCase())
          .executeTakeFirst();
        return r && versCompte(r);
      },
      async lister(filtre) {
        let q = db.selectFrom("compte").selectAll();
        if (filtre.operateurId) q = q.where("operateur_id", "=", filtre.operateurId);
        if (filtre.role) q = q.where("role", "=", filtre.role);
        return (await q.orderBy("nom").orderBy("prenom").execute()).map((r) => sansSecret(versCompte(r)));
      },
      async compter() {
        const r = await db
          .selectFrom("compte")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        return Number(r.n);
      },
      async enregistrerEchecConnexion(id, verrouilleJusquA) {
        await db
          .updateTable("compte")
          .set((eb) => ({
            echecs_connexion: verrouilleJusquA ? 0 : eb("echecs_connexion", "+", 1),
            verrouille_jusqu_a: verrouilleJusquA,
          }))
          .where("id", "=", id)
          .execute();
        const r = await db
          .selectFrom("compte")
          .select("echecs_connexion")
          .where("id", "=", id)
          .executeTakeFirst();
        return r?.echecs_connexion ?? 0;
      },
      async reinitialiserEchecs(id) {
        await db
          .updateTable("compte")
          .set({ echecs_connexion: 0, verrouille_jusqu_a: null })
          .where("id", "=", id)
          .execute();
      },
      async changerMotDePasse(id, hash) {
        await db
          .updateTable("compte")
          .set((eb) => ({ hash_mot_de_passe: hash, version: eb("version", "+", 1) }))
          .where("id", "=", id)
          .execute();
      },
    },
    sessions: {
      async creer(s) {
        await db
          .insertInto("session")
          .values({
            id: s.id,
            compte_id: s.compteId,
            jeton_csrf: s.jetonCsrf,
            cree_le: s.creeLe,
            expire_le: s.expireLe,
          })
          .execute();
      },
      async trouver(id, maintenant) {
        const r = await db
          .selectFrom("session")
          .innerJoin("compte", "compte.id", "session.compte_id")
          .selectAll("compte")
          .select([
            "session.id as session_id",
            "session.jeton_csrf",
            "session.cree_le as session_cree_le",
            "session.expire_le",
          ])
          .where("session.id", "=", id)
          .where("session.expire_le", ">", maintenant)
          .where("compte.actif", "=", 1)
          .executeTakeFirst();
        if (!r) return undefined;
        return {
          id: r.session_id,
          compteId: r.id,
          jetonCsrf: r.jeton_csrf,
          creeLe: r.session_cree_le,
          expireLe: r.expire_le,
          compte: sansSecret(versCompte(r)),
        };
      },
      async prolonger(id, expireLe) {
        await db.updateTable("session").set({ expire_le: expireLe }).where("id", "=", id).execute();
      },
      async supprimer(id) {
        await db.deleteFrom("session").where("id", "=", id).execute();
      },
      async supprimerPourCompte(compteId) {
        await db.deleteFrom("session").where("compte_id", "=", compteId).execute();
      },
      async purgerExpirees(maintenant) {
        const r = await db.deleteFrom("session").where("expire_le", "<=", maintenant).executeTakeFirst();
        return Number(r.numDeletedRows);
      },
    },
    jetons: {
      async creer(j) {
        await db
          .insertInto("jeton_reinitialisation")
          .values({
            hash: j.hash,
            compte_id: j.compteId,
            cree_le: j.creeLe,
            expire_le: j.expireLe,
            utilise_le: null,
          })
          .execute();
      },
      async consommer(hash, maintenant) {
        const r = await db
          .updateTable("jeton_reinitialisation")
          .set({ utilise_le: maintenant })
          .where("hash", "=", hash)
          .where("utilise_le", "is", null)
          .where("expire_le", ">", maintenant)
          .returning("compte_id")
          .executeTakeFirst();
        return r?.compte_id;
      },
      async purger(maintenant) {
        const r = await db
          .deleteFrom("jeton_reinitialisation")
          .where((eb) => eb.or([eb("expire_le", "<=", maintenant), eb("utilise_le", "is not", null)]))
          .executeTakeFirst();
        return Number(r.numDeletedRows);
      },
    },
    ...creerDepotsDossier(db),
    pilotage: creerDepotPilotage(db),
    satisfaction: creerDepotSatisfaction(db),
    audit: {
      async ajouter(e) {
        await db.insertInto("evenement_audit").values(versLigneAudit(e)).execute();
      },
      async ajouterLot(evenements) {
        for (let i = 0; i < evenements.length; i += 500)
          await db
            .insertInto("evenement_audit")
            .values(evenements.slice(i, i + 500).map(versLigneAudit))
            .execute();
      },
      async listerParBeneficiaire(beneficiaireId, limite) {
        return (
          await db
            .selectFrom("evenement_audit")
            .selectAll()
            .where("beneficiaire_id", "=", beneficiaireId)
            .orderBy("horodatage", "desc")
            .orderBy("id", "desc")
            .limit(limite)
            .execute()
        ).map(versEvenement);
      },
    },
    limites: {
      async incrementer(cle, fenetre) {
        const r = await db
          .insertInto("limite_debit")
          .values({ cle, fenetre, compteur: 1 })
          .onConflict((oc) =>
            oc
              .columns(["cle", "fenetre"])
              .doUpdateSet((eb) => ({ compteur: eb("limite_debit.compteur", "+", 1) })),
          )
          .returning("compteur")
          .executeTakeFirstOrThrow();
        return Number(r.compteur);
      },
      async purgerAvant(fenetre) {
        const r = await db.deleteFrom("limite_debit").where("fenetre", "<", fenetre).executeTakeFirst();
        return Number(r.numDeletedRows);
      },
    },
    taches: {
      async reserver(nom, creneau, processus, maintenant) {
        const r = await db
          .insertInto("execution_tache")
          .values({ nom, creneau, processus, demarre_le: maintenant, termine_le: null, resultat: null })
          .onConflict((oc) => oc.columns(["nom", "creneau"]).doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
      },
      async terminer(nom, creneau, maintenant, resultat) {
        await db
          .updateTable("execution_tache")
          .set({ termine_le: maintenant, resultat })
          .where("nom", "=", nom)
          .where("creneau", "=", creneau)
          .execute();
      },
      async dernieres(nom, limite) {
        const lignes = await db
          .selectFrom("execution_tache")
          .selectAll()
          .where("nom", "=", nom)
          .orderBy("creneau", "desc")
          .limit(limite)
          .execute();
        return lignes.map((r) => ({
          nom: r.nom,
          creneau: r.creneau,
          processus: r.processus,
          demarreLe: r.demarre_le,
          termineLe: r.termine_le,
          resultat: r.resultat,
        }));
      },
    },
    referentiels: creerDepotReferentiels(db),
    plans: depotPlans(db),
  };
}
