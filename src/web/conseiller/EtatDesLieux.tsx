import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useState } from "react";
import { DECISIONS_NIVEAU1, type DecisionNiveau1, LIBELLES_DECISION_NIVEAU1 } from "../../domain/orientation";
import { api, ErreurApi } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";

interface EtatDesLieux {
  demande: string;
  besoin: string;
  informations: string;
  decision: DecisionNiveau1;
  orientation: string;
  version: number;
  modifieLe: string;
}
type Rubrique = "demande" | "besoin" | "informations" | "orientation";

const RUBRIQUES: { cle: Rubrique; libelle: string; aide: string }[] = [
  { cle: "demande", libelle: "La demande", aide: "Ce que la personne est venue chercher, avec ses mots." },
  { cle: "besoin", libelle: "Le besoin clarifié", aide: "Le besoin tel qu'il ressort de l'échange." },
  {
    cle: "informations",
    libelle: "L'information donnée",
    aide: "Métiers, compétences, formations, dispositifs présentés.",
  },
  { cle: "orientation", libelle: "L'orientation", aide: "Vers qui, vers quoi, et pourquoi." },
];
const LIBELLES: Record<string, string> = {
  ...Object.fromEntries(RUBRIQUES.map((r) => [r.cle, r.libelle])),
  decision: "La décision de la personne",
};

const vide = {
  demande: "",
  besoin: "",
  informations: "",
  decision: "" as DecisionNiveau1 | "",
  orientation: "",
};
type Brouillon = typeof vide;
const versBrouillon = (e: EtatDesLieux | null): Brouillon =>
  e
    ? {
        demande: e.demande,
        besoin: e.besoin,
        informations: e.informations,
        decision: e.decision,
        orientation: e.orientation,
      }
    : vide;

/** Lecture (bénéficiaire, ou dossier clos). */
export function EtatDesLieuxLecture({ e }: { e: EtatDesLieux | null }) {
  if (!e)
    return (
      <p>
        L'état des lieux de niveau 1 n'est pas encore rempli : il le sera à la fin de vos premiers échanges.
      </p>
    );
  return (
    <dl>
      {RUBRIQUES.map((r) => (
        <div key={r.cle} className="fr-mb-2w">
          <dt className="fr-text--bold">{r.libelle}</dt>
          <dd className="fr-ml-0" style={{ whiteSpace: "pre-line" }}>
            {e[r.cle]}
          </dd>
        </div>
      ))}
      <dt className="fr-text--bold">{LIBELLES.decision}</dt>
      <dd className="fr-ml-0">{LIBELLES_DECISION_NIVEAU1[e.decision]}</dd>
    </dl>
  );
}

export function EtatDesLieuxBeneficiaire({ parcoursId }: { parcoursId: string }) {
  const { etat } = useDonnees<{ etatDesLieux: EtatDesLieux | null }>(
    `/api/v1/parcours/${parcoursId}/etat-des-lieux`,
  );
  return <Chargement etat={etat}>{(d) => <EtatDesLieuxLecture e={d.etatDesLieux} />}</Chargement>;
}

/** Onglet du dossier côté conseiller : saisie versionnée ; en cas de conflit, ce qui a changé est affiché. */
export function EtatDesLieuxConseiller({ parcoursId, clos }: { parcoursId: string; clos: boolean }) {
  const { etat } = useDonnees<{ etatDesLieux: EtatDesLieux | null }>(
    `/api/v1/parcours/${parcoursId}/etat-des-lieux`,
  );
  return (
    <>
      <h2>État des lieux de niveau 1</h2>
      <Chargement etat={etat}>
        {(d) =>
          clos ? (
            <EtatDesLieuxLecture e={d.etatDesLieux} />
          ) : (
            <Formulaire parcoursId={parcoursId} initial={d.etatDesLieux} />
          )
        }
      </Chargement>
    </>
  );
}

function Formulaire({ parcoursId, initial }: { parcoursId: string; initial: EtatDesLieux | null }) {
  const [v, setV] = useState<Brouillon>(() => versBrouillon(initial));
  const [base, setBase] = useState({ version: initial?.version ?? 0, valeurs: versBrouillon(initial) });
  const [changements, setChangements] = useState<string[] | null>(null);
  const [ok, setOk] = useState(false);
  const f = useFormulaire();
  const url = `/api/v1/parcours/${parcoursId}/etat-des-lieux`;

  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    setOk(false);
    const r = await f.soumettre(async () => {
      try {
        return await api<{ etatDesLieux: EtatDesLieux }>("PUT", url, {
          version: base.version,
          ...v,
          ...(v.decision ? {} : { decision: undefined }),
        });
      } catch (err) {
        if (err instanceof ErreurApi && err.statut === 409) {
          const courant = (await api<{ etatDesLieux: EtatDesLieux | null }>("GET", url)).etatDesLieux;
          const nouveau = versBrouillon(courant);
          setChangements(
            (Object.keys(nouveau) as (keyof Brouillon)[])
              .filter((k) => nouveau[k] !== base.valeurs[k])
              .map((k) => {
                const lisible = (x: string) =>
                  k === "decision" && x ? LIBELLES_DECISION_NIVEAU1[x as DecisionNiveau1] : x || "vide";
                return `${LIBELLES[k]} : maintenant « ${lisible(nouveau[k])} »${nouveau[k] !== v[k] ? ` (vous aviez saisi « ${lisible(v[k])} »)` : ""}`;
              }),
          );
          setBase({ version: courant?.version ?? 0, valeurs: nouveau });
        }
        throw err;
      }
    });
    if (r) {
      setChangements(null);
      setBase({ version: r.etatDesLieux.version, valeurs: versBrouillon(r.etatDesLieux) });
      setOk(true);
    }
  }

  return (
    <>
      {ok && (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          description="État des lieux enregistré : la personne le voit dans son espace."
        />
      )}
      {changements && changements.length > 0 && (
        <Alert
          className="fr-mb-3w"
          severity="warning"
          title="Ce qui a changé entre-temps"
          description={
            <ul>
              {changements.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          }
        />
      )}
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES} />
      <form onSubmit={envoyer} noValidate>
        {RUBRIQUES.map((r) => (
          <Input
            key={r.cle}
            label={r.libelle}
            hintText={r.aide}
            textArea
            {...f.etat(r.cle)}
            nativeTextAreaProps={{
              id: `champ-${r.cle}`,
              rows: 3,
              value: v[r.cle],
              onChange: (e) => setV((p) => ({ ...p, [r.cle]: e.target.value })),
            }}
          />
        ))}
        <div id="champ-decision">
          <RadioButtons
            legend={LIBELLES.decision}
            name="decision"
            {...f.etat("decision")}
            options={DECISIONS_NIVEAU1.map((d) => ({
              label: LIBELLES_DECISION_NIVEAU1[d],
              nativeInputProps: {
                value: d,
                checked: v.decision === d,
                onChange: () => setV((p) => ({ ...p, decision: d })),
              },
            }))}
          />
        </div>
        <Button type="submit" disabled={f.envoi}>
          Enregistrer l'état des lieux
        </Button>
      </form>
    </>
  );
}
