import { randomUUID } from "node:crypto";
import { z } from "zod";
import { anonymisableAvant, LIBELLES_CONSENTEMENT, TYPES_CONSENTEMENT } from "../../domain/dossier.js";
import {
  CONSERVATION_INSCRIPTIONS_SANS_DOSSIER_MOIS,
  seancesAnonymisablesAvant,
} from "../../domain/reunions.js";
import { chargerParcoursAutorise, exigerRole } from "../autorisations.js";
import { ErreurAccesRefuse, ErreurConflit, ErreurIntrouvable, ErreurValidation } from "../erreurs.js";
import { casUsage } from "../pipeline.js";
import type { Depots, EvenementAudit } from "../ports.js";

/** « Mes données » (RGPD, regles-cep.md §6) : journal d'accès, consentements, export, demande d'effacement. */

const LIBELLES_ACTION: Record<string, string> = {
  "parcours.lire": "a consulté votre dossier",
  "parcours.lister": "a consulté la liste des dossiers",
  "parcours.creer": "a ouvert votre parcours",
  "parcours.transition": "a fait évoluer votre parcours",
  "parcours.situation.modifier": "a modifié votre situation ou votre demande",
  "parcours.referent.affecter": "a désigné votre référent",
  "parcours.transferer": "a transféré votre dossier",
  "parcours.reorientation.repondre": "a répondu à la réorientation de votre dossier",
  "parcours.notes.lister": "a consulté les notes de votre dossier",
  "parcours.note.creer": "a écrit une note",
  "parcours.note.modifier": "a modifié une note",
  "parcours.entretien.creer": "a consigné un entretien",
  "parcours.entretiens.lister": "a consulté vos entretiens",
  "parcours.messages.lister": "a consulté vos échanges",
  "parcours.message.ecrire": "a écrit un message",
  "parcours.rendez_vous.proposer": "a proposé un rendez-vous",
  "parcours.rendez_vous.lister": "a consulté vos rendez-vous",
  "parcours.rendez_vous.repondre": "a répondu à un rendez-vous",
  "parcours.journal.lire": "a consulté l'historique de votre dossier",
  "compte.lire": "a consulté votre compte",
  "moi.export": "a exporté ses données",
  "moi.consentement.enregistrer": "a modifié un consentement",
  "moi.effacement.demander": "a demandé l'effacement de ses données",
  "tache.anonymisation": "a anonymisé votre dossier (durée de conservation écoulée)",
  "effacement.traiter": "a traité votre demande d'effacement",
  "parcours.profil.lire": "a consulté votre profil de compétences",
  "parcours.profil.enregistrer": "a modifié votre profil de compétences",
  "parcours.pistes.calculer": "a recherché des pistes métiers à partir de votre profil",
  "parcours.pistes.retenir": "a retenu une piste métier",
  "parcours.pistes.retirer": "a retiré une piste métier",
  "parcours.projets.lister": "a consulté vos projets professionnels",
  "parcours.projets.creer": "a ajouté une hypothèse de projet",
  "parcours.projets.modifier": "a modifié un projet professionnel",
  "parcours.projets.strategie": "a décidé de la stratégie d'un projet",
  "parcours.synthese.lire": "a consulté votre document de synthèse",
  "parcours.synthese.brouillon": "a rédigé le brouillon de votre document de synthèse",
  "parcours.synthese.emettre": "a émis votre document de synthèse",
  "parcours.synthese.telecharger": "a ouvert votre document de synthèse (PDF ou HTML)",
  "parcours.synthese.version.lire": "a vérifié une version de votre document de synthèse",
  "parcours.synthese.partager": "a partagé votre document de synthèse avec un tiers",
  "synthese.partagee.consulter": "a ouvert votre document de synthèse par un lien de partage",
  "parcours.plan.lire": "a consulté votre plan d'actions",
  "parcours.plan.enregistrer": "a modifié votre plan d'actions",
  "parcours.plan.convenir": "a consigné votre accord sur le plan d'actions",
  "parcours.plan.action.statut": "a changé le statut d'une action de votre plan",
  "parcours.plan.financeur.contact": "a consigné un échange avec un financeur",
  "parcours.plan.comparer": "a comparé deux versions de votre plan d'actions",
  "parcours.plan.calendrier.exporter": "a exporté le calendrier de votre plan d'actions",
  "pilotage.echanges.exporter":
    "a transmis, sous pseudonyme, les données de votre parcours (partage prévu par les articles L6111-6-1 et L6353-10 du Code du travail)",
};

