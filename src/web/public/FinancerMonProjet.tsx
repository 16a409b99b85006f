import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useRef, useState } from "react";
import {
  LIBELLES_STATUT,
  LIBELLES_TYPE_ACTION,
  LIBELLES_TYPE_CONTRAT,
  STATUTS,
  TYPES_ACTION,
  TYPES_CONTRAT,
} from "../../domain/financement/catalogue";
import { dateEnToutesLettres } from "../../domain/financement/dates";
import { exporterIcs } from "../../domain/financement/ics";
import type { ResultatSimulation } from "../../domain/financement/simulation";
import { api } from "../api";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { Page } from "../commun/Page";

const LIBELLES: Record<string, string> = {
  date: "Date de l'estimation",
  "situation.statut": "Votre statut",
  "situation.typeContrat": "Type de contrat",
  "situation.ancienneteSalarieMois": "Ancienneté comme salarié",
  "situation.ancienneteEntrepriseMois": "Ancienneté dans l'entreprise",
  "situation.effectifEntreprise": "Effectif de l'entreprise",
  "situation.soldeCPF": "Solde de votre CPF",
  "situation.niveauQualification": "Votre plus haut diplôme ou titre",
  "situation.departement": "Département",
  "action.type": "Type d'action",
  "action.cout": "Coût de l'action",
  "action.dateDebut": "Date de début",
  "action.dureeMois": "Durée en mois",
  "action.dureeHeures": "Durée en heures",
  "action.cofinancementTiers": "Cofinancement d'un tiers",
};

const aujourdhui = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const nombre = (v: string) => (v.trim() === "" ? undefined : Number(v.replace(",", ".").replace(/\s/g, "")));
const texte = (v: string) => (v.trim() === "" ? undefined : v.trim());
const euros = (n: number) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 2 }).format(n);

/** Seul compte ici le fait d'être en dessous du niveau 3 (L6323-11-1) : « 2 » le représente. */
const NIVEAUX: [string, string][] = [
  ["", "Non renseigné"],
  ["2", "Pas de CAP, BEP ou équivalent (inférieur au niveau 3)"],
  ["3", "Niveau 3 : CAP, BEP"],
  ["4", "Niveau 4 : baccalauréat"],
  ["5", "Niveau 5 : bac + 2"],
  ["6", "Niveau 6 : bac + 3, licence"],
  ["7", "Niveau 7 : bac + 5, master"],
  ["8", "Niveau 8 : doctorat"],
];

const VIDE = {
  date: aujourdhui(),
  statut: "salarie",
  typeContrat: "cdi",
  ancienneteSalarieMois: "",
  ancienneteEntrepriseMois: "",
  effectifEntreprise: "",
  soldeCPF: "",
  niveauQualification: "",
  departement: "",
  handicapReconnu: false,
  permisValide: false,
  bilanRecent: false,
  demissionDonnee: false,
  type: "formation",
  cout: "",
  dateDebut: "",
  dureeMois: "",
  dureeHeures: "",
  cofinancementTiers: "",
  surTempsDeTravail: false,
  tempsPartiel: false,
  certifiante: false,
  eligibleCPF: false,
};
type Valeurs = typeof VIDE;

