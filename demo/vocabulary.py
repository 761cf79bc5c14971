"""Word lists for made-up petitions, aligned in English and French.

Every template pairs an English sentence with its French translation, so a
generated petition reads the same in both languages.
"""

SUBJECTS = [
    ("Agriculture", "Agriculture"),
    ("Animal welfare", "Bien-être des animaux"),
    ("Arts and culture", "Arts et culture"),
    ("Business and industry", "Entreprises et industrie"),
    ("Citizenship and immigration", "Citoyenneté et immigration"),
    ("Civil and human rights", "Droits civils et droits de la personne"),
    ("Criminal justice", "Justice pénale"),
    ("Democratic process", "Processus démocratique"),
    ("Economics and finance", "Économie et finances"),
    ("Education", "Éducation"),
    ("Employment and labour", "Emploi et travail"),
    ("Environment", "Environnement"),
    ("Families", "Familles"),
    ("Fisheries", "Pêches"),
    ("Foreign affairs", "Affaires étrangères"),
    ("Health", "Santé"),
    ("Housing", "Logement"),
    ("Indigenous affairs", "Affaires autochtones"),
    ("International development", "Développement international"),
    ("National defence", "Défense nationale"),
    ("Natural resources", "Ressources naturelles"),
    ("Public safety", "Sécurité publique"),
    ("Science and technology", "Sciences et technologie"),
    ("Seniors", "Aînés"),
    ("Taxation", "Fiscalité"),
    ("Telecommunications", "Télécommunications"),
    ("Transportation", "Transports"),
    ("Veterans", "Anciens combattants"),
]

TOPICS = [
    ("plastic packaging", "les emballages de plastique"),
    ("rural broadband", "l’Internet haute vitesse en milieu rural"),
    ("pharmacare", "l’assurance médicaments"),
    ("maternity leave", "le congé de maternité"),
    ("wetland protection", "la protection des milieux humides"),
    ("passenger rail service", "le service ferroviaire voyageurs"),
    ("affordable housing", "le logement abordable"),
    ("pension indexing", "l’indexation des pensions"),
    ("refugee sponsorship", "le parrainage de réfugiés"),
    ("fishing quotas", "les quotas de pêche"),
    ("wildfire prevention", "la prévention des feux de forêt"),
    ("mental health services", "les services de santé mentale"),
    ("student loans", "les prêts étudiants"),
    ("veterans’ benefits", "les prestations aux anciens combattants"),
    ("electoral reform", "la réforme électorale"),
    ("clean drinking water", "l’eau potable"),
    ("firearms regulation", "la réglementation des armes à feu"),
    ("organ donation", "le don d’organes"),
    ("food labelling", "l’étiquetage des aliments"),
    ("cell phone towers", "les tours de téléphonie cellulaire"),
    ("pollinator health", "la santé des pollinisateurs"),
    ("human rights abroad", "les droits de la personne à l’étranger"),
    ("child care spaces", "les places en garderie"),
    ("carbon pricing", "la tarification du carbone"),
]

CLAUSES = [
    (
        "Many residents of {place} are affected by {topic};",
        "De nombreux résidents de {place} sont touchés par {topic};",
    ),
    (
        "The federal rules on {topic} have not been reviewed since {year};",
        "Les règles fédérales sur {topic} n’ont pas été revues depuis {year};",
    ),
    (
        "Communities such as {place} lack reliable {topic};",
        "Des collectivités comme {place} manquent de {topic} fiables;",
    ),
    (
        "Experts have warned that {topic} needs urgent attention;",
        "Des experts préviennent que {topic} exige une attention urgente;",
    ),
    (
        "Other countries have improved {topic} through national programs;",
        "D’autres pays ont amélioré {topic} grâce à des programmes nationaux;",
    ),
    (
        "Families in {place} pay more each year because of {topic};",
        "Les familles de {place} paient davantage chaque année à cause de {topic};",
    ),
    (
        "The Government of Canada has jurisdiction over {topic};",
        "Le gouvernement du Canada a compétence sur {topic};",
    ),
    (
        "A {year} study found serious gaps in {topic};",
        "Une étude de {year} a relevé de graves lacunes dans {topic};",
    ),
]