/** Le journal d'accès d'une personne, lisible : qui (nom, opérateur), quoi, quand, accepté ou refusé. */
async function journalAcces(
  depots: Depots,
  beneficiaireId: string,
  garder: (e: EvenementAudit, operateurActeur: string | null) => boolean,
) {
  const tous = (await depots.audit.listerParBeneficiaire(beneficiaireId, 500)).filter(
    (e) => e.action !== "moi.acces.lire" && e.action !== "parcours.acces.lire",
  );
  const ids = [...new Set(tous.map((e) => e.acteurCompteId).filter((x): x is string => !!x))];
  const comptes = new Map((await depots.comptes.parIds(ids)).map((c) => [c.id, c]));
  const evenements = tous.filter((e) =>
    garder(e, e.acteurCompteId ? (comptes.get(e.acteurCompteId)?.operateurId ?? null) : null),
  );
  const operateurs = new Map(
    (
      await Promise.all(
        [...new Set([...comptes.values()].map((c) => c.operateurId).filter((x): x is string => !!x))].map(
          (id) => depots.operateurs.parId(id),
        ),
      )
    )
      .filter((o) => !!o)
      .map((o) => [o!.id, o!.nom]),
  );
  return evenements.map((e) => {
    const c = e.acteurCompteId ? comptes.get(e.acteurCompteId) : undefined;
    return {
      le: e.horodatage,
      qui: c
        ? `${c.prenom} ${c.nom}`
        : e.acteurRole === "systeme"
          ? "Traitement automatique"
          : "Personne non connectée",
      role: e.acteurRole,
      operateur: c?.operateurId ? (operateurs.get(c.operateurId) ?? null) : null,
      action: LIBELLES_ACTION[e.action] ?? e.action,
      resultat: e.resultat,
    };
  });
}

/**
 * Journal d'accès d'un dossier, pour son référent et le responsable : les accès du bénéficiaire et du personnel de
 * l'opérateur (pas ceux d'autres opérateurs, qui ne regardent que la personne).
 */
export const lireAccesDossier = casUsage({
  nom: "parcours.acces.lire",
  entree: z.object({ id: z.uuid("Identifiant de parcours invalide.") }),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true });
    return { beneficiaireId: p.beneficiaireId, objetType: "parcours", objetId: p.id };
  },
  async executer({ entree, depots }) {
    const p = (await depots.parcours.parId(entree.id))!;
    return journalAcces(
      depots,
      p.beneficiaireId,
      (e, operateur) =>
        e.acteurCompteId === p.beneficiaireId || operateur === p.operateurId || e.acteurRole === "systeme",
    );
  },
});

/** Qui a accédé à mon dossier, et quand (journal d'audit, accès des autres personnes que moi). */
export const lireMesAcces = casUsage({
  nom: "moi.acces.lire",
  entree: z.object({}),
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "beneficiaire");
    return {};
  },
  async executer({ acteur, depots }) {
    const a = exigerRole(acteur, "beneficiaire");
    return journalAcces(depots, a.compteId, (e) => e.acteurCompteId !== a.compteId);
  },
  audit: false,
});

