import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Tile } from "@codegouvfr/react-dsfr/Tile";
import { useParams } from "react-router";
import { Page } from "../../commun/Page";
import { PageIntrouvable } from "../PageIntrouvable";
import { DATE_DES_REGLES, DISPOSITIFS, lienLegifrance, PAGE_CEP, type PageInformation } from "./contenus";

function Contenu({ page }: { page: PageInformation }) {
  return (
    <>
      <p className="fr-text--lead">{page.resume}</p>
      {page.sections.map((s) => (
        <section key={s.titre} aria-labelledby={`section-${page.code}-${s.titre}`}>
          <h2 id={`section-${page.code}-${s.titre}`}>{s.titre}</h2>
          {s.paragraphes.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
      {page.aVerifier && (
        <CallOut title="Susceptible d'évoluer" titleAs="h2" className="fr-mt-4w">
          {page.aVerifier.join(" ")}
        </CallOut>
      )}
      <h2>Sources</h2>
      <p>Règles du Code du travail en vigueur au {DATE_DES_REGLES}.</p>
      <ul>
        {page.sources.map((s) => {
          const lien = lienLegifrance(s);
          return (
            <li key={s.article}>
              {lien ? (
                <a
                  href={lien}
                  target="_blank"
                  rel="noopener noreferrer"
                  title={`Article ${s.article} sur Légifrance — nouvelle fenêtre`}
                >
                  Article {s.article} du Code du travail
                </a>
              ) : (
                s.article
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function PageLeCep() {
  return (
    <Page titre={PAGE_CEP.titre}>
      <Contenu page={PAGE_CEP} />
      <h2>Les dispositifs que vous pourrez rencontrer</h2>
      <ListeDispositifs />
    </Page>
  );
}

function ListeDispositifs() {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      {DISPOSITIFS.map((d) => (
        <div className="fr-col-12 fr-col-md-6 fr-col-lg-4" key={d.code}>
          <Tile title={d.titre} desc={d.resume} linkProps={{ to: `/dispositifs/${d.code}` }} titleAs="h3" />
        </div>
      ))}
    </div>
  );
}

export function PageDispositifs() {
  return (
    <Page
      titre="Les dispositifs de formation et de reconversion"
      chemin={[{ libelle: "Le CEP", lien: "/le-cep" }]}
    >
      <p className="fr-text--lead">
        Les principaux dispositifs qu'un conseiller ou une conseillère CEP peut mobiliser avec vous. Règles en
        vigueur au {DATE_DES_REGLES}.
      </p>
      <ListeDispositifs />
    </Page>
  );
}

export function PageDispositif() {
  const { code } = useParams();
  const page = DISPOSITIFS.find((d) => d.code === code);
  if (!page) return <PageIntrouvable />;
  return (
    <Page
      titre={page.titre}
      chemin={[
        { libelle: "Le CEP", lien: "/le-cep" },
        { libelle: "Les dispositifs", lien: "/dispositifs" },
      ]}
    >
      <Contenu page={page} />
    </Page>
  );
}
