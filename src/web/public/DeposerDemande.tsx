import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useRef, useState } from "react";
import { LIBELLES_MODALITE, MODALITES, type Modalite } from "../../domain/dossier";
import type { OperateurCompetent, StatutOrientation } from "../../domain/orientation";
import { api } from "../api";
import { useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";

interface OperateurPlateforme {
  id: string;
  nom: string;
  type: string;
  codeRegion: string | null;
}

const LIBELLES: Record<string, string> = {
  operateurId: "Opérateur",
  prenom: "Prénom",
  nom: "Nom",
  email: "Adresse électronique",
  demande: "Votre demande",
  disponibilites: "Vos disponibilités",
  modalite: "Façon d'échanger",
  consentementContact: "Accord pour être contacté",
};

/** Les opérateurs compétents présents sur la plateforme (même type ; même région pour l'opérateur régional). */
export function operateursDisponibles(competents: OperateurCompetent[], plateforme: OperateurPlateforme[]) {
  return competents.flatMap((c) =>
    plateforme
      .filter((o) => o.type === c.type && (!c.codeRegion || !o.codeRegion || o.codeRegion === c.codeRegion))
      .map((o) => ({ ...o, motif: c.motif })),
  );
}

/** Déposer sa demande auprès d'un des opérateurs compétents : compte et parcours de niveau 1 créés côté serveur. */
export function DeposerDemande({
  competents,
  statut,
  codePostal,
}: {
  competents: OperateurCompetent[];
  statut: StatutOrientation;
  codePostal: string;
}) {
  const { etat: plateforme } = useDonnees<OperateurPlateforme[]>("/api/v1/accueil/operateurs");
  const f = useFormulaire();
  const [v, setV] = useState({
    operateurId: "",
    prenom: "",
    nom: "",
    email: "",
    demande: "",
    disponibilites: "",
    modalite: "" as Modalite | "",
    consentementContact: false,
  });
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const titreConfirmation = useRef<HTMLDivElement>(null);
  const maj = <K extends keyof typeof v>(cle: K, valeur: (typeof v)[K]) =>
    setV((p) => ({ ...p, [cle]: valeur }));

  if (plateforme.statut !== "pret") return null;
  const choix = operateursDisponibles(competents, plateforme.donnees);
  if (choix.length === 0)
    return (
      <p className="fr-mt-4w">
        Aucun de ces opérateurs ne reçoit encore de demande sur cette plateforme : contactez-les directement.
      </p>
    );
  const operateurId = v.operateurId || (choix.length === 1 ? choix[0]!.id : "");

  if (confirmation)
    return (
      <div ref={titreConfirmation} tabIndex={-1} className="fr-mt-4w">
        <Alert severity="success" title="Votre demande est envoyée" description={confirmation} />
      </div>
    );

  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    const r = await f.soumettre(() =>
      api<{ message: string }>("POST", "/api/v1/accueil/demandes", {
        ...v,
        operateurId,
        statut,
        codePostal,
        ...(v.modalite ? {} : { modalite: undefined }),
      }),
    );
    if (r) {
      setConfirmation(
        `${r.message} Ouvrez le lien reçu pour confirmer votre adresse et choisir votre mot de passe.`,
      );
      setTimeout(() => titreConfirmation.current?.focus(), 0);
    }
  }

  const champ = (
    cle: "prenom" | "nom" | "email" | "disponibilites",
    props: { hint?: string; auto?: string } = {},
  ) => (
    <Input
      label={LIBELLES[cle]}
      {...(props.hint ? { hintText: props.hint } : {})}
      {...f.etat(cle)}
      nativeInputProps={{
        id: `champ-${cle}`,
        value: v[cle],
        ...(props.auto ? { autoComplete: props.auto } : {}),
        ...(cle === "email" ? { type: "email" } : {}),
        onChange: (e) => maj(cle, e.target.value),
      }}
    />
  );

  return (
    <section className="fr-mt-6w" aria-labelledby="titre-demande">
      <h2 id="titre-demande">Déposer ma demande</h2>
      <p>
        Votre demande est transmise à l'opérateur choisi, qui vous recontacte. Un compte est créé pour que
        vous suiviez votre demande ; vous confirmez votre adresse par le lien reçu par courriel.
      </p>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES} />
      <form onSubmit={envoyer} noValidate>
        {choix.length > 1 ? (
          <div id="champ-operateurId">
            <RadioButtons
              legend="À quel opérateur adresser votre demande ?"
              name="operateurId"
              {...f.etat("operateurId")}
              options={choix.map((o) => ({
                label: o.nom,
                hintText: o.motif,
                nativeInputProps: {
                  value: o.id,
                  checked: operateurId === o.id,
                  onChange: () => maj("operateurId", o.id),
                },
              }))}
            />
          </div>
        ) : (
          <p>
            Votre demande sera adressée à <strong>{choix[0]!.nom}</strong>.
          </p>
        )}
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">{champ("prenom", { auto: "given-name" })}</div>
          <div className="fr-col-12 fr-col-md-6">{champ("nom", { auto: "family-name" })}</div>
        </div>
        {champ("email", { hint: "Format attendu : nom@exemple.fr", auto: "email" })}
        <Input
          label={LIBELLES.demande}
          hintText="Avec vos mots : ce que vous souhaitez changer, vos questions, ce qui vous amène."
          textArea
          {...f.etat("demande")}
          nativeTextAreaProps={{
            id: "champ-demande",
            rows: 5,
            value: v.demande,
            onChange: (e) => maj("demande", e.target.value),
          }}
        />
        {champ("disponibilites", { hint: "Par exemple : le mardi après 18 h, le samedi matin." })}
        <div id="champ-modalite">
          <RadioButtons
            legend="Comment préférez-vous échanger ?"
            name="modalite"
            orientation="horizontal"
            {...f.etat("modalite")}
            options={MODALITES.map((m) => ({
              label: LIBELLES_MODALITE[m],
              nativeInputProps: { value: m, checked: v.modalite === m, onChange: () => maj("modalite", m) },
            }))}
          />
        </div>
        <div id="champ-consentementContact">
          <Checkbox
            {...f.etat("consentementContact")}
            options={[
              {
                label: "J'accepte que l'opérateur choisi me contacte pour répondre à ma demande",
                hintText:
                  "Vos informations ne servent qu'à traiter votre demande ; le conseil est confidentiel.",
                nativeInputProps: {
                  name: "consentementContact",
                  checked: v.consentementContact,
                  onChange: (e) => maj("consentementContact", e.target.checked),
                },
              },
            ]}
          />
        </div>
        <Button type="submit" disabled={f.envoi}>
          Envoyer ma demande
        </Button>
      </form>
    </section>
  );
}