export const listerConsentements = casUsage({
  nom: "moi.consentements.lister",
  entree: z.object({}),
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "beneficiaire");
    return {};
  },
  async executer({ acteur, depots }) {
    const a = exigerRole(acteur, "beneficiaire");
    const enregistres = await depots.consentements.lister(a.compteId);
    return TYPES_CONSENTEMENT.map((type) => {
      const c = enregistres.find((x) => x.type === type);
      return {
        type,
        ...LIBELLES_CONSENTEMENT[type],
        accorde: c?.accorde ?? false,
        version: c?.version ?? 0,
        modifieLe: c?.modifieLe ?? null,
      };
    });
  },
  audit: false,
});

export const enregistrerConsentement = casUsage({
  nom: "moi.consentement.enregistrer",
  entree: z.object({
    type: z.enum(TYPES_CONSENTEMENT, { error: "Consentement inconnu." }),
    accorde: z.boolean({ error: "Indiquez si vous donnez votre accord." }),
    version: z.number({ error: "La version lue est obligatoire." }).int().min(0),
  }),
  autoriser: ({ acteur }) => {
    const a = exigerRole(acteur, "beneficiaire");
    return { beneficiaireId: a.compteId, objetType: "consentement" };
  },
  async executer({ acteur, entree, depots, services }) {
    const a = exigerRole(acteur, "beneficiaire");
    const maintenant = services.horloge.maintenant().toISOString();
    if (
      !(await depots.consentements.enregistrer(
        a.compteId,
        entree.type,
        entree.accorde,
        entree.version,
        maintenant,
      ))
    )
      throw new ErreurConflit(
        "Ce choix a été modifié entre-temps (dans un autre onglet ?). Rechargez la page.",
      );
    // Retirer l'accord sur les données de santé efface le handicap déclaré de tous ses parcours.
    if (entree.type === "donnees_sante" && !entree.accorde)
      for (const p of await depots.parcours.listerParBeneficiaire(a.compteId))
        if (p.situation.handicap !== null)
          await depots.parcours.modifier(
            p.id,
            p.version,
            { situation: { ...p.situation, handicap: null } },
            maintenant,
          );
    return { type: entree.type, accorde: entree.accorde };
  },
  audit: (e) => ({ details: { type: e.type, accorde: e.accorde } }),
});

async function toutesMesDonnees(depots: Depots, compteId: string) {
  const compte = (await depots.comptes.parId(compteId))!;
  const parcours = await depots.parcours.listerParBeneficiaire(compteId);
  return {
    compte: { prenom: compte.prenom, nom: compte.nom, email: compte.email, creeLe: compte.creeLe },
    consentements: await depots.consentements.lister(compteId),
    demandesEffacement: await depots.effacements.listerParBeneficiaire(compteId),
    parcours: await Promise.all(
      parcours.map(async (p) => ({
        id: p.id,
        operateur: (await depots.operateurs.parId(p.operateurId))?.nom ?? null,
        niveau: p.niveau,
        phase: p.phase,
        statut: p.statut,
        creeLe: p.creeLe,
        closLe: p.closLe,
        demande: p.demande,
        situation: p.situation,
        transitions: await depots.transitions.lister(p.id),
        notesPartagees: (await depots.notes.lister(p.id, true)).map((n) => ({
          le: n.creeLe,
          texte: n.texte,
        })),
        messages: (await depots.messages.lister(p.id)).map((m) => ({
          le: m.creeLe,
          deMoi: m.auteurId === compteId,
          texte: m.texte,
        })),
        rendezVous: (await depots.rendezVous.lister(p.id)).map((r) => ({
          debut: r.debut,
          dureeMinutes: r.dureeMinutes,
          modalite: r.modalite,
          statut: r.statut,
        })),
        profilCompetences: (await depots.competences.profil(p.id))?.profil ?? null,
        pistesRetenues: (await depots.competences.pistes(p.id)).map((x) => ({
          codeRome: x.codeRome,
          libelle: x.libelle,
          commentaire: x.commentaire,
        })),
        projets: (await depots.competences.projets(p.id)).map((x) => ({
          metier: `${x.libelleMetier} (${x.codeRome})`,
          typeChangement: x.typeChangement,
          description: x.description,
          statut: x.statut,
          strategies: x.decision?.strategies ?? null,
        })),
        planActions: (await depots.plans.versions(p.id)).map((v) => ({
          version: v.numero,
          statut: v.statut,
          motif: v.motif,
          convenuLe: v.convenuLe,
          contenu: v.contenu,
        })),
      })),
    ),
  };
}

