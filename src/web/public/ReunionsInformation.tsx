import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useRef, useState } from "react";
import { api } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { dateHeure } from "../commun/libelles";
import { Page } from "../commun/Page";

export interface ReunionPublique {
  id: string;
  operateur: { id: string; nom: string };
  theme: string;
  lieu: "site" | "distance";
  site: { nom: string; adresse: string | null; commune: string | null } | null;
  debut: string;
  dureeMinutes: number;
  places: number;
  placesRestantes: number;
}

/** Réunions collectives d'information : liste publique et inscription en deux champs. */
export function ReunionsInformation() {
  const { etat, recharger } = useDonnees<ReunionPublique[]>("/api/v1/reunions");
  const [choisie, setChoisie] = useState<ReunionPublique | null>(null);
  return (
    <Page titre="Réunions d'information">
      <p className="fr-text--lead">
        Des réunions en petit groupe pour découvrir le conseil en évolution professionnelle, les métiers et
        les dispositifs de formation, animées par les opérateurs du CEP. Gratuites, sur inscription.
      </p>
      <Chargement etat={etat}>
        {(reunions) =>
          reunions.length === 0 ? (
            <p>Aucune réunion n'est programmée pour l'instant. Revenez bientôt.</p>
          ) : (
            <>
              {choisie && (
                <Inscription
                  key={choisie.id}
                  r={choisie}
                  fermer={() => {
                    setChoisie(null);
                    void recharger();
                  }}
                />
              )}
              <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
                {reunions.map((r) => (
                  <li key={r.id} className="fr-col-12 fr-col-md-6">
                    <Card
                      title={r.theme}
                      titleAs="h2"
                      size="small"
                      start={
                        r.placesRestantes > 0 ? (
                          <Badge severity="success" small>
                            {r.placesRestantes} place{r.placesRestantes > 1 ? "s" : ""} restante
                            {r.placesRestantes > 1 ? "s" : ""}
                          </Badge>
                        ) : (
                          <Badge severity="warning" small>
                            Complet : liste d'attente
                          </Badge>
                        )
                      }
                      detail={r.operateur.nom}
                      desc={`${dateHeure(r.debut)} (${r.dureeMinutes} min) — ${
                        r.lieu === "distance"
                          ? "à distance"
                          : [r.site?.nom, r.site?.adresse, r.site?.commune].filter(Boolean).join(", ")
                      }`}
                      footer={
                        <Button
                          priority="secondary"
                          size="small"
                          onClick={() => setChoisie(r)}
                          nativeButtonProps={{
                            "aria-label": `S'inscrire : ${r.theme}, ${dateHeure(r.debut)}`,
                          }}
                        >
                          S'inscrire
                        </Button>
                      }
                    />
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Chargement>
    </Page>
  );
}

function Inscription({ r, fermer }: { r: ReunionPublique; fermer: () => void }) {
  const [nom, setNom] = useState("");
  const [email, setEmail] = useState("");
  const [resultat, setResultat] = useState<{ place: string; rangAttente: number | null } | null>(null);
  const f = useFormulaire();
  const titre = useRef<HTMLHeadingElement>(null);
  useEffect(() => titre.current?.focus(), []);
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    const x = await f.soumettre(() =>
      api<{ place: string; rangAttente: number | null }>("POST", `/api/v1/reunions/${r.id}/inscriptions`, {
        nom,
        email,
      }),
    );
    if (x) setResultat(x);
  }
  return (
    <section className="fr-p-3w fr-mb-4w fr-background-alt--grey" aria-labelledby="titre-inscription">
      <h2 id="titre-inscription" ref={titre} tabIndex={-1}>
        Inscription : {r.theme}
      </h2>
      <p>{dateHeure(r.debut)}</p>
      {resultat ? (
        <>
          <Alert
            severity={resultat.place === "confirmee" ? "success" : "info"}
            title={
              resultat.place === "confirmee"
                ? "Votre place est réservée"
                : `Vous êtes en position ${resultat.rangAttente} sur la liste d'attente`
            }
            description="Un courriel de confirmation vous a été envoyé."
          />
          <Button className="fr-mt-2w" priority="secondary" onClick={fermer}>
            Retour aux réunions
          </Button>
        </>
      ) : (
        <>
          <ResumeErreurs
            message={f.message}
            erreurs={f.erreurs}
            cible={f.resume}
            libelles={{ nom: "Votre nom", email: "Adresse électronique" }}
          />
          <form onSubmit={envoyer} noValidate>
            <Input
              label="Votre nom"
              {...f.etat("nom")}
              nativeInputProps={{
                id: "champ-nom",
                autoComplete: "name",
                value: nom,
                onChange: (e) => setNom(e.target.value),
              }}
            />
            <Input
              label="Adresse électronique"
              hintText="Format attendu : nom@exemple.fr"
              {...f.etat("email")}
              nativeInputProps={{
                id: "champ-email",
                type: "email",
                autoComplete: "email",
                value: email,
                onChange: (e) => setEmail(e.target.value),
              }}
            />
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <Button type="submit" disabled={f.envoi}>
                  Confirmer mon inscription
                </Button>
              </li>
              <li>
                <Button type="button" priority="tertiary" onClick={fermer}>
                  Annuler
                </Button>
              </li>
            </ul>
          </form>
        </>
      )}
    </section>
  );
}
