import { randomUUID } from "node:crypto";
import { z } from "zod";
import { LIEUX_REUNION, type PlaceInscription, repartir } from "../../domain/reunions.js";
import { chargerParcoursAutorise, exigerMembreOperateur, exigerRole } from "../autorisations.js";
import {
  ErreurAccesRefuse,
  ErreurConflit,
  ErreurDoublon,
  ErreurIntrouvable,
  ErreurValidation,
} from "../erreurs.js";
import { casUsage, exigerConnecte } from "../pipeline.js";
import type { Depots, InscriptionReunion, ReunionInformation } from "../ports.js";

/**
 * Réunions collectives d'information en nombre restreint (niveau 1) : un opérateur planifie une séance, les personnes
 * s'inscrivent depuis la page publique (nom et adresse) ou sont inscrites par un conseiller depuis leur dossier ; au-delà
 * des places, liste d'attente ; la présence est notée et apparaît dans la chronologie du parcours.
 */

const idReunion = z.uuid("Identifiant de réunion invalide.");
const idInscription = z.uuid("Identifiant d'inscription invalide.");
const version = z
  .number({ error: "La version lue est obligatoire (pour détecter les modifications concurrentes)." })
  .int()
  .positive();

async function reunionOuIntrouvable(depots: Depots, id: string) {
  const r = await depots.reunions.parId(id);
  if (!r) throw new ErreurIntrouvable("Cette réunion n'existe pas.");
  return r;
}

async function avecPlaces(depots: Depots, r: ReunionInformation) {
  const inscriptions = await depots.reunions.inscriptions(r.id);
  const places = repartir(r.places, inscriptions);
  const confirmees = inscriptions.filter((i) => places.get(i.id)?.place === "confirmee").length;
  return { inscriptions, places, placesRestantes: Math.max(0, r.places - confirmees) };
}

function vueInscription(
  i: InscriptionReunion,
  places: Map<string, { place: PlaceInscription; rangAttente: number | null }>,
) {
  return { ...i, ...(places.get(i.id) ?? { place: "annulee" as const, rangAttente: null }) };
}

export const planifierReunion = casUsage({
  nom: "reunion.planifier",
  entree: z
    .object({
      theme: z
        .string({ error: "Le thème est obligatoire." })
        .trim()
        .min(3, "Le thème est obligatoire (3 caractères au moins).")
        .max(200, "Le thème : 200 caractères au plus."),
      lieu: z.enum(LIEUX_REUNION, { error: "Choisissez : sur un site ou à distance." }),
      siteId: z.uuid("Choisissez un site de votre opérateur.").nullable().default(null),
      debut: z.iso.datetime({
        offset: true,
        error: "Date et heure attendues (ex. 2026-06-02T18:00:00+02:00).",
      }),
      dureeMinutes: z
        .number({ error: "Durée en minutes attendue." })
        .int("Durée en minutes entières.")
        .min(15, "15 minutes au moins.")
        .max(480, "8 heures au plus."),
      places: z
        .number({ error: "Nombre de places attendu." })
        .int("Nombre entier de places.")
        .min(1, "Une place au moins.")
        .max(50, "Une réunion en nombre restreint : 50 places au plus."),
    })
    .strict(),
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "conseiller", "responsable");
    return { objetType: "reunion" };
  },
  async executer({ acteur, entree, depots, services }) {
    const a = exigerRole(acteur, "conseiller", "responsable");
    const maintenant = services.horloge.maintenant();
    if (new Date(entree.debut) <= maintenant)
      throw new ErreurValidation([{ champ: "debut", message: "La réunion doit avoir lieu dans le futur." }]);
    if (entree.lieu === "site") {
      const site = entree.siteId
        ? (await depots.sites.listerParOperateur(a.operateurId!)).find((s) => s.id === entree.siteId)
        : undefined;
      if (!site)
        throw new ErreurValidation([
          {
            champ: "siteId",
            message: "Une réunion sur site a lieu sur un site de votre opérateur : choisissez-le.",
          },
        ]);
    }
    const r = {
      id: randomUUID(),
      operateurId: a.operateurId!,
      theme: entree.theme,
      lieu: entree.lieu,
      siteId: entree.lieu === "site" ? entree.siteId : null,
      debut: new Date(entree.debut).toISOString(),
      dureeMinutes: entree.dureeMinutes,
      places: entree.places,
      creeLe: maintenant.toISOString(),
    };
    await depots.reunions.creer(r);
    return { ...r, version: 1, placesRestantes: r.places };
  },
  audit: (_e, r) => ({ objetType: "reunion", objetId: r.id }),
});

