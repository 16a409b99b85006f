import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState } from "react";
import {
  type CompetenceProfil,
  LETTRES_RIASEC,
  LIBELLES_MAITRISE,
  LIBELLES_NIVEAU,
  LIBELLES_RIASEC,
  MAITRISES,
  type Maitrise,
  NIVEAUX_CERTIFICATION,
  type NiveauCertification,
  type ProfilCompetences,
  type Riasec,
} from "../../../domain/competences/profil";
import { api } from "../../api";
import { Chargement, useDonnees } from "../donnees";
import { ResumeErreurs, useFormulaire } from "../formulaire";
import { ChoixAppellation } from "./ChoixAppellation";
import type { CompetenceProposee, ReponseProfil } from "./types";

/**
 * Le profil de compétences, co-construit : expériences (intitulé libre rapproché d'une appellation ROME que la personne
 * confirme), formations, compétences proposées à partir des expériences (cœur de métier d'abord) avec leur maîtrise,
 * compétences libres, centres d'intérêt (facultatif). Les modifications restent locales jusqu'à « Enregistrer le profil ».
 */
export function ProfilCompetencesSection({
  parcoursId,
  modifiable,
  beneficiaire,
}: {
  parcoursId: string;
  modifiable: boolean;
  beneficiaire: boolean;
}) {
  const { etat, recharger } = useDonnees<ReponseProfil>(`/api/v1/parcours/${parcoursId}/profil`);
  // Hors de l'éditeur : celui-ci est recréé à chaque nouvelle version relue, le message doit survivre au rechargement.
  const [enregistre, setEnregistre] = useState(false);
  return (
    <>
      <h2>{beneficiaire ? "Mon profil de compétences" : "Profil de compétences"}</h2>
      <p>
        {beneficiaire
          ? "Vous pouvez préparer votre profil avant un entretien : votre conseiller ou conseillère le voit et le complète avec vous."
          : "Le profil est co-construit avec la personne, qui peut aussi le remplir depuis son espace."}
      </p>
      {enregistre && <Alert severity="success" small description="Profil enregistré." className="fr-mb-2w" />}
      <Chargement etat={etat}>
        {(d) => (
          <EditeurProfil
            key={d.version}
            parcoursId={parcoursId}
            initial={d}
            modifiable={modifiable}
            modifie={() => setEnregistre(false)}
            apres={async () => {
              setEnregistre(true);
              await recharger();
            }}
          />
        )}
      </Chargement>
    </>
  );
}

const LIBELLES_CHAMPS_PROFIL = (p: ProfilCompetences) => {
  const l: Record<string, string> = {};
  p.experiences.forEach((e, n) => {
    l[`profil.experiences.${n}.intitule`] = `Expérience « ${e.intitule} »`;
  });
  p.competences.forEach((c, n) => {
    l[`profil.competences.${n}.libelle`] = `Compétence « ${c.libelle} »`;
  });
  return l;
};

