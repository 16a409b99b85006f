import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { CATALOGUE } from "../../domain/financement/catalogue";
import { dateEnToutesLettres } from "../../domain/financement/dates";
import type { EvenementCalendrier } from "../../domain/plan/calendrier";
import type { BilanFinancement } from "../../domain/plan/financement";
import {
  type ActionPlan,
  type ContenuPlan,
  estPayante,
  LIBELLES_RESPONSABLE,
  LIBELLES_STATUT_ACTION,
  LIBELLES_STATUT_LIGNE,
  LIBELLES_STATUT_VERSION_PLAN,
  LIBELLES_TYPE_ACTION_PLAN,
  type StatutAction,
  type StatutVersionPlan,
} from "../../domain/plan/plan";
import { dateCourte, type Personne } from "./libelles";

/** Le plan d'actions tel que l'API le renvoie (GET /api/v1/parcours/:id/plan), et ses morceaux en lecture seule. */

export interface VersionPlanVue {
  numero: number;
  statut: StatutVersionPlan;
  motif: string | null;
  auteur: Personne | null;
  convenuPar: Personne | null;
  convenuLe: string | null;
  creeLe: string;
  modifieLe: string;
}

export interface VuePlan {
  plan: (VersionPlanVue & { version: number; contenu: ContenuPlan }) | null;
  versions: VersionPlanVue[];
  financement: BilanFinancement | null;
  calendrier: EvenementCalendrier[];
}

const FORMAT_EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
export const euros = (n: number | null) => (n === null ? "—" : FORMAT_EUROS.format(n));

/** « Version 2 — Convenu avec le conseiller le 3 avril 2026 (Claire Vasseur) ». */
export function etatVersion(v: VersionPlanVue) {
  const accord =
    v.statut === "convenu" && v.convenuLe
      ? ` le ${dateCourte(v.convenuLe)}${v.convenuPar ? ` (${v.convenuPar.prenom} ${v.convenuPar.nom})` : ""}`
      : "";
  return `Version ${v.numero} — ${LIBELLES_STATUT_VERSION_PLAN[v.statut]}${accord}`;
}

export function BadgeStatutAction({ statut }: { statut: StatutAction }) {
  const severite = { a_faire: "info", en_cours: "new", fait: "success", abandonne: "error" } as const;
  return (
    <Badge severity={severite[statut]} small noIcon>
      {LIBELLES_STATUT_ACTION[statut]}
    </Badge>
  );
}

function DetailAction({ a }: { a: ActionPlan }) {
  return (
    <ul className="fr-text--sm fr-mb-1w">
      <li>
        {LIBELLES_TYPE_ACTION_PLAN[a.type]} · {LIBELLES_RESPONSABLE[a.responsable]}
        {a.tiers ? ` : ${a.tiers}` : ""}
      </li>
      <li>Échéance : {dateEnToutesLettres(a.echeance)}</li>
      {a.prestataire && <li>Prestataire : {a.prestataire}</li>}
      {estPayante(a) && (
        <li>
          Coût : {euros(a.cout)}
          {a.dateDebut && ` · du ${dateEnToutesLettres(a.dateDebut)}`}
          {a.dateFin && ` au ${dateEnToutesLettres(a.dateFin)}`}
        </li>
      )}
      {a.lignes.length > 0 && (
        <li>
          Financement :{" "}
          {a.lignes
            .map(
              (l) =>
                `${CATALOGUE[l.dispositif].libelle} ${euros(l.montant)} (${LIBELLES_STATUT_LIGNE[l.statut].toLowerCase()})`,
            )
            .join(" ; ")}
        </li>
      )}
    </ul>
  );
}

/**
 * Le plan en lecture : étapes, objectifs, actions. `actionsModifiables` remplace le statut par un contrôle (cases de
 * la personne) ; `enEvidence` marque les éléments qui diffèrent d'une autre version.
 */