export function FinancerMonProjet() {
  const [v, setV] = useState<Valeurs>(VIDE);
  const [resultat, setResultat] = useState<ResultatSimulation | null>(null);
  const f = useFormulaire();
  const titreResultat = useRef<HTMLHeadingElement>(null);
  const salarie = v.statut === "salarie";

  const maj = <K extends keyof Valeurs>(cle: K, valeur: Valeurs[K]) => setV((p) => ({ ...p, [cle]: valeur }));
  const champTexte = (
    cle: keyof Valeurs,
    champ: string,
    props: { hint?: string; type?: string; inputMode?: "numeric" | "decimal" } = {},
  ) => (
    <Input
      label={LIBELLES[champ]}
      {...(props.hint ? { hintText: props.hint } : {})}
      {...f.etat(champ)}
      nativeInputProps={{
        id: `champ-${champ}`,
        type: props.type ?? "text",
        ...(props.inputMode ? { inputMode: props.inputMode } : {}),
        value: String(v[cle]),
        onChange: (e) => maj(cle, e.target.value as never),
      }}
    />
  );
  const caseACocher = (cle: keyof Valeurs, libelle: string, aide?: string) => ({
    label: libelle,
    ...(aide ? { hintText: aide } : {}),
    nativeInputProps: {
      name: cle,
      checked: Boolean(v[cle]),
      onChange: (e: React.ChangeEvent<HTMLInputElement>) => maj(cle, e.target.checked as never),
    },
  });

  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    const corps = {
      date: v.date,
      situation: {
        statut: v.statut,
        ...(salarie
          ? {
              typeContrat: v.typeContrat,
              ancienneteSalarieMois: nombre(v.ancienneteSalarieMois),
              ancienneteEntrepriseMois: nombre(v.ancienneteEntrepriseMois),
              effectifEntreprise: nombre(v.effectifEntreprise),
              demissionDonnee: v.demissionDonnee,
            }
          : {}),
        soldeCPF: nombre(v.soldeCPF),
        niveauQualification: nombre(v.niveauQualification),
        departement: texte(v.departement),
        handicapReconnu: v.handicapReconnu,
        ...(v.type === "permis_b" ? { permisValide: v.permisValide } : {}),
        ...(v.type === "bilan_competences" ? { bilanRecent: v.bilanRecent } : {}),
      },
      action: {
        type: v.type,
        cout: nombre(v.cout),
        dateDebut: v.dateDebut,
        dureeMois: nombre(v.dureeMois),
        dureeHeures: nombre(v.dureeHeures),
        cofinancementTiers: nombre(v.cofinancementTiers),
        surTempsDeTravail: salarie ? v.surTempsDeTravail : false,
        tempsPartiel: salarie ? v.tempsPartiel : false,
        ...(v.type === "formation" ? { certifiante: v.certifiante, eligibleCPF: v.eligibleCPF } : {}),
      },
    };
    const r = await f.soumettre(() =>
      api<ResultatSimulation>("POST", "/api/v1/financement/simulation", corps),
    );
    if (r) {
      setResultat(r);
      setTimeout(() => titreResultat.current?.focus(), 0);
    } else setResultat(null);
  }

  const echeances = resultat
    ? resultat.financements
        .flatMap((x) => x.echeances.map((e) => ({ ...e, dispositif: x.libelle })))
        .sort((a, b) => a.date.localeCompare(b.date))
    : [];

  function telechargerIcs() {
    const ics = exporterIcs(
      echeances.map((e) => ({
        date: e.date,
        libelle: e.libelle,
        description: `${e.dispositif}${e.source ? ` — ${e.source}` : ""}`,
      })),
      {
        horodatage: new Date().toISOString(),
        uidBase: window.location.host,
        nom: "Calendrier prévisionnel CEP",
      },
    );
    const lien = document.createElement("a");
    lien.href = URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }));
    lien.download = "calendrier-previsionnel.ics";
    lien.click();
    URL.revokeObjectURL(lien.href);
  }

  return (
    <Page titre="Financer mon projet">
      <p className="fr-text--lead">
        Estimez les financements possibles d'une formation, d'un bilan de compétences, d'une VAE ou du permis
        B, ce qui resterait à votre charge et les délais à respecter.
      </p>
      <p>
        Cette estimation est indicative : elle applique les règles en vigueur à la date choisie et n'engage
        aucun financeur. Aucune donnée n'est enregistrée. Un conseiller ou une conseillère en évolution
        professionnelle peut vous aider à construire votre plan de financement.
      </p>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES} />
          <form onSubmit={envoyer} noValidate aria-label="Estimer les financements">
            <fieldset className="fr-fieldset" aria-labelledby="titre-situation">
              <legend className="fr-fieldset__legend" id="titre-situation">
                <h2 className="fr-h4 fr-mb-0">Votre situation</h2>
              </legend>
              <div className="fr-fieldset__content" style={{ width: "100%" }}>
                <Select
                  label={LIBELLES["situation.statut"]}
                  {...f.etat("situation.statut")}
                  nativeSelectProps={{
                    id: "champ-situation.statut",
                    value: v.statut,
                    onChange: (e) => maj("statut", e.target.value),
                  }}
                >
                  {STATUTS.map((s) => (
                    <option key={s} value={s}>
                      {LIBELLES_STATUT[s]}
                    </option>
                  ))}
                </Select>
                {salarie && (
                  <>
                    <Select
                      label={LIBELLES["situation.typeContrat"]}
                      {...f.etat("situation.typeContrat")}
                      nativeSelectProps={{
                        id: "champ-situation.typeContrat",
                        value: v.typeContrat,
                        onChange: (e) => maj("typeContrat", e.target.value),
                      }}
                    >
                      {TYPES_CONTRAT.map((t) => (
                        <option key={t} value={t}>
                          {LIBELLES_TYPE_CONTRAT[t]}
                        </option>
                      ))}
                    </Select>
                    {champTexte("ancienneteSalarieMois", "situation.ancienneteSalarieMois", {
                      hint: "En mois, tous employeurs confondus (ex. 36)",
                      inputMode: "numeric",
                    })}
                    {champTexte("ancienneteEntrepriseMois", "situation.ancienneteEntrepriseMois", {
                      hint: "En mois, chez votre employeur actuel",
                      inputMode: "numeric",
                    })}
                    {champTexte("effectifEntreprise", "situation.effectifEntreprise", {
                      hint: "Nombre de salariés, si vous le connaissez",
                      inputMode: "numeric",
                    })}
                  </>
                )}
                <Select
                  label={LIBELLES["situation.niveauQualification"]}
                  hint="Niveau du cadre national des certifications ; facultatif"
                  {...f.etat("situation.niveauQualification")}
                  nativeSelectProps={{
                    id: "champ-situation.niveauQualification",
                    value: v.niveauQualification,
                    onChange: (e) => maj("niveauQualification", e.target.value),
                  }}
                >
                  {NIVEAUX.map(([valeur, libelle]) => (
                    <option key={valeur} value={valeur}>
                      {libelle}
                    </option>
                  ))}
                </Select>
                {champTexte("soldeCPF", "situation.soldeCPF", {
                  hint: "En euros, visible sur moncompteformation.gouv.fr",
                  inputMode: "decimal",
                })}
                {champTexte("departement", "situation.departement", {
                  hint: "Pour les jours fériés locaux (ex. 67, 974) ; facultatif",
                })}
                <Checkbox
                  legend="Précisions"
                  options={[
                    caseACocher(
                      "handicapReconnu",
                      "Je suis bénéficiaire de l'obligation d'emploi",
                      "Par exemple avec une reconnaissance de la qualité de travailleur handicapé (RQTH)",
                    ),
                    ...(salarie ? [caseACocher("demissionDonnee", "J'ai déjà donné ma démission")] : []),
                  ]}
                />
              </div>
            </fieldset>

            <fieldset className="fr-fieldset" aria-labelledby="titre-projet">
              <legend className="fr-fieldset__legend" id="titre-projet">
                <h2 className="fr-h4 fr-mb-0">Votre projet</h2>
              </legend>
              <div className="fr-fieldset__content" style={{ width: "100%" }}>
                <Select
                  label={LIBELLES["action.type"]}
                  {...f.etat("action.type")}
                  nativeSelectProps={{
                    id: "champ-action.type",
                    value: v.type,
                    onChange: (e) => maj("type", e.target.value),
                  }}
                >
                  {TYPES_ACTION.map((t) => (
                    <option key={t} value={t}>
                      {LIBELLES_TYPE_ACTION[t]}
                    </option>
                  ))}
                </Select>
                {champTexte("cout", "action.cout", {
                  hint: "En euros, d'après le devis de l'organisme",
                  inputMode: "decimal",
                })}
                {champTexte("dateDebut", "action.dateDebut", { type: "date", hint: "Format JJ/MM/AAAA" })}
                {champTexte("dureeMois", "action.dureeMois", {
                  hint: "Durée totale, en mois",
                  inputMode: "decimal",
                })}
                {champTexte("dureeHeures", "action.dureeHeures", {
                  hint: "Durée de formation, en heures",
                  inputMode: "decimal",
                })}
                {champTexte("cofinancementTiers", "action.cofinancementTiers", {
                  hint: "Montant qu'un employeur, l'OPCO, la Région ou un autre tiers s'est engagé à payer ; facultatif",
                  inputMode: "decimal",
                })}
                <Checkbox
                  legend="Caractéristiques de l'action"
                  options={[
                    ...(v.type === "formation"
                      ? [
                          caseACocher(
                            "certifiante",
                            "La formation est certifiante",
                            "Diplôme, titre professionnel ou certificat inscrit au RNCP, ou blocs de compétences",
                          ),
                          caseACocher(
                            "eligibleCPF",
                            "La formation est éligible au CPF",
                            "Vérifiable sur Mon Compte Formation",
                          ),
                        ]
                      : []),
                    ...(v.type === "bilan_competences"
                      ? [
                          caseACocher(
                            "bilanRecent",
                            "Un bilan de compétences m'a été financé au cours des 5 dernières années",
                          ),
                        ]
                      : []),
                    ...(v.type === "permis_b"
                      ? [caseACocher("permisValide", "J'ai déjà un permis de conduire valide")]
                      : []),
                    ...(salarie
                      ? [
                          caseACocher(
                            "surTempsDeTravail",
                            "L'action a lieu, en tout ou partie, sur mon temps de travail",
                          ),
                          caseACocher("tempsPartiel", "Je la suivrai à temps partiel"),
                        ]
                      : []),
                  ]}
                />
                {champTexte("date", "date", {
                  type: "date",
                  hint: "Les règles appliquées sont celles en vigueur à cette date (aujourd'hui par défaut)",
                })}
              </div>
            </fieldset>
            <Button type="submit" disabled={f.envoi} iconId="fr-icon-calculator-line">
              Estimer les financements
            </Button>
          </form>
        </div>
      </div>

      {resultat && (
        <section className="fr-mt-6w" aria-labelledby="titre-resultat">
          <h2 id="titre-resultat" tabIndex={-1} ref={titreResultat}>
            Résultat de l'estimation
          </h2>
          <CallOut
            title={`Reste à votre charge : ${euros(resultat.resteACharge)}`}
            titleAs="h3"
            iconId="fr-icon-money-euro-circle-line"
          >
            {resultat.participationForfaitaire > 0
              ? `Dont ${euros(resultat.participationForfaitaire)} de participation forfaitaire au CPF. `
              : "Pas de participation forfaitaire au CPF dans cette estimation. "}
            Estimation selon les règles en vigueur le {dateEnToutesLettres(resultat.date)} ; elle n'engage
            aucun financeur.
          </CallOut>
          <Table
            caption="Financements étudiés"
            headers={["Dispositif", "Éligibilité", "Montant estimé", "Pourquoi", "Démarches et échéances"]}
            data={resultat.financements.map((x) => [
              <span key="d">
                <strong>{x.libelle}</strong>
                <br />
                <span className="fr-text--sm">{x.financeur}</span>
              </span>,
              x.eligible ? (
                <Badge key="e" severity="success" small noIcon>
                  {x.retenu ? "Retenu" : "Possible"}
                </Badge>
              ) : (
                <Badge key="e" severity="error" small noIcon>
                  Non éligible
                </Badge>
              ),
              x.retenu || x.montant > 0 || x.dispositif === "fonds_personnels"
                ? euros(x.montant)
                : x.eligible
                  ? "Au cas par cas"
                  : "—",
              <ul key="m" className="fr-text--sm fr-mb-0">
                {x.motifs.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>,
              x.demarches.length + x.echeances.length > 0 ? (
                <ul key="p" className="fr-text--sm fr-mb-0">
                  {x.echeances.map((e) => (
                    <li key={e.date + e.libelle}>
                      <strong>{dateEnToutesLettres(e.date)}</strong> : {e.libelle}
                    </li>
                  ))}
                  {x.demarches.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : (
                "—"
              ),
            ])}
          />
          <h3>Calendrier prévisionnel</h3>
          {echeances.length === 0 ? (
            <p>Aucune échéance légale à respecter pour cette action dans cette estimation.</p>
          ) : (
            <>
              <ul>
                {echeances.map((e) => (
                  <li key={e.date + e.libelle}>
                    <strong>{dateEnToutesLettres(e.date)}</strong> — {e.libelle} ({e.dispositif}
                    {e.source ? `, ${e.source}` : ""}){" "}
                    {e.depassee && (
                      <Badge severity="error" small>
                        Date passée
                      </Badge>
                    )}
                    {!e.depassee && e.jourNonOuvre && (
                      <Badge severity="warning" small>
                        {e.jourNonOuvre}
                      </Badge>
                    )}
                  </li>
                ))}
              </ul>
              <Button
                priority="secondary"
                iconId="fr-icon-calendar-line"
                onClick={telechargerIcs}
                type="button"
              >
                Télécharger le calendrier (.ics)
              </Button>
            </>
          )}
          {resultat.alertes.length > 1 && (
            <Alert
              className="fr-mt-4w"
              severity="info"
              title="Points d'attention"
              as="h3"
              description={
                <ul>
                  {resultat.alertes.slice(1).map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              }
            />
          )}
        </section>
      )}
    </Page>
  );
}
