package sample

// The word banks the generator draws from. They are large enough, and
// combined freely enough, that no two contacts share a paragraph of notes.

var firstNames = []string{
	"Ana", "Ben", "Chloé", "Dmitri", "Efua", "Farah", "Gareth", "Hana", "Ibrahim", "Jun",
	"Kavya", "Liam", "Mariana", "Niamh", "Oluwaseun", "Priya", "Quentin", "Rosa", "Sipho", "Tomás",
	"Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zofia", "Aisling", "Bogdan", "Camille", "Deepak",
	"Elif", "Finn", "Grace", "Hiroshi", "Ines", "Jakub", "Kemi", "Lars", "Meera", "Nikolai",
	"Orla", "Pedro", "Rahel", "Sofia", "Tariq", "Ursula", "Valentina", "William", "Yara", "Zeynep",
	"Aroha", "Bilal", "Catalina", "Dafydd", "Esther", "Fatima", "Gustavo", "Helga", "Isaac", "Jia",
}

var lastNames = []string{
	"Lima", "Okafor", "Dubois", "Ivanov", "Mensah", "Haddad", "Jones", "Sato", "Diallo", "Chen",
	"Iyer", "Murphy", "Costa", "Byrne", "Adeyemi", "Sharma", "Lefèvre", "García", "Ndlovu", "Herrera",
	"Kapoor", "Novak", "Zhang", "Ramírez", "Demir", "Kowalski", "Ní Bhriain", "Popescu", "Moreau", "Nair",
	"Yılmaz", "Andersen", "Osei", "Tanaka", "Ferreira", "Dvořák", "Balogun", "Nilsson", "Pillai", "Sokolov",
	"Walsh", "Alves", "Tesfaye", "Rossi", "Rahman", "Schmidt", "Bianchi", "Thompson", "Haddad", "Öztürk",
	"Ngata", "Qureshi", "Vargas", "Evans", "Cohen", "Benali", "Santos", "Larsen", "Abebe", "Wu",
}

var organisations = []string{
	"City of Leeds", "Arup", "Transport for London", "NHS England", "Oxfam", "BBC Studios", "Ordnance Survey",
	"Natural England", "Siemens Mobility", "Mott MacDonald", "Save the Children", "The Guardian",
	"University of Manchester", "Wellcome Trust", "Greater Manchester Combined Authority", "Network Rail",
	"Citizens Advice", "Met Office", "British Library", "Deloitte", "Octopus Energy", "Monzo", "Shelter",
	"National Trust", "Environment Agency", "Scottish Water", "Bristol City Council", "Jacobs", "WSP",
	"The Alan Turing Institute", "Royal Society of Chemistry", "Cancer Research UK", "Sustrans",
	"Historic England", "Ofgem", "Crown Estate Scotland", "Welsh Government", "Leeds Teaching Hospitals",
	"AECOM", "Atkins", "Centre for Cities", "Institute for Fiscal Studies", "Local Government Association",
	"UNICEF UK", "Amnesty International", "Rolls-Royce", "GSK", "Unilever", "ThoughtWorks", "Canal & River Trust",
}

var roles = []string{
	"Urban planner", "Transport modeller", "Policy analyst", "Senior engineer", "Graduate engineer",
	"Data scientist", "Project manager", "Research fellow", "Communications officer", "Campaigns manager",
	"Head of strategy", "Service designer", "User researcher", "Economist", "Environmental consultant",
	"Heritage officer", "Programme director", "Software developer", "Product manager", "Head of policy",
	"Fundraising manager", "Clinical scientist", "Editor", "Producer", "Hydrologist", "GIS analyst",
	"Sustainability lead", "Legal adviser", "Chief executive", "Operations manager", "Apprentice surveyor",
	"Conservation officer", "Lecturer", "Community organiser", "Energy analyst", "Architect",
}

var fields = []string{
	"urban planning", "transport", "public policy", "engineering", "data science", "health",
	"international development", "journalism", "energy", "conservation", "heritage", "finance",
	"research", "software", "charity", "law", "climate", "housing",
}

var locations = []string{
	"Leeds", "London", "Manchester", "Bristol", "Glasgow", "Cardiff", "Belfast", "Edinburgh",
	"Birmingham", "Newcastle", "Sheffield", "Nottingham", "Remote", "Brussels", "Dublin", "York",
	"Oxford", "Cambridge", "Liverpool", "Southampton",
}

var tags = []string{
	"planning", "public sector", "startup", "charity", "alumni", "met at event", "linkedin",
	"mentor?", "hiring", "graduate scheme", "research", "climate", "transport", "data", "writing",
	"policy", "engineering", "health", "friend of friend", "conference", "remote", "part-time",
	"international", "senior", "follow up in spring",
}

var channels = []string{"email", "email", "email", "LinkedIn", "phone", "letter"}

