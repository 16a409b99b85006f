import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../api";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { TITRES_ETAPES, type VueParcours } from "../commun/libelles";
import { Page } from "../commun/Page";

const LIBELLES = {
  "beneficiaire.prenom": "Prénom",
  "beneficiaire.nom": "Nom",
  "beneficiaire.email": "Adresse électronique",
  demande: "La demande, dans ses mots",
  niveau: "Étape d'entrée",
  phase: "Étape d'entrée",
};

/** Ouvrir un parcours : au niveau 1, ou directement au niveau 2 (conseil ou mise en œuvre) si le projet est mûr. */
export function NouveauParcours() {
  const [v, setV] = useState({ prenom: "", nom: "", email: "", demande: "", entree: "1" });
  const f = useFormulaire();
  const naviguer = useNavigate();
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    const [niveau, phase] =
      v.entree === "1" ? [1, null] : v.entree === "2c" ? [2, "conseil"] : [2, "mise_en_oeuvre"];
    const r = await f.soumettre(() =>
      api<VueParcours>("POST", "/api/v1/parcours", {
        beneficiaire: { prenom: v.prenom, nom: v.nom, email: v.email },
        niveau,
        phase,
        demande: v.demande,
      }),
    );
    if (r) naviguer(`/conseiller/dossiers/${r.id}`);
  }
  const champ = (nom: "prenom" | "nom" | "email", extra: Record<string, unknown> = {}) => (
    <Input
      label={LIBELLES[`beneficiaire.${nom}`]}
      {...f.etat(`beneficiaire.${nom}`)}
      nativeInputProps={{
        id: `champ-beneficiaire.${nom}`,
        value: v[nom],
        onChange: (e) => setV({ ...v, [nom]: e.target.value }),
        ...extra,
      }}
    />
  );
  return (
    <Page titre="Ouvrir un parcours" accueil="/conseiller">
      <form onSubmit={envoyer} noValidate>
        <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES} />
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">La personne</legend>
          <div className="fr-fieldset__element">{champ("prenom", { autoComplete: "off" })}</div>
          <div className="fr-fieldset__element">{champ("nom", { autoComplete: "off" })}</div>
          <div className="fr-fieldset__element">
            {champ("email", { type: "email", autoComplete: "off" })}
            <p className="fr-text--sm">
              Si elle n'a pas encore de compte, il est créé ; elle pourra l'activer.
            </p>
          </div>
        </fieldset>
        <Input
          label={LIBELLES.demande}
          hintText="Ce que la personne attend du conseil en évolution professionnelle."
          textArea
          {...f.etat("demande")}
          nativeTextAreaProps={{
            id: "champ-demande",
            rows: 4,
            value: v.demande,
            onChange: (e) => setV({ ...v, demande: e.target.value }),
          }}
        />
        <RadioButtons
          legend={LIBELLES.niveau}
          hintText="Les niveaux ne sont pas forcément successifs : entrez au niveau 2 si la personne est autonome ou son projet mûr."
          {...(f.erreurDe("phase") || f.erreurDe("niveau")
            ? { state: "error" as const, stateRelatedMessage: f.erreurDe("phase") ?? f.erreurDe("niveau") }
            : {})}
          options={[
            ["1", TITRES_ETAPES[0]!],
            ["2c", TITRES_ETAPES[1]!],
            ["2m", TITRES_ETAPES[2]!],
          ].map(([valeur, libelle]) => ({
            label: libelle,
            nativeInputProps: {
              name: "entree",
              value: valeur,
              checked: v.entree === valeur,
              onChange: () => setV({ ...v, entree: valeur! }),
            },
          }))}
        />
        <Button type="submit" disabled={f.envoi}>
          Ouvrir le parcours
        </Button>
      </form>
    </Page>
  );
}
