import { randomUUID } from "node:crypto";
import type { Compte, HachageMotDePasse, Stockage } from "../app/ports.js";
import type { Niveau, Phase, StatutParcours } from "../domain/parcours.js";

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
    for (const s of sites) await d.sites.creer({ id: randomUUID(), creeLe: iso(400), ...s });

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
      const etat = etats[i % etats.length]!;
      await d.parcours.creer({
        id: randomUUID(),
        beneficiaireId: beneficiaire,
        operateurId: chezMl ? ml.id : ara.id,
        referentId: referent,
        ...(referent ? etat : { niveau: 1 as const, phase: null, statut: "en_cours" as const }),
        creeLe: iso(200 - i * 7),
        modifieLe: iso(20 - i),
      });
    }
  });
}
