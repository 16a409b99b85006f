import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { useRef, useState } from "react";
import { Link } from "react-router";
import type { DecisionOrientation, StatutOrientation } from "../../domain/orientation";
import { api, ErreurApi } from "../api";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { Page } from "../commun/Page";
import { DeposerDemande } from "./DeposerDemande";

/**
 * « Où m'adresser ? » : questionnaire public en cinq étapes courtes (DSFR Stepper), puis l'éligibilité au CEP et les
 * opérateurs compétents, chacun avec la raison, son portail et ce qu'il faut préparer (POST /api/v1/orientation).
 */

const STATUTS: [StatutOrientation, string][] = [
  ["salarie_prive", "Salarié ou salariée d'une entreprise ou d'une association"],
  ["salarie_public", "Agent public (fonction publique, contractuel du public)"],
  ["independant", "Indépendant, chef d'entreprise, artisan, profession libérale"],
  ["apprenti", "Apprenti ou apprentie"],
  ["demandeur_emploi", "Demandeur ou demandeuse d'emploi"],
  ["etudiant", "Étudiant ou étudiante"],
  ["retraite", "Retraité ou retraitée"],
  ["sans_activite", "Sans activité professionnelle"],
];

const ETAPES = [
  { titre: "Votre situation", champs: ["statut", "cadre", "rechercheEmploi", "exerceActivite"] },
  { titre: "Votre âge", champs: ["age"] },
  { titre: "Handicap", champs: ["handicapReconnu"] },
  { titre: "Votre commune", champs: ["codePostal"] },
  { titre: "Votre projet", champs: ["projetDemission"] },
] as const;

const LIBELLES: Record<string, string> = {
  statut: "Votre situation actuelle",
  cadre: "Statut cadre",
  rechercheEmploi: "Recherche d'emploi",
  exerceActivite: "Activité professionnelle",
  age: "Votre âge",
  handicapReconnu: "Handicap reconnu",
  codePostal: "Code postal de votre commune",
  projetDemission: "Projet de démission",
};

const SALARIES = new Set<StatutOrientation>(["salarie_prive", "salarie_public", "apprenti"]);
const AVEC_CADRE = new Set<StatutOrientation>(["salarie_prive", "demandeur_emploi"]);
const AVEC_ACTIVITE = new Set<StatutOrientation>(["etudiant", "retraite"]);
const AVEC_RECHERCHE = new Set<StatutOrientation>(["etudiant", "retraite", "sans_activite"]);

type Handicap = "oui" | "non" | "ne_dit_pas";
interface Valeurs {
  statut: StatutOrientation | "";
  cadre: boolean;
  rechercheEmploi: boolean;
  exerceActivite: boolean;
  age: string;
  handicap: Handicap | "";
  codePostal: string;
  projetDemission: "oui" | "non" | "";
}
const VIDE: Valeurs = {
  statut: "",
  cadre: false,
  rechercheEmploi: false,
  exerceActivite: false,
  age: "",
  handicap: "",
  codePostal: "",
  projetDemission: "",
};

/** Contrôle de l'étape avant de passer à la suivante (le serveur revérifie tout). */
function erreursEtape(etape: number, v: Valeurs) {
  const e: { champ: string; message: string }[] = [];
  if (etape === 0 && !v.statut) e.push({ champ: "statut", message: "Choisissez votre situation." });
  if (etape === 1 && !/^\d{1,2}$/.test(v.age.trim()))
    e.push({ champ: "age", message: "Indiquez votre âge en années (ex. 34)." });
  if (etape === 2 && !v.handicap) e.push({ champ: "handicapReconnu", message: "Choisissez une réponse." });
  if (etape === 3 && !/^\d{5}$/.test(v.codePostal.trim()))
    e.push({ champ: "codePostal", message: "Le code postal comporte 5 chiffres (ex. 69003)." });
  if (etape === 4 && v.statut && SALARIES.has(v.statut) && !v.projetDemission)
    e.push({ champ: "projetDemission", message: "Choisissez une réponse." });
  return e;
}

const A_PREPARER = [
  "Ce que vous souhaitez changer ou construire, avec vos mots : il n'est pas nécessaire d'avoir déjà un projet.",
  "Votre CV, même incomplet, ou la liste de vos emplois, stages et activités bénévoles.",
  "Vos diplômes, titres et attestations de formation.",
  "Le montant de vos droits à la formation, visible sur moncompteformation.gouv.fr.",
  "Vos disponibilités : le conseil peut avoir lieu à distance et en dehors de vos heures de travail.",
];

