import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  type ContenuSynthese,
  dureeTotale,
  LIBELLES_DECISION,
  LIBELLES_MODALITE,
  LIBELLES_TYPE_CHANGEMENT,
  NON_RENSEIGNE,
  totalFinance,
} from "../domain/synthese.js";
import { type EnTeteDocument, MENTIONS_LEGALES, titreDocument } from "./commun.js";
import { dateLongue, duree, euros, typo } from "./typographie.js";

/**
 * Rendu PDF du document de synthèse : pdfmake, A4, polices Marianne intégrées (celles du DSFR),
 * opérateur et référent en tête de chaque page, numéros de page, mentions légales, typographie française.
 */

const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: pdfmake n'a pas de types pour sa version 0.3.
const pdfmake: any = require("pdfmake");

const POLICES = path.join(
  path.dirname(require.resolve("@codegouvfr/react-dsfr/package.json")),
  "dsfr",
  "fonts",
);
let policesChargees = false;
function chargerPolices() {
  if (policesChargees) return;
  for (const f of ["Marianne-Regular", "Marianne-Bold", "Marianne-Regular_Italic", "Marianne-Bold_Italic"])
    pdfmake.virtualfs.writeFileSync(`${f}.woff`, readFileSync(path.join(POLICES, `${f}.woff`)));
  pdfmake.setFonts({
    Marianne: {
      normal: "Marianne-Regular.woff",
      bold: "Marianne-Bold.woff",
      italics: "Marianne-Regular_Italic.woff",
      bolditalics: "Marianne-Bold_Italic.woff",
    },
  });
  // Aucun accès réseau ni disque depuis un document : tout est fourni par le programme.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  policesChargees = true;
}

type Bloc = Record<string, unknown> | string;
const BLEU = "#000091";
const GRIS = "#666666";
/** Style des textes d'en-tête et de pied de page. */
const CADRE = "cadre";

const titre = (texte: string): Bloc => ({
  text: typo(texte),
  style: "h2",
  margin: [0, 14, 0, 6],
  headlineLevel: 1,
});
const sousTitre = (texte: string): Bloc => ({ text: typo(texte), style: "h3", margin: [0, 8, 0, 4] });
const para = (texte: string): Bloc => ({ text: typo(texte), margin: [0, 0, 0, 4] });
const liste = (elements: string[]): Bloc => ({ ul: elements.map(typo), margin: [0, 0, 0, 6] });

function tableau(entetes: string[], lignes: string[][], largeurs?: (string | number)[]): Bloc {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: largeurs ?? entetes.map(() => "*"),
      body: [entetes.map((e) => ({ text: e, style: "th" })), ...lignes.map((l) => l.map((c) => typo(c)))],
    },
    layout: "lightHorizontalLines",
    margin: [0, 0, 0, 8],
  };
}

