"""Science and technology events for the demo wire (fictional; written for the project)."""

SECTION = "science-tech"

SHEET = """
=== sci-kestrel-satellite @ Kestrel Point
H: Kestrel-2 Earth observation satellite launched successfully
H: National space agency puts Kestrel-2 into orbit
H: Lift-off! Kestrel-2 satellite will watch floods and crops from space
S: The National Space Agency {launched|successfully launched} Kestrel-2, {a satellite that will photograph|an Earth observation satellite designed to photograph} {the whole country|every part of the country} every three days {to track|to monitor} floods, crops and coastal erosion.
P: {The National Space Agency's|The space agency's} Kestrel-2 satellite {was launched|lifted off} {from Kestrel Point|from the Kestrel Point spaceport} at 06:42 on Wednesday and {reached|entered} its planned orbit {about 48 minutes later|48 minutes after launch}, {the agency said|agency officials confirmed}.
P: The {420-kilogram|420kg} satellite {carries|is equipped with} a camera that can {distinguish|pick out} objects {as small as|down to} three metres across and {will photograph|will image} the entire country {every three days|once every three days}.
P: "Kestrel-1 taught us how to build a satellite. Kestrel-2 is the one that will actually earn its keep," said mission director Dr Aiko Brennan.
P: {Its images|The satellite's images} {will be used to|will help} {monitor|track} river flooding, crop health and {erosion along the coast|coastal erosion}, and {will be|are to be} {freely available|free to download} to farmers, councils and researchers {within|after} {six months|half a year}.
P: {The mission cost|The project cost} {$96 million|about $96m}, {including|covering} the launch {and five years of operations|and five years of running costs}.

=== sci-octopus @ Westmere
H: Westmere scientists name new species of deep-sea octopus
H: Ghostly octopus found 3,200 metres down is new to science
H: Meet the 'lantern octopus', a brand new species from the deep
S: Marine biologists at the University of Westmere {have described|described} a new species of octopus, {found|collected} at a depth of 3,200 metres, {that glows faintly|which glows faintly} {when disturbed|when touched}.
P: Marine biologists {at the University of Westmere|from Westmere University} have {described|identified} a new species of deep-sea octopus, {collected|found} {at a depth of 3,200 metres|3,200 metres below the surface} {in the Corrin Trench|in the Corrin Trench off the west coast}, in a paper published {on Monday|this week}.
P: The animal, {which measures|measuring} {just 14 centimetres|only 14cm} {across|from tip to tip}, {has been named|was named} Vampyrella lucerna, or lantern octopus, {because|since} {its skin glows|the skin glows} a faint blue {when it is disturbed|when disturbed}.
P: "We saw it light up on the camera of our remote vehicle and the whole control room went silent," said {lead researcher|the lead researcher,} Dr Kaveh Moradi.
P: The team {collected|brought up} {two specimens|a pair of specimens} {during|in the course of} {a three-week expedition|three weeks at sea} {last year|twelve months ago}, and {used|carried out} {DNA sequencing|genetic sequencing} to {confirm|show} that the species {had not been described before|was new to science}.
P: The researchers said the {find|discovery} {showed|shows} how little of the deep sea around the country's coast {has been explored|has yet been explored}.

=== sci-quillon-reader @ Harrow Cross
H: Quillon unveils a foldable e-reader with a colour screen
H: Quillon Fold opens like a paperback and lasts six weeks per charge
H: This e-reader folds in half and it is surprisingly good
S: {Harrow Cross technology firm|Tech firm} Quillon {unveiled|has unveiled} the Fold, {an e-reader|a digital book reader} {with|featuring} a colour screen that folds {like a paperback|in half like a book}, {priced at|costing} $279.
P: Quillon, {the Harrow Cross technology company|a technology company based in Harrow Cross}, {unveiled|launched} the Fold on Tuesday, {an e-reader whose|an electronic reader whose} {7.8-inch|7.8in} colour e-ink screen folds in half {like a paperback|like a paperback book}.
P: The device weighs {210 grams|210g}, {slightly|a little} less than a typical paperback, and Quillon says {its battery|the battery} {lasts|will last} six weeks {with|at} {half an hour of reading a day|30 minutes of reading daily}.
P: "People told us they wanted an e-reader that felt like a book in the hand. A book folds. So ours does," said Quillon's {co-founder|co-founder and chief designer}, Tove Lindahl.
P: {The Fold|The device} {will cost|is priced at} $279 and {goes on sale|will be available} {next month|in four weeks}. It {works with|supports} Quillon's own bookstore {and|as well as} {open formats|open e-book formats} {such as EPUB|including EPUB}.
P: {Reviewers|Early reviewers} {who tried|who have tried} {prototypes|prototype units} said the {crease|fold} in the screen {was|is} {barely visible|hard to see} {in daylight|in normal light}.

=== sci-gatepass-breach @ Kingsmere
H: Gatepass data breach exposes 2.1 million ticket buyers
H: Ticketing site Gatepass admits hackers stole customer data
H: Bought concert tickets online? Check whether your data was stolen
S: {Ticketing website|Online ticket seller} Gatepass {said|has said} hackers {stole|took} names, email addresses and partial card details of {2.1 million customers|about 2.1 million customers} {from|after breaking into} {a backup database|one of its backup databases}.
P: Gatepass, {the online ticketing company|one of the country's biggest ticket sellers}, {said on Friday|disclosed on Friday} that hackers {had stolen|stole} the names, email addresses, phone numbers and the last four digits of payment cards of {2.1 million customers|about 2.1 million customers}.
P: The company said {attackers|the attackers} {got into|accessed} {a backup database|a backup copy of its customer database} {using|with} {a password|login details} {stolen|taken} from {a contractor|one of its contractors}. Full card numbers and passwords {were not|had not been} taken.
P: "We are deeply sorry. Our customers trusted us with their details and we did not protect them well enough," chief executive Martina Eze said {in a statement|in a written statement}.
P: The Information Commissioner's Office said it {was investigating|had opened an investigation}. {Under data protection law|Under the law}, {companies|firms} can be fined up to 4 percent of {their annual turnover|annual revenue} {for|over} serious breaches.
P: Gatepass {advised|urged} customers to {be wary of|watch out for} {emails and texts|messages} {claiming to be|pretending to come} from the company {and|and to} never share {one-time codes|verification codes}.

=== sci-fusion-record @ Harrow Cross
H: Harrow Cross fusion experiment holds plasma for a record 11 seconds
H: Fusion lab breaks its own record for hot plasma
H: Scientists keep a 'mini sun' burning for 11 seconds
S: {Researchers at|Scientists at} the Harrow Cross Fusion Laboratory {kept|held} a plasma {hotter than|at temperatures above} 100 million degrees {stable|steady} for 11 seconds, {more than double|over twice} their previous record.
P: Scientists at the Harrow Cross Fusion Laboratory {have held|held} {a plasma|a cloud of superheated gas} at {more than|over} 100 million degrees Celsius for 11 seconds, {more than doubling|over twice} the {laboratory's|lab's} previous record of 5.2 seconds, {the laboratory said|the lab announced} on Thursday.
P: The {experiment|test} {used|was carried out on} the laboratory's Ember tokamak, {a doughnut-shaped machine|a ring-shaped machine} that uses {powerful|strong} magnets to {hold|confine} the plasma {away from|clear of} its walls.
P: "Eleven seconds does not sound like much. In fusion, it is the difference between a spark and a flame," said the laboratory's director, Professor Lena Okoro.
P: The {result|experiment} did not {produce|generate} more energy than it {used|consumed}, {which remains|which is still} {the field's|fusion's} central {goal|challenge}. {But|However,} {sustaining|maintaining} the plasma {for longer|for long periods} is {a crucial step|an essential step} towards {a working power plant|working fusion power}.
P: The {laboratory|lab} {plans|hopes} to {reach|achieve} 30 seconds {within two years|by the end of next year} {after|once} {new cooling systems are installed|it installs new cooling systems}.

=== sci-broadband @ Kingsmere
H: Gigabit broadband now reaches 92 percent of homes
H: Rural homes still waiting as full-fibre rollout hits 92 percent
H: Is your home one of the 8 percent still stuck on slow broadband?
S: Gigabit-capable broadband {now reaches|is now available to} 92 percent of homes, {the Communications Authority said|according to the Communications Authority}, but {only 71 percent|just 71 percent} of rural homes can get it.
P: {Gigabit-capable broadband is now available to|Fast gigabit broadband can now be ordered by} 92 percent of homes, {up from|compared with} 84 percent a year ago, {the telecoms regulator, the Communications Authority,|the Communications Authority} said in its annual {report|connectivity report} on Wednesday.
P: In rural areas the figure {is|stands at} {only|just} 71 percent, and {about 38,000 homes|roughly 38,000 homes} {still cannot get|continue to lack} a {connection|line} {faster than|of more than} 10 megabits per second.
P: "We have connected the easy places. The last eight percent will take as long as the first ninety," said the Communications Authority's {chief executive|chief}, Abena Mensah.
P: {The government has promised gigabit coverage for every home by the end of the decade and is subsidising|Ministers have promised gigabit broadband to every home by 2030 and are paying towards} {connections|rollout} in {remote areas|the most remote areas} {through|via} a $1.1 billion {scheme|programme}.
P: Only {about 39 percent|39 percent} of homes {that can get|able to get} gigabit broadband {have actually signed up|have actually taken it up}, the report {found|said}.

=== sci-linden-open-source @ Linden Falls
H: Linden Falls moves city hall to open-source office software
H: City of Linden Falls drops paid office suite to save $400,000 a year
H: This city just switched 1,900 computers to free software
S: Linden Falls {has moved|moved} {its 1,900 staff|1,900 city staff} to open-source office software, {saving|which it says will save} {about $400,000 a year|an estimated $400,000 a year} {in licence fees|in licensing costs}.
P: {The city of Linden Falls|Linden Falls city council} {has switched|switched} {all 1,900 of its staff computers|its 1,900 staff computers} to open-source office software, {completing|finishing} a migration that {took|lasted} eighteen months.
P: The city {expects|says it expects} to save {about $400,000|around $400,000} a year in licence fees. {Part of the savings|Some of the savings} {will pay for|are funding} {two developers|two software developers} who {contribute|send} {fixes|improvements} {back|upstream} to the open-source projects {the city uses|it relies on}.
P: "Public money should pay for public code wherever it can," said the city's {head of digital services|digital services chief}, Marta Kowalczyk.
P: {The switch|The move} {was not|has not been} {entirely smooth|painless}. {Staff|Employees} {reported|complained about} problems with {complex spreadsheets|large spreadsheets} and {older|legacy} templates, {which|and these} took {months|several months} to {fix|convert}.
P: {Three other councils|Three more councils} {have asked|have approached} Linden Falls {for advice|to share its experience}, {the city said|according to the city}.

=== sci-comet-halvorsen @ Westmere
H: Comet Halvorsen set to be visible to the naked eye next week
H: Bright comet will light up evening skies, astronomers say
H: How to see Comet Halvorsen, the brightest comet in years
S: Comet Halvorsen {should be|is expected to be} visible to the naked eye {in the western sky after sunset|after sunset in the west} from next week, {astronomers say|according to astronomers}, {the brightest|making it the brightest} comet {seen here|visible from here} in {eleven years|over a decade}.
P: Comet Halvorsen, {discovered|first spotted} in March by amateur astronomer Per Halvorsen {from his garden|in his back garden} in Ashcombe, {is expected to|should} {become|be} visible to the naked eye {from next Tuesday|by next Tuesday}, the Westmere Observatory said.
P: The comet {will be best seen|is best seen} {low in the western sky|low in the west} {about an hour after sunset|an hour after sunset}, {and should be brightest|reaching its peak brightness} around the 18th, when it {passes|will pass} {closest to the Sun|nearest the Sun}.
P: "If the weather holds, you will see it from a city street. Binoculars will show you the tail," said the observatory's {public astronomer|outreach astronomer}, Dr Yusuf Adeyemi.
P: Per Halvorsen, a retired {postman|postal worker}, {spotted|found} the comet {using|with} a {20-centimetre|20cm} telescope he {built|made} himself. "I checked it four times before I told anybody," he said.
P: The observatory {will hold|is holding} free {viewing evenings|public viewing nights} {on its roof|at its rooftop telescope} {from Tuesday|starting Tuesday}, {weather permitting|if the skies are clear}.

=== sci-crop-forecast @ Ashcombe
H: AI model predicts wheat harvest weeks earlier than old methods
H: Ashcombe institute's crop forecast system goes national
H: Farmers get early warning of poor harvests from new AI tool
S: The National Agricultural Institute in Ashcombe {has launched|launched} a machine learning system that {forecasts|predicts} wheat yields {six weeks|about six weeks} earlier than {traditional|existing} {surveys|methods}.
P: The National Agricultural Institute {has launched|launched} a {forecasting system|crop forecasting tool} that {uses|combines} satellite images, {weather data|weather records} and soil {measurements|samples} to predict wheat yields {farm by farm|for each farm}, {about six weeks|some six weeks} {earlier than|before} {existing|traditional} surveys.
P: {In tests|In trials} on {harvests from|data from} the past eight years, the model's {forecasts|predictions} were {within 4 percent of|no more than 4 percent away from} the {actual|final} national harvest {in seven of those years|in seven of the eight years}.
P: "A farmer who knows in May that the harvest will be poor can change what she sells forward and what she spends. Six weeks is a lot of time," said the institute's {director|head}, Dr Niamh O'Sullivan.
P: {The forecasts|The predictions} will be {free to farmers|available to farmers at no cost} {through|via} the institute's website. The {system|model} {will be extended|is to be expanded} to barley and oilseed rape next year.
P: {Some|A few} farmers' groups {questioned|raised questions about} {who would own|ownership of} the {farm-level|individual farm} data, {which|and the institute said it} {would be|will be} {kept confidential|kept private}.

=== sci-electric-ferry @ Tamsin Bay
H: Electric ferry starts carrying passengers across Tamsin Bay
H: Battery ferry Tamsin Spark makes first crossing
H: This ferry runs entirely on batteries, and it is quieter too
S: The Tamsin Spark, the country's first {fully electric|all-electric} car ferry, {made|completed} its first {passenger crossing|crossing with passengers} of Tamsin Bay, {replacing|taking over from} a diesel ferry {on the 25-minute route|on the route}.
P: The Tamsin Spark, the country's first {fully electric|all-electric} car ferry, {made|completed} its first {passenger crossing|public crossing} of Tamsin Bay on Saturday, {carrying|with} {212 passengers and 38 cars|38 cars and 212 passengers} {on the|for its} 25-minute {trip|journey}.
P: The {ferry's|ship's} batteries {are charged|recharge} {for ten minutes|during a ten-minute stop} at each end of the route {from|using} {shore-side chargers|chargers on the quayside} {connected|linked} to {a local wind farm|the nearby Tamsin wind farm}.
P: "The first thing passengers notice is not the engine. It is that there is no engine noise," said the ferry's captain, Ingrid Solberg.
P: The {operator|ferry operator}, Bayline, {says|expects} the {ship|ferry} will {cut|save} {about 2,600 tonnes|some 2,600 tonnes} of carbon dioxide a year {compared with|over} the diesel {vessel|ferry} it {replaces|is replacing}.
P: {The ferry|The vessel} {cost|was built for} $31 million, {a third of which|of which a third} {was paid|was covered} by a {government|national} green shipping {fund|grant}.

=== sci-saltmarsh-wreck @ Saltmarsh
H: Sonar survey finds 17th-century shipwreck off Saltmarsh
H: Divers confirm remains of merchant ship lost in 1681
H: Lost for 340 years: shipwreck found in Saltmarsh Bay
S: A sonar survey {has found|found} the wreck of a 17th-century merchant ship {in Saltmarsh Bay|off Saltmarsh}, {believed to be|thought to be} the Good Hope, {which sank|lost} in a storm in 1681.
P: {A sonar survey|A seabed survey using sonar} {has located|located} the wreck of a 17th-century merchant ship {in 22 metres of water|at a depth of 22 metres} {off Saltmarsh|in Saltmarsh Bay}, the Maritime Archaeology Trust {said|announced} on Monday.
P: {Archaeologists|Marine archaeologists} {believe|think} the wreck is the Good Hope, {a merchant ship|a trading vessel} that {sank|went down} in a storm in 1681 {while carrying|with a cargo of} wine, {cloth|bolts of cloth} and {roof tiles|clay roof tiles}, {according to port records|harbour records show}.
P: "We have a bell, a cannon and thousands of broken roof tiles. The tiles are the clue: the Good Hope's cargo list mentions eleven thousand of them," said the trust's {lead diver|chief diver}, Owen Pritchard.
P: The wreck {was first spotted|first showed up} during a survey {for|ahead of} {an offshore cable|a new undersea power cable}, {which will now be|which is now being} {rerouted|moved} {to avoid|around} {the site|it}.
P: The site {has been given|will be given} {temporary protection|interim protection} and diving {is banned|is prohibited} {within a 300-metre zone|within 300 metres of it}.
"""
