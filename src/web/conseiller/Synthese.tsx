import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import { api, ErreurApi } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { dateCourte, dateHeure } from "../commun/libelles";
import { LIBELLES_DESTINATAIRE, urlDocument, VersionsSynthese, type VueSynthese } from "../commun/synthese";

/**
 * Onglet « Document de synthèse » du dossier (conseiller) : brouillon (niveau clos, conclusions, prochaines étapes),
 * aperçu, émission d'une version figée, demandes de correction de la personne, versions, partage avec son accord.
 */
export function SyntheseConseiller({ parcoursId }: { parcoursId: string }) {
  const { etat, recharger } = useDonnees<VueSynthese>(`/api/v1/parcours/${parcoursId}/synthese`);
  return (
    <>
      <h2>Document de synthèse</h2>
      <Chargement etat={etat}>
        {(v) => (
          <>
            <CorrectionsEnAttente v={v} />
            <Brouillon parcoursId={parcoursId} v={v} apres={recharger} />
            <h3 className="fr-mt-4w">Versions émises</h3>
            {v.versions.length === 0 ? (
              <p>Aucune version n'a encore été émise.</p>
            ) : (
              <VersionsSynthese parcoursId={parcoursId} v={v} />
            )}
            {v.versions.length > 0 && <Partager parcoursId={parcoursId} v={v} />}
          </>
        )}
      </Chargement>
    </>
  );
}

function CorrectionsEnAttente({ v }: { v: VueSynthese }) {
  const enAttente = v.corrections.filter((c) => !c.traiteeLe);
  if (!enAttente.length) return null;
  return (
    <Alert
      className="fr-mb-3w"
      severity="warning"
      title={`Demande${enAttente.length > 1 ? "s" : ""} de correction de la personne`}
      description={
        <>
          <ul>
            {enAttente.map((c) => (
              <li key={c.id}>
                Sur la version {c.numero}, le {dateHeure(c.demandeeLe)} : « {c.commentaire} »
              </li>
            ))}
          </ul>
          <p className="fr-mb-0">
            Corrigez le dossier ou le brouillon, puis émettez une nouvelle version : la demande sera marquée
            traitée.
          </p>
        </>
      }
    />
  );
}

const LIBELLES = {
  niveau: "Niveau que le document clôt",
  conclusions: "Conclusions",
  prochainesEtapes: "Prochaines étapes",
  version: "Version",
  versionBrouillon: "Brouillon",
};

function Brouillon({ parcoursId, v, apres }: { parcoursId: string; v: VueSynthese; apres: () => void }) {
  const b = v.brouillon;
  const [niveau, setNiveau] = useState<1 | 2>(b?.niveau ?? v.niveauParcours);
  const [conclusions, setConclusions] = useState(b?.conclusions ?? "");
  const [prochainesEtapes, setProchainesEtapes] = useState(b?.prochainesEtapes ?? "");
  const [message, setMessage] = useState<{ severite: "success" | "warning"; texte: string } | null>(null);
  const f = useFormulaire();
  const url = `/api/v1/parcours/${parcoursId}/synthese`;

  async function enregistrer(e: React.FormEvent) {
    e.preventDefault();
    setMessage(null);
    const r = await f.soumettre(async () => {
      try {
        return await api("PUT", `${url}/brouillon`, {
          version: b?.version ?? 0,
          niveau,
          conclusions,
          prochainesEtapes,
        });
      } catch (err) {
        if (err instanceof ErreurApi && err.statut === 409) {
          const courant = (await api<VueSynthese>("GET", url)).brouillon;
          setMessage({
            severite: "warning",
            texte: `Le brouillon a été modifié entre-temps${courant?.auteur ? ` par ${courant.auteur.prenom} ${courant.auteur.nom}` : ""}. Conclusions enregistrées : « ${courant?.conclusions ?? "vide"} » ; prochaines étapes : « ${courant?.prochainesEtapes ?? "vide"} ». Votre saisie est gardée ci-dessous : rechargez l'onglet pour repartir de la version à jour.`,
          });
        }
        throw err;
      }
    });
    if (r) {
      setMessage({ severite: "success", texte: "Brouillon enregistré." });
      apres();
    }
  }

  async function emettre() {
    setMessage(null);
    const r = await f.soumettre(() =>
      api<{ numero: number; empreinte: string }>("POST", `${url}/versions`, {
        versionBrouillon: b?.version ?? 0,
      }),
    );
    if (r) {
      setMessage({
        severite: "success",
        texte: `Version ${r.numero} émise et figée. La personne est prévenue par courriel et la retrouve dans son espace.`,
      });
      apres();
    }
  }

  const modifie =
    !b ||
    niveau !== b.niveau ||
    conclusions !== (b.conclusions ?? "") ||
    prochainesEtapes !== (b.prochainesEtapes ?? "");
  return (
    <>
      {message && (
        <Alert className="fr-mb-3w" severity={message.severite} small description={message.texte} />
      )}
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES} />
      {v.nonRenseignees.length > 0 && (
        <Alert
          className="fr-mb-3w"
          severity="info"
          small
          description={`Le dossier ne contient pas encore : ${v.nonRenseignees.join(", ")}. Ces parties seront imprimées « Non renseigné ».`}
        />
      )}
      <h3>Brouillon</h3>
      <p>
        Le contenu est repris du dossier (entretiens, réunions, état des lieux, projet, plans) : vous ne
        rédigez ici que vos conclusions et les prochaines étapes.
        {b?.auteur &&
          ` Dernière modification par ${b.auteur.prenom} ${b.auteur.nom} le ${dateHeure(b.modifieLe)}.`}
      </p>
      <form onSubmit={enregistrer} noValidate>
        <div id="champ-niveau">
          <RadioButtons
            legend={LIBELLES.niveau}
            name="niveau"
            orientation="horizontal"
            {...f.etat("niveau")}
            options={([1, 2] as const).map((n) => ({
              label: n === 1 ? "Niveau 1 — accueil individualisé" : "Niveau 2 — accompagnement personnalisé",
              nativeInputProps: {
                value: String(n),
                checked: niveau === n,
                disabled: n === 2 && v.niveauParcours === 1,
                onChange: () => setNiveau(n),
              },
            }))}
          />
        </div>
        <Input
          label={LIBELLES.conclusions}
          hintText="Ce que l'accompagnement a permis d'établir."
          textArea
          {...f.etat("conclusions")}
          nativeTextAreaProps={{
            id: "champ-conclusions",
            rows: 4,
            value: conclusions,
            onChange: (e) => setConclusions(e.target.value),
          }}
        />
        <Input
          label={LIBELLES.prochainesEtapes}
          hintText="Recommandations et suite du parcours."
          textArea
          {...f.etat("prochainesEtapes")}
          nativeTextAreaProps={{
            id: "champ-prochainesEtapes",
            rows: 3,
            value: prochainesEtapes,
            onChange: (e) => setProchainesEtapes(e.target.value),
          }}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit" priority="secondary" disabled={f.envoi}>
              Enregistrer le brouillon
            </Button>
          </li>
          <li>
            <Button
              type="button"
              onClick={emettre}
              disabled={f.envoi || modifie}
              title={modifie ? "Enregistrez d'abord le brouillon" : undefined}
            >
              Émettre le document
            </Button>
          </li>
        </ul>
      </form>
      {modifie && <p className="fr-text--sm">Enregistrez le brouillon avant de l'émettre.</p>}
      <p>
        Aperçu du brouillon :{" "}
        <a href={urlDocument(parcoursId, "html", "brouillon")} target="_blank" rel="noopener">
          lire en HTML (nouvel onglet)
        </a>{" "}
        ·{" "}
        <a href={urlDocument(parcoursId, "pdf", "brouillon")} download>
          télécharger le PDF
        </a>
      </p>
    </>
  );
}

