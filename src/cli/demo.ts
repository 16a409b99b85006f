import { randomUUID } from "node:crypto";
import type { Compte, HachageMotDePasse, Stockage } from "../app/ports.js";
import type { Situation } from "../domain/dossier.js";
import type { Niveau, Phase, StatutParcours, TransitionDatee } from "../domain/parcours.js";

/**
 * Données de démonstration : personnes fictives, toutes marquées `demo` (badge « Démo » à l'écran)
 * et avec des adresses en `.invalid` (domaine réservé, aucun courriel ne peut partir vers une vraie personne).
 */
export const MOT_DE_PASSE_DEMO = "demo-cep-2026";
const DOMAINE = "demo.cep.invalid";

export interface CompteDemo {
  email: string;
  role: Compte["role"];
  libelle: string;
}

export const COMPTES_DEMO: CompteDemo[] = [
  { email: `admin@${DOMAINE}`, role: "admin", libelle: "Administratrice de la plateforme" },
  {
    email: `responsable.ara@${DOMAINE}`,
    role: "responsable",
    libelle: "Responsable, opérateur régional Auvergne-Rhône-Alpes",
  },
  { email: `responsable.ml@${DOMAINE}`, role: "responsable", libelle: "Responsable, Mission locale" },
  {
    email: `conseillere.ara@${DOMAINE}`,
    role: "conseiller",
    libelle: "Conseillère, opérateur régional (Lyon)",
  },
  {
    email: `conseiller.ara@${DOMAINE}`,
    role: "conseiller",
    libelle: "Conseiller, opérateur régional (Clermont-Ferrand)",
  },
  { email: `conseillere.ml@${DOMAINE}`, role: "conseiller", libelle: "Conseillère, Mission locale" },
  {
    email: `beneficiaire01@${DOMAINE}`,
    role: "beneficiaire",
    libelle: "Bénéficiaire (19 autres : beneficiaire02 à beneficiaire20)",
  },
];

const BENEFICIAIRES: [string, string][] = [
  ["Camille", "Martin"],
  ["Nadia", "Bernard"],
  ["Hugo", "Thomas"],
  ["Léa", "Petit"],
  ["Karim", "Robert"],
  ["Emma", "Richard"],
  ["Lucas", "Durand"],
  ["Inès", "Dubois"],
  ["Thomas", "Moreau"],
  ["Chloé", "Laurent"],
  ["Yanis", "Simon"],
  ["Manon", "Michel"],
  ["Sarah", "Lefebvre"],
  ["Mathis", "Leroy"],
  ["Jade", "Roux"],
  ["Nathan", "David"],
  ["Louise", "Bertrand"],
  ["Rayan", "Morel"],
  ["Zoé", "Fournier"],
  ["Enzo", "Girard"],
];

const DEMANDES = [
  "Je travaille dans la vente depuis dix ans et je voudrais changer de métier, peut-être vers le social.",
  "Je souhaite faire reconnaître mon expérience par un diplôme (VAE) et évoluer dans mon entreprise.",
  "J'ai un projet de création d'entreprise dans la menuiserie et je ne sais pas par où commencer.",
  "Après un arrêt de travail, je ne peux plus porter de charges : je cherche un autre métier.",
  "Je voudrais me former au numérique mais je ne sais pas quelle formation choisir ni comment la financer.",
];

const SITUATIONS: Situation[] = [
  {
    statut: "salarie_prive",
    secteur: "Commerce de détail",
    qualification: "4",
    trancheAge: "26_44",
    commune: "Lyon",
    handicap: null,
  },
  {
    statut: "agent_public",
    secteur: "Santé",
    qualification: "5",
    trancheAge: "45_54",
    commune: "Villeurbanne",
    handicap: null,
  },
  {
    statut: "independant",
    secteur: "Bâtiment",
    qualification: "3",
    trancheAge: "26_44",
    commune: "Clermont-Ferrand",
    handicap: null,
  },
  {
    statut: "demandeur_emploi",
    secteur: "Logistique",
    qualification: "sans",
    trancheAge: "45_54",
    commune: "Vénissieux",
    handicap: null,
  },
  {
    statut: "salarie_prive",
    secteur: "Industrie",
    qualification: "6",
    trancheAge: "moins_26",
    commune: "Saint-Étienne",
    handicap: null,
  },
];

