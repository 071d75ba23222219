"""Politics events for the demo wire (fictional places and people; written for the project)."""

SECTION = "politics"

SHEET = """
=== pol-harbour-levy @ Port Ellery
H: Port Ellery council passes harbour levy by one vote after nine-hour session
H: Harbour levy scrapes through Port Ellery council, 7-6
H: Ship owners face new berth fee as Port Ellery backs harbour levy
S: Port Ellery councillors {approved|narrowly backed} a $12-a-night berth levy {to fund|that will pay for} repairs to the crumbling north quay.
P: Port Ellery's city council {voted seven to six|voted 7-6} {late on Tuesday|in the early hours of Wednesday} to {introduce|bring in} a levy of $12 per berth-night on commercial vessels, ending a session that {ran for more than nine hours|stretched past nine hours}.
P: Mayor Aisha Rahman said the money was {long overdue|badly needed}. "The north quay has been held together with hope and scaffolding for a decade," she {told the chamber|said}. "Everyone who uses the harbour should help pay to keep it standing."
P: The levy is expected to raise {about $4.1 million a year|roughly $4.1m annually}, all of it {ring-fenced|set aside} for the quay repairs, which city engineers have {costed|priced} at $38 million over nine years.
P: Glen Morrow, {chair of|who chairs} the Port Ellery Ship Owners' Association, said the charge would push smaller operators to rival harbours. "{Some of our members will simply moor elsewhere|Some members will just take their boats somewhere cheaper}," he said.
P: Fishing boats under 15 metres {are exempt|will not pay the levy}, after an amendment from councillor Ben Achebe {passed|was carried} earlier in the evening.
P: The charge {takes effect|comes into force} on the first of next month and {will be reviewed|is due for review} after two years.

=== pol-rent-cap @ Kingsmere
H: Parliament caps annual rent rises at 5 percent
H: Rent reform bill clears parliament by 26 votes
H: Tenants win 5% cap on rent increases after marathon debate
S: {Parliament has passed|MPs have approved} a bill limiting yearly rent increases to five percent, {the biggest change to tenancy law in a generation|the largest overhaul of renting rules in decades}.
P: Parliament {passed|approved} the Fair Tenancies Bill by 214 votes to 188 on Thursday, {capping annual rent increases for private tenants at|limiting annual rent increases for private tenants to} five percent and {banning|outlawing} no-fault evictions for tenancies older than six months.
P: Housing Minister Daniel Okafor {called the vote|described the result as} a turning point. "For two million households, the fear of the annual rent letter is over," he said {outside the chamber|after the vote}.
P: {Opposition members|The National Reform Party} argued the cap would {drive landlords out of the market|push small landlords to sell up}, pointing to a survey by the Landlords' Federation in which 31 percent of members said they would consider selling.
P: The bill {had been amended|was changed} at committee stage to let landlords {pass on|recover} the cost of major energy-efficiency upgrades, {a concession|something} that won over eleven wavering government backbenchers.
P: The new rules {apply|will apply} to rent reviews from the start of the next quarter. {Tenant groups|Renters' organisations} said they would {monitor|watch} how landlords respond.

=== pol-greene-ballot @ Kingsmere
H: Tobias Greene survives leadership challenge with 61 percent of party vote
H: Greene sees off rival to stay National Reform leader
H: Opposition leader Greene beats off challenge from Harriet Wynn
S: {Opposition leader|National Reform leader} Tobias Greene {comfortably survived|defeated} a leadership challenge from his former deputy Harriet Wynn, {winning 61 percent of members' votes|taking 61 percent of the ballot}.
P: Tobias Greene {will remain|stays on as} leader of the National Reform Party after {party members backed him|members voted for him} by 61 percent to 39 in a ballot {called|forced} by his former deputy, Harriet Wynn.
P: Turnout {among the party's 84,000 members|in the ballot of 84,000 members} was 72 percent, the party's returning officer, Clive Marchbank, {said|announced} at a {brief|short} press conference.
P: Harriet Wynn, who resigned as deputy leader {last month|four weeks ago} over the party's housing policy, {conceded|accepted defeat} {within minutes|quickly}. "The members have spoken and I will serve wherever I am useful," she said.
P: In his {victory speech|speech after the result}, Tobias Greene {promised|pledged} to "{stop fighting ourselves and start fighting for the country|turn our fire outward, where it belongs}" and {hinted|suggested} that Harriet Wynn could return to the front bench.
P: {Polls put|Recent polling puts} the National Reform Party six points behind the governing Civic Party, with a general election due {within two years|by the end of next year}.

=== pol-boundaries @ Kingsmere
H: Election commission proposes redrawing 14 constituencies
H: New electoral map would merge two seats and split another
H: Your constituency may be changing: commission publishes boundary plan
S: {The independent Electoral Commission|The Electoral Commission} has {proposed|published plans for} new boundaries for 14 parliamentary seats {to reflect|to keep pace with} population growth in the south.
P: {The Electoral Commission|The country's independent Electoral Commission} {published|set out} proposals on Monday to redraw the boundaries of 14 parliamentary constituencies, {the first review|the first such review} in eleven years.
P: Under the plan, the two Bramwell seats would {merge|be combined} into one, while the fast-growing Fenwick constituency, which now has {nearly 112,000 voters|almost 112,000 electors}, would be split in two.
P: {Commission chair Judith Alder|The commission's chair, Judith Alder,} said the changes were {about arithmetic, not politics|driven by numbers, not parties}. "No seat should have twice the voters of its neighbour," she said. "Today some do."
P: Public hearings will be held in six cities, {starting|beginning} in Linden Falls {next month|in three weeks}, and {written comments|written submissions} can be sent until the end of the year.
P: {Analysts|Political analysts} said the new map would {slightly favour|marginally help} the governing Civic Party, though the commission {stressed|insisted} that voting patterns {were not considered|played no part in its work}.

=== pol-reshuffle @ Kingsmere
H: Marsh names Priya Natarajan finance minister in cabinet reshuffle
H: Prime Minister reshuffles cabinet, Holt out at finance
H: Big shake-up: who's in and who's out of Helena Marsh's cabinet
S: Prime Minister Helena Marsh {moved|replaced} her finance minister in a {six-post|wide} reshuffle, {promoting|bringing in} trade minister Priya Natarajan {to run the treasury|as finance minister}.
P: Prime Minister Helena Marsh {reshuffled her cabinet|carried out a cabinet reshuffle} on Friday, {appointing|naming} Priya Natarajan as finance minister in place of Graham Holt, who {had held the post|had been in the job} for four years.
P: Graham Holt {becomes|moves to become} minister for the regions, a move {aides described|officials presented} as a sideways step {rather than a demotion|and not a sacking}. He said he was "{delighted|glad} to be closer to the communities I grew up in".
P: Priya Natarajan, 46, {was first elected|entered parliament} for Westmere South in a by-election nine years ago and {led|ran} the trade ministry during last year's {export talks|tariff negotiations} with Valdoria.
P: {In total|Altogether,} six cabinet posts changed hands. The health and transport ministers kept their jobs, {while|and} three junior ministers were {promoted to cabinet|brought into the cabinet} for the first time.
P: "This is a team for the next election and for the next decade," Helena Marsh said {in a statement|in a written statement}. {Opposition leader|National Reform leader} Tobias Greene called it "{a rearrangement of the furniture|the same furniture in different rooms}".

=== pol-marrowgate-byelection @ Marrowgate
H: Green candidate Ruth Calloway wins Marrowgate by-election
H: Greens take Marrowgate in by-election upset
H: Shock result in Marrowgate as Greens win first seat in a decade
S: The Greens {won|took} the Marrowgate by-election with a majority of 2,304, {their first|the party's first} parliamentary win in ten years, on a turnout of 41 percent.
P: Ruth Calloway of the Greens {won|took} the Marrowgate by-election {overnight|in the early hours of Friday}, {beating|defeating} the Civic Party candidate by 2,304 votes in a seat the governing party had held for 22 years.
P: Ruth Calloway, a former primary school headteacher, {told supporters|said in her acceptance speech} that Marrowgate had "{voted for clean rivers and honest prices|chosen clean rivers and fair prices}". She {campaigned|had campaigned} heavily on sewage discharges into the River Marrow.
P: Turnout was 41 percent, {down from|compared with} 63 percent at the last general election. The Civic Party's share of the vote {fell|dropped} by 17 points, {according to the returning officer's figures|the returning officer's figures showed}.
P: {Civic Party chair Martin Oduya|The Civic Party's chair, Martin Oduya,} said by-elections were "{always a chance for voters to send a message|a time when voters send messages}" and that the party would {listen|take note}.
P: The by-election {was called|was triggered} after the sitting member, Arthur Penrose, stood down {for health reasons|on medical advice} in the spring.

=== pol-procurement-report @ Kingsmere
H: Committee report faults $38m border software contract
H: MPs say border IT deal was signed without proper checks
H: Border software contract 'rushed', says parliamentary committee
S: A cross-party committee {found|concluded} that a $38 million contract for border software was {awarded without competition|handed out without a tender} and {delivered|arrived} 18 months late.
P: A {cross-party|parliamentary} committee has {criticised|condemned} the interior ministry over a $38 million contract for border management software that was {awarded without a competitive tender|signed without any competition} and {delivered 18 months late|arrived a year and a half behind schedule}.
P: The Public Accounts Committee's report, {published on Wednesday|released on Wednesday}, said officials had {relied on|used} an emergency procurement rule {meant for|designed for} disasters and had not {recorded|written down} why.
P: Committee chair Lionel Abbott said the findings were "{deeply troubling|seriously worrying}". "Emergency powers are not a shortcut for when paperwork is inconvenient," he said.
P: The supplier, Harrow Cross-based Meridian Systems, said in a statement that it had "{delivered a working system|met every technical requirement}" and that delays were {caused by|due to} changes requested by the ministry.
P: The interior ministry said it {accepted|welcomed} the report and had {already|since} tightened its rules. {It has|The ministry has} two months to {respond formally|give a formal response}.

=== pol-votes-at-16 @ Linden Falls
H: Sixteen-year-olds to vote in local elections in three-region pilot
H: Votes at 16 pilot approved for Linden Falls, Oakhaven and Saltmarsh
H: Teens get the vote: pilot scheme lowers voting age for council polls
S: {Sixteen- and seventeen-year-olds|Teenagers aged 16 and 17} in three regions will be able to vote in next year's local elections under a pilot {approved|backed} by parliament.
P: {Young people aged 16 and 17|Sixteen- and seventeen-year-olds} in Linden Falls, Oakhaven and Saltmarsh will vote in next spring's council elections {after parliament approved a pilot scheme on Tuesday|under a pilot scheme passed by parliament on Tuesday}.
P: {Around 46,000|About 46,000} young people are expected to be {eligible|able to register}, according to the Electoral Commission, which will {run|oversee} a registration drive through schools and colleges.
P: {Local democracy minister Nadia Ferris|The minister for local democracy, Nadia Ferris,} said the {pilot|trial} would "{show whether the sky falls in. I am confident it will not|test the idea properly, and I expect it to pass}". The measure passed by 241 votes to 160.
P: {Critics|Opponents}, including several National Reform MPs, argued that {the voting age should match|voting should stay tied to} the age of adulthood and said the pilot regions had been chosen to suit the government.
P: The commission will publish a {report|review} on turnout and {registration|sign-up} within six months of the election, {and ministers will decide|after which ministers will decide} whether to extend the scheme nationwide.

=== pol-ashby-resigns @ Kingsmere
H: Transport Minister Colin Ashby resigns over rail timetable emails
H: Ashby quits after emails show warnings on rail chaos were ignored
H: Transport minister out: Ashby steps down after rail emails leak
S: Transport Minister Colin Ashby {resigned|has resigned} after leaked emails showed he {was warned|had been told} months in advance that the new rail timetable would fail.
P: Transport Minister Colin Ashby {resigned on Sunday|stepped down on Sunday evening} after {leaked emails|emails leaked to reporters} showed he had been warned in March that the new national rail timetable {was not ready|could not work}.
P: The new timetable, {introduced|launched} six weeks ago, has led to {more than 9,000 cancelled trains|over 9,000 cancellations} and {average delays|typical delays} of 14 minutes on commuter lines around Kingsmere.
P: In his resignation letter, Colin Ashby said he had "{acted on the best advice available|relied on the advice I was given}" but that "{the buck stops with the minister|responsibility rests with me}". He will remain {an MP|in parliament} for Harrow Cross.
P: {Prime Minister Helena Marsh|The Prime Minister, Helena Marsh,} accepted the resignation{ and named|, naming} deputy transport minister Rhys Cullen as his {replacement|successor}. She {promised|pledged} a review of the timetable within a month.
P: Rail union leader Maggie Thorne said the resignation {did nothing for|changed nothing for} {passengers|commuters} stuck on platforms. "We need working trains, not ministerial scalps," she said.

=== pol-budget @ Kingsmere
H: Budget puts $4.2 billion into hospitals and freezes fuel duty
H: Natarajan's first budget: hospitals up, fuel duty frozen
H: Budget winners and losers: what the new finance minister announced
S: Finance Minister Priya Natarajan's first budget {added|set aside} $4.2 billion for hospitals, {froze|kept} fuel duty {for a year|unchanged} and {raised|lifted} the tax on bank profits.
P: Finance Minister Priya Natarajan {presented|delivered} her first budget on Wednesday, {promising|pledging} an extra $4.2 billion for hospitals over three years and {freezing|holding} fuel duty {for another twelve months|for a further year}.
P: {To pay for it|To cover the cost}, the surcharge on bank profits {will rise|rises} from 3 to 5 percent and a planned cut in corporation tax {has been postponed|was delayed}. The Treasury {expects|forecasts} the changes to raise $2.7 billion a year.
P: "This is a budget for waiting rooms and petrol stations, not for bank boardrooms," Priya Natarajan told parliament, {to cheers from|drawing cheers from} the government benches.
P: {The independent Fiscal Office|The Fiscal Office, the independent forecaster,} {cut|lowered} its growth forecast for this year to 1.3 percent and said borrowing would be {slightly higher|a little higher} than planned.
P: Opposition leader Tobias Greene said the budget "{taxes success and hopes for the best|punishes success and hopes nobody notices}". The Bankers' Association {warned|said} the surcharge could {cost jobs|lead to job losses}.

=== pol-participatory-budget @ Linden Falls
H: Linden Falls residents to decide how $3m of city money is spent
H: Linden Falls hands residents a $3 million budget vote
H: You decide: Linden Falls lets locals pick what to build
S: Linden Falls {will let residents vote|is inviting residents to vote} on how to spend $3 million of its capital budget, {with ideas|with proposals} due by the end of the month.
P: Linden Falls {will let|is letting} residents decide how to spend $3 million of the city's {capital budget|building budget} next year, {in|under} the largest participatory budgeting scheme {the country has seen|in the country so far}.
P: Mayor Tomas Reyes said the idea {came from|was inspired by} a neighbourhood playground project that {residents funded|locals paid for} themselves two years ago. "People know what their street needs better than the town hall does," he said.
P: Anyone {aged 14 or over|14 or older} who lives, works or studies in Linden Falls can submit {a proposal|an idea} costing up to $500,000. City staff will check that each {is legal and affordable|is lawful and can be afforded} before it goes to a public vote {in the spring|next spring}.
P: {Councillor|Opposition councillor} Mabel Ortiz {welcomed|backed} the scheme but {warned|cautioned} that {louder neighbourhoods|better-organised districts} could {dominate|crowd out others}. The council has {reserved|set aside} a third of the money for the four poorest wards.
P: Proposals can be {submitted|sent in} online or at any of the city's nine libraries {until the end of the month|until the 30th}.
"""