/** Page publique : les séances à venir, avec les places restantes (aucune donnée personnelle). */
export const listerReunions = casUsage({
  nom: "reunion.lister",
  entree: z.object({}),
  autoriser: () => undefined,
  audit: false,
  async executer({ depots, services }) {
    const reunions = await depots.reunions.aVenir(services.horloge.maintenant().toISOString());
    const operateurs = new Map((await depots.operateurs.lister()).map((o) => [o.id, o]));
    return Promise.all(
      reunions.map(async (r) => {
        const sites = await depots.sites.listerParOperateur(r.operateurId);
        const site = sites.find((s) => s.id === r.siteId);
        return {
          id: r.id,
          operateur: { id: r.operateurId, nom: operateurs.get(r.operateurId)?.nom ?? "" },
          theme: r.theme,
          lieu: r.lieu,
          site: site ? { nom: site.nom, adresse: site.adresse, commune: site.commune } : null,
          debut: r.debut,
          dureeMinutes: r.dureeMinutes,
          places: r.places,
          placesRestantes: (await avecPlaces(depots, r)).placesRestantes,
        };
      }),
    );
  },
});

async function inscrireDans(
  depots: Depots,
  r: ReunionInformation,
  personne: { nom: string; email: string; compteId: string | null },
  le: string,
) {
  const existantes = await depots.reunions.inscriptions(r.id);
  if (existantes.some((i) => i.email === personne.email && !i.annuleeLe))
    throw new ErreurDoublon("Cette adresse est déjà inscrite à cette réunion.", "email");
  const id = randomUUID();
  await depots.reunions.inscrire({ id, reunionId: r.id, ...personne, inscritLe: le });
  const { inscriptions, places } = await avecPlaces(depots, r);
  return vueInscription(inscriptions.find((i) => i.id === id)!, places);
}

/** Inscription depuis la page publique : deux champs, le nom et l'adresse électronique. */
export const sInscrireReunion = casUsage({
  nom: "reunion.inscription.publique",
  entree: z
    .object({
      id: idReunion,
      nom: z
        .string({ error: "Votre nom est obligatoire." })
        .trim()
        .min(1, "Votre nom est obligatoire.")
        .max(200, "Votre nom : 200 caractères au plus."),
      email: z
        .string({ error: "L'adresse électronique est obligatoire." })
        .trim()
        .toLowerCase()
        .email("Saisissez une adresse électronique valide, par exemple nom@exemple.fr."),
    })
    .strict(),
  autoriser: () => ({ objetType: "reunion" }),
  async executer({ entree, depots, services }) {
    const r = await reunionOuIntrouvable(depots, entree.id);
    const maintenant = services.horloge.maintenant().toISOString();
    if (r.debut <= maintenant)
      throw new ErreurValidation([{ champ: "id", message: "Cette réunion a déjà eu lieu." }]);
    const compte = await depots.comptes.parEmailAvecSecret(entree.email);
    const i = await inscrireDans(
      depots,
      r,
      {
        nom: entree.nom,
        email: entree.email,
        compteId: compte?.role === "beneficiaire" ? compte.id : null,
      },
      maintenant,
    );
    await services.messagerie.envoyer({
      a: entree.email,
      sujet:
        i.place === "confirmee"
          ? "Votre inscription à la réunion d'information est confirmée"
          : "Vous êtes sur la liste d'attente de la réunion d'information",
      texte: `Bonjour,\n\nRéunion « ${r.theme} » du ${new Date(r.debut).toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}.\n${i.place === "confirmee" ? "Votre place est réservée." : `Vous êtes en position ${i.rangAttente} sur la liste d'attente : nous vous écrirons si une place se libère.`}\n`,
    });
    return i;
  },
  audit: (_e, r) => ({ beneficiaireId: r.compteId, objetType: "inscription_reunion", objetId: r.id }),
});

