/**
 * Pages d'information du niveau 1 (ticket 5) : le CEP lui-même et chaque dispositif qu'une personne peut rencontrer.
 * Rédigées à partir de regles-cep.md (Code du travail consolidé au 27 mars 2026), chacune avec ses sources.
 */

export const DATE_DES_REGLES = "27 mars 2026";

export interface Source {
  article: string;
  legiarti?: string;
}

export interface Section {
  titre: string;
  paragraphes: string[];
}

export interface PageInformation {
  code: string;
  titre: string;
  resume: string;
  sections: Section[];
  sources: Source[];
  /** Ce qui peut encore changer : paramètres incertains ou réformes annoncées. */
  aVerifier?: string[];
}

export const lienLegifrance = (s: Source) =>
  s.legiarti ? `https://www.legifrance.gouv.fr/codes/article_lc/${s.legiarti}` : undefined;

export const PAGE_CEP: PageInformation = {
  code: "cep",
  titre: "Le conseil en évolution professionnelle",
  resume:
    "Un service public gratuit et confidentiel pour faire le point sur votre vie professionnelle, construire un projet et le mettre en œuvre.",
  sections: [
    {
      titre: "Pour qui ?",
      paragraphes: [
        "Pour toute personne active : salariée du privé ou du public, apprentie, indépendante, à la recherche d'un emploi. Les étudiants et les retraités y ont droit s'ils travaillent ou cherchent un emploi.",
        "Le CEP est délivré par France Travail, l'Apec, les Missions locales, Cap emploi et, pour les actifs du secteur privé, par l'opérateur régional choisi par France compétences. Les agents publics s'adressent aux conseillers mobilité-carrière de leur employeur.",
      ],
    },
    {
      titre: "Gratuit, confidentiel, sans en parler à votre employeur",
      paragraphes: [
        "Le conseil est gratuit. Votre conseiller ou conseillère est tenu à la discrétion professionnelle : rien n'est transmis sans votre accord, en dehors des échanges de données prévus par la loi.",
        "Vous n'avez pas à informer votre employeur. Les rendez-vous peuvent avoir lieu en dehors de vos heures de travail.",
      ],
    },
    {
      titre: "Deux niveaux, à votre rythme",
      paragraphes: [
        "Niveau 1 — accueil individualisé : vous exprimez votre demande, vous comprenez ce qu'est le CEP, vous recevez une information personnalisée sur les métiers, les compétences, les formations et les dispositifs de votre territoire, et l'on vous oriente vers le bon interlocuteur.",
        "Niveau 2 — accompagnement personnalisé : d'abord le conseil (clarifier votre demande, repérer vos compétences transférables et celles à acquérir, trouver des métiers possibles, bâtir un projet et vérifier sa faisabilité), puis la mise en œuvre (un plan d'actions daté, un plan de financement, un calendrier prévisionnel).",
        "Les niveaux ne sont pas forcément successifs : vous pouvez entrer directement au niveau 2, faire une pause et reprendre quand vous le souhaitez.",
      ],
    },
    {
      titre: "En rendez-vous ou à distance",
      paragraphes: [
        "Le CEP se déroule en face à face par défaut, mais il peut aussi se faire par téléphone, en visioconférence ou par échanges écrits, selon votre souhait et votre autonomie, avec les mêmes garanties.",
        "À la fin de l'accompagnement, vous recevez un document de synthèse qui récapitule les services reçus, votre projet, la stratégie retenue et votre plan d'actions.",
      ],
    },
  ],
  sources: [
    { article: "L6111-6", legiarti: "LEGIARTI000048600517" },
    { article: "D6111-6", legiarti: "LEGIARTI000038701972" },
    { article: "L6111-6-1", legiarti: "LEGIARTI000037370938" },
    { article: "Arrêté du 29 mars 2019 fixant le cahier des charges du CEP" },
  ],
};

