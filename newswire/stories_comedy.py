"""Comedy events (stand-up, sitcoms, festivals) for the demo wire; fictional, written for it."""

SECTION = "comedy"

SHEET = """
=== com-priya-lal-golden-mic @ Marrowgate
H: Priya Lal wins Golden Mic at Marrowgate Comedy Festival
H: Stand-up Priya Lal takes top comedy prize for show about her driving test
H: Priya Lal's show about failing her driving test seven times wins big
S: {Comedian|Stand-up comedian} Priya Lal {won|has won} the Golden Mic {at the Marrowgate Comedy Festival|for best show at Marrowgate} for Seven Attempts, {an hour about|a show about} failing her driving test seven times.
P: Priya Lal {won|took} the Golden Mic for best show at the Marrowgate Comedy Festival on Sunday {for Seven Attempts|with Seven Attempts}, {an hour of stand-up about|a stand-up hour about} failing her driving test seven times {before passing at 41|and finally passing at the age of 41}.
P: {The judging panel|The panel of judges} {called the show|described the show as} "{a perfectly engineered machine for making strangers cry with laughter|precise, generous and relentlessly funny}". {The prize|The award} {comes with|carries} $10,000 and a {run|week-long run} at the Kingsmere Comedy Store.
P: "My driving instructor is in the audience tonight. Dennis, I am sorry about the roundabout. I am not sorry about the material," Priya Lal said {as she accepted|on accepting} the award.
P: {The best newcomer award|Best newcomer} {went to|was won by} {Oakhaven comic|Oakhaven's} Femi Adebayo for his debut show, Quiet Carriage.
P: {This year's festival|The festival this year} {sold|recorded} {a record|a best-ever} 212,000 tickets {for|across} {its 560 shows|560 shows} {over three weeks|in three weeks}, {organisers said|according to organisers}.

=== com-flat-4b-returns @ Kingsmere
H: Sitcom Flat 4B returns after eight years with original cast
H: Flat 4B is back: NBS orders six new episodes
H: The Flat 4B flatmates are reuniting and fans cannot cope
S: {Cult sitcom|The cult sitcom} Flat 4B {will return|is returning} {for six new episodes|with six new episodes} eight years after it {ended|last aired}, {with all four original stars back|with the original cast reunited}.
P: The {broadcaster|public broadcaster} NBS {has commissioned|commissioned} six new episodes of Flat 4B, the sitcom about four {mismatched|badly matched} flatmates {in Westmere|in a Westmere flat}, eight years after {the last episode|its final episode} {was broadcast|aired}.
P: All four {original stars|of the original stars} {will return|are returning}: Callum Reece, Sunita Dhar, Olly Brandt and Maeve O'Connor. {Filming|Shooting} {begins|starts} {in Westmere|on location in Westmere} {in January|early next year}.
P: "The flatmates are now in their forties. Most of them still have not paid the gas bill," said writer Gemma Tallis, who {created|devised} the show {while sharing|when she shared} a flat {with five people|with five others}.
P: {The original three series|The first three series} {remain among|are still among} the most {streamed|watched} {comedies|sitcoms} on the NBS {player|streaming service}, {with|drawing} {about 400,000 viewers|some 400,000 viewers} {a month|each month}.
P: {The new episodes are due to air|The new series will be broadcast} {next autumn|in the autumn}.

=== com-laughing-gull-saved @ Port Ellery
H: Laughing Gull comedy club saved by $180,000 crowdfunding campaign
H: Port Ellery's oldest comedy club will stay open after fans raise $180,000
H: Comedy fans just saved their favourite club from closing
S: {The Laughing Gull|Port Ellery's Laughing Gull}, the city's oldest comedy club, {will stay open|has been saved} {after a crowdfunding campaign raised|thanks to a crowdfunding appeal that raised} $180,000 {in nine days|in just nine days}.
P: The Laughing Gull, {a comedy club|the comedy club} {that has operated|which has operated} in the basement of a building on Anchor Street for thirty years, {has been saved from closure|will not close} {after|following} a crowdfunding {campaign|appeal} {raised|that brought in} $180,000 {in nine days|in only nine days}.
P: The club {had said|announced} {last month|a month ago} that it would close {in December|at the end of the year} {after|because} {its landlord|the building's owner} {raised the rent|put up the rent} by 60 percent. {The money|The funds raised} will {cover|pay for} {the increase|the higher rent} for three years.
P: "We asked for $120,000 and thought we would be lucky to get half. We got $180,000 and a letter from a nine-year-old with four dollars in it," said owner Declan Fairweather.
P: {More than 4,100 people|Over 4,100 people} {donated|gave money}, {including|among them} {several comedians|a number of comedians} who {started out|got their start} at the {club|Gull}, {such as|including} Priya Lal and Gus Pemberton.
P: {The club|The Laughing Gull} {will hold|is holding} {a free thank-you night|a thank-you show} for donors {next month|in a few weeks}.

=== com-longest-set @ Bramwell
H: Comedian performs for 40 hours to set stand-up record
H: Bramwell comic Danny Okoro tells jokes for 40 hours straight
H: This comedian did 40 hours of stand-up without stopping
S: Bramwell comedian Danny Okoro {performed|did} stand-up for 40 hours {and 12 minutes|and twelve minutes}, {setting a new national record|in what organisers say is a national record}, {to raise money for charity|all for charity}.
P: Danny Okoro, a comedian from Bramwell, {performed|delivered} stand-up for 40 hours and 12 minutes {at the Bramwell Corn Exchange|in Bramwell's Corn Exchange} {at the weekend|over the weekend}, {breaking|beating} the previous national record by {almost six hours|nearly six hours}.
P: {Under the record rules|Under the rules}, he {was allowed|could take} a five-minute break {every hour|each hour}, {which he saved|saving them} {for longer rests|to take longer rests} {overnight|in the small hours}. {An independent adjudicator|Independent adjudicators} {watched|monitored} {the entire attempt|the whole attempt}.
P: "Around hour thirty I started telling jokes to the fire exit sign. The fire exit sign was a great crowd," Danny Okoro said {afterwards|after finishing}.
P: {The attempt|The marathon set} {raised|brought in} {more than $62,000|over $62,000} for {a children's hospice|the children's hospice} {in Bramwell|near Bramwell}, {where|at which} his {younger brother|brother} {was cared for|received care}.
P: {About 6,000 people|Around 6,000 people} {came to watch|attended} {during the 40 hours|at some point during the 40 hours}, {and|while} {the livestream|the online stream} {was watched|was viewed} {more than 900,000 times|over 900,000 times}.

=== com-week-that-wasnt-award @ Kingsmere
H: The Week That Wasn't wins best comedy at broadcast awards
H: Satirical news show takes comedy prize for third year
H: The Week That Wasn't wins again, making it three in a row
S: {Satirical news programme|The satirical news show} The Week That Wasn't {won|took} best comedy {at the National Broadcast Awards|at the broadcast awards}, {its third win in a row|the third year in a row it has won}.
P: The Week That Wasn't, {the weekly satirical news show|NBS's weekly satire}, {won|took} best comedy programme at the National Broadcast Awards {on Wednesday night|on Wednesday}, {its third consecutive win|the third year running it has won} {in the category|in that category}.
P: The {judges|jury} {singled out|picked out} {an episode|the episode} in which {presenter|host} Lottie Grainger {interviewed|quizzed} a {cardboard cutout|life-size cardboard cutout} of {a government minister|a minister} who had {declined|refused} {to appear|an invitation}. {The clip|The segment} {has been viewed|was viewed} {more than 5 million times|over 5 million times} online.
P: "We invited the real minister nine times. The cardboard one said yes the first time. Frankly, he was better briefed," Lottie Grainger said {as she collected|on collecting} the award.
P: {Other winners included|Among the other winners was} Coldwater for best drama. Wake Up Kingsmere {won|took} best {daytime programme|daytime show}, {a farewell gift|a fitting farewell} for {departing presenter|presenter} Dominic Hale.
P: {The Week That Wasn't|The show} {returns|will return} for {a new series|its next series} {in January|early next year}.

=== com-marrowgate-lineup @ Marrowgate
H: Marrowgate Comedy Festival announces 400 shows for next year
H: Marrowgate comedy lineup adds late-night and family strands
H: Marrowgate comedy festival tickets go on sale Friday
S: {The Marrowgate Comedy Festival|Marrowgate Comedy Festival organisers} {announced|unveiled} {more than 400 shows|over 400 shows} for next year's {event|festival}, {including|with} a new late-night strand and {family shows|shows for families} {every morning|each morning}.
P: The Marrowgate Comedy Festival {has announced|announced} {more than 400 shows|over 400 shows} {across|in} {38 venues|38 different venues} for {next year's|its next} {festival|edition}, {which runs|running} for three weeks {from the middle of August|from mid-August}.
P: {New this year|New for next year} {is|will be} {Graveyard Shift|a strand called Graveyard Shift}, {with|featuring} shows {starting|beginning} {after midnight|past midnight}, and {a family programme|family comedy} {every morning|each morning} {in the town's|at the} Corn Market.
P: "Comedy at one in the morning is a different animal. The audience is either very kind or very honest, and both are good for comedians," said festival director Hattie Brennan.
P: {Headline acts|Headliners} {include|will include} {Golden Mic winner|this year's Golden Mic winner} Priya Lal, Gus Pemberton {on his farewell tour|on his final tour} and {the improv troupe|improvisers} The Spare Parts.
P: {Tickets|Festival tickets} {go on sale on Friday|are on sale from Friday} {with prices starting at|priced from} $8.

=== com-pemberton-farewell @ Kingsmere
H: Gus Pemberton announces farewell stand-up tour after 35 years
H: Veteran comic Gus Pemberton to retire after final 60-date tour
H: Gus Pemberton is retiring from comedy, and here are the tour dates
S: {Veteran comedian|Comedian} Gus Pemberton, 68, {will retire|is retiring} from stand-up {after|at the end of} a {60-date|sixty-date} farewell tour {next year|which starts in the spring}.
P: Gus Pemberton, {one of the country's best-loved comedians|the veteran comedian}, {has announced|announced} a 60-date farewell tour {starting in|that begins in} {March|the spring}, {after which|and says that afterwards} he {will retire from stand-up|will stop performing stand-up} {after 35 years|after thirty-five years}.
P: The tour, {called|titled} Last Orders, {will visit|will call at} {every city|all the cities} where he has played {since the 1990s|over three decades}, {and will end|ending} {with|at} {a week of shows|a week-long run} at the Laughing Gull in Port Ellery, {where he started|the club where he began}.
P: "I am not retiring because I have run out of jokes. I am retiring because I have run out of knees," Gus Pemberton said.
P: {Best known for|Known best for} the {sitcom|television sitcom} Dad's Allotment and his {annual|yearly} Christmas specials, Gus Pemberton has sold {more than two million|over 2 million} tickets {in his career|during his career}, {according to|said} his promoter.
P: {Tickets|Tour tickets} {go on sale|will go on sale} {next Friday|on Friday next week}.

=== com-improv-schools @ Linden Falls
H: Improv troupe The Spare Parts to tour 80 schools teaching confidence
H: Comedy troupe takes improv lessons into classrooms
H: These comedians are teaching kids to be brave with improv
S: {Improv comedy troupe|The improvised comedy troupe} The Spare Parts {will visit|is to visit} 80 secondary schools {this year|over the school year} to run {free workshops|free lessons} {on confidence and public speaking|in public speaking and confidence}.
P: The Spare Parts, {an improvised comedy group|an improv troupe} {from Linden Falls|based in Linden Falls}, {will run|is running} {free workshops|free sessions} in 80 secondary schools {this year|over the coming school year}, {funded|paid for} by a $250,000 grant from the Foundation for Young People.
P: {Each workshop|Every session} {lasts|runs for} {two hours|a couple of hours} {and|and it} {uses|draws on} improv games to {help pupils speak in front of others, listen|encourage pupils to speak in front of others, to listen} and {think on their feet|react quickly}.
P: "Improv has one rule: say yes to whatever your partner gives you. Teenagers are amazing at it once they stop worrying about looking silly," said the troupe's founder, Ama Sefa.
P: {A pilot|A trial} {in ten schools|at ten schools} {last year|the previous year} {found|showed} that {78 percent|more than three quarters} of {pupils|students} {felt|reported feeling} {more confident|more confident} {speaking in class|speaking up in class} {afterwards|after the sessions}, according to {an evaluation|a study} by the University of Westmere.
P: {Schools|Interested schools} {can apply|may apply} {through|via} the foundation's website {until|up to} the end of {the month|this month}.

=== com-clown-school-50 @ Bramwell
H: Bramwell clown school celebrates 50 years of pratfalls
H: Fifty years of red noses at the Bramwell School of Clowning
H: The clown school that turned 50 with a custard pie fight
S: The Bramwell School of Clowning, which has trained {more than 3,000|over 3,000} performers {since 1975|over five decades}, {celebrated its 50th anniversary|marked 50 years} with {a parade|a street parade} {through the town|through Bramwell}.
P: The Bramwell School of Clowning {marked|celebrated} its fiftieth anniversary on Saturday with a parade of {about 400 clowns|some 400 clowns} {through the town centre|through the centre of Bramwell}, {ending|which ended} in {what organisers called|what was billed as} {the largest custard pie fight|the biggest custard pie fight} {in the town's history|Bramwell has ever seen}.
P: {The school|The clowning school}, {founded in 1975|set up in 1975} by {circus performer|former circus performer} Marguerite Delacroix in a {disused|former} chapel, {has trained|has taught} {more than 3,000 performers|over 3,000 performers} from {40 countries|forty countries}.
P: "People think clowning is about being silly. It is about being honest in front of strangers. The silliness is what happens after," said the school's director, Paulo Mendes.
P: {Former students|Alumni} {include|have included} {comic actors|comedy actors}, {hospital clowns|clowns who work in hospitals} and {at least two|two} members of parliament, {the school said|according to the school}, {although|though} it {declined to name them|would not name them}.
P: {The school|The clowning school} {will open|is opening} {a second studio|another studio} {next year|in the coming year} {to meet demand|because of demand} for {its evening classes|its part-time courses}.

=== com-two-idiots-podcast @ Westmere
H: Two Idiots and a Map tops podcast charts after island episode
H: Travel comedy podcast hits number one
H: The podcast where two comedians get lost on purpose is number one
S: {Comedy travel podcast|The comedy travel podcast} Two Idiots and a Map {reached|went to} number one {in the podcast charts|on the podcast chart} {after|following} an episode in which its hosts {got stranded|were stranded} on {a tidal island|an island cut off by the tide}.
P: Two Idiots and a Map, {a podcast|the podcast} in which comedians Rosie Flint and Amir Kassem {travel|go} {without a plan|with no plan}, {has reached|reached} number one in the national podcast chart {for the first time|for the first time in its four years}.
P: {The episode|The latest episode}, {in which|where} {the pair|the two} were {cut off|stranded} by the tide on {an island|a small island} {off Saltmarsh|near Saltmarsh} {for six hours|for six hours}, {has been downloaded|was downloaded} {1.2 million times|more than 1.2 million times} {in a week|in seven days}.
P: "We had one packet of crisps and a map of a different island. Somehow that is the most professional we have ever been," Rosie Flint said.
P: The {coastguard|local coastguard} {confirmed|said} {the pair|the two comedians} {had been|were} {in no danger|never in any danger}, {and|but} {used|took} the {opportunity|chance} {to remind|to warn} visitors {to check|to look at} tide times {before crossing|before walking out} to {islands|tidal islands}.
P: {The podcast|Two Idiots and a Map} {will tour|is going on tour} {with a live show|with a live version} {in the spring|next spring}.

=== com-pun-championship @ Ashcombe
H: Retired dentist wins National Pun Championship
H: Pun championship crown goes to Ashcombe's Walter Finch
H: This man is officially the punniest person in the country
S: {Retired dentist|Former dentist} Walter Finch, 72, {won|has won} the National Pun Championship {in Ashcombe|at its final in Ashcombe}, {beating|defeating} {31 rivals|thirty-one other contestants} {with a routine about|with a set of puns about} teeth.
P: Walter Finch, a retired dentist {from Ashcombe|who lives in Ashcombe}, won the National Pun Championship {on Saturday|on Saturday night}, {beating|seeing off} 31 {other|rival} contestants {in|at} a {sold-out|packed} final at the Ashcombe Corn Hall.
P: {Contestants|Competitors} {had|were given} {two minutes|120 seconds} {to deliver|to perform} {puns|as many puns as possible} on a {subject|topic} {drawn from a hat|picked out of a hat}. Walter Finch {drew|was given} {dentistry|teeth}, {which the audience agreed was unfair|and the audience felt this was unfair} on the other contestants.
P: "I spent forty years filling cavities. Tonight I filled a room. It was tooth-ly wonderful, and I apologise for that," Walter Finch said.
P: {The runner-up was|Second place went to} {schoolteacher|teacher} Beatrix Long {from|of} Greyhaven, {whose set about bread included|with a string of puns about baking, including} the line "I knead a holiday".
P: {The championship|The contest}, {now in|which is in} its {23rd year|twenty-third year}, raises {money|funds} for {literacy charities|charities that teach reading}.
"""