export function definitionPdf(c: ContenuSynthese, entete: EnTeteDocument): Record<string, unknown> {
  const blocs: Bloc[] = [
    { text: "Document de synthèse", style: "h1" },
    { text: typo(titreDocument(c)), style: "sousTitre", margin: [0, 0, 0, 4] },
    { text: typo(entete.statut), color: GRIS, margin: [0, 0, 0, 12] },
    {
      columns: [
        {
          width: "*",
          stack: [
            { text: "Bénéficiaire", style: "etiquette" },
            `${c.beneficiaire.prenom} ${c.beneficiaire.nom}`,
          ],
        },
        { width: "*", stack: [{ text: "Opérateur", style: "etiquette" }, typo(c.operateur.nom)] },
        {
          width: "*",
          stack: [
            { text: "Référent·e", style: "etiquette" },
            c.referent ? `${c.referent.prenom} ${c.referent.nom}` : "—",
          ],
        },
        {
          width: "*",
          stack: [
            { text: "Période", style: "etiquette" },
            `du ${dateLongue(c.periode.debut)} au ${dateLongue(c.periode.fin)}`,
          ],
        },
      ],
      columnGap: 10,
      margin: [0, 0, 0, 8],
    },
  ];

  const avecObjet = c.entretiens.some((e) => e.objet);
  if (c.entretiens.length || c.reunionsCollectives.length || c.prestations.length) {
    blocs.push(titre("Services reçus"));
    if (c.entretiens.length) {
      blocs.push(
        para(
          `${c.entretiens.length} entretien${c.entretiens.length > 1 ? "s" : ""}, ${duree(dureeTotale(c))} au total.`,
        ),
      );
      blocs.push(
        tableau(
          // La colonne « Objet » n'apparaît que si au moins un entretien en a un.
          ["Date", "Modalité", "Durée", ...(avecObjet ? ["Objet"] : [])],
          c.entretiens.map((e) => [
            dateLongue(e.date),
            LIBELLES_MODALITE[e.modalite],
            duree(e.dureeMinutes),
            ...(avecObjet ? [e.objet ?? ""] : []),
          ]),
          avecObjet ? [80, 95, 45, "*"] : [110, 120, "*"],
        ),
      );
    }
    if (c.reunionsCollectives.length) {
      blocs.push(sousTitre("Réunions collectives d'information"));
      blocs.push(liste(c.reunionsCollectives.map((r) => `${dateLongue(r.date)} — ${r.theme}`)));
    }
    if (c.prestations.length) {
      blocs.push(sousTitre("Prestations"));
      blocs.push(liste(c.prestations));
    }
  }

  if (c.demande) blocs.push(titre("Votre demande"), para(`« ${c.demande} »`));

  const n1 = c.niveau1;
  if (n1) {
    blocs.push(titre("Accueil individualisé (niveau 1)"));
    blocs.push(sousTitre("Votre demande"), para(`« ${n1.demande} »`));
    if (n1.besoinClarifie) blocs.push(sousTitre("Le besoin clarifié"), para(n1.besoinClarifie));
    if (n1.informationsDonnees.length)
      blocs.push(sousTitre("Informations données"), liste(n1.informationsDonnees));
    blocs.push(sousTitre("Votre décision"), para(LIBELLES_DECISION[n1.decision]));
    if (n1.orientation) blocs.push(sousTitre("Orientation"), para(n1.orientation));
  }

  const n2 = c.niveau2;
  // Au niveau 2, projet, compétences, plan d'actions et financement sont attendus : absents, on le dit.
  const nonRenseigne = (t: string) =>
    blocs.push(titre(t), { text: NON_RENSEIGNE, italics: true, color: GRIS });
  if (n2) {
    if (n2.projet) {
      blocs.push(titre("Votre projet professionnel"));
      blocs.push(para(`Métier visé : ${n2.projet.metier.libelle} (code ROME ${n2.projet.metier.codeRome})`));
      blocs.push(para(`Type de changement : ${LIBELLES_TYPE_CHANGEMENT[n2.projet.typeChangement]}`));
      if (n2.projet.description) blocs.push(para(n2.projet.description));
    } else nonRenseigne("Votre projet professionnel");
    if (!n2.competencesAcquises.length && !n2.competencesAAcquerir.length) nonRenseigne("Vos compétences");
    else {
      blocs.push(titre("Vos compétences"));
      blocs.push({
        columns: [
          n2.competencesAcquises.length
            ? {
                width: "*",
                stack: [sousTitre("Compétences acquises, transférables"), liste(n2.competencesAcquises)],
              }
            : { width: "*", text: "" },
          n2.competencesAAcquerir.length
            ? { width: "*", stack: [sousTitre("Compétences à acquérir"), liste(n2.competencesAAcquerir)] }
            : { width: "*", text: "" },
        ],
        columnGap: 16,
      });
    }
    if (n2.strategies.length) {
      blocs.push(titre("Stratégies envisagées"));
      for (const s of n2.strategies)
        blocs.push({
          stack: [
            { text: typo(`${s.retenue ? "Retenue — " : "Écartée — "}${s.libelle}`), bold: s.retenue },
            ...(s.justification ? [{ text: typo(s.justification), color: GRIS }] : []),
          ],
          margin: [0, 0, 0, 6],
        });
    }
    if (!n2.etapes.length) nonRenseigne("Plan d'actions");
    else {
      blocs.push(titre("Plan d'actions"));
      for (const [i, e] of n2.etapes.entries()) {
        blocs.push(sousTitre(`Étape ${i + 1} : ${e.titre}`));
        if (e.objectif) blocs.push(para(`Objectif : ${e.objectif}`));
        blocs.push(
          tableau(
            ["Action", "Qui", "Échéance", "Statut"],
            e.actions.map((a) => [
              a.prestataire ? `${a.libelle} (${a.prestataire})` : a.libelle,
              a.porteur,
              a.echeance ? dateLongue(a.echeance) : "—",
              a.statut,
            ]),
            ["*", 70, 85, 55],
          ),
        );
      }
    }
    if (n2.parcoursFormation.length) {
      blocs.push(titre("Parcours de formation"));
      blocs.push(
        tableau(
          ["Formation", "Organisme", "Dates", "Durée"],
          n2.parcoursFormation.map((f) => [
            f.intitule,
            f.organisme ?? "—",
            f.debut && f.fin ? `du ${dateLongue(f.debut)} au ${dateLongue(f.fin)}` : "—",
            f.dureeHeures ? `${f.dureeHeures} h` : "—",
          ]),
          ["*", 100, 120, 45],
        ),
      );
    }
    if (!n2.financement) nonRenseigne("Plan de financement");
    else {
      const f = n2.financement;
      blocs.push(titre("Plan de financement"));
      blocs.push(para(`Coût total : ${euros(f.coutTotal)}`));
      blocs.push(
        tableau(
          ["Financeur", "Dispositif", "Montant", "Statut"],
          f.lignes.map((l) => [l.financeur, l.dispositif, euros(l.montant), l.statut]),
          ["*", "*", 70, 60],
        ),
      );
      blocs.push(para(`Total des financements (hors refus) : ${euros(totalFinance(f))}`));
      blocs.push({
        text: typo(`Reste à charge : ${euros(f.resteACharge)}`),
        bold: true,
        color: BLEU,
        margin: [0, 2, 0, 6],
      });
    }
    if (n2.calendrier.length) {
      blocs.push(titre("Calendrier prévisionnel"));
      blocs.push(
        tableau(
          ["Date", "Échéance"],
          n2.calendrier.map((e) => [dateLongue(e.date), e.libelle]),
          [100, "*"],
        ),
      );
    }
  }

  if (c.conclusions) blocs.push(titre("Conclusions"), para(c.conclusions));
  if (c.prochainesEtapes) blocs.push(titre("Prochaines étapes"), para(c.prochainesEtapes));

  blocs.push(
    titre("Mentions"),
    ...MENTIONS_LEGALES.map((m) => ({ text: typo(m), fontSize: 8, color: GRIS, margin: [0, 0, 0, 3] })),
  );
  if (entete.empreinte)
    blocs.push({ text: `Empreinte SHA-256 du contenu : ${entete.empreinte}`, fontSize: 7, color: GRIS });

  const referent = c.referent
    ? `Référent·e : ${c.referent.prenom} ${c.referent.nom}`
    : "Sans référent désigné";
  return {
    pageSize: "A4",
    pageMargins: [50, 64, 50, 56],
    language: "fr-FR",
    info: {
      title: `Document de synthèse CEP — ${c.beneficiaire.prenom} ${c.beneficiaire.nom}`,
      author: c.operateur.nom,
      subject: titreDocument(c),
      creator: "CEP — plateforme du conseil en évolution professionnelle",
    },
    header: () => ({
      columns: [
        { text: typo(c.operateur.nom), bold: true, style: CADRE },
        { text: typo(referent), alignment: "right", style: CADRE },
      ],
      margin: [50, 24, 50, 0],
      style: CADRE,
      fontSize: 8,
      color: GRIS,
    }),
    footer: (page: number, pages: number) => ({
      columns: [
        { text: "Document confidentiel — conseil en évolution professionnelle", style: CADRE },
        { text: `Page ${page} sur ${pages}`, alignment: "right", style: CADRE },
      ],
      margin: [50, 16, 50, 0],
      style: CADRE,
      fontSize: 8,
      color: GRIS,
    }),
    content: blocs,
    // Un titre de section n'est jamais laissé seul en bas de page (pdfmake 0.3 : le second argument donne accès aux
    // nœuds suivants, en-tête et pied de page compris, qu'on écarte par leur style).
    pageBreakBefore: (
      noeud: { headlineLevel?: number },
      noeuds: { getFollowingNodesOnPage(): { style?: unknown }[] },
    ) => noeud.headlineLevel === 1 && noeuds.getFollowingNodesOnPage().every((n) => n.style === CADRE),
    defaultStyle: { font: "Marianne", fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 20, bold: true, color: BLEU },
      sousTitre: { fontSize: 12 },
      h2: { fontSize: 14, bold: true, color: BLEU },
      h3: { fontSize: 11, bold: true },
      th: { bold: true },
      etiquette: { fontSize: 8, color: GRIS },
      [CADRE]: {},
    },
  };
}

export async function rendrePdf(c: ContenuSynthese, entete: EnTeteDocument): Promise<Buffer> {
  chargerPolices();
  return pdfmake.createPdf(definitionPdf(c, entete)).getBuffer();
}