const echapper = (t: unknown) =>
  String(t ?? "—").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

function versHtml(d: Awaited<ReturnType<typeof toutesMesDonnees>>, le: string) {
  const section = (titre: string, lignes: [string, unknown][]) =>
    `<h2>${echapper(titre)}</h2><dl>${lignes.map(([k, v]) => `<dt>${echapper(k)}</dt><dd>${echapper(v)}</dd>`).join("")}</dl>`;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mes données — Conseil en évolution professionnelle</title>
<style>body{font-family:Marianne,Arial,sans-serif;max-width:50rem;margin:2rem auto;line-height:1.5;color:#161616}dt{font-weight:700}dd{margin:0 0 .5rem 0;white-space:pre-wrap}</style></head><body>
<h1>Mes données</h1><p>Export du ${echapper(new Date(le).toLocaleString("fr-FR", { timeZone: "Europe/Paris" }))} — Conseil en évolution professionnelle.</p>
${section("Mon compte", [
  ["Prénom", d.compte.prenom],
  ["Nom", d.compte.nom],
  ["Adresse électronique", d.compte.email],
  ["Créé le", d.compte.creeLe],
])}
${section(
  "Mes consentements",
  d.consentements.map((c) => [
    LIBELLES_CONSENTEMENT[c.type].titre,
    c.accorde ? `accordé (le ${c.modifieLe})` : `refusé (le ${c.modifieLe})`,
  ]),
)}
${d.parcours
  .map(
    (p) => `${section(`Parcours chez ${p.operateur}`, [
      ["Niveau", p.niveau],
      ["Phase", p.phase],
      ["Statut", p.statut],
      ["Ouvert le", p.creeLe],
      ["Clos le", p.closLe],
      ["Ma demande", p.demande],
      [
        "Situation",
        Object.entries(p.situation)
          .map(([k, v]) => `${k} : ${v ?? "—"}`)
          .join("\n"),
      ],
    ])}
<h3>Historique</h3><ul>${p.transitions.map((t) => `<li>${echapper(t.le)} — ${echapper(t.type)}</li>`).join("")}</ul>
<h3>Notes partagées</h3><ul>${p.notesPartagees.map((n) => `<li>${echapper(n.le)} — ${echapper(n.texte)}</li>`).join("") || "<li>Aucune</li>"}</ul>
<h3>Échanges</h3><ul>${p.messages.map((m) => `<li>${echapper(m.le)} — ${m.deMoi ? "moi" : "mon conseiller"} : ${echapper(m.texte)}</li>`).join("") || "<li>Aucun</li>"}</ul>
<h3>Rendez-vous</h3><ul>${p.rendezVous.map((r) => `<li>${echapper(r.debut)} — ${echapper(r.modalite)}, ${echapper(r.statut)}</li>`).join("") || "<li>Aucun</li>"}</ul>
<h3>Mon profil de compétences</h3><ul>${
      p.profilCompetences
        ? [
            ...p.profilCompetences.experiences.map(
              (e) =>
                `<li>Expérience : ${echapper(e.intitule)}${e.appellation ? ` (${echapper(e.appellation.libelle)})` : ""}</li>`,
            ),
            ...p.profilCompetences.formations.map((f) => `<li>Formation : ${echapper(f.intitule)}</li>`),
            ...p.profilCompetences.competences.map(
              (c) => `<li>Compétence : ${echapper(c.libelle)} — ${echapper(c.maitrise)}</li>`,
            ),
          ].join("")
        : "<li>Non renseigné</li>"
    }</ul>
<h3>Mes projets</h3><ul>${p.projets.map((x) => `<li>${echapper(x.metier)} — ${echapper(x.typeChangement)}, ${echapper(x.statut)}</li>`).join("") || "<li>Aucun</li>"}</ul>
<h3>Plan d'actions</h3><ul>${
      p.planActions
        .map(
          (v) =>
            `<li>Version ${v.version} (${v.statut === "convenu" ? `convenue le ${echapper(v.convenuLe)}` : "en préparation"})${v.motif ? ` — motif : ${echapper(v.motif)}` : ""}<ul>${v.contenu.etapes
              .flatMap((e) =>
                e.actions.map(
                  (a) =>
                    `<li>${echapper(e.titre)} — ${echapper(a.intitule)} : ${echapper(a.statut)}, échéance ${echapper(a.echeance)}</li>`,
                ),
              )
              .join("")}</ul></li>`,
        )
        .join("") || "<li>Aucun</li>"
    }</ul>`,
  )
  .join("")}
</body></html>`;
}

/** Export de toutes mes données : JSON (portabilité) ou HTML lisible et imprimable. */
export const exporterMesDonnees = casUsage({
  nom: "moi.export",
  entree: z.object({ format: z.enum(["json", "html"], { error: "Format : json ou html." }).default("json") }),
  autoriser: ({ acteur }) => {
    const a = exigerRole(acteur, "beneficiaire");
    return { beneficiaireId: a.compteId, objetType: "compte", objetId: a.compteId };
  },
  async executer({ acteur, entree, depots, services }) {
    const a = exigerRole(acteur, "beneficiaire");
    const donnees = await toutesMesDonnees(depots, a.compteId);
    const le = services.horloge.maintenant().toISOString();
    return entree.format === "html"
      ? { format: "html" as const, contenu: versHtml(donnees, le) }
      : { format: "json" as const, contenu: { exporteLe: le, ...donnees } };
  },
  audit: (e) => ({ details: { format: e.format } }),
});

export const demanderEffacement = casUsage({
  nom: "moi.effacement.demander",
  entree: z.object({
    motif: z.string().trim().max(2000, "Motif : 2000 caractères au plus.").nullable().default(null),
  }),
  autoriser: ({ acteur }) => {
    const a = exigerRole(acteur, "beneficiaire");
    return { beneficiaireId: a.compteId, objetType: "demande_effacement" };
  },
  async executer({ acteur, entree, depots, services }) {
    const a = exigerRole(acteur, "beneficiaire");
    const existantes = await depots.effacements.listerParBeneficiaire(a.compteId);
    if (existantes.some((d) => d.statut === "en_attente"))
      throw new ErreurValidation([
        { champ: "motif", message: "Une demande d'effacement est déjà en cours de traitement." },
      ]);
    const d = {
      id: randomUUID(),
      beneficiaireId: a.compteId,
      motif: entree.motif,
      statut: "en_attente" as const,
      creeLe: services.horloge.maintenant().toISOString(),
    };
    await depots.effacements.creer(d);
    // Chaque responsable d'un opérateur qui suit la personne est prévenu ; il traite dans les limites légales.
    const operateurs = new Set(
      (await depots.parcours.listerParBeneficiaire(a.compteId)).map((p) => p.operateurId),
    );
    for (const o of operateurs)
      for (const r of await depots.comptes.lister({ operateurId: o, role: "responsable" }))
        await services.messagerie.envoyer({
          a: r.email,
          sujet: "Demande d'effacement de données — Conseil en évolution professionnelle",
          texte: `Bonjour ${r.prenom},\n\nUne personne suivie par votre opérateur demande l'effacement de ses données (RGPD, article 17). Vous avez un mois pour y répondre, dans les limites de la mission de service public (article 17.3.b).\n\n${services.parametres.publicUrl}/responsable`,
        });
    return d;
  },
  audit: (_e, r) => ({ objetId: r.id }),
});

