import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import type { TypeDestinataire } from "../../domain/syntheseDossier";
import { api } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { dateCourte, dateHeure } from "../commun/libelles";
import {
  LIBELLES_DESTINATAIRE,
  TYPES_DESTINATAIRE,
  urlDocument,
  VersionsSynthese,
  type VueSynthese,
} from "../commun/synthese";

/**
 * « Mon document de synthèse » (espace du bénéficiaire) : lire et télécharger chaque version, en accuser réception,
 * demander une correction ; décider qui d'autre peut le recevoir (accord par destinataire, révocable).
 */
export function SyntheseBeneficiaire({ parcoursId }: { parcoursId: string }) {
  const { etat, recharger } = useDonnees<VueSynthese>(`/api/v1/parcours/${parcoursId}/synthese`);
  return (
    <>
      <h2>Mon document de synthèse</h2>
      <Chargement etat={etat}>
        {(v) =>
          v.versions.length === 0 ? (
            <p>
              Votre conseiller ou conseillère vous remettra un document de synthèse à la fin de
              l'accompagnement : il récapitule les services reçus, votre projet et votre plan d'actions. Il
              apparaîtra ici.
            </p>
          ) : (
            <>
              <DerniereVersion parcoursId={parcoursId} v={v} apres={recharger} />
              <h3 className="fr-mt-4w">Toutes les versions</h3>
              <VersionsSynthese parcoursId={parcoursId} v={v} />
              {v.corrections.length > 0 && (
                <>
                  <h3>Mes demandes de correction</h3>
                  <ul>
                    {v.corrections.map((c) => (
                      <li key={c.id}>
                        Version {c.numero}, le {dateHeure(c.demandeeLe)} : « {c.commentaire} » —{" "}
                        {c.corrigeeParNumero
                          ? `corrigée dans la version ${c.corrigeeParNumero}`
                          : "en attente de réponse"}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <Accords parcoursId={parcoursId} v={v} apres={recharger} />
            </>
          )
        }
      </Chargement>
    </>
  );
}

function DerniereVersion({
  parcoursId,
  v,
  apres,
}: {
  parcoursId: string;
  v: VueSynthese;
  apres: () => void;
}) {
  const d = v.versions.at(-1)!;
  const [commentaire, setCommentaire] = useState("");
  const [ok, setOk] = useState<string | null>(null);
  const f = useFormulaire();
  const base = `/api/v1/parcours/${parcoursId}/synthese/versions/${d.numero}`;
  async function accuser() {
    setOk(null);
    if (await f.soumettre(() => api("POST", `${base}/accuse-reception`))) {
      setOk("Merci : votre accusé de réception est enregistré.");
      apres();
    }
  }
  async function corriger(e: React.FormEvent) {
    e.preventDefault();
    setOk(null);
    if (await f.soumettre(() => api("POST", `${base}/corrections`, { commentaire }))) {
      setCommentaire("");
      setOk("Votre demande de correction est transmise à votre conseiller ou conseillère.");
      apres();
    }
  }
  return (
    <>
      {ok && <Alert className="fr-mb-3w" severity="success" small description={ok} />}
      <ResumeErreurs
        message={f.message}
        erreurs={f.erreurs}
        cible={f.resume}
        libelles={{ commentaire: "Ce qui doit être corrigé" }}
      />
      <CallOut
        title={d.accuseeLe ? `Version ${d.numero}` : `Nouvelle version à lire : version ${d.numero}`}
        titleAs="h3"
      >
        Émise le {dateCourte(d.emiseLe)}
        {d.emisePar && ` par ${d.emisePar.prenom} ${d.emisePar.nom}`}.{" "}
        {d.accuseeLe ? `Vous en avez accusé réception le ${dateCourte(d.accuseeLe)}.` : ""}
        <br />
        <a href={urlDocument(parcoursId, "html", d.numero)} target="_blank" rel="noopener">
          Lire mon document (HTML accessible, nouvel onglet)
        </a>{" "}
        ·{" "}
        <a href={urlDocument(parcoursId, "pdf", d.numero)} download>
          Télécharger le PDF
        </a>
      </CallOut>
      {!d.accuseeLe && (
        <Button onClick={accuser} disabled={f.envoi} className="fr-mb-3w">
          J'ai lu mon document : j'en accuse réception
        </Button>
      )}
      <form onSubmit={corriger} noValidate>
        <Input
          label="Ce qui doit être corrigé"
          hintText={`Votre demande porte sur la version ${d.numero}. Votre conseiller ou conseillère y répondra par une version corrigée.`}
          textArea
          {...f.etat("commentaire")}
          nativeTextAreaProps={{
            id: "champ-commentaire",
            rows: 3,
            value: commentaire,
            onChange: (e) => setCommentaire(e.target.value),
          }}
        />
        <Button type="submit" priority="secondary" disabled={f.envoi}>
          Demander une correction
        </Button>
      </form>
    </>
  );
}

function Accords({ parcoursId, v, apres }: { parcoursId: string; v: VueSynthese; apres: () => void }) {
  const [destinataire, setDestinataire] = useState("");
  const [type, setType] = useState<TypeDestinataire>("financeur");
  const f = useFormulaire();
  const url = `/api/v1/parcours/${parcoursId}/synthese/accords`;
  async function donner(e: React.FormEvent) {
    e.preventDefault();
    if (await f.soumettre(() => api("POST", url, { destinataire, typeDestinataire: type }))) {
      setDestinataire("");
      apres();
    }
  }
  async function retirer(a: VueSynthese["accords"][number]) {
    if (await f.soumettre(() => api("POST", `${url}/${a.id}/retrait`, { version: a.version }))) apres();
  }
  const actifs = v.accords.filter((a) => !a.retireLe);
  return (
    <>
      <h3 className="fr-mt-4w">À qui mon document peut être communiqué</h3>
      <p>
        Votre document de synthèse est à vous. Il n'est transmis à un tiers (un financeur, un prestataire de
        bilan…) qu'avec votre accord exprès pour ce destinataire ; vous pouvez le retirer à tout moment, et
        chaque consultation figure dans « Mes données ».
      </p>
      <ResumeErreurs
        message={f.message}
        erreurs={f.erreurs}
        cible={f.resume}
        libelles={{ destinataire: "Destinataire" }}
      />
      {actifs.length === 0 ? (
        <p>Vous n'avez donné votre accord pour aucun destinataire.</p>
      ) : (
        <ul>
          {actifs.map((a) => (
            <li key={a.id} className="fr-mb-1w">
              {a.destinataire} ({LIBELLES_DESTINATAIRE[a.typeDestinataire]}), accord donné le{" "}
              {dateCourte(a.accordeLe)}{" "}
              <Button
                size="small"
                priority="tertiary"
                onClick={() => retirer(a)}
                disabled={f.envoi}
                nativeButtonProps={{ "aria-label": `Retirer mon accord pour ${a.destinataire}` }}
              >
                Retirer mon accord
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={donner} noValidate>
        <Input
          label="Destinataire"
          hintText="Le nom de l'organisme ou de la personne, par exemple « Transitions Pro Auvergne-Rhône-Alpes »."
          {...f.etat("destinataire")}
          nativeInputProps={{
            id: "champ-destinataire",
            value: destinataire,
            onChange: (e) => setDestinataire(e.target.value),
          }}
        />
        <Select
          label="Type de destinataire"
          nativeSelectProps={{ value: type, onChange: (e) => setType(e.target.value as TypeDestinataire) }}
        >
          {TYPES_DESTINATAIRE.map((t) => (
            <option key={t} value={t}>
              {LIBELLES_DESTINATAIRE[t]}
            </option>
          ))}
        </Select>
        <Button type="submit" priority="secondary" disabled={f.envoi}>
          Donner mon accord
        </Button>
      </form>
    </>
  );
}
