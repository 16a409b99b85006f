import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { PasswordInput } from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api } from "../api";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { Page } from "../commun/Page";

export function Reinitialisation() {
  const [params] = useSearchParams();
  const jeton = params.get("jeton") ?? "";
  const [motDePasse, setMotDePasse] = useState("");
  const [fait, setFait] = useState<string | null>(null);
  const f = useFormulaire();

  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    const r = await f.soumettre(() =>
      api<{ message: string }>("POST", "/api/v1/mot-de-passe/reinitialisation", { jeton, motDePasse }),
    );
    if (r) setFait(r.message);
  }

  return (
    <Page titre="Choisir un nouveau mot de passe" chemin={[{ libelle: "Se connecter", lien: "/connexion" }]}>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          {fait ? (
            <Alert
              severity="success"
              title="Mot de passe enregistré"
              description={
                <>
                  {fait} <Link to="/connexion">Se connecter</Link>
                </>
              }
            />
          ) : !jeton ? (
            <Alert
              severity="warning"
              title="Lien incomplet"
              description={
                <>
                  Ouvrez le lien reçu par courriel, ou{" "}
                  <Link to="/mot-de-passe-oublie">demandez un nouveau lien</Link>.
                </>
              }
            />
          ) : (
            <>
              <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
              <form onSubmit={envoyer} noValidate>
                <PasswordInput
                  label="Nouveau mot de passe"
                  messages={[
                    f.erreurDe("motDePasse")
                      ? { message: f.erreurDe("motDePasse")!, severity: "error" as const }
                      : { message: "12 caractères au moins", severity: "info" as const },
                  ]}
                  nativeInputProps={{
                    id: "champ-motDePasse",
                    autoComplete: "new-password",
                    value: motDePasse,
                    onChange: (e) => setMotDePasse(e.target.value),
                  }}
                />
                <Button type="submit" disabled={f.envoi}>
                  Enregistrer
                </Button>
              </form>
            </>
          )}
        </div>
      </div>
    </Page>
  );
}