async function reunionDeSonOperateur(
  acteur: Parameters<typeof exigerMembreOperateur>[0],
  depots: Depots,
  id: string,
) {
  exigerRole(acteur, "conseiller", "responsable");
  const r = await reunionOuIntrouvable(depots, id);
  exigerMembreOperateur(acteur, r.operateurId);
  return r;
}

/** Un conseiller inscrit la personne d'un dossier qu'il suit à une réunion de son opérateur. */
export const inscrireBeneficiaireReunion = casUsage({
  nom: "reunion.inscription.dossier",
  entree: z.object({ id: idReunion, parcoursId: z.uuid("Identifiant de parcours invalide.") }).strict(),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.parcoursId, { personnel: true });
    const r = await reunionDeSonOperateur(acteur, depots, entree.id);
    if (r.operateurId !== p.operateurId)
      throw new ErreurAccesRefuse("Cette réunion appartient à un autre opérateur.");
    return { beneficiaireId: p.beneficiaireId, objetType: "parcours", objetId: p.id };
  },
  async executer({ entree, depots, services }) {
    const p = (await depots.parcours.parId(entree.parcoursId))!;
    const b = (await depots.comptes.parId(p.beneficiaireId))!;
    const r = (await depots.reunions.parId(entree.id))!;
    return inscrireDans(
      depots,
      r,
      { nom: `${b.prenom} ${b.nom}`, email: b.email, compteId: b.id },
      services.horloge.maintenant().toISOString(),
    );
  },
});

/**
 * Onglet « Réunions d'information » du dossier : les séances à venir de l'opérateur du parcours, avec les places restantes
 * et, pour chacune, l'inscription de la personne (par son compte, ou par son adresse si elle s'est inscrite elle-même
 * depuis la page publique avant d'avoir un compte) avec sa place ou son rang sur la liste d'attente.
 */
export const listerReunionsDossier = casUsage({
  nom: "reunion.dossier.lister",
  entree: z.object({ parcoursId: z.uuid("Identifiant de parcours invalide.") }),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.parcoursId, { personnel: true });
    return { beneficiaireId: p.beneficiaireId, objetType: "parcours", objetId: p.id };
  },
  async executer({ entree, depots, services }) {
    const p = (await depots.parcours.parId(entree.parcoursId))!;
    const b = (await depots.comptes.parId(p.beneficiaireId))!;
    const email = b.email.toLowerCase();
    const sites = new Map((await depots.sites.listerParOperateur(p.operateurId)).map((s) => [s.id, s]));
    const reunions = await depots.reunions.aVenir(services.horloge.maintenant().toISOString(), p.operateurId);
    return Promise.all(
      reunions.map(async (r) => {
        const { inscriptions, places, placesRestantes } = await avecPlaces(depots, r);
        const sienne = inscriptions.find(
          (i) => !i.annuleeLe && (i.compteId === b.id || i.email.toLowerCase() === email),
        );
        const site = r.siteId ? sites.get(r.siteId) : undefined;
        return {
          id: r.id,
          theme: r.theme,
          lieu: r.lieu,
          site: site ? { nom: site.nom, commune: site.commune } : null,
          debut: r.debut,
          dureeMinutes: r.dureeMinutes,
          places: r.places,
          placesRestantes,
          inscription: sienne
            ? (({ id, version, place, rangAttente }) => ({ id, version, place, rangAttente }))(
                vueInscription(sienne, places),
              )
            : null,
        };
      }),
    );
  },
});

