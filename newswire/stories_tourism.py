"""Tourism and travel events for the demo wire (fictional places; written for the project)."""

SECTION = "tourism"

SHEET = """
=== tou-record-summer @ Kingsmere
H: Record 4.8 million foreign visitors this summer
H: Tourism board reports busiest summer on record
H: Tourists flocked here this summer like never before
S: {A record 4.8 million|Some 4.8 million} foreign visitors {came to the country|arrived} {between June and August|over the summer}, {up 9 percent on last year|9 percent more than last year}, {the National Tourism Board said|according to the National Tourism Board}.
P: {The country welcomed|The country received} {a record 4.8 million|4.8 million} foreign visitors between June and August, {up 9 percent|an increase of 9 percent} on {the same period|the same months} last year, the National Tourism Board {said|reported} on Tuesday.
P: Visitors {spent|spent a total of} {an estimated $6.3 billion|about $6.3 billion}, {with the biggest increases coming from|and the largest rises were in visitors from} Valdoria and Talvia, {helped by|boosted by} {new air routes|new flight routes} {and|plus} extra ferry sailings.
P: "{We are no longer a place people pass through|People no longer just pass through}. They are staying longer and going further from the cities," said the board's chief executive, Leonie Dubois.
P: {The busiest destinations|The most visited places} {remained|were again} Kingsmere, Port Ellery and the Saltmarsh coast, {but|while} {smaller towns|rural areas} {such as|including} Ashcombe {reported|recorded} {the fastest growth|the biggest percentage growth}.
P: {The board|The tourism board} {warned|cautioned} that {staff shortages|a lack of staff} in hotels and restaurants {could limit|might hold back} {further growth|growth next year}.

=== tou-saltmarsh-path @ Saltmarsh
H: 210-kilometre Saltmarsh Coast Path opens to walkers
H: New coastal trail links 14 villages along the Saltmarsh shore
H: The new coastal walk you need to do this autumn
S: The Saltmarsh Coast Path, {a 210-kilometre trail|a 210km walking route} {linking|connecting} fourteen villages, {opened|was officially opened} on Saturday {after|following} {six years of work|six years of construction}.
P: The Saltmarsh Coast Path, {a 210-kilometre walking trail|a 210km walking route} {that runs|running} from Saltmarsh to Tamsin Bay, {was officially opened|opened} on Saturday, {after|following} six years of {work|construction} and {negotiations with|talks with} {more than 300 landowners|over 300 landowners}.
P: The route {passes through|links} fourteen villages, three nature reserves and {the ruins of|the remains of} Carrack Castle, and {is marked|has been waymarked} {with|by} {a blue|a small blue} heron {symbol|emblem}. {Most walkers|Most people} {are expected to|will probably} {take|need} {ten to twelve days|ten or twelve days} {to walk it all|to complete it}.
P: "For the first time you can walk the whole Saltmarsh shore without once stepping onto a road," said Ruth Penhallow of the Coastal Paths Trust, {which|the charity that} {built|created} the trail.
P: {The path cost|Building the path cost} $8.5 million, {most of it|the majority} {from|provided by} the national lottery. {Villages along the route|Communities on the route} {hope it will bring|expect it to bring} {walkers|visitors} {outside the summer season|out of season}.
P: {A free map|Free maps} and {an app|a phone app} {are available|can be downloaded} from the trust's website.

=== tou-kestrel-terminal @ Kestrel Point
H: Kestrel Point airport opens $340 million terminal
H: New terminal doubles capacity at Kestrel Point airport
H: Kestrel Point's shiny new airport terminal is finally open
S: Kestrel Point airport {opened|has opened} a $340 million terminal {that doubles|doubling} {its capacity|the airport's capacity} to {six million passengers|6 million passengers} a year.
P: Kestrel Point airport opened its new terminal on Monday, {doubling|which doubles} {the airport's capacity|its capacity} to six million passengers a year. {The first flight|The first departure} {to use|from} the terminal {left for|was a Northwind service to} Valmont {at 6.10am|shortly after six}.
P: The {$340 million|340-million-dollar} building {has|includes} 28 {check-in desks|check-in counters}, {twelve|12} {boarding gates|gates} and {a roof|a timber roof} {covered with|carrying} {4,000 solar panels|4,000 solar panels}, {which|and these} {will supply|should provide} {about a third|roughly a third} of its electricity.
P: "Kestrel Point used to be the airport you flew from if you had to. Now we would like it to be the airport you choose," said the airport's {chief executive|managing director}, Gareth Winslow.
P: {Northwind Airlines|Northwind} {will base|is basing} {four more aircraft|four additional aircraft} at Kestrel Point {from the spring|next spring}, {adding|with} {routes|new routes} to Talvia and Estria.
P: {The old terminal|The 1970s terminal} {will be demolished|is to be knocked down} {to make way for|to make room for} {a hotel|a new hotel}.

=== tou-port-ellery-tax @ Port Ellery
H: Port Ellery to charge tourists $3 a night
H: Visitor levy approved for Port Ellery hotels and rentals
H: Heading to Port Ellery? You will soon pay a tourist tax
S: {Visitors staying overnight in Port Ellery|Overnight visitors to Port Ellery} {will pay|are to pay} $3 a night {from April|starting in April} under a tourist tax {approved|passed} by {the city council|councillors}.
P: {Port Ellery city council|Port Ellery's council} {voted|has voted} {to introduce|to bring in} a tourist tax of $3 per person per night {on hotel stays and holiday rentals|for hotels and short-term rentals} from April, {the first city|becoming the first city} in the country to {do so|introduce one}.
P: The tax is expected to raise {about $5.5 million|around $5.5m} a year, which {will pay for|will fund} {street cleaning|cleaner streets}, {public toilets|more public toilets} and {a new|an improved} {tourist information centre|visitor centre} {on the harbour|by the harbour}.
P: "Visitors love Port Ellery. We simply want them to help look after it," said Mayor Aisha Rahman, who added that children under 16 {would be|will be} exempt.
P: {The Port Ellery Hoteliers' Association|Local hoteliers} said the tax could {put off|deter} {families|family visitors} and {asked|called} for the money to be spent {where visitors could see it|visibly}.
P: {Several|A number of} {cities abroad|foreign cities}, {including|among them} Valmont and Castelline, {already charge|have long charged} {similar|comparable} {levies|taxes}.

=== tou-night-train @ Kingsmere
H: Night train from Kingsmere to Ostrel returns after 11 years
H: Sleeper service to Talvia relaunches with first overnight run
H: The night train is back: Kingsmere to Ostrel while you sleep
S: {A sleeper train|An overnight sleeper train} between Kingsmere and Ostrel, the Talvian capital, {made|completed} its first {run|journey} in {eleven years|11 years}, covering 970 kilometres {in thirteen hours|overnight in thirteen hours}.
P: {The Northern Star night train|The Northern Star sleeper} {left|pulled out of} Kingsmere Central at 19:40 on Friday and arrived in Ostrel at 08:52 on Saturday, the first {overnight passenger service|passenger night train} between the two capitals {in eleven years|since the old service was withdrawn}.
P: The train {has|offers} {sleeping cabins|sleeper cabins} for {one, two or four people|one, two or four passengers}, {a dining car|a restaurant car} and {seats|reclining seats} {from|starting at} $49. {Cabins for two|Two-person cabins} {cost|start at} $189.
P: "People have been asking us for this train every single week since the old one stopped. Tonight we finally have an answer," said Marit Olsen, chief executive of operator Railnord.
P: {The service|The train} {will run|is to run} {three times a week|three nights a week} {at first|to begin with}, {rising|increasing} to {every night|nightly} {from June|in summer} {if demand holds|if passenger numbers allow}.
P: {Tickets for the first month|All tickets for the first month} sold out {within two days|in two days}, {according to|said} Railnord.

=== tou-mount-corrin-ski @ Mount Corrin
H: Mount Corrin opens ski season two weeks early
H: Early snow lets Mount Corrin resort open its slopes
H: Ski season is here already at Mount Corrin
S: {The Mount Corrin ski resort|Mount Corrin resort} {opened|has opened} {its slopes|for skiing} {two weeks earlier than usual|a fortnight early} {after|following} {80 centimetres of snow|80cm of snowfall} {in a week|in seven days}.
P: {The Mount Corrin ski resort|Mount Corrin's ski resort} {opened|opened its slopes} on Saturday, two weeks earlier than {planned|usual}, after {80 centimetres of snow|80cm of snow} fell {on the upper slopes|higher up the mountain} {over seven days|in a week}.
P: {Eleven of the resort's 34 runs|Eleven of its 34 runs} and {four lifts|four of its lifts} {were open|were running} {on the first day|on opening day}. {About 3,200 skiers|Around 3,200 skiers and snowboarders} {visited|turned up}, {the resort said|according to the resort}.
P: "We usually open to a thin white carpet. This year the mountain gave us a duvet," said the resort's operations manager, Sven Aaltonen.
P: {Lift passes|Day passes} {cost|are priced at} $62 {a day|for adults}, {unchanged from|the same as} last season. {The resort|Mount Corrin} {has added|has installed} {a new|a second} beginners' area {with|served by} {a covered|an enclosed} conveyor lift.
P: {Forecasters|Weather forecasters} {expect|predict} {more snow|further snow} {later in the week|by the end of the week}.

=== tou-lighthouse-hotel @ Tamsin Bay
H: Historic Tamsin Head lighthouse reopens as a six-room hotel
H: Stay the night in a working lighthouse at Tamsin Head
H: You can now sleep inside a lighthouse, and it is gorgeous
S: {The Tamsin Head lighthouse|Tamsin Head lighthouse}, {built|which was built} in 1861, {has reopened|reopened} as a six-room hotel, {with its light still guiding ships|and its light still guides ships}.
P: {The Tamsin Head lighthouse|Tamsin Head's lighthouse}, {built|first lit} in 1861, {has been converted|was converted} into a six-room hotel {that opened|which opened} {to guests|to its first guests} on Friday. {Its light|The light itself} {is still|remains} {in use|in working order} and {is maintained|is looked after} by the Coastal Lights Authority.
P: {The rooms|The six rooms} {are in|occupy} the former {keepers' cottages|keepers' houses} {at the foot of the tower|at the base of the tower}. {Guests|Hotel guests} {can climb|may climb} {the 142 steps|142 steps} {to the lantern room|to the top} {at sunset|for the sunset}.
P: "We wanted people to understand how lonely and how beautiful it was to be a keeper. Mostly they come for the beautiful part," said {owner|co-owner} Hanna Moreau, who {restored|renovated} the {buildings|site} {with her partner|together with her partner}.
P: Rooms {cost|are priced} {from $240 a night|from $240 per night}, {including|with} breakfast. {The hotel|The lighthouse hotel} {is|is already} {fully booked|booked out} {at weekends|for every weekend} until {March|the spring}.
P: {The restoration|The renovation} {took|lasted} three years and {was|has been} {supported|part-funded} by a $400,000 heritage grant.

=== tou-cruise-limits @ Tamsin Bay
H: Tamsin Bay limits cruise ships to one a day
H: Cruise visits capped in Tamsin Bay to ease crowding
H: Tamsin Bay says enough to giant cruise ships
S: Tamsin Bay {will allow|is to allow} {no more than one|only one} cruise ship {a day|per day} {from next season|starting next season} and ban vessels carrying more than 3,000 passengers.
P: {Tamsin Bay town council|The council in Tamsin Bay} {has voted|voted} to allow {no more than one|only one} cruise ship {to call|to dock} {each day|per day} {from next season|starting next season}, and to {ban|bar} {ships carrying|vessels with} more than 3,000 passengers {altogether|entirely}.
P: Last summer, {as many as four|up to four} cruise ships {arrived|called} {on a single day|in one day}, {bringing|delivering} {up to 11,000 people|as many as 11,000 visitors} {into|to} {a town|a harbour town} of {9,000 residents|9,000 people}.
P: "On those days you could not walk down the high street, and the people who did come could not see the town for the crowds," said {council leader|the council leader,} Nadia Kerr.
P: {Cruise operators|Cruise companies} said the {rules|new rules} would {cost the local economy|cost local businesses} {about $4 million|around $4m} a year. {Some|Several} {shop owners|shopkeepers} {agreed|shared that concern}, {while others|but others} {welcomed|backed} the limits.
P: {The council|Tamsin Bay council} will {review|reassess} the {policy|cap} after two seasons.

=== tou-ashcombe-harvest @ Ashcombe
H: Ashcombe Valley harvest festival draws 90,000 visitors
H: Wine festival crowds fill Ashcombe for harvest weekend
H: Ashcombe's harvest festival was bigger than ever this year
S: {About 90,000 people|Some 90,000 people} {visited|went to} the Ashcombe Valley harvest festival {over the weekend|this weekend}, {a record|the most ever} for the {wine|wine-growing} region's {largest|biggest} annual event.
P: The Ashcombe Valley harvest festival {attracted|drew} {about 90,000 visitors|some 90,000 visitors} {over the weekend|across the weekend}, {a record|the highest attendance} {in its 42-year history|in 42 years}, organisers said on Monday.
P: Thirty-one wineries {opened|threw open} their {cellars|doors}, {and|while} {special buses|shuttle buses} {ran|operated} between the villages {every 15 minutes|every quarter of an hour}. {The grape-treading contest|Grape treading} {drew a crowd of several thousand|attracted thousands of spectators}.
P: "The grapes are early and sweet this year, and so were the crowds," said {winemaker|the winemaker} Lorenzo Vitale, whose family {has made|have made} wine in Ashcombe for four generations.
P: {Local hotels|Hotels in the valley} {were|had been} {fully booked|full} {for weeks|weeks in advance}, {and|while} {many visitors|some visitors} {stayed|found rooms} {as far away as|in towns as distant as} Kingsmere.
P: {This year's harvest|The harvest} {is expected|looks set} to be {one of the best|among the best} {in a decade|for ten years}, {the Ashcombe Winegrowers' Association said|according to the Ashcombe Winegrowers' Association}.

=== tou-valdoria-cycle-route @ Valmont
H: New 600-kilometre cycle route crosses Valdoria from coast to coast
H: Valdoria opens long-distance cycle path along old railway lines
H: This new coast-to-coast bike route is a cyclist's dream
S: Valdoria {opened|has opened} a 600-kilometre cycle route {across the country|from coast to coast}, {mostly|largely} along {disused railway lines|old railway lines}, with {overnight stops|places to stay} {every 40 kilometres|every 40km}.
P: Valdoria {has opened|opened} {the Green Line|the Green Line cycle route}, {a 600-kilometre|a 600km} {route|path} {across the country|that crosses the country} from {the port of Dessa|Dessa} on the west coast to Valmont {in the east|on the east coast}. {More than two thirds of it|Over two thirds of the route} {follows|runs along} {disused|abandoned} railway lines.
P: {The route|The path} {is|has been} {paved|surfaced} {throughout|along its whole length}, {with former stations converted|and old railway stations have been turned} into {cafes, hostels and bike repair shops|hostels, cafes and repair shops} {about every 40 kilometres|roughly every 40km}.
P: "{Trains used to carry people through these valleys without stopping|Trains once carried people straight through these valleys}. Now people will stop everywhere," said Valdoria's tourism minister, Katrin Vey.
P: {Tour operators|Cycling tour companies} expect the route to {draw|attract} {about 150,000 cyclists|some 150,000 riders} a year {once|when} it {is|becomes} {better known|well known}. {Most riders|Most cyclists} {are expected to|will likely} {take|spend} {eight to ten days|eight or ten days} {on the full route|riding it end to end}.
P: {Bikes|Bicycles} {can be carried|may be taken} {free|free of charge} on {regional trains|all regional trains} {to|back to} {the start|either end}.

=== tou-greyfell-booking @ Greyfell
H: Greyfell Lakes national park introduces booking for summer visits
H: Timed tickets to limit crowds at Greyfell Lakes
H: You will need to book to visit Greyfell Lakes next summer
S: {Visitors to|People visiting} Greyfell Lakes National Park {will need|will have} to book {a free timed ticket|free timed entry} {on summer weekends|at weekends in summer} {from next year|starting next year}, {to reduce|to cut} {traffic jams|congestion} and {erosion|damage to paths}.
P: Greyfell Lakes National Park {will require|is to require} {visitors arriving by car|people driving in} {to book|to reserve} a free {timed|time-slot} {entry ticket|ticket} on {summer weekends|weekends between June and September} {from next year|starting next year}, {the park authority said|park managers said} on Wednesday.
P: {Last August|In August last year}, {traffic queues|queues of traffic} {at the main entrance|at the park's main entrance} {reached|stretched} {six kilometres|6km}, and {rangers|park rangers} {recorded|counted} {about 14,000 cars|some 14,000 cars} {on a single Saturday|on one Saturday}.
P: "The lakes belong to everyone, which is exactly why we cannot let them be loved to death on forty Saturdays a year," said {chief ranger Alison Moy|the park's chief ranger, Alison Moy}.
P: {Visitors arriving by bus, bicycle or on foot|People who come by bus, bike or on foot} {will not need|won't need} {a ticket|to book}. {The park|Park managers} {will also|also plan to} {add|run} {extra buses|more buses} from {Greyfell station|the railway station at Greyfell}.
P: {Bookings|Reservations} {open|will open} {in April|next April} {on|through} the park's website.
"""