// Research notes about a person: %s slots take a topic, an organisation or
// a field.
var researchSentences = []string{
	"Wrote the report on %s that the lecturer recommended.",
	"Gave a talk on %s at the careers fair; good questions from the floor.",
	"Moved from the private sector to %s about five years ago.",
	"Their team at %s runs the graduate scheme I am looking at.",
	"Posts thoughtful threads about %s — could open with that.",
	"Studied the same course as me, ten years earlier.",
	"Sits on the board of a small charity working on %s.",
	"Co-authored a paper on %s; read the summary before writing.",
	"Seems to prefer short emails; keep the request under 120 words.",
	"Was quoted in the news about %s last month.",
	"Mentors students through the alumni network.",
	"Switched careers twice; ask how they decided.",
	"Knows the hiring manager at %s, according to Ana.",
	"Their profile mentions a part-time master's in %s.",
	"Based near the station; would meet for coffee.",
	"Recently promoted; congratulate them in the request.",
}

var topics = []string{
	"cycle lanes", "flood defences", "bus franchising", "heat pumps", "social housing", "air quality",
	"open data", "hospital waiting lists", "rail electrification", "net zero", "community energy",
	"digital inclusion", "river restoration", "local elections", "tree planting", "road safety",
	"procurement", "school meals", "water pricing", "planning reform", "skills bootcamps",
	"museum funding", "homelessness", "carbon accounting", "broadband rollout",
}

// Notes taken during an interview: fragments joined into paragraphs.
var noteOpeners = []string{
	"Said", "Thinks", "Mentioned that", "Was clear that", "Admitted", "Suggested", "Stressed that",
	"Laughed and said", "Pointed out that", "Recommended", "Warned that", "Explained that",
}

var noteClaims = []string{
	"the first two years are mostly learning the jargon",
	"a portfolio matters more than the degree classification",
	"networking felt awkward at first but paid off within a year",
	"most of the work is meetings and writing, not modelling",
	"the best people they hired had done volunteering in %s",
	"the graduate scheme at %s opens in October and closes early",
	"knowing some Python or R is now expected in %s",
	"the sector is short of people who can explain numbers to councillors",
	"they would read the job description twice and answer every line of it",
	"internships are rarely advertised; ask teams directly",
	"part-time study while working was hard but worth it",
	"%s will grow a lot over the next decade",
	"the pay is lower than consulting but the work is more varied",
	"they regret not learning to present earlier",
	"site visits are the best part of the job",
	"public consultations on %s can get heated",
	"a chartership takes about four years after graduating",
	"they found their current job through a former colleague",
	"writing short, plain briefs is the most valued skill",
	"the team uses GIS every day and would train the right person",
	"funding cycles make planning more than a year ahead difficult",
	"I should talk to someone in %s before deciding",
}

var noteAsides = []string{
	"Wrote this down word for word.", "Follow up on this.", "Interesting contrast with what Ben said.",
	"Not what I expected.", "Ask about this next time.", "They gave an example from last winter.",
	"Took a while to answer this one.", "Sounded enthusiastic.", "Check the website for details.",
	"This came up twice.", "",
}

var takeaways = []string{
	"Apply for the graduate scheme in autumn; start the portfolio now.",
	"Learn basic GIS over the summer.",
	"Talk to someone on the client side before deciding.",
	"Volunteer with a local group working on %s.",
	"Read the two reports they named and write a short summary.",
	"Ask the careers centre about placements in %s.",
	"Look at part-time master's courses in %s.",
	"Practise explaining a project in two minutes.",
	"Keep in touch in three months with an update.",
}

var referralNotes = []string{
	"works on %s", "ran the graduate scheme last year", "a former colleague, very approachable",
	"knows the policy side well", "recently changed careers", "",
}

var requestOpenings = []string{
	"Dear %s,\n\nI am a student exploring careers in %s and read about your work on %s.",
	"Hello %s,\n\n%s suggested I get in touch: I am trying to learn how people get into %s.",
	"Dear %s,\n\nI enjoyed your talk on %s and would love to hear more about your path.",
	"Hi %s,\n\nI am looking into %s and your role stood out to me.",
}

var requestAsks = []string{
	"Would you have 20 minutes for a short conversation in the next few weeks?",
	"Could I ask you a few questions over a 20-minute call, at a time that suits you?",
	"I would be grateful for 15 to 20 minutes of your time, by phone or video.",
}

var replies = []string{
	"Happy to help. How about next Tuesday afternoon?",
	"Yes, of course. Send me a few times that work for you.",
	"Sounds good — I am free most mornings next week.",
	"Thanks for getting in touch. I can do a quick call on Friday.",
}

var declines = []string{
	"Sorry, I am snowed under until the summer. Try me again then?",
	"Thanks for asking, but I am not the right person; try our recruitment team.",
	"I am afraid I cannot take on any more calls this term.",
}

var thanks = []string{
	"Thank you again for your time yesterday. Your advice on %s was really helpful.",
	"Many thanks for the conversation. I have already started reading about %s.",
	"Thank you for speaking with me — and for suggesting I talk to someone in %s.",
}

var updates = []string{
	"A quick update: I took your advice and started volunteering with a group working on %s.",
	"I wanted to let you know I got a place on a summer scheme in %s. Thank you again.",
	"Just an update: I spoke to the person you suggested and it was very useful.",
}

var selfNotes = []string{
	"Check whether they are still at %s before writing.",
	"Found their name in the %s report.",
	"Ask Ana whether I may mention her.",
	"Wait until after the conference to write.",
}

var places = []string{
	"https://meet.example.org/room-%d", "Café near the station", "+44 113 496 %04d", "Their office, 3rd floor",
	"https://video.example.com/j/%d",
}