/** Les inscriptions d'une séance, dans l'ordre, avec la place de chacune (personnel de l'opérateur). */
export const listerInscriptionsReunion = casUsage({
  nom: "reunion.inscriptions.lister",
  entree: z.object({ id: idReunion }),
  async autoriser({ acteur, entree, depots }) {
    await reunionDeSonOperateur(acteur, depots, entree.id);
    return { objetType: "reunion", objetId: entree.id };
  },
  async executer({ entree, depots }) {
    const r = (await depots.reunions.parId(entree.id))!;
    const { inscriptions, places, placesRestantes } = await avecPlaces(depots, r);
    return {
      reunion: { ...r, placesRestantes },
      inscriptions: inscriptions.map((i) => vueInscription(i, places)),
    };
  },
});

async function inscriptionDeSonOperateur(
  acteur: Parameters<typeof exigerMembreOperateur>[0],
  depots: Depots,
  id: string,
) {
  const i = await depots.reunions.inscriptionParId(id);
  if (!i) throw new ErreurIntrouvable("Cette inscription n'existe pas.");
  const r = (await depots.reunions.parId(i.reunionId))!;
  exigerConnecte(acteur);
  // La personne inscrite peut annuler sa propre inscription ; sinon, le personnel de l'opérateur.
  if (!(acteur.role === "beneficiaire" && i.compteId === acteur.compteId)) {
    exigerRole(acteur, "conseiller", "responsable");
    exigerMembreOperateur(acteur, r.operateurId);
  }
  return { i, r };
}

export const annulerInscriptionReunion = casUsage({
  nom: "reunion.inscription.annuler",
  entree: z.object({ id: idInscription, version }).strict(),
  async autoriser({ acteur, entree, depots }) {
    const { i } = await inscriptionDeSonOperateur(acteur, depots, entree.id);
    return { beneficiaireId: i.compteId, objetType: "inscription_reunion", objetId: i.id };
  },
  async executer({ entree, depots, services }) {
    const i = (await depots.reunions.inscriptionParId(entree.id))!;
    if (i.annuleeLe)
      throw new ErreurValidation([{ champ: "id", message: "Cette inscription est déjà annulée." }]);
    if (!(await depots.reunions.annuler(i.id, entree.version, services.horloge.maintenant().toISOString())))
      throw new ErreurConflit("Cette inscription a été modifiée entre-temps. Rechargez la liste.");
    const r = (await depots.reunions.parId(i.reunionId))!;
    const { inscriptions, places, placesRestantes } = await avecPlaces(depots, r);
    return {
      reunion: { ...r, placesRestantes },
      inscriptions: inscriptions.map((x) => vueInscription(x, places)),
    };
  },
});

export const enregistrerPresenceReunion = casUsage({
  nom: "reunion.presence.enregistrer",
  entree: z
    .object({ id: idInscription, version, present: z.boolean({ error: "Présent : oui ou non." }) })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    exigerRole(acteur, "conseiller", "responsable");
    const { i } = await inscriptionDeSonOperateur(acteur, depots, entree.id);
    return { beneficiaireId: i.compteId, objetType: "inscription_reunion", objetId: i.id };
  },
  async executer({ entree, depots }) {
    const i = (await depots.reunions.inscriptionParId(entree.id))!;
    const r = (await depots.reunions.parId(i.reunionId))!;
    const { places } = await avecPlaces(depots, r);
    if (places.get(i.id)?.place !== "confirmee")
      throw new ErreurValidation([
        {
          champ: "present",
          message: "Seules les personnes dont la place est confirmée peuvent être notées présentes.",
        },
      ]);
    if (!(await depots.reunions.marquerPresence(i.id, entree.version, entree.present)))
      throw new ErreurConflit("Cette inscription a été modifiée entre-temps. Rechargez la liste.");
    return vueInscription((await depots.reunions.inscriptionParId(i.id))!, places);
  },
});
