import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { ToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import { useState } from "react";
import { api } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { dateCourte, dateHeure, LIBELLES_ROLE } from "../commun/libelles";
import { Page } from "../commun/Page";

interface Acces {
  le: string;
  qui: string;
  role: string;
  operateur: string | null;
  action: string;
  resultat: string;
}
interface Consentement {
  type: string;
  titre: string;
  description: string;
  accorde: boolean;
  version: number;
  modifieLe: string | null;
}
interface DemandeEffacement {
  id: string;
  statut: string;
  creeLe: string;
  reponse: string | null;
}

/** Mes données : qui a consulté mon dossier, mes accords, l'export et la demande d'effacement (RGPD). */
export function MesDonnees() {
  return (
    <Page titre="Mes données" accueil="/mon-espace">
      <p className="fr-text--lead">
        Vos données servent uniquement à votre conseil en évolution professionnelle. Vous pouvez voir qui les
        consulte, choisir ce que vous partagez, les télécharger et demander leur effacement.
      </p>
      <JournalAcces />
      <Consentements />
      <h2>Télécharger mes données</h2>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button
            linkProps={{ to: "/api/v1/moi/export?format=html", reloadDocument: true, download: true }}
            iconId="fr-icon-download-line"
          >
            Document lisible (HTML)
          </Button>
        </li>
        <li>
          <Button
            linkProps={{ to: "/api/v1/moi/export", reloadDocument: true, download: true }}
            priority="secondary"
            iconId="fr-icon-download-line"
          >
            Fichier de données (JSON)
          </Button>
        </li>
      </ul>
      <Effacement />
    </Page>
  );
}

function JournalAcces() {
  const { etat } = useDonnees<Acces[]>("/api/v1/moi/acces");
  return (
    <section>
      <h2>Qui a consulté mon dossier</h2>
      <Chargement etat={etat}>
        {(acces) =>
          acces.length === 0 ? (
            <p>Personne d'autre que vous n'a encore consulté votre dossier.</p>
          ) : (
            <Table
              caption={`${acces.length} accès à votre dossier, du plus récent au plus ancien`}
              headers={["Date et heure", "Personne", "Rôle", "Ce qu'elle a fait"]}
              data={acces.map((a) => [
                dateHeure(a.le),
                a.operateur ? `${a.qui} (${a.operateur})` : a.qui,
                LIBELLES_ROLE[a.role as keyof typeof LIBELLES_ROLE] ?? "Système",
                a.resultat === "refus" ? `${a.action} — accès refusé` : a.action,
              ])}
            />
          )
        }
      </Chargement>
    </section>
  );
}

function Consentements() {
  const { etat, recharger } = useDonnees<Consentement[]>("/api/v1/moi/consentements");
  const f = useFormulaire();
  return (
    <section>
      <h2>Mes accords</h2>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
      <Chargement etat={etat}>
        {(liste) => (
          <div>
            {liste.map((c) => (
              <div key={c.type} className="fr-mb-3w">
                <ToggleSwitch
                  label={c.titre}
                  helperText={`${c.description}${c.modifieLe ? ` (choix du ${dateCourte(c.modifieLe)})` : ""}`}
                  checked={c.accorde}
                  showCheckedHint
                  inputTitle={c.titre}
                  onChange={async (accorde) => {
                    if (
                      await f.soumettre(() =>
                        api("PUT", `/api/v1/moi/consentements/${c.type}`, { accorde, version: c.version }),
                      )
                    )
                      await recharger();
                  }}
                />
              </div>
            ))}
          </div>
        )}
      </Chargement>
    </section>
  );
}

function Effacement() {
  const { etat, recharger } = useDonnees<DemandeEffacement[]>("/api/v1/moi/effacement");
  const [motif, setMotif] = useState("");
  const f = useFormulaire();
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    if (await f.soumettre(() => api("POST", "/api/v1/moi/effacement", { motif: motif || null }))) {
      setMotif("");
      await recharger();
    }
  }
  return (
    <section>
      <h2>Demander l'effacement de mes données</h2>
      <p>
        L'opérateur qui vous accompagne traite votre demande dans un délai d'un mois. Certaines données
        peuvent être conservées si la loi l'impose (mission de service public) ; la réponse vous l'expliquera.
      </p>
      <Chargement etat={etat}>
        {(demandes) =>
          demandes.some((d) => d.statut === "en_attente") ? (
            <Alert
              severity="info"
              small
              description={`Votre demande du ${dateCourte(demandes.find((d) => d.statut === "en_attente")!.creeLe)} est en cours de traitement.`}
            />
          ) : (
            <form onSubmit={envoyer} noValidate>
              <ResumeErreurs
                message={f.message}
                erreurs={f.erreurs}
                cible={f.resume}
                libelles={{ motif: "Motif" }}
              />
              <Input
                label="Motif (facultatif)"
                textArea
                {...f.etat("motif")}
                nativeTextAreaProps={{
                  id: "champ-motif",
                  rows: 3,
                  value: motif,
                  onChange: (e) => setMotif(e.target.value),
                }}
              />
              <Button type="submit" priority="secondary" disabled={f.envoi}>
                Demander l'effacement
              </Button>
            </form>
          )
        }
      </Chargement>
    </section>
  );
}
