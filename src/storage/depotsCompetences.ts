import type { Kysely } from "kysely";
import type { CompetencesRepository, ProjetProfessionnel, StatutProjet } from "../app/ports.js";
import type { DecisionStrategie, TypeChangement } from "../domain/competences/faisabilite.js";
import type { ProfilCompetences } from "../domain/competences/profil.js";
import type { Schema, TableProjetProfessionnel } from "./schema.js";

/** Profil de compétences, pistes retenues, projets (migration 0009), même code pour SQLite et PostgreSQL. */
const versProjet = (r: TableProjetProfessionnel): ProjetProfessionnel => ({
  id: r.id,
  parcoursId: r.parcours_id,
  codeRome: r.code_rome,
  libelleMetier: r.libelle_metier,
  typeChangement: r.type_changement as TypeChangement,
  description: r.description,
  statut: r.statut as StatutProjet,
  decision: r.decision ? (JSON.parse(r.decision) as DecisionStrategie) : null,
  version: Number(r.version),
  auteurId: r.auteur_id,
  creeLe: new Date(r.cree_le).toISOString(),
  modifieLe: new Date(r.modifie_le).toISOString(),
});

export function depotCompetences(db: Kysely<Schema>): CompetencesRepository {
  return {
    async profil(parcoursId) {
      const r = await db
        .selectFrom("profil_competences")
        .selectAll()
        .where("parcours_id", "=", parcoursId)
        .executeTakeFirst();
      return r
        ? {
            parcoursId: r.parcours_id,
            profil: JSON.parse(r.contenu) as ProfilCompetences,
            version: Number(r.version),
            modifiePar: r.modifie_par,
            modifieLe: new Date(r.modifie_le).toISOString(),
          }
        : undefined;
    },
    async enregistrerProfil(p, versionAttendue) {
      const contenu = JSON.stringify(p.profil);
      if (versionAttendue === 0) {
        const r = await db
          .insertInto("profil_competences")
          .values({
            parcours_id: p.parcoursId,
            contenu,
            version: 1,
            modifie_par: p.modifiePar,
            cree_le: p.modifieLe,
            modifie_le: p.modifieLe,
          })
          .onConflict((oc) => oc.column("parcours_id").doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
      }
      const r = await db
        .updateTable("profil_competences")
        .set({ contenu, version: versionAttendue + 1, modifie_par: p.modifiePar, modifie_le: p.modifieLe })
        .where("parcours_id", "=", p.parcoursId)
        .where("version", "=", versionAttendue)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async pistes(parcoursId) {
      const r = await db
        .selectFrom("piste_retenue")
        .selectAll()
        .where("parcours_id", "=", parcoursId)
        .orderBy("cree_le")
        .orderBy("code_rome")
        .execute();
      return r.map((x) => ({
        parcoursId: x.parcours_id,
        codeRome: x.code_rome,
        libelle: x.libelle,
        commentaire: x.commentaire,
        auteurId: x.auteur_id,
        creeLe: new Date(x.cree_le).toISOString(),
      }));
    },
    async retenirPiste(p) {
      await db
        .insertInto("piste_retenue")
        .values({
          parcours_id: p.parcoursId,
          code_rome: p.codeRome,
          libelle: p.libelle,
          commentaire: p.commentaire,
          auteur_id: p.auteurId,
          cree_le: p.creeLe,
        })
        .onConflict((oc) =>
          oc.columns(["parcours_id", "code_rome"]).doUpdateSet({ commentaire: p.commentaire }),
        )
        .execute();
    },
    async retirerPiste(parcoursId, codeRome) {
      const r = await db
        .deleteFrom("piste_retenue")
        .where("parcours_id", "=", parcoursId)
        .where("code_rome", "=", codeRome)
        .executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },
    async projets(parcoursId) {
      const r = await db
        .selectFrom("projet_professionnel")
        .selectAll()
        .where("parcours_id", "=", parcoursId)
        .orderBy("cree_le")
        .orderBy("id")
        .execute();
      return r.map(versProjet);
    },
    async projet(id) {
      const r = await db
        .selectFrom("projet_professionnel")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return r ? versProjet(r) : undefined;
    },
    async creerProjet(p) {
      await db
        .insertInto("projet_professionnel")
        .values({
          id: p.id,
          parcours_id: p.parcoursId,
          code_rome: p.codeRome,
          libelle_metier: p.libelleMetier,
          type_changement: p.typeChangement,
          description: p.description,
          statut: p.statut,
          decision: p.decision ? JSON.stringify(p.decision) : null,
          version: p.version,
          auteur_id: p.auteurId,
          cree_le: p.creeLe,
          modifie_le: p.modifieLe,
        })
        .execute();
    },
    async modifierProjet(id, versionAttendue, c) {
      const r = await db
        .updateTable("projet_professionnel")
        .set({
          ...(c.codeRome !== undefined ? { code_rome: c.codeRome } : {}),
          ...(c.libelleMetier !== undefined ? { libelle_metier: c.libelleMetier } : {}),
          ...(c.typeChangement !== undefined ? { type_changement: c.typeChangement } : {}),
          ...(c.description !== undefined ? { description: c.description } : {}),
          ...(c.statut !== undefined ? { statut: c.statut } : {}),
          ...(c.decision !== undefined ? { decision: c.decision ? JSON.stringify(c.decision) : null } : {}),
          modifie_le: c.modifieLe,
          version: versionAttendue + 1,
        })
        .where("id", "=", id)
        .where("version", "=", versionAttendue)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async effacerParcours(parcoursId) {
      await db.deleteFrom("profil_competences").where("parcours_id", "=", parcoursId).execute();
      await db.deleteFrom("piste_retenue").where("parcours_id", "=", parcoursId).execute();
      await db.deleteFrom("projet_professionnel").where("parcours_id", "=", parcoursId).execute();
    },
  };
}
