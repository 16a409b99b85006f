import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { api, ErreurApi } from "../api";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { Page } from "../commun/Page";

const SITUATIONS: [string, string][] = [
  ["en_emploi", "En emploi (nouveau poste ou évolution)"],
  ["en_formation", "En formation"],
  ["entreprise_creee", "J'ai créé ou repris une entreprise"],
  ["en_recherche", "En recherche d'emploi"],
  ["projet_abandonne", "J'ai abandonné mon projet"],
  ["autre", "Autre situation"],
];

const LIBELLES: Record<string, string> = {
  utilite: "Utilité du conseil",
  recommande: "Recommandation",
  situation: "Situation actuelle",
};

type Etat =
  | { statut: "chargement" }
  | { statut: "refus"; titre: string; message: string }
  | { statut: "questionnaire"; moment: "cloture" | "six_mois" }
  | { statut: "merci" };

/** Questionnaire de satisfaction par lien à usage unique, sans compte ; un lien déjà utilisé ou forgé est refusé. */
export function Satisfaction() {
  const { jeton = "" } = useParams();
  const [etat, setEtat] = useState<Etat>({ statut: "chargement" });
  const [v, setV] = useState({ utilite: "", recommande: "", situation: "" });
  const f = useFormulaire();

  useEffect(() => {
    api<{ moment: "cloture" | "six_mois" }>("GET", `/api/v1/satisfaction/${encodeURIComponent(jeton)}`)
      .then((r) => setEtat({ statut: "questionnaire", moment: r.moment }))
      .catch((e) =>
        setEtat({
          statut: "refus",
          titre: e instanceof ErreurApi && e.statut === 409 ? "Questionnaire déjà rempli" : "Lien non valide",
          message: e instanceof Error ? e.message : "Ce lien n'est pas valide.",
        }),
      );
  }, [jeton]);

  async function envoyer(e: FormEvent) {
    e.preventDefault();
    const r = await f.soumettre(() =>
      api("POST", `/api/v1/satisfaction/${encodeURIComponent(jeton)}`, {
        utilite: v.utilite ? Number(v.utilite) : undefined,
        recommande: v.recommande === "" ? undefined : v.recommande === "oui",
        situation: v.situation || null,
      }),
    );
    if (r) setEtat({ statut: "merci" });
  }

  if (etat.statut === "chargement")
    return (
      <Page titre="Votre avis sur le conseil en évolution professionnelle" sansFilAriane>
        <p role="status">Chargement…</p>
      </Page>
    );
  if (etat.statut === "refus")
    return (
      <Page titre={etat.titre} sansFilAriane>
        <Alert
          severity={etat.titre === "Questionnaire déjà rempli" ? "info" : "error"}
          title={etat.message}
        />
        <p className="fr-mt-3w">
          Chaque lien est personnel et ne sert qu'une fois. Si vous pensez qu'il s'agit d'une erreur,
          contactez votre conseiller ou votre conseillère.
        </p>
        <Link to="/">Retour à l'accueil</Link>
      </Page>
    );
  if (etat.statut === "merci")
    return (
      <Page titre="Merci pour votre réponse" sansFilAriane>
        <Alert
          severity="success"
          title="Votre réponse est enregistrée"
          description="Elle est anonyme : rangée à part de votre dossier, elle ne sert qu'à des statistiques."
        />
        <p className="fr-mt-3w">
          <Link to="/statistiques">Voir le CEP en chiffres</Link>
        </p>
      </Page>
    );
  const sixMois = etat.moment === "six_mois";
  return (
    <Page titre="Votre avis sur le conseil en évolution professionnelle" sansFilAriane>
      <p className="fr-text--lead">
        {sixMois
          ? "Votre parcours s'est terminé il y a six mois : où en êtes-vous ?"
          : "Votre parcours est terminé : qu'en avez-vous pensé ?"}
      </p>
      <p>
        Trois questions. Vos réponses sont anonymes et ne sont utilisées qu'en statistiques. Tous les champs
        sont obligatoires.
      </p>
      <form onSubmit={envoyer} noValidate>
        <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES} />
        <div id="champ-utilite" tabIndex={-1}>
          <RadioButtons
            legend="Le conseil vous a-t-il été utile ? (1 : pas du tout, 5 : très utile)"
            orientation="horizontal"
            {...f.etat("utilite")}
            options={["1", "2", "3", "4", "5"].map((n) => ({
              label: n,
              nativeInputProps: {
                name: "utilite",
                value: n,
                checked: v.utilite === n,
                onChange: () => setV({ ...v, utilite: n }),
              },
            }))}
          />
        </div>
        <div id="champ-recommande" tabIndex={-1}>
          <RadioButtons
            legend="Recommanderiez-vous le conseil en évolution professionnelle à un proche ?"
            orientation="horizontal"
            {...f.etat("recommande")}
            options={[
              ["oui", "Oui"],
              ["non", "Non"],
            ].map(([valeur, libelle]) => ({
              label: libelle,
              nativeInputProps: {
                name: "recommande",
                value: valeur,
                checked: v.recommande === valeur,
                onChange: () => setV({ ...v, recommande: valeur! }),
              },
            }))}
          />
        </div>
        {sixMois && (
          <div id="champ-situation" tabIndex={-1}>
            <RadioButtons
              legend="Quelle est votre situation aujourd'hui ?"
              {...f.etat("situation")}
              options={SITUATIONS.map(([valeur, libelle]) => ({
                label: libelle,
                nativeInputProps: {
                  name: "situation",
                  value: valeur,
                  checked: v.situation === valeur,
                  onChange: () => setV({ ...v, situation: valeur }),
                },
              }))}
            />
          </div>
        )}
        <Button type="submit" disabled={f.envoi}>
          Envoyer ma réponse
        </Button>
      </form>
    </Page>
  );
}