export function OuMAdresser() {
  const [v, setV] = useState<Valeurs>(VIDE);
  const [etape, setEtape] = useState(0);
  const [resultat, setResultat] = useState<DecisionOrientation | null>(null);
  const f = useFormulaire();
  const titreEtape = useRef<HTMLHeadingElement>(null);
  const titreResultat = useRef<HTMLHeadingElement>(null);
  const maj = <K extends keyof Valeurs>(cle: K, valeur: Valeurs[K]) => setV((p) => ({ ...p, [cle]: valeur }));
  const statut = v.statut || undefined;

  function allerA(n: number) {
    setEtape(n);
    setTimeout(() => titreEtape.current?.focus(), 0);
  }

  async function suivant(e: React.FormEvent) {
    e.preventDefault();
    const locales = erreursEtape(etape, v);
    let refuses: string[] = [];
    const ok = await f.soumettre(async () => {
      if (locales.length) throw new ErreurApi(400, "entree_invalide", "Cette étape est incomplète.", locales);
      if (etape < ETAPES.length - 1) return "suivant" as const;
      return api<DecisionOrientation>("POST", "/api/v1/orientation", corps()).catch((x: unknown) => {
        if (x instanceof ErreurApi) refuses = x.champs.map((c) => c.champ);
        throw x;
      });
    });
    if (ok === "suivant") allerA(etape + 1);
    else if (ok) {
      setResultat(ok);
      setTimeout(() => titreResultat.current?.focus(), 0);
    } else if (refuses.length) {
      // Refus du serveur : revenir à la première étape concernée, l'erreur est affichée à côté du champ.
      const cible = ETAPES.findIndex((et) => et.champs.some((c) => refuses.includes(c)));
      if (cible >= 0 && cible !== etape) setEtape(cible);
    }
  }

  function corps() {
    return {
      statut: v.statut,
      cadre: statut && AVEC_CADRE.has(statut) ? v.cadre : false,
      age: Number(v.age.trim()),
      handicapReconnu: v.handicap === "oui",
      codePostal: v.codePostal.trim(),
      rechercheEmploi: statut && AVEC_RECHERCHE.has(statut) ? v.rechercheEmploi : false,
      projetDemission: statut && SALARIES.has(statut) ? v.projetDemission === "oui" : false,
      ...(statut && AVEC_ACTIVITE.has(statut) ? { exerceActivite: v.exerceActivite } : {}),
    };
  }

  const radio = (
    nom: string,
    legende: string,
    options: [string, string][],
    valeur: string,
    changer: (x: string) => void,
    aide?: string,
  ) => (
    <div id={`champ-${nom}`}>
      <RadioButtons
        legend={legende}
        name={nom}
        {...(aide ? { hintText: aide } : {})}
        {...f.etat(nom)}
        options={options.map(([code, libelle]) => ({
          label: libelle,
          nativeInputProps: {
            value: code,
            checked: valeur === code,
            onChange: () => changer(code),
          },
        }))}
      />
    </div>
  );

  if (resultat)
    return (
      <Page titre="Où m'adresser ?">
        <h2 ref={titreResultat} tabIndex={-1}>
          Votre résultat
        </h2>
        <Alert
          className="fr-mb-3w"
          severity={resultat.eligible ? "success" : "info"}
          title={
            resultat.eligible
              ? "Vous pouvez bénéficier du conseil en évolution professionnelle"
              : "Le conseil en évolution professionnelle ne correspond pas à votre situation actuelle"
          }
          description={
            <ul>
              {resultat.motifs.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
        {resultat.eligible && (
          <>
            <h2>
              {resultat.operateurs.length > 1
                ? `Les ${resultat.operateurs.length} opérateurs qui peuvent vous accompagner`
                : "L'opérateur qui peut vous accompagner"}
            </h2>
            <p>Le plus adapté à votre situation est présenté en premier. Le conseil est gratuit partout.</p>
            <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
              {resultat.operateurs.map((o, i) => (
                <li key={o.type} className="fr-col-12 fr-col-md-6">
                  <Card
                    title={o.nom}
                    titleAs="h3"
                    start={
                      i === 0 ? (
                        <Badge severity="success" small>
                          Le plus adapté
                        </Badge>
                      ) : undefined
                    }
                    desc={o.motif}
                    detail={o.region ? `Région ${o.region}` : undefined}
                    footer={
                      o.url ? (
                        <a className="fr-link" href={o.url} target="_blank" rel="noopener noreferrer">
                          Portail de l'opérateur
                          <span className="fr-sr-only"> {o.nom} (nouvelle fenêtre)</span>
                        </a>
                      ) : (
                        <p className="fr-text--sm fr-mb-0">
                          Contactez l'agence ou le service le plus proche de chez vous.
                        </p>
                      )
                    }
                  />
                </li>
              ))}
            </ul>
            <CallOut className="fr-mt-4w" title="Ce qu'il est utile de préparer" titleAs="h2">
              <ul>
                {A_PREPARER.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </CallOut>
            {v.statut && (
              <DeposerDemande
                competents={resultat.operateurs}
                statut={v.statut}
                codePostal={v.codePostal.trim()}
              />
            )}
          </>
        )}
        {!resultat.eligible && (
          <p>
            Vous pouvez tout de même vous informer sur{" "}
            <Link to="/dispositifs">les dispositifs de formation et de reconversion</Link>.
          </p>
        )}
        <CallOut className="fr-mt-4w" title="S'informer sur votre territoire" titleAs="h2">
          Les métiers qui recrutent le plus dans votre région, ceux où les employeurs peinent à recruter et
          ceux de la transition écologique.{" "}
          <Link to={`/metiers/territoire?cp=${encodeURIComponent(v.codePostal.trim())}`}>
            Voir les métiers qui recrutent près de chez vous
          </Link>
        </CallOut>
        <p className="fr-mt-4w">
          <Link to="/le-cep">Tout savoir sur le conseil en évolution professionnelle</Link>
        </p>
        <Button
          priority="secondary"
          onClick={() => {
            setResultat(null);
            allerA(0);
          }}
        >
          Modifier mes réponses
        </Button>
      </Page>
    );

  const derniere = etape === ETAPES.length - 1;
  return (
    <Page titre="Où m'adresser ?">
      <p className="fr-text--lead">
        Cinq questions rapides pour savoir si le conseil en évolution professionnelle vous est ouvert et à qui
        vous adresser. Aucun compte n'est nécessaire et vos réponses ne sont pas enregistrées.
      </p>
      <div ref={titreEtape} tabIndex={-1}>
        <Stepper
          currentStep={etape + 1}
          stepCount={ETAPES.length}
          title={ETAPES[etape]!.titre}
          {...(derniere ? {} : { nextTitle: ETAPES[etape + 1]!.titre })}
        />
      </div>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES} />
      <form onSubmit={suivant} noValidate>
        {etape === 0 && (
          <>
            {radio("statut", LIBELLES.statut!, STATUTS, v.statut, (x) =>
              maj("statut", x as StatutOrientation),
            )}
            {statut && AVEC_CADRE.has(statut) && (
              <Checkbox
                options={[
                  {
                    label: "J'ai le statut cadre (ou je l'avais dans mon dernier emploi)",
                    nativeInputProps: {
                      name: "cadre",
                      checked: v.cadre,
                      onChange: (e) => maj("cadre", e.target.checked),
                    },
                  },
                ]}
              />
            )}
            {statut && AVEC_ACTIVITE.has(statut) && (
              <Checkbox
                options={[
                  {
                    label: "Je travaille en parallèle (job, cumul emploi-retraite)",
                    nativeInputProps: {
                      name: "exerceActivite",
                      checked: v.exerceActivite,
                      onChange: (e) => maj("exerceActivite", e.target.checked),
                    },
                  },
                ]}
              />
            )}
            {statut && AVEC_RECHERCHE.has(statut) && (
              <Checkbox
                options={[
                  {
                    label: "Je cherche un emploi",
                    nativeInputProps: {
                      name: "rechercheEmploi",
                      checked: v.rechercheEmploi,
                      onChange: (e) => maj("rechercheEmploi", e.target.checked),
                    },
                  },
                ]}
              />
            )}
          </>
        )}
        {etape === 1 && (
          <Input
            label={LIBELLES.age}
            hintText="En années (ex. 34)."
            {...f.etat("age")}
            nativeInputProps={{
              id: "champ-age",
              inputMode: "numeric",
              autoComplete: "off",
              value: v.age,
              onChange: (e) => maj("age", e.target.value),
            }}
          />
        )}
        {etape === 2 &&
          radio(
            "handicapReconnu",
            "Avez-vous une reconnaissance de handicap (RQTH ou équivalent) ?",
            [
              ["oui", "Oui"],
              ["non", "Non"],
              ["ne_dit_pas", "Je préfère ne pas le dire"],
            ],
            v.handicap,
            (x) => maj("handicap", x as Handicap),
            "Cette réponse sert seulement à vous indiquer Cap emploi, l'opérateur spécialisé.",
          )}
        {etape === 3 && (
          <Input
            label={LIBELLES.codePostal}
            hintText="5 chiffres (ex. 69003) : il détermine l'opérateur régional compétent."
            {...f.etat("codePostal")}
            nativeInputProps={{
              id: "champ-codePostal",
              inputMode: "numeric",
              autoComplete: "postal-code",
              value: v.codePostal,
              onChange: (e) => maj("codePostal", e.target.value),
            }}
          />
        )}
        {etape === 4 &&
          (statut && SALARIES.has(statut) ? (
            radio(
              "projetDemission",
              "Envisagez-vous de démissionner pour vous reconvertir ?",
              [
                ["oui", "Oui"],
                ["non", "Non"],
              ],
              v.projetDemission,
              (x) => maj("projetDemission", x as "oui" | "non"),
              "Si oui, le conseil doit avoir lieu avant la démission pour ouvrir droit au dispositif démission-reconversion.",
            )
          ) : (
            <p>
              Cette question concerne les personnes salariées qui envisagent de démissionner : elle ne
              s'applique pas à votre situation. Vous pouvez voir votre résultat.
            </p>
          ))}
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          {etape > 0 && (
            <li>
              <Button type="button" priority="secondary" onClick={() => allerA(etape - 1)}>
                Étape précédente
              </Button>
            </li>
          )}
          <li>
            <Button type="submit" disabled={f.envoi}>
              {derniere ? "Voir mon résultat" : "Étape suivante"}
            </Button>
          </li>
        </ul>
      </form>
    </Page>
  );
}
