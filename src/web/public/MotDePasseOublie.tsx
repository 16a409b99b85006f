import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState } from "react";
import { api } from "../api";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { Page } from "../commun/Page";

export function MotDePasseOublie() {
  const [email, setEmail] = useState("");
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const f = useFormulaire();

  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    const r = await f.soumettre(() =>
      api<{ message: string }>("POST", "/api/v1/mot-de-passe/oubli", { email }),
    );
    if (r) setConfirmation(r.message);
  }

  return (
    <Page titre="Mot de passe oublié" chemin={[{ libelle: "Se connecter", lien: "/connexion" }]}>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          {confirmation ? (
            <Alert severity="success" title="Demande envoyée" description={confirmation} />
          ) : (
            <>
              <p>
                Indiquez l'adresse électronique de votre compte : vous recevrez un lien pour choisir un
                nouveau mot de passe.
              </p>
              <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
              <form onSubmit={envoyer} noValidate>
                <Input
                  label="Adresse électronique"
                  hintText="Format attendu : nom@domaine.fr"
                  {...f.etat("email")}
                  nativeInputProps={{
                    id: "champ-email",
                    type: "email",
                    autoComplete: "email",
                    value: email,
                    onChange: (e) => setEmail(e.target.value),
                  }}
                />
                <Button type="submit" disabled={f.envoi}>
                  Recevoir le lien
                </Button>
              </form>
            </>
          )}
        </div>
      </div>
    </Page>
  );
}