export const listerMesDemandesEffacement = casUsage({
  nom: "moi.effacement.lister",
  entree: z.object({}),
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "beneficiaire");
    return {};
  },
  async executer({ acteur, depots }) {
    return depots.effacements.listerParBeneficiaire(exigerRole(acteur, "beneficiaire").compteId);
  },
  audit: false,
});

/**
 * Tâche planifiée : anonymise les parcours clos depuis plus de `annees` ans (défaut 3, docs/adr/0004) avec les
 * inscriptions de la personne aux réunions de l'opérateur, et, quand tous ses parcours le sont, le compte du bénéficiaire ;
 * efface l'identité des inscriptions aux réunions tenues depuis plus de `moisInscriptions` mois (défaut 6) de personnes
 * qui n'ont aucun dossier. Idempotente : un parcours ou une inscription anonymisés ne sont plus sélectionnés.
 * Renvoie le rapport de ce qui a été anonymisé.
 */
export const anonymiserParcoursInactifs = casUsage({
  nom: "tache.anonymisation",
  entree: z.object({
    annees: z.number().int().min(1, "Au moins 1 an.").max(30, "Au plus 30 ans.").default(3),
    limite: z.number().int().min(1).max(100_000).default(1000),
    /** Inscriptions aux réunions de personnes sans dossier : mois après la séance. */
    moisInscriptions: z
      .number()
      .int()
      .min(1, "Au moins 1 mois.")
      .max(120, "Au plus 120 mois.")
      .default(CONSERVATION_INSCRIPTIONS_SANS_DOSSIER_MOIS),
  }),
  autoriser: ({ acteur }) => {
    if (acteur.type !== "systeme") throw new ErreurAccesRefuse("Tâche réservée au système.");
    return {};
  },
  async executer({ entree, depots, services, contexte }) {
    const maintenant = services.horloge.maintenant().toISOString();
    const avant = anonymisableAvant(maintenant, entree.annees);
    const parcours = await depots.parcours.closAvant(avant, entree.limite);
    const comptes = new Set<string>();
    for (const p of parcours) {
      await depots.anonymisation.anonymiserParcours(p.id, maintenant);
      if (await depots.anonymisation.anonymiserCompteSiPossible(p.beneficiaireId, maintenant))
        comptes.add(p.beneficiaireId);
      await depots.audit.ajouter({
        horodatage: maintenant,
        acteurCompteId: null,
        acteurRole: "systeme",
        action: "tache.anonymisation",
        resultat: "succes",
        beneficiaireId: p.beneficiaireId,
        objetType: "parcours",
        objetId: p.id,
        requeteId: contexte.requeteId,
        details: JSON.stringify({ closLe: p.closLe }),
      });
    }
    // Inscriptions publiques restées sans dossier : identité effacée après le délai de conservation.
    const seancesAvant = seancesAnonymisablesAvant(maintenant, entree.moisInscriptions);
    const inscriptionsSansDossier = await depots.anonymisation.anonymiserInscriptionsSansDossier(
      seancesAvant,
      maintenant,
    );
    return {
      execution: maintenant,
      closAvant: avant,
      annees: entree.annees,
      parcoursAnonymises: parcours.map((p) => ({ id: p.id, operateurId: p.operateurId, closLe: p.closLe })),
      comptesAnonymises: comptes.size,
      seancesAvant,
      inscriptionsSansDossierAnonymisees: inscriptionsSansDossier,
    };
  },
  audit: (_e, r) => ({
    objetType: "tache",
    details: {
      parcours: r.parcoursAnonymises.length,
      comptes: r.comptesAnonymises,
      closAvant: r.closAvant,
      inscriptionsSansDossier: r.inscriptionsSansDossierAnonymisees,
      seancesAvant: r.seancesAvant,
    },
  }),
});

