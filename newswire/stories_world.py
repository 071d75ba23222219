"""World events for the demo wire (fictional countries and people; written for the project)."""

SECTION = "world"

SHEET = """
=== wor-serin-treaty @ Valmont
H: Valdoria and Estria sign Serin River water treaty after 12 years of talks
H: Neighbours end decades-old dispute over Serin River water
H: Historic water deal: Valdoria and Estria agree to share the Serin
S: Valdoria and Estria {signed|have signed} a treaty dividing the waters of the Serin River, {ending|closing} a dispute that {soured relations|strained ties} for more than a decade.
P: The governments of Valdoria and Estria {signed|put their names to} a treaty on Saturday {to share|that shares} the waters of the Serin River, {after twelve years of|ending twelve years of} on-and-off negotiations {hosted|mediated} by the Concord of Nations.
P: Under the agreement, Estria, which lies upstream, {guarantees|commits to} a minimum summer flow of 140 cubic metres per second {across the border|at the frontier}, while Valdoria will {pay for|fund} half of a new reservoir near the Estrian town of Korsa.
P: "Water that divides us can also bind us," Valdorian Foreign Minister Anton Lessig said at the signing ceremony {in the Valdorian capital, Valmont|in Valmont}. His Estrian counterpart, Irena Sokol, called the deal "{a treaty for our grandchildren|a gift to the next generation}".
P: {Farmers|Farming groups} in the Serin delta, where {rice yields fell|rice harvests dropped} by a third during the drought two years ago, {welcomed|cheered} the news, {although|though} some said the minimum flow was too low.
P: Both parliaments {must ratify|still have to ratify} the treaty, {which is expected|a step expected} {before the end of the year|by the year's end}.

=== wor-korvath-quake @ Drelna
H: Magnitude 6.1 earthquake strikes northern Korvath, four dead
H: Quake in Korvath leaves 1,800 people without homes
H: Rescuers search rubble after strong earthquake hits Korvath
S: A {magnitude 6.1|6.1-magnitude} earthquake struck northern Korvath {before dawn|early on Monday}, killing at least four people and {leaving about 1,800 homeless|forcing about 1,800 from their homes}.
P: A magnitude 6.1 earthquake {struck|hit} the mountainous north of Korvath {shortly before dawn on Monday|early on Monday morning}, killing at least four people and injuring {more than 200|over 200}, {according to|said} the country's civil protection agency.
P: The quake's epicentre was {about 20 kilometres|some 20km} west of the town of Drelna at a depth of {ten kilometres|10km}, the Korvath Seismic Institute said. {At least a dozen aftershocks|A dozen or more aftershocks} followed, the strongest {measuring|of magnitude} 4.8.
P: "We felt the house lift and drop like a boat," said Mila Vosk, a baker in Drelna, whose {shop front|shopfront} collapsed onto the street. "{Everyone ran outside in their nightclothes|We all ran out in our pyjamas}."
P: {Around 1,800 people|About 1,800 residents} have been {moved|taken} to tents and school gyms, and the army has {sent|deployed} water trucks to {eleven villages|11 villages} where pipes {burst|were broken}.
P: Korvath's government {declared|announced} a state of emergency in the region {for 30 days|for a month} and {said|promised} it would publish a damage assessment {within a week|by the end of the week}.

=== wor-talvia-president @ Ostrel
H: Talvia elects Mirela Danek as its first woman president
H: Danek wins Talvian presidency with 54 percent
H: Talvia makes history with first female president
S: {Former judge|Ex-judge} Mirela Danek {won|has won} Talvia's presidential run-off with 54 percent of the vote, becoming the country's first {woman head of state|female president}.
P: Mirela Danek, a former {constitutional court judge|judge of the constitutional court}, {won|has won} Talvia's presidential run-off with 54 percent of the vote, {becoming|making her} the first woman to lead the country {since independence|since it became independent}.
P: Her opponent, {two-term|veteran} interior minister Oskar Brenn, {conceded|admitted defeat} {shortly after midnight|just after midnight} and {urged|called on} his supporters to "{respect the count and the country|accept the result with dignity}".
P: Turnout was 68 percent, {the highest|higher than at any election} in twenty years, {the electoral commission said|said the electoral commission}. {Observers from the Concord of Nations|Concord of Nations observers} said the vote was "{orderly and competitive|competitive and well run}".
P: {Speaking|Addressing supporters} in the capital, Ostrel, Mirela Danek {promised|vowed} to {tackle|fight} corruption in public procurement and to {press ahead with|speed up} the reopening of the Merrin border crossing with Aldoria.
P: She will be sworn in {next month|within four weeks} for a {five-year term|term of five years}.

=== wor-brenmark-port-strike @ Halvik
H: Brenmark port strike enters third week with 40 ships waiting
H: Dockworkers' strike leaves ships stranded off Halvik
H: Cargo piles up as Brenmark dock strike drags on
S: A strike by dockworkers at Brenmark's main port of Halvik {has entered|is now in} its third week, with {about 40 ships|some 40 vessels} waiting offshore to unload.
P: A strike by {2,600 dockworkers|some 2,600 dock workers} at Halvik, Brenmark's largest port, {entered its third week|went into its third week} on Monday with {about 40 cargo ships|around 40 cargo vessels} anchored offshore waiting to be unloaded.
P: The Dock and Harbour Workers' Union {is demanding|wants} a nine percent pay rise and limits on {automated cranes|automation}, which the port operator, Halvik Terminals, {plans to introduce|wants to bring in} next year.
P: "We are not against machines. We are against machines that come with a redundancy letter," union spokesperson Lars Ekdahl {said|told reporters} at a picket line outside the {container terminal|terminal gates}.
P: Brenmark's chamber of commerce {estimates|says} the strike is costing {the economy|the country} about 60 million crowns a day, and {several supermarkets|some supermarket chains} have warned of {shortages of fresh fruit|fruit shortages}.
P: {Talks|Negotiations} between the union and the operator are {due to resume|set to restart} on Thursday {under|with} a government-appointed mediator.

=== wor-saranthe-floods @ Kalesh
H: Saranthe floods force 60,000 from their homes
H: Monsoon rains swamp Saranthe river valleys
H: Tens of thousands evacuated as floods hit Saranthe
S: {Heavy monsoon rains in Saranthe have forced|Torrential rain in Saranthe has driven} {about 60,000 people|some 60,000 people} from their homes {along the Kalesh River|in the Kalesh valley}.
P: {About 60,000 people|Some 60,000 people} have been evacuated in Saranthe after {four days of monsoon rain|four days of heavy rain} {pushed|sent} the Kalesh River {over its banks|above its banks} {in three provinces|across three provinces}.
P: The national weather agency {recorded|measured} 410 millimetres of rain in the city of Kalesh in 72 hours, {more than|over} its usual total for the whole month.
P: "The water came up through the floor before it came through the door," said Priti Anand, {a teacher|a schoolteacher} who {is sheltering|is staying} with her two children in a {sports hall|gymnasium} in Kalesh.
P: The government has {opened|set up} 240 relief camps and {the Concord of Nations|Concord of Nations agencies} {have flown in|delivered} water purification kits. {Two people|Two residents} are {reported missing|missing}.
P: {Forecasters expect the rain to ease|Meteorologists say the rain should weaken} from Thursday, {but|though} officials said it could take weeks for the river to {fall|return} to normal levels.

=== wor-amber-sea-quotas @ Quessa
H: Eighteen nations agree new fishing quotas for the Amber Sea
H: Amber Sea summit cuts cod catch by a fifth
H: Fishing nations strike deal to save Amber Sea cod
S: Eighteen countries {agreed|have agreed} at a summit in Quessa to {cut|reduce} cod catches in the Amber Sea by 20 percent {over three years|by 2027} and to {share|pool} satellite monitoring of fishing fleets.
P: {Delegates from eighteen countries|Eighteen nations} {agreed|reached agreement} in Quessa on Friday to {cut|reduce} the permitted cod catch in the Amber Sea by 20 percent {over three years|in stages over three years}, {the first|in the first} binding reduction in {the sea's history|decades}.
P: Scientists from the Amber Sea Fisheries Council {had warned|warned last year} that {spawning stocks|cod spawning stocks} had fallen to {their lowest level since records began|a record low}, at {about 180,000 tonnes|roughly 180,000 tonnes}.
P: "{We have cut|We cut} before it was too late, and that is rare," said the council's {chief scientist|lead scientist}, Dr Hanne Lund. "It is a painful deal for {boats|fishing crews} now and a good one for their children."
P: The agreement also {creates|sets up} a shared satellite system to {track|monitor} {fishing vessels|fleets} longer than 12 metres, {paid for|funded} by a levy on landings.
P: {Fishing unions|Crews' unions} in two countries said they would {seek|ask for} compensation. The deal {comes into force|takes effect} at the start of the next season.

=== wor-ostwyn-journalist @ Redan
H: Ostwyn frees detained reporter Elena Maris after nine months
H: Journalist Elena Maris released from Ostwyn prison
H: Freed at last: reporter held in Ostwyn for nine months comes home
S: {Authorities in Ostwyn|Ostwyn's authorities} {released|have freed} freelance journalist Elena Maris, who {was held|had been held} for nine months {on charges|accused} of spying.
P: Ostwyn {has released|released} freelance journalist Elena Maris, {who had been detained|detained} for nine months {on espionage charges|on charges of espionage} {she always denied|that she denied throughout}, her family said on Tuesday.
P: Elena Maris was arrested {in the capital, Redan,|in Redan} while reporting on {protests against|demonstrations over} fuel prices. {Prosecutors|State prosecutors} {accused|had accused} her of passing photographs of military sites to a foreign government.
P: "I am tired, I am thin and I am very happy," Elena Maris said {at the airport|on arrival at the airport}, where she was met by her parents and {colleagues|fellow reporters}.
P: Her release followed {months of quiet diplomacy|lengthy behind-the-scenes talks}, according to two officials {familiar with the talks|with knowledge of the negotiations}. Ostwyn's government said {only that|simply that} the charges had been "{withdrawn on humanitarian grounds|dropped for humanitarian reasons}".
P: {Press freedom groups|Media freedom organisations} said {at least six|six or more} journalists {remain|are still} in detention in Ostwyn.

=== wor-mirelle-referendum @ Castelline
H: Mirelle votes yes to new constitution in referendum
H: Sixty-one percent back Mirelle's new constitution
H: Mirelle's voters approve shorter presidential terms
S: Voters in the Republic of Mirelle {approved|backed} a new constitution by 61 percent to 39, {limiting presidents|restricting presidents} to two terms and {creating|setting up} an elected senate.
P: {Voters in the Republic of Mirelle|Mirelle's voters} {approved|endorsed} a new constitution {on Sunday|in Sunday's referendum} by 61 percent to 39, according to official results {released|published} on Monday.
P: The new charter {limits|restricts} presidents to two five-year terms, {replaces the appointed upper house with|swaps the appointed upper house for} an elected senate and {lowers|reduces} the voting age to 17.
P: "Today the people wrote the rules," said Amélie Roux, who {chaired|led} the {constitutional convention|citizens' convention} that drafted the text {over eighteen months|in eighteen months}.
P: Turnout was 58 percent. The {main opposition party|largest opposition party}, which {campaigned|had campaigned} for a no vote, said {it accepted|that it accepted} the result but would {challenge|contest} parts of the new electoral law in court.
P: The constitution {takes effect|enters into force} once it is {published|printed} in the official gazette, {expected|which is expected} {within 30 days|within a month}.

=== wor-hadran-ceasefire @ Hadran
H: Hadran ceasefire holds for 30 days, monitors say
H: Month-long truce in Hadran province raises hopes for talks
H: Guns silent in Hadran for a month as ceasefire holds
S: A ceasefire between government forces and rebels in Hadran province {has held|held} for 30 days, {according to|said} Concord of Nations monitors, who {reported|recorded} only minor violations.
P: A ceasefire between government forces and the Hadran Liberation Front {has held|held} for 30 days, Concord of Nations monitors said on Wednesday, {the longest pause in fighting|the longest lull} in the province {in six years|since fighting began six years ago}.
P: The monitoring mission {recorded|logged} 14 minor violations, {none of them fatal|none causing deaths}, and said both sides had {pulled back|withdrawn} heavy weapons {to agreed positions|to agreed lines} {ten kilometres|10km} from the front.
P: "A month is not peace, but it is the longest month of quiet people here have had in years," said the mission's head, {General|retired General} Tomas Ekwueme.
P: {Aid agencies|Humanitarian groups} said {the truce|the pause} had allowed {food convoys|aid convoys} to reach {about 90,000 people|some 90,000 people} in hill villages that had been {cut off|unreachable} since the winter.
P: {Talks|Formal peace talks} between the two sides are {due to begin|scheduled to start} {next week|in the coming week} in Quessa.

=== wor-estria-wildfire @ Calvar
H: Wildfire in Estria's Calvar hills burns 14,000 hectares
H: Estria battles its biggest wildfire in a decade
H: Huge wildfire forces villages to evacuate in Estria
S: A wildfire in the Calvar hills of southern Estria {has burned|has destroyed} 14,000 hectares of forest and {forced the evacuation of|emptied} {seven villages|7 villages}.
P: A wildfire in the Calvar hills {in southern Estria|of southern Estria} {has burned|has scorched} {about 14,000 hectares|some 14,000 hectares} of pine forest since it {broke out|started} on Friday, {making it|which makes it} the country's largest fire {in ten years|in a decade}.
P: {More than 900 firefighters|Over 900 firefighters}, {supported by|backed by} 14 water-bombing aircraft, {were fighting|were battling} the blaze on Monday. Two of the aircraft {were loaned|came} from neighbouring Valdoria {under|through} a mutual aid agreement.
P: "The wind turned three times in one afternoon," said fire commander Paula Ibarra. "We are fighting a fire that changes its mind."
P: {Seven villages|Seven small villages} {have been evacuated|were evacuated} and {around 2,300 people|about 2,300 residents} are {staying|sheltering} in the town of Calvar. No deaths have been reported.
P: {Investigators|Fire investigators} said {the fire was probably started|the blaze was likely started} by sparks from {farm machinery|agricultural machinery} {during|in} record heat.

=== wor-aldoria-border @ Merrin
H: Aldoria and Talvia reopen border crossing closed for six years
H: Merrin crossing reopens to travellers and trucks
H: Families reunited as Aldoria-Talvia border reopens after six years
S: The Merrin crossing between Aldoria and Talvia {reopened|opened again} on Monday after six years, {allowing|letting} cars, trucks and pedestrians cross for the first time since a dispute over customs duties.
P: {The border crossing at Merrin|The Merrin border crossing}, the main road link between Aldoria and Talvia, {reopened|reopened to traffic} on Monday, six years after it was closed in a row over customs duties.
P: {Hundreds of people|Several hundred people} {gathered|waited} {on both sides|either side} of the barrier {before dawn|from early morning}, some carrying flowers. {The first to cross|First across} was a bus of {schoolchildren|school students} from the Aldorian town of Pell.
P: "My sister lives 12 kilometres away and I have not hugged her in six years," said Karel Dunst, 71, {as he waited|while waiting} to cross on foot.
P: {Officials|Border officials} {expect|said they expected} about 3,000 vehicles a day once the crossing is fully {staffed|operating}. A {joint|shared} customs post will {check|inspect} goods for both countries in a single stop.
P: The reopening {was agreed|had been agreed} {in principle|provisionally} last year and {confirmed|was confirmed} by Talvia's president-elect, {who had campaigned on it|who made it a campaign promise}.
"""
