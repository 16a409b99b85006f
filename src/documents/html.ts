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
 * Version HTML accessible du document de synthèse : le même contenu que le PDF, en HTML sémantique (titres hiérarchisés,
 * tableaux avec légende et en-têtes, listes), autonome (styles intégrés, aucun script), pour les lecteurs d'écran.
 */

const echapper = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
const t = (s: string) => echapper(typo(s));

function tableau(legende: string, entetes: string[], lignes: string[][]): string {
  return `<table><caption>${t(legende)}</caption><thead><tr>${entetes.map((e) => `<th scope="col">${t(e)}</th>`).join("")}</tr></thead><tbody>${lignes
    .map(
      (l) =>
        `<tr>${l.map((c, i) => (i === 0 ? `<th scope="row">${t(c)}</th>` : `<td>${t(c)}</td>`)).join("")}</tr>`,
    )
    .join("")}</tbody></table>`;
}
const liste = (elements: string[]) => `<ul>${elements.map((e) => `<li>${t(e)}</li>`).join("")}</ul>`;
const section = (id: string, titre: string, contenu: string) =>
  `<section aria-labelledby="${id}"><h2 id="${id}">${t(titre)}</h2>${contenu}</section>`;

export function rendreHtml(c: ContenuSynthese, entete: EnTeteDocument): string {
  const parties: string[] = [];
  const referent = c.referent ? `${c.referent.prenom} ${c.referent.nom}` : "Sans référent désigné";
  parties.push(
    `<dl class="identite"><div><dt>Bénéficiaire</dt><dd>${t(`${c.beneficiaire.prenom} ${c.beneficiaire.nom}`)}</dd></div><div><dt>Opérateur</dt><dd>${t(c.operateur.nom)}</dd></div><div><dt>Référent·e</dt><dd>${t(referent)}</dd></div><div><dt>Période</dt><dd>du ${t(dateLongue(c.periode.debut))} au ${t(dateLongue(c.periode.fin))}</dd></div></dl>`,
  );

  const avecObjet = c.entretiens.some((e) => e.objet);
  if (c.entretiens.length || c.reunionsCollectives.length || c.prestations.length) {
    let contenu = "";
    if (c.entretiens.length)
      contenu +=
        `<p>${c.entretiens.length} entretien${c.entretiens.length > 1 ? "s" : ""}, ${t(duree(dureeTotale(c)))} au total.</p>` +
        tableau(
          "Entretiens",
          // La colonne « Objet » n'apparaît que si au moins un entretien en a un.
          ["Date", "Modalité", "Durée", ...(avecObjet ? ["Objet"] : [])],
          c.entretiens.map((e) => [
            dateLongue(e.date),
            LIBELLES_MODALITE[e.modalite],
            duree(e.dureeMinutes),
            ...(avecObjet ? [e.objet ?? ""] : []),
          ]),
        );
    if (c.reunionsCollectives.length)
      contenu += `<h3>Réunions collectives d’information</h3>${liste(c.reunionsCollectives.map((r) => `${dateLongue(r.date)} — ${r.theme}`))}`;
    if (c.prestations.length) contenu += `<h3>Prestations</h3>${liste(c.prestations)}`;
    parties.push(section("services", "Services reçus", contenu));
  }

  if (c.demande)
    parties.push(section("demande", "Votre demande", `<blockquote><p>${t(c.demande)}</p></blockquote>`));

  const n1 = c.niveau1;
  if (n1)
    parties.push(
      section(
        "niveau1",
        "Accueil individualisé (niveau 1)",
        `<h3>Votre demande</h3><blockquote><p>${t(n1.demande)}</p></blockquote>` +
          (n1.besoinClarifie ? `<h3>Le besoin clarifié</h3><p>${t(n1.besoinClarifie)}</p>` : "") +
          (n1.informationsDonnees.length
            ? `<h3>Informations données</h3>${liste(n1.informationsDonnees)}`
            : "") +
          `<h3>Votre décision</h3><p>${t(LIBELLES_DECISION[n1.decision])}</p>` +
          (n1.orientation ? `<h3>Orientation</h3><p>${t(n1.orientation)}</p>` : ""),
      ),
    );

  const n2 = c.niveau2;
  // Au niveau 2, projet, compétences, plan d'actions et financement sont attendus : absents, on le dit.
  const nonRenseigne = (id: string, titre: string) =>
    parties.push(section(id, titre, `<p class="non-renseigne">${t(NON_RENSEIGNE)}</p>`));
  if (n2) {
    if (!n2.projet) nonRenseigne("projet", "Votre projet professionnel");
    else
      parties.push(
        section(
          "projet",
          "Votre projet professionnel",
          `<p>Métier visé : ${t(n2.projet.metier.libelle)} (code ROME ${t(n2.projet.metier.codeRome)})</p><p>Type de changement : ${t(LIBELLES_TYPE_CHANGEMENT[n2.projet.typeChangement])}</p>` +
            (n2.projet.description ? `<p>${t(n2.projet.description)}</p>` : ""),
        ),
      );
    if (!n2.competencesAcquises.length && !n2.competencesAAcquerir.length)
      nonRenseigne("competences", "Vos compétences");
    else
      parties.push(
        section(
          "competences",
          "Vos compétences",
          (n2.competencesAcquises.length
            ? `<h3>Compétences acquises, transférables</h3>${liste(n2.competencesAcquises)}`
            : "") +
            (n2.competencesAAcquerir.length
              ? `<h3>Compétences à acquérir</h3>${liste(n2.competencesAAcquerir)}`
              : ""),
        ),
      );
    if (n2.strategies.length)
      parties.push(
        section(
          "strategies",
          "Stratégies envisagées",
          `<ul>${n2.strategies
            .map(
              (s) =>
                `<li><strong>${s.retenue ? "Retenue" : "Écartée"}</strong> — ${t(s.libelle)}${s.justification ? `<br>${t(s.justification)}` : ""}</li>`,
            )
            .join("")}</ul>`,
        ),
      );
    if (!n2.etapes.length) nonRenseigne("plan", "Plan d’actions");
    else
      parties.push(
        section(
          "plan",
          "Plan d’actions",
          n2.etapes
            .map(
              (e, i) =>
                `<h3>Étape ${i + 1} : ${t(e.titre)}</h3>${e.objectif ? `<p>Objectif : ${t(e.objectif)}</p>` : ""}` +
                tableau(
                  `Actions de l’étape ${i + 1}`,
                  ["Action", "Qui", "Échéance", "Statut"],
                  e.actions.map((a) => [
                    a.prestataire ? `${a.libelle} (${a.prestataire})` : a.libelle,
                    a.porteur,
                    a.echeance ? dateLongue(a.echeance) : "—",
                    a.statut,
                  ]),
                ),
            )
            .join(""),
        ),
      );
    if (n2.parcoursFormation.length)
      parties.push(
        section(
          "formation",
          "Parcours de formation",
          tableau(
            "Formations prévues",
            ["Formation", "Organisme", "Dates", "Durée"],
            n2.parcoursFormation.map((f) => [
              f.intitule,
              f.organisme ?? "—",
              f.debut && f.fin ? `du ${dateLongue(f.debut)} au ${dateLongue(f.fin)}` : "—",
              f.dureeHeures ? `${f.dureeHeures} h` : "—",
            ]),
          ),
        ),
      );
    if (!n2.financement) nonRenseigne("financement", "Plan de financement");
    else {
      const f = n2.financement;
      parties.push(
        section(
          "financement",
          "Plan de financement",
          `<p>Coût total : ${t(euros(f.coutTotal))}</p>` +
            tableau(
              "Financements",
              ["Financeur", "Dispositif", "Montant", "Statut"],
              f.lignes.map((l) => [l.financeur, l.dispositif, euros(l.montant), l.statut]),
            ) +
            `<p>Total des financements (hors refus) : ${t(euros(totalFinance(f)))}</p><p class="reste"><strong>Reste à charge : ${t(euros(f.resteACharge))}</strong></p>`,
        ),
      );
    }
    if (n2.calendrier.length)
      parties.push(
        section(
          "calendrier",
          "Calendrier prévisionnel",
          tableau(
            "Échéances",
            ["Date", "Échéance"],
            n2.calendrier.map((e) => [dateLongue(e.date), e.libelle]),
          ),
        ),
      );
  }

  if (c.conclusions)
    parties.push(section("conclusions", "Conclusions", `<p class="libre">${t(c.conclusions)}</p>`));
  if (c.prochainesEtapes)
    parties.push(section("suite", "Prochaines étapes", `<p class="libre">${t(c.prochainesEtapes)}</p>`));

  parties.push(
    section(
      "mentions",
      "Mentions",
      MENTIONS_LEGALES.map((m) => `<p class="mention">${t(m)}</p>`).join("") +
        (entete.empreinte
          ? `<p class="mention">Empreinte SHA-256 du contenu : <code>${echapper(entete.empreinte)}</code></p>`
          : ""),
    ),
  );

  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(`Document de synthèse CEP — ${c.beneficiaire.prenom} ${c.beneficiaire.nom}`)}</title>
<style>
body{font-family:Marianne,Arial,sans-serif;line-height:1.5;color:#161616;max-width:50rem;margin:0 auto;padding:1.5rem}
h1,h2{color:#000091}h2{margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}caption{text-align:left;font-weight:700;margin-bottom:.25rem}
th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}thead th{border-bottom:2px solid #161616}
th[scope=row]{font-weight:400}
.identite{display:flex;flex-wrap:wrap;gap:1rem 2rem}.identite dt{font-size:.85rem;color:#595959}.identite dd{margin:0}
.mention,.non-renseigne{font-size:.85rem;color:#595959}.non-renseigne{font-style:italic}.libre{white-space:pre-line}.reste{color:#000091}blockquote{margin:0;padding-left:1rem;border-left:4px solid #000091}
header p,footer p{color:#595959}
</style>
</head>
<body>
<header><p>${t(c.operateur.nom)} — ${t(referent)}</p></header>
<main>
<h1>Document de synthèse</h1>
<p>${t(titreDocument(c))}</p>
<p>${t(entete.statut)}</p>
${parties.join("\n")}
</main>
<footer><p>Document confidentiel — conseil en évolution professionnelle</p></footer>
</body>
</html>`;
}