/** Demandes d'effacement des personnes suivies par l'opérateur du responsable, en attente. */
export const listerDemandesEffacement = casUsage({
  nom: "effacement.lister",
  entree: z.object({}),
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "responsable");
    return {};
  },
  async executer({ acteur, depots }) {
    const a = exigerRole(acteur, "responsable");
    const demandes = await depots.effacements.listerEnAttentePour(a.operateurId!);
    return Promise.all(
      demandes.map(async (d) => {
        const b = await depots.comptes.parId(d.beneficiaireId);
        const parcours = (await depots.parcours.listerParBeneficiaire(d.beneficiaireId)).filter(
          (p) => p.operateurId === a.operateurId,
        );
        return {
          ...d,
          beneficiaire: { prenom: b?.prenom ?? "", nom: b?.nom ?? "" },
          parcoursOuverts: parcours.filter((p) => p.statut !== "clos").length,
        };
      }),
    );
  },
  audit: (_e, r) => ({ objetType: "demande_effacement", details: { nombre: r.length } }),
});

/**
 * Le responsable traite une demande d'effacement : « effectuee » anonymise les parcours clos de la personne chez son
 * opérateur (et son compte s'il n'en reste aucun) ; « refusee » exige la raison (obligation légale, parcours en cours…).
 */