export async function chargerDemo(stockage: Stockage, hachage: HachageMotDePasse, maintenant = new Date()) {
  const hash = await hachage.hacher(MOT_DE_PASSE_DEMO);
  const iso = (joursAvant: number) => new Date(maintenant.getTime() - joursAvant * 86_400_000).toISOString();
  await stockage.transaction(async (d) => {
    const ara = {
      id: randomUUID(),
      nom: "Avenir Actifs Auvergne-Rhône-Alpes (démo)",
      type: "operateur_regional" as const,
      codeRegion: "84",
      creeLe: iso(400),
    };
    const ml = {
      id: randomUUID(),
      nom: "Mission locale de Lyon (démo)",
      type: "mission_locale" as const,
      codeRegion: "84",
      creeLe: iso(400),
    };
    await d.operateurs.creer(ara);
    await d.operateurs.creer(ml);
    const sites = [
      {
        operateurId: ara.id,
        nom: "Lyon Part-Dieu",
        adresse: "10 rue de la Démo",
        codePostal: "69003",
        commune: "Lyon",
      },
      {
        operateurId: ara.id,
        nom: "Clermont-Ferrand",
        adresse: "5 place de l'Exemple",
        codePostal: "63000",
        commune: "Clermont-Ferrand",
      },
      {
        operateurId: ml.id,
        nom: "Lyon 8e",
        adresse: "2 avenue Fictive",
        codePostal: "69008",
        commune: "Lyon",
      },
      {
        operateurId: ml.id,
        nom: "Villeurbanne",
        adresse: "8 rue Imaginaire",
        codePostal: "69100",
        commune: "Villeurbanne",
      },
    ];
    const idsSites = sites.map(() => randomUUID());
    for (const [k, s] of sites.entries()) await d.sites.creer({ id: idsSites[k]!, creeLe: iso(400), ...s });
    // Réunions collectives d'information à venir (dont une presque complète, pour voir la liste d'attente).
    const siteLyon = (await d.sites.listerParOperateur(ara.id)).find((s) => s.nom === "Lyon Part-Dieu")!;
    const aVenir = (jours: number, heure: number) => {
      const j = new Date(maintenant.getTime() + jours * 86_400_000);
      return new Date(
        Date.UTC(j.getUTCFullYear(), j.getUTCMonth(), j.getUTCDate(), heure - 2, 0),
      ).toISOString();
    };
    for (const r of [
      {
        theme: "Découvrir le conseil en évolution professionnelle",
        lieu: "site" as const,
        siteId: siteLyon.id,
        jours: 7,
        places: 12,
      },
      {
        theme: "Se reconvertir : par où commencer ?",
        lieu: "distance" as const,
        siteId: null,
        jours: 14,
        places: 2,
      },
    ])
      await d.reunions.creer({
        id: randomUUID(),
        operateurId: ara.id,
        theme: r.theme,
        lieu: r.lieu,
        siteId: r.siteId,
        debut: aVenir(r.jours, 18),
        dureeMinutes: 90,
        places: r.places,
        creeLe: iso(10),
      });
    // Une séance passée, avec ses présences, pour l'indicateur des réunions tenues (tableau de bord).
    const passee = randomUUID();
    await d.reunions.creer({
      id: passee,
      operateurId: ara.id,
      theme: "Découvrir le conseil en évolution professionnelle",
      lieu: "site",
      siteId: siteLyon.id,
      debut: iso(20),
      dureeMinutes: 90,
      places: 8,
      creeLe: iso(40),
    });
    for (let k = 1; k <= 6; k++) {
      const id = randomUUID();
      await d.reunions.inscrire({
        id,
        reunionId: passee,
        nom: `Participant·e ${k} (Démo)`,
        email: `participant${k}@${DOMAINE}`,
        compteId: null,
        inscritLe: iso(30 - k),
      });
      await d.reunions.marquerPresence(id, 1, k !== 3);
    }

    const compte = async (
      email: string,
      prenom: string,
      nom: string,
      role: Compte["role"],
      operateurId: string | null,
    ) => {
      const id = randomUUID();
      await d.comptes.creer({
        id,
        email,
        prenom,
        nom,
        role,
        operateurId,
        actif: true,
        demo: true,
        creeLe: iso(300),
        hashMotDePasse: hash,
      });
      return id;
    };
    await compte(`admin@${DOMAINE}`, "Alice", "Administratrice", "admin", null);
    await compte(`responsable.ara@${DOMAINE}`, "Bruno", "Responsable", "responsable", ara.id);
    await compte(`responsable.ml@${DOMAINE}`, "Dounia", "Responsable", "responsable", ml.id);
    const claire = await compte(`conseillere.ara@${DOMAINE}`, "Claire", "Vasseur", "conseiller", ara.id);
    const julien = await compte(`conseiller.ara@${DOMAINE}`, "Julien", "Morin", "conseiller", ara.id);
    const sofia = await compte(`conseillere.ml@${DOMAINE}`, "Sofia", "Benali", "conseiller", ml.id);

    const etats: { niveau: Niveau; phase: Phase | null; statut: StatutParcours }[] = [
      { niveau: 1, phase: null, statut: "en_cours" },
      { niveau: 2, phase: "conseil", statut: "en_cours" },
      { niveau: 2, phase: "mise_en_oeuvre", statut: "en_cours" },
      { niveau: 2, phase: "conseil", statut: "en_pause" },
      { niveau: 1, phase: null, statut: "clos" },
    ];
    for (const [i, [prenom, nom]] of BENEFICIAIRES.entries()) {
      const numero = String(i + 1).padStart(2, "0");
      const beneficiaire = await compte(
        `beneficiaire${numero}@${DOMAINE}`,
        prenom,
        nom,
        "beneficiaire",
        null,
      );
      // 14 parcours chez l'opérateur régional, 6 à la Mission locale ; 2 demandes sans référent dans chaque file.
      const chezMl = i >= 14;
      const referent = chezMl ? (i >= 18 ? null : sofia) : i >= 12 ? null : i % 2 === 0 ? claire : julien;
      const etat = referent
        ? etats[i % etats.length]!
        : { niveau: 1 as const, phase: null, statut: "en_cours" as const };
      const parcoursId = randomUUID();
      const ouvertLe = iso(200 - i * 7);
      const situation = SITUATIONS[i % SITUATIONS.length]!;
      await d.parcours.creer({
        id: parcoursId,
        beneficiaireId: beneficiaire,
        operateurId: chezMl ? ml.id : ara.id,
        referentId: referent,
        ...etat,
        demande: DEMANDES[i % DEMANDES.length]!,
        situation,
        creeLe: ouvertLe,
        modifieLe: iso(20 - i),
        closLe: etat.statut === "clos" ? iso(25 - i) : null,
      });
      // L'historique des transitions qui mène à l'état affiché.
      const t = (x: TransitionDatee) =>
        d.transitions.ajouter({ ...x, id: randomUUID(), parcoursId, auteurId: referent });
      await t({ type: "ouverture", niveau: 1, phase: null, le: ouvertLe });
      if (etat.niveau === 2) {
        await t({ type: "passage", niveau: 2, phase: "conseil", le: iso(150 - i * 5) });
        if (etat.phase === "mise_en_oeuvre")
          await t({ type: "passage", niveau: 2, phase: "mise_en_oeuvre", le: iso(60 - i) });
      }
      if (etat.statut === "en_pause")
        await t({
          type: "pause",
          motif: "Congé parental",
          retourPrevu: iso(-30).slice(0, 10),
          le: iso(40 - i),
        });
      if (etat.statut === "clos")
        await t({ type: "cloture", motif: "emploi_trouve", commentaire: null, le: iso(25 - i) });
      if (referent) {
        await d.entretiens.creer({
          id: randomUUID(),
          parcoursId,
          auteurId: referent,
          // Un entretien sur trois sur site (pour les indicateurs par site) : Lyon Part-Dieu ou Clermont-Ferrand, Lyon 8e.
          modalite: i % 3 === 0 ? "telephone" : i % 3 === 1 ? "visio" : "presentiel",
          siteId: i % 3 === 2 ? (chezMl ? idsSites[2]! : idsSites[i % 2]!) : null,
          le: iso(30 + i),
          dureeMinutes: 45,
          participants: null,
          resume:
            "Premier entretien : la personne a exposé sa demande et son parcours. Points forts repérés : organisation, relation client. À explorer : les métiers accessibles sans reprise d'études longue.",
          creeLe: iso(30 + i),
        });
        await d.notes.creer({
          id: randomUUID(),
          parcoursId,
          auteurId: referent,
          texte:
            "Pistes à travailler : faire la liste des compétences transférables avant le prochain entretien.",
          partagee: true,
          creeLe: iso(29 + i),
          modifieLe: iso(29 + i),
        });
        await d.notes.creer({
          id: randomUUID(),
          parcoursId,
          auteurId: referent,
          texte: "Note privée : contraintes de garde d'enfants, privilégier les rendez-vous à distance.",
          partagee: false,
          creeLe: iso(29 + i),
          modifieLe: iso(29 + i),
        });
        await d.messages.creer({
          id: randomUUID(),
          parcoursId,
          auteurId: beneficiaire,
          texte:
            "Bonjour, j'ai commencé la liste de mes compétences. Pouvons-nous en parler au prochain rendez-vous ?",
          creeLe: iso(10 + i / 10),
        });
        await d.messages.creer({
          id: randomUUID(),
          parcoursId,
          auteurId: referent,
          texte: "Bonjour, bien sûr : apportez-la, nous la reprendrons ensemble.",
          creeLe: iso(9 + i / 10),
        });
        if (etat.statut === "en_cours")
          await d.rendezVous.creer({
            id: randomUUID(),
            parcoursId,
            auteurId: referent,
            debut: new Date(
              Date.UTC(
                maintenant.getUTCFullYear(),
                maintenant.getUTCMonth(),
                maintenant.getUTCDate() + 3 + (i % 5),
                16,
                30,
              ),
            ).toISOString(),
            dureeMinutes: 60,
            modalite: "visio",
            siteId: null,
            lieu: "Lien de visioconférence envoyé la veille",
            statut: "propose",
            creeLe: iso(5),
            modifieLe: iso(5),
          });
      }
    }
  });
}
