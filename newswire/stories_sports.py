"""Sports events for the demo wire (fictional clubs and athletes; written for the project)."""

SECTION = "sports"

SHEET = """
=== spo-cup-final @ Kingsmere
H: Port Ellery United win National Cup with extra-time winner
H: Okafor header in 112th minute gives Port Ellery the cup
H: Port Ellery United are cup winners after dramatic extra time
S: Port Ellery United {won|lifted} the National Cup {for the first time in 31 years|for the first time in more than three decades}, {beating|defeating} Linden Falls 2-1 {after extra time|in extra time} {at Kingsmere Stadium|in Kingsmere}.
P: Port Ellery United {won|lifted} the National Cup for the first time in 31 years on Saturday, {beating|defeating} Linden Falls 2-1 after extra time {in front of|before} 71,000 {fans|spectators} at Kingsmere Stadium.
P: Linden Falls {took the lead|went ahead} {in the 23rd minute|after 23 minutes} {through|with} a {low shot|low drive} from Mateo Ruiz, {but|before} {captain|skipper} Ellis Grant {equalised|levelled} {with a free kick|from a free kick} {eight minutes from the end of normal time|in the 82nd minute}.
P: {Substitute|Second-half substitute} Kofi Okafor {headed in|scored with a header from} {a corner|a Grant corner} in the 112th minute {to win it|to settle the final}. "I have dreamed about that header since I was six. In the dream I was taller," Kofi Okafor said.
P: Port Ellery manager Sandra Holm, {the first woman|who became the first woman} to {manage|take charge of} a men's cup finalist, said: "{This city|This club} has waited 31 years. It was worth every one of them, and every one of the 120 minutes."
P: {Thousands of fans are expected to line the streets|Thousands of supporters are expected along the harbour front} for {an open-top bus parade|a victory parade} {on Sunday afternoon|on Sunday}.

=== spo-amara-cole-record @ Westmere
H: Amara Cole breaks national 100m record with 10.91 seconds
H: Sprinter Amara Cole smashes 19-year-old record in Westmere
H: Amara Cole is now the fastest woman in the country's history
S: {Sprinter|Westmere sprinter} Amara Cole {ran|clocked} 10.91 seconds {in the 100 metres|over 100 metres} {at the national championships|at the national athletics championships}, {taking|shaving} {0.05 seconds|five hundredths of a second} off a record {that stood for 19 years|set 19 years ago}.
P: Amara Cole {broke the|set a new} national record in the women's 100 metres {on Friday|on Friday evening}, {winning|taking} the national title in 10.91 seconds at the Westmere Athletics Ground, {0.05 seconds|five hundredths of a second} faster than {the previous mark|the old record} set {19 years ago|in the same stadium 19 years ago}.
P: {The 22-year-old|Amara Cole, 22,} {ran|sprinted} with a {legal|permitted} tailwind of 1.4 metres per second. {Her training partner|Training partner} Jess Adeyemi {finished second|came second} in 11.18, {with|and} {defending champion|reigning champion} Hollie Marsh third.
P: "I saw the clock and thought it was broken. Then I saw my coach crying and thought, no, the clock is fine," Amara Cole said.
P: {The time|Her time} {is the fourth-fastest in the world|ranks fourth in the world} this year and {qualifies her for|earns her a place at} the World Championships {next month|in four weeks}, {where|at which} she {will be|is likely to be} {among the favourites|one of the favourites} {for a medal|to reach the podium}.
P: {Amara Cole trains at the University of Westmere, where she is studying sports science|Cole is coached within the University of Westmere athletics programme and is studying for a degree in sports science}.

=== spo-brandvold-greyhaven-open @ Greyhaven
H: Lukas Brandvold wins Greyhaven Open in three sets
H: Brandvold beats top seed Ruiz to claim Greyhaven title
H: Lukas Brandvold stuns top seed to win Greyhaven Open
S: Lukas Brandvold {won|claimed} the Greyhaven Open {tennis title|men's title}, {beating|defeating} top seed Carlos Ruiz 6-4, 3-6, 7-5 in {a final of two hours and 41 minutes|a final lasting two hours and 41 minutes}.
P: Lukas Brandvold {won|claimed} the Greyhaven Open on Sunday, {beating|defeating} top seed Carlos Ruiz 6-4, 3-6, 7-5 in a final {that lasted|lasting} two hours and 41 minutes {on the centre court|on centre court} {at Ferris Park|in Ferris Park}.
P: Brandvold, {ranked 38th in the world|the world number 38}, {saved|fought off} {three break points|three break points} {at 5-5|at five games all} in the third set {before breaking|and then broke} {Carlos Ruiz's serve|the Ruiz serve} {to win|to take} the {title|championship}.
P: "I did not look at the scoreboard for the last half-hour. I just looked at the next ball. It is the only trick I know," Lukas Brandvold said.
P: {The win|The title} is Brandvold's {second|second career} {tour title|title on the tour} and {will lift|should lift} him {into the top 30|inside the top 30} {when the rankings are published on Monday|in Monday's rankings}. {He takes home|He collects} {$540,000|prize money of $540,000}.
P: In the women's final, {Ana Kovac|Talvia's Ana Kovac} {beat|defeated} {Mei Lin|Mei Lin of Westmere} 6-2, 6-3.

=== spo-kingsmere-marathon @ Kingsmere
H: 28,000 runners finish Kingsmere Marathon as course record falls
H: Kingsmere Marathon: Tesfaye sets course record
H: Record-breaking day at the Kingsmere Marathon
S: {About 28,000 runners|Some 28,000 runners} {finished|completed} the Kingsmere Marathon, {where|and} Yonas Tesfaye {set|broke} the men's course record {in 2:06:48|with a time of 2:06:48}.
P: {More than 28,000 runners|Over 28,000 runners} {completed|finished} the Kingsmere Marathon on Sunday, {the largest field|the biggest field} in the race's {38-year history|history}, {as|while} Yonas Tesfaye {broke|set} the men's course record {by 41 seconds|with a time of 2:06:48}.
P: Tesfaye {pulled away|broke away} from {a group of four|the leading group} {at 35 kilometres|with seven kilometres to go} and {finished|crossed the line} in 2:06:48, {beating|improving} the {previous|old} record set {in 2019|six years ago}.
P: "The crowd on Harbour Road was louder than my heartbeat. I could not hear how tired I was," Yonas Tesfaye said.
P: {The women's race was won by|In the women's race, victory went to} {local runner|Kingsmere runner} Erin Walsh in 2:23:10, {the first home winner|the first local winner} {in nine years|for nine years}.
P: {Runners|Participants} {raised|have raised} {an estimated $9 million|about $9 million} for charity, {organisers said|according to organisers}.

=== spo-rugby-valdoria @ Kingsmere
H: National rugby team beat Valdoria 27-19 to stay unbeaten
H: Late try from Hemi Walters seals win over Valdoria
H: Rugby: our team sees off Valdoria in a thriller
S: The national rugby team {beat|defeated} Valdoria 27-19 {in Kingsmere|at Kingsmere Stadium} {to remain|to stay} unbeaten {in the Northern Cup|in this year's Northern Cup}, {with|thanks to} a late try {from|by} {winger|wing} Hemi Walters.
P: The national {rugby union|rugby} team {beat|defeated} Valdoria 27-19 at Kingsmere Stadium {on Saturday|on Saturday afternoon}, {staying|remaining} unbeaten {after three rounds|after three matches} of the Northern Cup.
P: {The home side|The hosts} {trailed|were behind} 19-17 {with eight minutes left|with eight minutes to play} before {winger|wing} Hemi Walters {finished|scored at the end of} {a move|a sweeping move} {that started|started} {inside his own half|in his own half}. Fly-half Tom Ashdown {added|kicked} the conversion and a {late|final} penalty.
P: "Valdoria made us suffer for seventy minutes. We only needed the last ten," head coach Rob Kinsella said.
P: {Valdoria's|The Valdorian} {captain|skipper} Jan Novak {was shown|received} a yellow card {in the 66th minute|midway through the second half}, {which|and his absence} {proved|was} {decisive|crucial}, {his coach said|according to his coach}.
P: {The team|The national side} {next play Estria away|travel to Estria} {in two weeks|a fortnight from now}.

=== spo-rovers-sack-rourke @ Castlereach
H: Castlereach Rovers sack manager Ian Rourke after nine games without a win
H: Rovers part company with Rourke as slump deepens
H: Castlereach Rovers fire manager after terrible run
S: Castlereach Rovers {sacked|have sacked} manager Ian Rourke {after|following} {nine league games without a win|a run of nine league matches without a victory}, {leaving|which left} the club {fourth from bottom|fourth-bottom} {of the second tier|in the second tier}.
P: Castlereach Rovers {have sacked|sacked} manager Ian Rourke {after a run of|following} nine league matches without a win, {the club said|the club announced} on Monday. Rovers are fourth from bottom of the second tier.
P: Ian Rourke, 51, {was appointed|took over} {eighteen months ago|a year and a half ago} and {led|steered} the club to {a top-half finish|a seventh-place finish} {last season|in his first season}. {His assistant|Assistant manager} Gemma Frost {will take charge|takes over} {for Saturday's match|for the weekend's game} {against Redcliff|at home to Redcliff}.
P: "Ian gave everything to this club. Football is brutal, and results in the last two months have not been good enough," {club chair|chair} Alan Brice said {in a statement|in a club statement}.
P: {The sacking|The decision} {comes|came} {a week after|days after} rapper Kid Meridian {bought|acquired} a 15 percent stake in the club, {although|but} Alan Brice {said|insisted} the two {were unrelated|were not linked}.
P: {Rovers|The club} {said|added} {a new manager|a permanent replacement} {would be appointed|would be named} {within a month|in the next few weeks}.

=== spo-highlands-stage @ Greyfell
H: Tom Lindqvist wins queen stage of Tour of the Highlands
H: Lindqvist solos to victory on Greyfell climb and takes race lead
H: Tom Lindqvist wins the hardest stage of the Tour of the Highlands
S: Tom Lindqvist {won|took} the {queen stage|toughest stage} of the Tour of the Highlands {with a solo attack|after a solo attack} on the final climb {to Greyfell Pass|up Greyfell Pass}, {taking|seizing} the leader's jersey {by 48 seconds|with a 48-second lead}.
P: Tom Lindqvist {won|took} the fifth stage of the Tour of the Highlands {on Thursday|on Thursday afternoon}, {attacking|breaking away} {six kilometres|6km} from the summit of Greyfell Pass {and|before} {finishing|crossing the line} {48 seconds|48 seconds} {ahead of|clear of} {his nearest rival|the next rider}.
P: The {185-kilometre|185km} stage {included|featured} {four categorised climbs|four rated climbs} and {is|was} {regarded as|considered} {the hardest|the toughest} of the {eight-day|eight-stage} race. {Overnight leader|The overnight leader} Pieter Janssen {lost|dropped} {more than two minutes|over two minutes}.
P: "I have trained on that pass a hundred times. Today it finally felt short," said Tom Lindqvist, who {grew up|was raised} in {a village|the village of Hollin} {at the foot of the climb|below the pass}.
P: {The race|The Tour of the Highlands} {ends|finishes} {on Sunday|at the weekend} {in Kingsmere|with a stage in Kingsmere}, {with three flat stages remaining|and three largely flat stages are still to come}.
P: Lindqvist {rides|races} for {the Kingsmere-based team|Kingsmere team} Northway Cycling.

=== spo-tessa-ward-gold @ Valmont
H: Tessa Ward wins world 200m freestyle gold
H: Swimmer Tessa Ward takes first world title in Valmont
H: Gold! Tessa Ward is world champion
S: Swimmer Tessa Ward {won|took} gold in the 200 metres freestyle at the World Championships in Valmont {in 1:54.30|with a time of 1:54.30}, the country's first world swimming title {in twelve years|for twelve years}.
P: Tessa Ward {won|claimed} the 200 metres freestyle {world title|gold medal} {in Valmont on Tuesday|at the World Championships in Valmont on Tuesday}, {touching|finishing} in 1:54.30, {0.22 seconds|twenty-two hundredths of a second} ahead of Valdoria's Lena Fischer.
P: {Ward, 20,|The 20-year-old} {was fifth|was in fifth place} {at the halfway mark|after 100 metres} {before producing|and then swam} {the fastest final length|the quickest last 50 metres} in the field {to overtake|to pass} {four swimmers|the four swimmers ahead of her}.
P: "I always swim the last fifty like someone has stolen my towel," Tessa Ward said, {laughing|smiling}, {after|following} the medal ceremony.
P: {It is|This is} the country's first {world swimming gold|swimming world title} {in twelve years|for twelve years} and {follows|comes after} {her silver|a silver medal} {at the same event|in the same event} {two years ago|at the last championships}.
P: {Ward|Tessa Ward} {will|is due to} {swim|compete in} the {4x200 metres relay|4x200m freestyle relay} {on Thursday|later this week}.

=== spo-lynx-title @ Linden Falls
H: Linden Falls Lynx win basketball league title in game seven
H: Lynx beat Harrow Cross in decisive game to take championship
H: Linden Falls Lynx are basketball champions after game seven thriller
S: The Linden Falls Lynx {won|took} the National Basketball League title, {beating|defeating} the Harrow Cross Hawks 91-88 in game seven of the finals {at home|in front of their own fans}.
P: The Linden Falls Lynx {won|clinched} the National Basketball League championship {on Sunday night|on Sunday}, {beating|defeating} the Harrow Cross Hawks 91-88 in {the deciding game seven|game seven} {of the finals series|of the best-of-seven finals} at the Lynx Arena.
P: {Guard|Point guard} Darnell Price {scored|finished with} 31 points, {including|among them} {the go-ahead three-pointer|the three-pointer that put the Lynx ahead} {with 22 seconds left|with 22 seconds remaining}, and was named {finals most valuable player|the finals MVP}.
P: "I missed my first six shots tonight. My mum texted me at half-time to say shoot anyway. I always listen to my mum," Darnell Price said.
P: {It is|This is} the Lynx's first title {since 2009|in fifteen years} {and|and it} {caps|completes} {a turnaround|a remarkable turnaround} {for a team|for a side} that {finished|ended} {bottom of the league|last in the league} {two seasons ago|two years ago}.
P: {A victory parade|A parade} {will be held|is planned} {in Linden Falls|through Linden Falls} {on Wednesday|midweek}.

=== spo-stadium-approved @ Fenwick
H: Plans approved for 40,000-seat stadium in Fenwick
H: Fenwick Athletic get green light for new stadium
H: Fenwick's huge new stadium is officially happening
S: {Councillors|Fenwick councillors} {approved|have approved} plans for a 40,000-seat stadium {for Fenwick Athletic|to be the new home of Fenwick Athletic} {on the site of|on} the town's {old|former} gasworks, {with work due to start|with construction due to begin} next year.
P: Fenwick council {has approved|approved} {plans|a planning application} for a 40,000-seat stadium {on the former gasworks|on the old gasworks site} {beside|next to} the River Fen, {which|and it} {will become|is to become} the new home of Fenwick Athletic.
P: The {$420 million|420-million-dollar} {project|scheme} {includes|also includes} 600 homes, {a hotel|a hotel} and {a new|an additional} railway station. {The club|Fenwick Athletic} {expects|hopes} to {play its first match there|open the new ground} {in three years|within three years}.
P: "Our current ground holds 14,000 people and we have 22,000 on the season-ticket waiting list. We are not building a cathedral. We are building enough seats," club chair Daniel Ferreira said.
P: {Residents|Some residents} {raised|voiced} {concerns|worries} {about|over} {traffic|match-day traffic} {and|and} {parking|a lack of parking}. The club {has agreed|agreed} to {pay for|fund} {extra|additional} buses {on match days|for every home game}.
P: {The vote was carried nine to three|The decision passed by nine votes to three}.

=== spo-ravens-hockey @ Redcliff
H: Redcliff Ravens reach ice hockey final after overtime win
H: Ravens beat Bramwell Bears in overtime to reach final
H: Redcliff Ravens are into the final after overtime drama
S: The Redcliff Ravens {reached|booked a place in} the National Ice Hockey League final {after|by} {beating|defeating} the Bramwell Bears 3-2 in overtime {in game five|in the fifth game} of their semi-final.
P: The Redcliff Ravens {reached|are through to} the National Ice Hockey League final {for the first time|for the first time in their history}, beating the Bramwell Bears 3-2 in overtime on Friday to win {the semi-final series|the best-of-five semi-final} 3-2.
P: {Defenceman|Defender} Elias Berg {scored|hit} the winner {seven minutes into overtime|after seven minutes of overtime}, {firing a wrist shot|shooting} {from the blue line|from distance} {through a crowd|through a crowd of players} {in front of|around} the Bramwell goal.
P: "I did not see it go in. I heard the building go in," Elias Berg said. "Four thousand people lost their minds."
P: {The Ravens|Redcliff} {will play|face} the Kingsmere Kings in {the best-of-seven final|a best-of-seven final} {starting on Tuesday|from Tuesday}. {The Kings|Kingsmere} {swept|won} their {semi-final|own semi-final} 3-0.
P: {Tickets for the home games sold out|Tickets sold out} {within an hour of going on sale|in under an hour}.
"""