function EditeurProfil(props: {
  parcoursId: string;
  initial: ReponseProfil;
  modifiable: boolean;
  modifie: () => void;
  apres: () => Promise<void>;
}) {
  const [p, setP] = useState<ProfilCompetences>(props.initial.profil);
  const [modifie, setModifie] = useState(false);
  const [propositions, setPropositions] = useState<CompetenceProposee[]>([]);
  const [toutes, setToutes] = useState(false);
  const f = useFormulaire();
  const changer = (x: ProfilCompetences) => {
    setP(x);
    setModifie(true);
    props.modifie();
  };
  const appellations = p.experiences.flatMap((e) => (e.appellation ? [e.appellation.codeOgr] : []));
  const cleAppellations = appellations.join(",");

  useEffect(() => {
    if (!cleAppellations) {
      setPropositions([]);
      return;
    }
    api<{ competences: CompetenceProposee[] }>("POST", "/api/v1/competences/propositions", {
      appellations: cleAppellations.split(","),
    })
      .then((r) => setPropositions(r.competences))
      .catch(() => setPropositions([]));
  }, [cleAppellations]);

  const maitriseDe = (code: string) => p.competences.find((c) => c.codeOgr === code)?.maitrise ?? "";
  function choisirMaitrise(c: CompetenceProposee, m: Maitrise | "") {
    const autres = p.competences.filter((x) => x.codeOgr !== c.codeOgr);
    changer({
      ...p,
      competences: m
        ? [...autres, { codeOgr: c.codeOgr, libelle: c.libelle, rubrique: c.rubrique, maitrise: m }]
        : autres,
    });
  }

  async function enregistrer() {
    const r = await f.soumettre(() =>
      api<{ version: number }>("PUT", `/api/v1/parcours/${props.parcoursId}/profil`, {
        version: props.initial.version,
        profil: p,
      }),
    );
    if (r) {
      setModifie(false);
      await props.apres();
    }
  }

  const affichees = toutes ? propositions : propositions.slice(0, 20);
  const horsPropositions = p.competences.filter(
    (c) => !c.codeOgr || !propositions.some((x) => x.codeOgr === c.codeOgr),
  );

  return (
    <div>
      <ResumeErreurs
        message={f.message}
        erreurs={f.erreurs}
        cible={f.resume}
        libelles={LIBELLES_CHAMPS_PROFIL(p)}
      />

      <h3>Expériences</h3>
      {p.experiences.length === 0 ? (
        <p>Aucune expérience pour l'instant.</p>
      ) : (
        <ul>
          {p.experiences.map((e, n) => (
            <li key={e.id || n} className="fr-mb-1w">
              <strong>{e.intitule}</strong>
              {e.appellation ? (
                <>
                  {" "}
                  — rapprochée de « {e.appellation.libelle} » (fiche {e.appellation.codeRome})
                </>
              ) : (
                " — sans correspondance dans le répertoire des métiers"
              )}
              {e.dureeMois ? `, ${e.dureeMois} mois` : ""}
              {props.modifiable && (
                <Button
                  priority="tertiary no outline"
                  size="small"
                  type="button"
                  className="fr-ml-1w"
                  onClick={() => changer({ ...p, experiences: p.experiences.filter((_, i) => i !== n) })}
                >
                  Retirer l'expérience « {e.intitule} »
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.modifiable && (
        <ChoixAppellation
          libelle="Ajouter une expérience"
          aide="Le métier tel que vous le diriez, par exemple « caissière » ou « vendeuse en boulangerie »"
          valider="Confirmer et ajouter l'expérience"
          surChoix={(intitule, a) =>
            changer({
              ...p,
              experiences: [
                ...p.experiences,
                {
                  id: crypto.randomUUID(),
                  intitule,
                  appellation: a ? { codeOgr: a.codeOgr, libelle: a.libelle, codeRome: a.codeRome } : null,
                },
              ],
            })
          }
        />
      )}

      <h3>Formations et diplômes</h3>
      {p.formations.length === 0 ? (
        <p>Aucune formation pour l'instant.</p>
      ) : (
        <ul>
          {p.formations.map((x, n) => (
            <li key={x.id || n}>
              {x.intitule} — {LIBELLES_NIVEAU[x.niveau]}
              {x.annee ? `, ${x.annee}` : ""} {x.obtenue ? "(obtenu)" : "(non obtenu)"}
              {props.modifiable && (
                <Button
                  priority="tertiary no outline"
                  size="small"
                  type="button"
                  className="fr-ml-1w"
                  onClick={() => changer({ ...p, formations: p.formations.filter((_, i) => i !== n) })}
                >
                  Retirer la formation « {x.intitule} »
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.modifiable && (
        <AjoutFormation ajouter={(x) => changer({ ...p, formations: [...p.formations, x] })} />
      )}

      <h3>Compétences</h3>
      {propositions.length === 0 ? (
        <p>
          Ajoutez une expérience rapprochée d'un métier du répertoire : ses compétences vous seront proposées.
        </p>
      ) : (
        <>
          <p>
            Compétences des métiers exercés, cœur de métier d'abord. Indiquez pour chacune si vous la
            maîtrisez ; laissez « — » pour celles qui ne vous concernent pas.
          </p>
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>Compétences proposées à partir des expériences</caption>
              <thead>
                <tr>
                  <th scope="col">Compétence</th>
                  <th scope="col">Maîtrise</th>
                </tr>
              </thead>
              <tbody>
                {affichees.map((c) => (
                  <tr key={c.codeOgr}>
                    <td>
                      {c.libelle}{" "}
                      {c.coeurMetier && (
                        <Badge small severity="info" noIcon>
                          Cœur de métier
                        </Badge>
                      )}
                    </td>
                    <td>
                      <select
                        className="fr-select"
                        aria-label={`Maîtrise : ${c.libelle}`}
                        value={maitriseDe(c.codeOgr)}
                        disabled={!props.modifiable}
                        onChange={(e) => choisirMaitrise(c, e.target.value as Maitrise | "")}
                      >
                        <option value="">—</option>
                        {MAITRISES.map((m) => (
                          <option key={m} value={m}>
                            {LIBELLES_MAITRISE[m]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {propositions.length > 20 && (
            <Button priority="tertiary" type="button" onClick={() => setToutes(!toutes)}>
              {toutes ? "N'afficher que les 20 premières" : `Afficher les ${propositions.length} compétences`}
            </Button>
          )}
        </>
      )}
      {horsPropositions.length > 0 && (
        <>
          <h4>Autres compétences du profil</h4>
          <ul>
            {horsPropositions.map((c) => (
              <li key={`${c.codeOgr ?? "libre"}-${c.libelle}`}>
                {c.libelle} — {LIBELLES_MAITRISE[c.maitrise]}
                {!c.codeOgr && " (compétence libre)"}
                {props.modifiable && (
                  <Button
                    priority="tertiary no outline"
                    size="small"
                    type="button"
                    className="fr-ml-1w"
                    onClick={() => changer({ ...p, competences: p.competences.filter((x) => x !== c) })}
                  >
                    Retirer « {c.libelle} »
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {props.modifiable && (
        <AjoutCompetenceLibre ajouter={(c) => changer({ ...p, competences: [...p.competences, c] })} />
      )}

      <h3>Centres d'intérêt (facultatif)</h3>
      <Interets
        valeur={p.interets}
        modifiable={props.modifiable}
        changer={(interets) => changer({ ...p, interets })}
      />

      {props.modifiable && (
        <div className="fr-mt-3w">
          <Button type="button" onClick={() => void enregistrer()} disabled={f.envoi}>
            Enregistrer le profil
          </Button>
          {modifie && <p className="fr-text--sm fr-mt-1w">Modifications non enregistrées.</p>}
        </div>
      )}
    </div>
  );
}

function AjoutFormation(props: { ajouter: (f: ProfilCompetences["formations"][number]) => void }) {
  const [intitule, setIntitule] = useState("");
  const [niveau, setNiveau] = useState<NiveauCertification | "">("");
  const [annee, setAnnee] = useState("");
  const [obtenue, setObtenue] = useState(true);
  const [erreur, setErreur] = useState<string | null>(null);
  return (
    <fieldset className="fr-fieldset fr-mb-3w">
      <legend className="fr-fieldset__legend">Ajouter une formation ou un diplôme</legend>
      <div className="fr-fieldset__element">
        <Input
          label="Intitulé"
          state={erreur ? "error" : "default"}
          stateRelatedMessage={erreur ?? undefined}
          nativeInputProps={{ value: intitule, maxLength: 300, onChange: (e) => setIntitule(e.target.value) }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Select
          label="Niveau"
          nativeSelectProps={{
            value: niveau,
            onChange: (e) => setNiveau(e.target.value as NiveauCertification),
          }}
        >
          <option value="">Choisir un niveau</option>
          {NIVEAUX_CERTIFICATION.map((n) => (
            <option key={n} value={n}>
              {LIBELLES_NIVEAU[n]}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Année (facultatif)"
          nativeInputProps={{
            value: annee,
            inputMode: "numeric",
            maxLength: 4,
            onChange: (e) => setAnnee(e.target.value),
          }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Checkbox
          options={[
            {
              label: "Diplôme ou titre obtenu",
              nativeInputProps: { checked: obtenue, onChange: (e) => setObtenue(e.target.checked) },
            },
          ]}
        />
      </div>
      <div className="fr-fieldset__element">
        <Button
          priority="secondary"
          type="button"
          onClick={() => {
            if (!intitule.trim() || !niveau) {
              setErreur("Indiquez l'intitulé et le niveau de la formation.");
              return;
            }
            const a = Number(annee);
            props.ajouter({
              id: crypto.randomUUID(),
              intitule: intitule.trim(),
              niveau,
              obtenue,
              ...(annee && Number.isInteger(a) ? { annee: a } : {}),
            });
            setIntitule("");
            setNiveau("");
            setAnnee("");
            setErreur(null);
          }}
        >
          Ajouter la formation
        </Button>
      </div>
    </fieldset>
  );
}

function AjoutCompetenceLibre(props: { ajouter: (c: CompetenceProfil) => void }) {
  const [libelle, setLibelle] = useState("");
  const [maitrise, setMaitrise] = useState<Maitrise>("maitrisee");
  return (
    <fieldset className="fr-fieldset fr-mb-3w">
      <legend className="fr-fieldset__legend">Ajouter une compétence que le répertoire ne propose pas</legend>
      <div className="fr-fieldset__element">
        <Input
          label="Compétence"
          hintText="Par exemple « Langue des signes française »"
          nativeInputProps={{ value: libelle, maxLength: 300, onChange: (e) => setLibelle(e.target.value) }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Select
          label="Maîtrise"
          nativeSelectProps={{ value: maitrise, onChange: (e) => setMaitrise(e.target.value as Maitrise) }}
        >
          {MAITRISES.map((m) => (
            <option key={m} value={m}>
              {LIBELLES_MAITRISE[m]}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-fieldset__element">
        <Button
          priority="secondary"
          type="button"
          disabled={!libelle.trim()}
          onClick={() => {
            props.ajouter({ codeOgr: null, libelle: libelle.trim(), rubrique: "libre", maitrise });
            setLibelle("");
          }}
        >
          Ajouter la compétence
        </Button>
      </div>
    </fieldset>
  );
}

const NOTES = ["Pas du tout", "Un peu", "Assez", "Beaucoup"];

function Interets(props: {
  valeur: Record<Riasec, number> | null;
  modifiable: boolean;
  changer: (v: Record<Riasec, number> | null) => void;
}) {
  const v = props.valeur;
  return (
    <>
      <p>
        Six familles d'intérêts (modèle RIASEC, utilisé par le répertoire des métiers). Notez chacune selon ce
        qui vous attire : les métiers qui y correspondent seront un peu mis en avant.
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        {LETTRES_RIASEC.map((l) => (
          <div key={l} className="fr-col-12 fr-col-md-6">
            <Select
              label={`${LIBELLES_RIASEC[l].nom} (${l})`}
              hint={LIBELLES_RIASEC[l].description}
              disabled={!props.modifiable}
              nativeSelectProps={{
                value: v ? String(v[l]) : "",
                onChange: (e) => {
                  const base =
                    v ?? (Object.fromEntries(LETTRES_RIASEC.map((x) => [x, 0])) as Record<Riasec, number>);
                  props.changer(e.target.value === "" ? null : { ...base, [l]: Number(e.target.value) });
                },
              }}
            >
              <option value="">Non renseigné</option>
              {NOTES.map((n, i) => (
                <option key={n} value={i}>
                  {n}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </div>
    </>
  );
}