DEMANDS = [
    ("Review the federal rules on {topic};", "Revoir les règles fédérales sur {topic};"),
    (
        "Fund programs for {topic} in communities such as {place};",
        "Financer des programmes sur {topic} dans des collectivités comme {place};",
    ),
    (
        "Consult provinces, territories and Indigenous peoples on {topic};",
        "Consulter les provinces, les territoires et les peuples autochtones sur {topic};",
    ),
    (
        "Report to Parliament every year on {topic};",
        "Faire rapport au Parlement chaque année sur {topic};",
    ),
    (
        "Set national standards for {topic} by {year};",
        "Établir des normes nationales sur {topic} d’ici {year};",
    ),
    (
        "Protect the people of {place} from the effects of {topic};",
        "Protéger la population de {place} contre les effets de {topic};",
    ),
    (
        "Create an independent office to oversee {topic};",
        "Créer un bureau indépendant chargé de {topic};",
    ),
]

LEAD_INS = [
    (
        "We, the undersigned, citizens and residents of Canada, call upon the {addressee} to:",
        "Nous, soussignés, citoyens et résidents du Canada, prions le {addressee} de :",
    ),
    (
        "We, the undersigned, residents of Canada, call upon the {addressee} to:",
        "Nous, soussignés, résidents du Canada, prions le {addressee} de :",
    ),
]

PAPER_LEAD_IN = (
    "THEREFORE your petitioners call upon the House of Commons to act on {topic} in {place}.",
    "PAR CONSÉQUENT, vos pétitionnaires prient la Chambre des communes d’agir sur {topic} à {place}.",
)

RESPONSE_PARAGRAPHS = [
    (
        "The Government of Canada thanks the petitioners for raising {topic}.",
        "Le gouvernement du Canada remercie les pétitionnaires d’avoir soulevé la question de {topic}.",
    ),
    (
        "Since {year}, the Government has invested in {topic} across the country, including in {place}.",
        "Depuis {year}, le gouvernement investit dans {topic} partout au pays, notamment à {place}.",
    ),
    (
        "The Government continues to work with provinces and territories on {topic}.",
        "Le gouvernement continue de collaborer avec les provinces et les territoires sur {topic}.",
    ),
    (
        "The Government will report on {topic} in the coming year.",
        "Le gouvernement fera rapport sur {topic} au cours de la prochaine année.",
    ),
]

OFFICES = [
    ("Minister of Health", "ministre de la Santé"),
    ("Minister of Transport", "ministre des Transports"),
    ("Minister of Foreign Affairs", "ministre des Affaires étrangères"),
    (
        "Minister of Environment and Climate Change",
        "ministre de l’Environnement et du Changement climatique",
    ),
    ("Minister of Finance", "ministre des Finances"),
    (
        "Minister of Justice and Attorney General of Canada",
        "ministre de la Justice et procureur général du Canada",
    ),
    (
        "Minister of Fisheries, Oceans and the Canadian Coast Guard",
        "ministre des Pêches, des Océans et de la Garde côtière canadienne",
    ),
]

CAUCUSES = [
    ("Liberal", "Libéral"),
    ("Conservative", "Conservateur"),
    ("NDP", "NPD"),
    ("Bloc Québécois", "Bloc Québécois"),
    ("Green Party", "Parti vert"),
    ("Independent", "Indépendant"),
]

FIRST_NAMES = [
    "Alex",
    "Amira",
    "Benoît",
    "Chantal",
    "Daniel",
    "Élise",
    "Farid",
    "Gabrielle",
    "Harjit",
    "Isabelle",
    "Jasmine",
    "Kevin",
    "Léa",
    "Marc",
    "Nadia",
    "Omar",
    "Pascale",
    "Quinn",
    "Rachel",
    "Sanjay",
    "Thérèse",
    "Ursula",
    "Vincent",
    "Wei",
    "Yves",
    "Zoé",
]
LAST_NAMES = [
    "Tremblay",
    "Singh",
    "MacDonald",
    "Gagnon",
    "Nguyen",
    "Roy",
    "Campbell",
    "Côté",
    "Chen",
    "Bouchard",
    "Wilson",
    "Gauthier",
    "Patel",
    "Morin",
    "Stewart",
    "Lavoie",
    "Thompson",
    "Fortin",
    "Ali",
    "Leblanc",
    "Young",
    "Pelletier",
    "Kaur",
    "Bélanger",
]

SYLLABLES = [
    "ka",
    "lor",
    "mi",
    "ven",
    "to",
    "ra",
    "shel",
    "bur",
    "gan",
    "o",
    "wick",
    "den",
    "mar",
    "ton",
    "qua",
    "li",
    "nor",
    "ash",
    "el",
    "vi",
    "dra",
    "sto",
    "pen",
    "ul",
]

# E-petitions began in December 2015.
E_PETITIONS_FROM = "2015-12-03"