/** Partage avec un tiers : seulement vers un destinataire pour lequel la personne a donné son accord. */
function Partager({ parcoursId, v }: { parcoursId: string; v: VueSynthese }) {
  const actifs = v.accords.filter((a) => !a.retireLe);
  const [accordId, setAccordId] = useState(actifs[0]?.id ?? "");
  const [numero, setNumero] = useState(v.versions.at(-1)!.numero);
  const [lien, setLien] = useState<{ lien: string; expireLe: string; destinataire: string } | null>(null);
  const f = useFormulaire();
  async function partager(e: React.FormEvent) {
    e.preventDefault();
    setLien(null);
    const a = actifs.find((x) => x.id === accordId);
    const r = await f.soumettre(() =>
      api<{ lien: string; expireLe: string; destinataire: string }>(
        "POST",
        `/api/v1/parcours/${parcoursId}/synthese/partages`,
        { numero, destinataire: a?.destinataire ?? "", typeDestinataire: a?.typeDestinataire ?? "autre" },
      ),
    );
    if (r) setLien(r);
  }
  return (
    <>
      <h3 className="fr-mt-4w">Partager avec un tiers</h3>
      {actifs.length === 0 ? (
        <p>
          La personne n'a donné son accord pour aucun destinataire : le document ne peut être communiqué à
          personne d'autre qu'elle. Elle peut donner son accord depuis son espace.
        </p>
      ) : (
        <>
          <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} />
          <form onSubmit={partager} noValidate>
            <Select
              label="Destinataire (accord de la personne)"
              nativeSelectProps={{ value: accordId, onChange: (e) => setAccordId(e.target.value) }}
            >
              {actifs.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.destinataire} — {LIBELLES_DESTINATAIRE[a.typeDestinataire]} (accord du{" "}
                  {dateCourte(a.accordeLe)})
                </option>
              ))}
            </Select>
            <Select
              label="Version à partager"
              nativeSelectProps={{ value: numero, onChange: (e) => setNumero(Number(e.target.value)) }}
            >
              {[...v.versions].reverse().map((x) => (
                <option key={x.numero} value={x.numero}>
                  Version {x.numero} du {dateCourte(x.emiseLe)}
                </option>
              ))}
            </Select>
            <Button type="submit" priority="secondary" disabled={f.envoi}>
              Créer un lien de partage
            </Button>
          </form>
          {lien && (
            <Alert
              className="fr-mt-2w"
              severity="success"
              title={`Lien pour ${lien.destinataire}`}
              description={
                <>
                  <p>
                    Valable jusqu'au {dateCourte(lien.expireLe)}, tant que la personne ne retire pas son
                    accord. Chaque ouverture figure dans son journal d'accès.
                  </p>
                  <p className="fr-mb-0" style={{ wordBreak: "break-all" }}>
                    <code>{lien.lien}</code>
                  </p>
                </>
              }
            />
          )}
        </>
      )}
    </>
  );
}
