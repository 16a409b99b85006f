import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { useState } from "react";
import { api } from "../api";
import { Chargement, useDonnees } from "./donnees";
import { ResumeErreurs, useFormulaire } from "./formulaire";
import {
  dateHeure,
  etapeNumero,
  LIBELLES_STATUT,
  type MessageVue,
  TITRES_ETAPES,
  type VueParcours,
} from "./libelles";

/** L'étape du parcours (niveau, phase) en Stepper DSFR, et son statut en badge. */
export function EtapeParcours({ p }: { p: Pick<VueParcours, "niveau" | "phase" | "statut"> }) {
  const n = etapeNumero(p);
  return (
    <div>
      <Stepper
        currentStep={n}
        stepCount={3}
        title={TITRES_ETAPES[n - 1]}
        nextTitle={n < 3 ? TITRES_ETAPES[n] : undefined}
        progressText={({ currentStep, stepCount }) => `Étape ${currentStep} sur ${stepCount}`}
        nextStepText="Étape suivante :"
      />
      <p className="fr-mb-3w">
        <Badge
          noIcon
          severity={p.statut === "en_cours" ? "info" : p.statut === "en_pause" ? "warning" : "success"}
        >
          {LIBELLES_STATUT[p.statut]}
        </Badge>
      </p>
    </div>
  );
}

/** Fil des échanges écrits (modalité « échange écrit ») entre le bénéficiaire et ses conseillers. */
export function FilMessages({ parcoursId, moi, clos }: { parcoursId: string; moi: string; clos: boolean }) {
  const { etat, recharger } = useDonnees<MessageVue[]>(`/api/v1/parcours/${parcoursId}/messages`);
  const [texte, setTexte] = useState("");
  const f = useFormulaire();
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    const r = await f.soumettre(() => api("POST", `/api/v1/parcours/${parcoursId}/messages`, { texte }));
    if (r) {
      setTexte("");
      await recharger();
    }
  }
  return (
    <div>
      <Chargement etat={etat}>
        {(messages) =>
          messages.length === 0 ? (
            <p>Aucun message pour l'instant. Écrivez le premier ci-dessous.</p>
          ) : (
            <ol className="fr-raw-list" aria-label="Messages, du plus ancien au plus récent">
              {messages.map((m) => (
                <li
                  key={m.id}
                  className="fr-mb-2w fr-p-2w"
                  style={{
                    background:
                      m.auteurId === moi ? "var(--background-alt-blue-france)" : "var(--background-alt-grey)",
                  }}
                >
                  <p className="fr-text--sm fr-mb-1v">
                    <strong>
                      {m.auteurId === moi ? "Vous" : m.auteur ? `${m.auteur.prenom} ${m.auteur.nom}` : "—"}
                    </strong>
                    {" · "}
                    {dateHeure(m.creeLe)}
                  </p>
                  <p className="fr-mb-0" style={{ whiteSpace: "pre-wrap" }}>
                    {m.texte}
                  </p>
                </li>
              ))}
            </ol>
          )
        }
      </Chargement>
      {!clos && (
        <form onSubmit={envoyer} noValidate>
          <ResumeErreurs
            message={f.message}
            erreurs={f.erreurs}
            cible={f.resume}
            libelles={{ texte: "Votre message" }}
          />
          <Input
            label="Votre message"
            textArea
            {...f.etat("texte")}
            nativeTextAreaProps={{
              id: "champ-texte",
              value: texte,
              rows: 3,
              onChange: (e) => setTexte(e.target.value),
            }}
          />
          <Button type="submit" disabled={f.envoi}>
            Envoyer le message
          </Button>
        </form>
      )}
    </div>
  );
}
