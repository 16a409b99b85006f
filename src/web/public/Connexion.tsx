import { Button } from "@codegouvfr/react-dsfr/Button";
import { PasswordInput } from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { api } from "../api";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { Page } from "../commun/Page";
import { ACCUEIL_PAR_ROLE, useSession } from "../session";

export function Connexion() {
  const [email, setEmail] = useState("");
  const [motDePasse, setMotDePasse] = useState("");
  const f = useFormulaire();
  const { recharger } = useSession();
  const naviguer = useNavigate();

  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    const ok = await f.soumettre(() => api("POST", "/api/v1/session", { email, motDePasse }));
    if (ok) {
      const etat = await recharger();
      if (etat.statut === "connecte") naviguer(ACCUEIL_PAR_ROLE[etat.compte.role]);
    }
  }

  return (
    <Page titre="Se connecter">
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <p>Connectez-vous avec l'adresse électronique et le mot de passe de votre compte CEP.</p>
          <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
          <form onSubmit={envoyer} noValidate>
            <fieldset className="fr-fieldset" aria-labelledby="identifiants-legende">
              <legend className="fr-fieldset__legend" id="identifiants-legende">
                Vos identifiants
              </legend>
              <div className="fr-fieldset__element">
                <Input
                  label="Adresse électronique"
                  hintText="Format attendu : nom@domaine.fr"
                  {...f.etat("email")}
                  nativeInputProps={{
                    id: "champ-email",
                    type: "email",
                    autoComplete: "username",
                    value: email,
                    onChange: (e) => setEmail(e.target.value),
                    required: true,
                  }}
                />
              </div>
              <div className="fr-fieldset__element">
                <PasswordInput
                  label="Mot de passe"
                  messages={
                    f.erreurDe("motDePasse")
                      ? [{ message: f.erreurDe("motDePasse")!, severity: "error" }]
                      : []
                  }
                  nativeInputProps={{
                    id: "champ-motDePasse",
                    autoComplete: "current-password",
                    value: motDePasse,
                    onChange: (e) => setMotDePasse(e.target.value),
                    required: true,
                  }}
                />
                <p className="fr-mt-2w">
                  <Link to="/mot-de-passe-oublie" className="fr-link">
                    Mot de passe oublié ?
                  </Link>
                </p>
              </div>
              <div className="fr-fieldset__element">
                <Button type="submit" disabled={f.envoi}>
                  Se connecter
                </Button>
              </div>
            </fieldset>
          </form>
        </div>
      </div>
    </Page>
  );
}