export function PlanLecture({
  contenu,
  niveauTitre = 3,
  enEvidence,
  controleStatut,
}: {
  contenu: ContenuPlan;
  niveauTitre?: 3 | 4;
  enEvidence?: Set<string>;
  controleStatut?: (a: ActionPlan) => React.ReactNode;
}) {
  const Titre = niveauTitre === 3 ? "h3" : "h4";
  const marque = (id: string) =>
    enEvidence?.has(id) ? (
      <Badge severity="warning" small className="fr-ml-1w">
        Modifié
      </Badge>
    ) : null;
  return (
    <div>
      {contenu.projetVise && (
        <p>
          <strong>Projet visé :</strong> {contenu.projetVise}
        </p>
      )}
      {contenu.etapes.length === 0 && <p>Aucune étape pour l'instant.</p>}
      {contenu.etapes.map((e, i) => (
        <section key={e.id} className="fr-mb-3w">
          <Titre className="fr-h6 fr-mb-1w">
            Étape {i + 1} : {e.titre}
            {marque(e.id)}
          </Titre>
          <p className="fr-mb-1w">
            <strong>Objectif :</strong> {e.objectif}
            {e.echeance && ` (pour le ${dateEnToutesLettres(e.echeance)})`}
          </p>
          {e.actions.length === 0 ? (
            <p className="fr-text--sm">Aucune action dans cette étape.</p>
          ) : (
            <ul className="fr-raw-list">
              {e.actions.map((a) => (
                <li
                  key={a.id}
                  className="fr-mb-2w fr-pl-2w"
                  style={{ borderLeft: "4px solid var(--border-default-blue-france)" }}
                >
                  <p className="fr-mb-0">
                    <strong>{a.intitule}</strong>{" "}
                    {controleStatut ? null : <BadgeStatutAction statut={a.statut} />}
                    {marque(a.id)}
                  </p>
                  <DetailAction a={a} />
                  {controleStatut?.(a)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** Bilan du financement : par action payante, couvert, accordé, participation forfaitaire et reste à charge. */
export function BilanFinancementVue({
  bilan,
  titre = "h3",
}: {
  bilan: BilanFinancement;
  titre?: "h3" | "h4";
}) {
  const Titre = titre;
  if (bilan.actions.length === 0) return <p>Aucune action payante dans le plan : rien à financer.</p>;
  return (
    <>
      <Table
        caption="Financement des actions payantes"
        headers={[
          "Action",
          "Coût",
          "Financements prévus",
          "dont accordés",
          "Participation forfaitaire",
          "Reste à charge",
        ]}
        data={[
          ...bilan.actions.map((b) => [
            b.intitule,
            euros(b.cout),
            euros(b.couvert),
            euros(b.accorde),
            euros(b.participationForfaitaire),
            euros(b.resteACharge),
          ]),
          [
            <strong key="t">Total du plan</strong>,
            euros(bilan.total.cout),
            euros(bilan.total.couvert),
            euros(bilan.total.accorde),
            euros(bilan.total.participationForfaitaire),
            <strong key="r">{euros(bilan.total.resteACharge)}</strong>,
          ],
        ]}
      />
      <Titre className="fr-h6">Reste à charge du plan : {euros(bilan.total.resteACharge)}</Titre>
    </>
  );
}

/** Le calendrier prévisionnel : une frise datée, les jours non ouvrés et les dates passées signalés, l'export .ics. */
export function CalendrierPlanVue({
  parcoursId,
  evenements,
  titre = "h3",
}: {
  parcoursId: string;
  evenements: EvenementCalendrier[];
  titre?: "h2" | "h3";
}) {
  const Titre = titre;
  return (
    <section>
      <Titre>Calendrier prévisionnel</Titre>
      <p className="fr-text--sm">
        Délais comptés en jours calendaires ; une date qui tombe un samedi, un dimanche ou un jour férié est
        signalée, pas déplacée : anticipez d'un jour ouvré.
      </p>
      {evenements.length === 0 ? (
        <p>Aucune date dans le plan pour l'instant.</p>
      ) : (
        <ol className="fr-raw-list fr-mb-2w">
          {evenements.map((e) => (
            <li
              key={`${e.date}-${e.type}-${e.actionId ?? e.etapeId}-${e.libelle}`}
              className="fr-pl-2w fr-pb-2w"
              style={{ borderLeft: "2px solid var(--border-default-grey)" }}
            >
              <p className="fr-mb-0">
                <strong>
                  <time dateTime={e.date}>{dateEnToutesLettres(e.date)}</time>
                </strong>{" "}
                — {e.libelle}
              </p>
              <p className="fr-text--sm fr-mb-0">
                {e.source && <span>Code du travail, {e.source} </span>}
                {e.jourNonOuvre && (
                  <Badge severity="warning" small>
                    {e.jourNonOuvre}
                  </Badge>
                )}{" "}
                {e.depassee && (
                  <Badge severity="error" small>
                    Date passée
                  </Badge>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      <a
        className="fr-link fr-icon-download-line fr-link--icon-left"
        href={`/api/v1/parcours/${parcoursId}/plan/calendrier.ics`}
        download="plan-d-actions.ics"
      >
        Télécharger le calendrier (.ics)
      </a>
    </section>
  );
}

export const libelleDispositif = (id: keyof typeof CATALOGUE) => CATALOGUE[id].libelle;
export { LIBELLES_STATUT_VERSION_PLAN };