export const traiterDemandeEffacement = casUsage({
  nom: "effacement.traiter",
  entree: z.object({
    id: z.uuid("Identifiant de demande invalide."),
    version: z.number({ error: "La version lue est obligatoire." }).int().positive(),
    decision: z.enum(["effectuee", "refusee"], { error: "Répondez « effectuee » ou « refusee »." }),
    reponse: z.string().trim().max(2000, "Réponse : 2000 caractères au plus.").nullable().default(null),
  }),
  async autoriser({ acteur, entree, depots }) {
    const a = exigerRole(acteur, "responsable");
    const d = await depots.effacements.parId(entree.id);
    if (!d) throw new ErreurIntrouvable("Cette demande n'existe pas.");
    const sujet = { beneficiaireId: d.beneficiaireId, objetType: "demande_effacement", objetId: d.id };
    if (!(await depots.parcours.beneficiaireSuiviPar(d.beneficiaireId, a.operateurId!)))
      throw new ErreurAccesRefuse("Cette personne n'est pas suivie par votre opérateur.", sujet);
    return sujet;
  },
  async executer({ acteur, entree, depots, services }) {
    const a = exigerRole(acteur, "responsable");
    const d = (await depots.effacements.parId(entree.id))!;
    if (d.statut !== "en_attente")
      throw new ErreurValidation([{ champ: "decision", message: "Cette demande a déjà été traitée." }]);
    if (entree.decision === "refusee" && !entree.reponse)
      throw new ErreurValidation([
        { champ: "reponse", message: "Expliquez à la personne pourquoi sa demande est refusée." },
      ]);
    const parcours = (await depots.parcours.listerParBeneficiaire(d.beneficiaireId)).filter(
      (p) => p.operateurId === a.operateurId,
    );
    if (entree.decision === "effectuee" && parcours.some((p) => p.statut !== "clos"))
      throw new ErreurValidation([
        {
          champ: "decision",
          message: "Un parcours est encore ouvert : clôturez-le avant d'effacer les données.",
        },
      ]);
    const maintenant = services.horloge.maintenant().toISOString();
    if (
      !(await depots.effacements.traiter(d.id, entree.version, {
        statut: entree.decision,
        reponse: entree.reponse,
        traiteePar: a.compteId,
        traiteeLe: maintenant,
      }))
    )
      throw new ErreurConflit("Cette demande a été traitée entre-temps. Rechargez la page.");
    let compteAnonymise = false;
    if (entree.decision === "effectuee") {
      for (const p of parcours)
        if (!p.anonymiseLe) await depots.anonymisation.anonymiserParcours(p.id, maintenant);
      compteAnonymise = await depots.anonymisation.anonymiserCompteSiPossible(d.beneficiaireId, maintenant);
    }
    return { id: d.id, statut: entree.decision, parcoursAnonymises: parcours.length, compteAnonymise };
  },
  audit: (_e, r) => ({ details: { statut: r.statut, parcours: r.parcoursAnonymises } }),
});