export const DISPOSITIFS: PageInformation[] = [
  {
    code: "cpf",
    titre: "Compte personnel de formation (CPF)",
    resume:
      "Des droits en euros, crédités chaque année, pour financer une formation certifiante, un bilan de compétences ou une VAE.",
    sections: [
      {
        titre: "Combien ?",
        paragraphes: [
          "Un salarié qui travaille au moins à mi-temps reçoit 500 € par an, dans la limite de 5 000 € ; au prorata en dessous du mi-temps.",
          "Un salarié peu qualifié (sans diplôme de niveau 3) reçoit 800 € par an, dans la limite de 8 000 € ; le conseiller CEP peut faire la déclaration à sa demande. Les bénéficiaires de l'obligation d'emploi des travailleurs handicapés reçoivent 300 € de plus par an, dans la même limite.",
        ],
      },
      {
        titre: "Ce que vous payez",
        paragraphes: [
          "Une participation forfaitaire est due par le titulaire : 100 € depuis le 2 mai 2024, 102,23 € en 2025, 103,20 € en 2026 (indexée chaque 1er janvier). Elle ne s'applique pas aux demandeurs d'emploi, ni quand l'employeur cofinance la formation.",
          "Depuis le 26 février 2026, le CPF prend en charge au plus 1 600 € pour un bilan de compétences, 1 500 € pour une certification du répertoire spécifique, 900 € pour le permis de conduire (groupe léger).",
        ],
      },
      {
        titre: "Le permis B",
        paragraphes: [
          "Il n'est finançable que pour un demandeur d'emploi ou avec un cofinancement d'au moins 100 € par un tiers, et seulement si vous n'avez pas déjà un permis valide.",
        ],
      },
    ],
    sources: [
      { article: "L6323-4", legiarti: "LEGIARTI000049423585" },
      { article: "L6323-6", legiarti: "LEGIARTI000053549516" },
      { article: "L6323-7", legiarti: "LEGIARTI000046873599" },
      { article: "L6323-11-1", legiarti: "LEGIARTI000038951726" },
      { article: "R6323-1", legiarti: "LEGIARTI000038013641" },
    ],
    aVerifier: [
      "Un projet de décret porterait la participation forfaitaire à 150 € : pas encore dans le Code au 27 mars 2026.",
      "Les montants de la participation après 2024 viennent d'arrêtés d'indexation (sources secondaires).",
    ],
  },
  {
    code: "projet-de-transition-professionnelle",
    titre: "Projet de transition professionnelle (PTP)",
    resume:
      "Pour un salarié qui veut changer de métier : une formation certifiante suivie pendant un congé, salaire maintenu.",
    sections: [
      {
        titre: "Conditions",
        paragraphes: [
          "Avoir été salarié 24 mois, consécutifs ou non, dont 12 mois dans l'entreprise actuelle ; ou 24 mois au cours des 5 dernières années dont 4 mois en CDD au cours des 12 derniers mois.",
          "Pas de condition d'ancienneté pour les bénéficiaires de l'obligation d'emploi des travailleurs handicapés, ni pour certains salariés licenciés pour motif économique ou inaptitude, ou absents longuement pour maladie ou accident du travail.",
        ],
      },
      {
        titre: "Démarches",
        paragraphes: [
          "Un positionnement préalable gratuit par l'organisme de formation, avec un devis ; puis la demande de congé à l'employeur, par écrit, au moins 120 jours avant le début de la formation si elle entraîne une absence continue de 6 mois ou plus, 60 jours sinon ; l'employeur répond dans les 30 jours (son silence vaut accord).",
          "Le dossier est ensuite déposé auprès de Transitions Pro (commission paritaire interprofessionnelle régionale), qui examine la cohérence du projet et les perspectives d'emploi. Le CEP peut vous aider à construire le projet et proposer le plan de financement.",
        ],
      },
      {
        titre: "Ce qui est pris en charge",
        paragraphes: [
          "Les frais pédagogiques, les frais annexes et la rémunération ; le CPF est mobilisé en premier.",
        ],
      },
    ],
    sources: [
      { article: "L6323-17-1", legiarti: "LEGIARTI000047452269" },
      { article: "L6323-17-2", legiarti: "LEGIARTI000047452262" },
      { article: "D6323-9", legiarti: "LEGIARTI000045369571" },
      { article: "R6323-10", legiarti: "LEGIARTI000041393503" },
      { article: "R6323-14", legiarti: "LEGIARTI000048867680" },
    ],
    aVerifier: [
      "De nouvelles versions de l'article L6323-17-2 entrent en vigueur le 1er janvier 2027 et le 1er janvier 2028.",
    ],
  },
  {
    code: "demission-reconversion",
    titre: "Démission pour reconversion",
    resume:
      "Démissionner d'un CDI pour un projet de reconversion et percevoir l'allocation chômage, à des conditions strictes.",
    sections: [
      {
        titre: "Conditions",
        paragraphes: [
          "Être en CDI dans le secteur privé et avoir un projet qui demande une formation ou une création ou reprise d'entreprise ; Transitions Pro atteste son caractère « réel et sérieux ».",
          "Il faut demander le CEP avant de démissionner : une démission donnée avant la demande de CEP rend le dispositif inaccessible. Dans ce cas, le CEP n'est délivré ni par France Travail ni par une Mission locale.",
          "Une condition d'activité s'ajoute (1 300 jours travaillés sur une période de référence, 60 ou 72 mois selon les règles d'assurance chômage applicables).",
        ],
      },
      {
        titre: "Ensuite",
        paragraphes: [
          "Vous avez 6 mois après l'attestation pour demander l'allocation ; France Travail vérifie, au plus tard 6 mois après l'ouverture des droits, les démarches engagées.",
        ],
      },
    ],
    sources: [{ article: "L5422-1 II, L5422-1-1, R5422-2-1, R5422-2-3, L5426-1-2" }],
    aVerifier: [
      "Période de référence des 1 300 jours : 60 mois ou 72 mois depuis les règles d'assurance chômage de 2025.",
    ],
  },
  {
    code: "periode-de-reconversion",
    titre: "Période de reconversion",
    resume:
      "Depuis le 1er janvier 2026, une formation en alternance pour changer de métier, dans ou hors de son entreprise (elle remplace Pro-A et Transco).",
    sections: [
      {
        titre: "Pour qui, pour quoi ?",
        paragraphes: [
          "Tout salarié. Elle prépare une certification (RNCP, CQP, blocs de compétences, CléA) en 150 à 450 heures sur 12 mois au plus (jusqu'à 2 100 heures sur 36 mois par accord).",
          "En interne, le contrat et la rémunération sont maintenus ; en externe, le contrat est suspendu pendant un CDI ou un CDD d'au moins 6 mois chez l'employeur d'accueil, avec droit au retour.",
        ],
      },
      {
        titre: "Financement et délais",
        paragraphes: [
          "L'opérateur de compétences (OPCO) prend en charge les frais pédagogiques. Le CPF peut être mobilisé : jusqu'à 50 % des droits en interne, sans limite en externe.",
          "L'employeur transmet le dossier à l'OPCO au moins 30 jours avant le début ; l'OPCO décide dans les 20 jours. Pendant une période de reconversion, le salarié peut bénéficier du CEP sur son temps de travail.",
        ],
      },
    ],
    sources: [
      { article: "L6324-1", legiarti: "LEGIARTI000052437351" },
      { article: "L6324-2", legiarti: "LEGIARTI000052437346" },
      { article: "R6324-1", legiarti: "LEGIARTI000053428032" },
    ],
  },
  {
    code: "vae",
    titre: "Validation des acquis de l'expérience (VAE)",
    resume: "Obtenir tout ou partie d'une certification grâce à son expérience, sans durée minimale.",
    sections: [
      {
        titre: "Comment ?",
        paragraphes: [
          "Toute activité en rapport direct avec la certification visée compte, sans durée minimale. L'inscription se fait sur la plateforme France VAE ; un accompagnement est possible (France VAE, CPF, Transitions Pro, Agefiph).",
          "Une seule demande par certification et au plus trois certifications par an. Le CPF peut financer l'accompagnement et le jury.",
        ],
      },
      {
        titre: "Congé VAE",
        paragraphes: [
          "Demandez l'autorisation d'absence à votre employeur au moins 30 jours avant ; il répond sous 15 jours (son silence vaut accord) et peut reporter d'un mois au plus. Le congé est de 48 heures par validation.",
        ],
      },
    ],
    sources: [
      { article: "L6411-1", legiarti: "LEGIARTI000046774753" },
      { article: "L6411-2", legiarti: "LEGIARTI000048600352" },
      { article: "R6412-1", legiarti: "LEGIARTI000048721583" },
      { article: "R6422-3", legiarti: "LEGIARTI000048721680" },
    ],
  },
  {
    code: "bilan-de-competences",
    titre: "Bilan de compétences",
    resume:
      "Analyser ses compétences, ses aptitudes et ses motivations avec un prestataire, pour définir un projet professionnel.",
    sections: [
      {
        titre: "Déroulement",
        paragraphes: [
          "24 heures au plus, en trois phases (préliminaire, investigation, conclusion), avec votre consentement ; il ne peut pas être réalisé par votre employeur.",
          "Les résultats vous appartiennent : ils ne sont communiqués à un tiers, y compris au conseiller CEP, qu'à votre demande. Les documents sont détruits à la fin du bilan.",
        ],
      },
      {
        titre: "Financement par le CPF",
        paragraphes: [
          "Depuis le 26 février 2026, le CPF prend en charge au plus 1 600 € et seulement les heures d'accompagnement ; il n'est pas mobilisable si un bilan a déjà été financé au cours des 5 années précédentes.",
        ],
      },
    ],
    sources: [
      { article: "L6313-4", legiarti: "LEGIARTI000037385673" },
      { article: "R6313-4", legiarti: "LEGIARTI000038014107" },
      { article: "R6313-7", legiarti: "LEGIARTI000048831046" },
      { article: "D6323-6", legiarti: "LEGIARTI000053572443" },
    ],
  },
];
