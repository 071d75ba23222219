"""Entertainment events (film, music, books, arts) for the demo wire; fictional, written for it."""

SECTION = "entertainment"

SHEET = """
=== ent-lantern-keeper @ Kingsmere
H: The Lantern Keeper tops box office with $31 million opening
H: Lighthouse drama The Lantern Keeper beats the blockbusters
H: Everyone is going to see The Lantern Keeper, and here is why
S: {Lighthouse drama|The lighthouse drama} The Lantern Keeper {took|earned} $31 million {in its opening weekend|on its first weekend}, {the best start|the strongest debut} for {a home-grown film|a locally made film} in {nine years|almost a decade}.
P: The Lantern Keeper, {a drama about|the story of} a widowed lighthouse keeper and the {stranded|shipwrecked} sailor she {rescues|pulls from the sea}, {took|earned} $31 million {at the box office|in ticket sales} {over its opening weekend|in its first three days}, {according to the Cinema Exhibitors' Association|figures from the Cinema Exhibitors' Association show}.
P: It was the biggest opening for a {locally produced|home-grown} film {in nine years|for nine years} and {pushed|knocked} the superhero sequel Iron Dawn {into second place|down to second place} {after|following} two weeks at the top.
P: "I thought we had made a quiet little film for people who like weather. It turns out a lot of people like weather," director Saoirse Kinnell said {at a screening in Kingsmere|at a Kingsmere screening}.
P: {The film stars Maren Holt as the keeper and newcomer Jude Okafor as the sailor, and was shot|Starring Maren Holt as the keeper and first-time actor Jude Okafor as the sailor, the film was shot} {over ten weeks|in ten weeks} on the {cliffs|coast} near Kestrel Point.
P: {Critics|Reviewers} {have praised|praised} its {cinematography|photography} and {score|music}, and {cinema chains|several cinema chains} {added|have added} {extra screenings|more screenings} for {the coming weekend|next weekend}.

=== ent-greyhaven-lineup @ Greyhaven
H: Greyhaven Music Festival announces lineup with The Pale Orchards headlining
H: Pale Orchards, Nadia Vos and Kilnhouse to top Greyhaven bill
H: Greyhaven festival lineup is here, and it is a big one
S: {The Greyhaven Music Festival|Greyhaven Music Festival} {announced|revealed} {its lineup|its bill} for next summer, {with The Pale Orchards, Nadia Vos and Kilnhouse headlining|led by headliners The Pale Orchards, Nadia Vos and Kilnhouse} across three nights.
P: {The Greyhaven Music Festival|Greyhaven Music Festival organisers} {announced|unveiled} {its lineup|the lineup} for next summer on Thursday, {with|naming} indie band The Pale Orchards, singer Nadia Vos and {electronic duo|dance duo} Kilnhouse as the three headliners.
P: {More than 120 acts|Over 120 acts} {will play|are booked to play} on {six stages|six different stages} {over three days|across three days} in Greyhaven's Ferris Park. {The festival|The event} {expects|is expecting} {about 65,000 people|around 65,000 visitors} {each day|a day}.
P: "We wanted a bill where the headliners are the acts people will be talking about in ten years, not the ones they were talking about ten years ago," said festival director Colm Fitzgerald.
P: {Tickets|Weekend tickets} {go on sale|will go on sale} {on Saturday morning|Saturday morning} {at|priced at} $245 {for the weekend|for three days}. {For the first time|This year for the first time}, {500 tickets|five hundred tickets} {will be|are being} {reserved|set aside} for {residents of Greyhaven|Greyhaven residents} {at half price|at a 50 percent discount}.
P: {The festival|Greyhaven} {marks|celebrates} its 25th {year|edition} next summer.

=== ent-meridian-prize @ Kingsmere
H: Ines Harlow wins Meridian Prize for The Salt Orchard
H: Debut novelist takes Meridian fiction prize
H: The Salt Orchard wins the year's biggest book prize
S: Ines Harlow {won|has won} the Meridian Prize for Fiction for {her debut novel|her first novel}, The Salt Orchard, {taking home|collecting} $50,000 {at a ceremony|at a dinner} in Kingsmere.
P: Ines Harlow won the {$50,000|50,000-dollar} Meridian Prize for Fiction {on Tuesday night|on Tuesday evening} for The Salt Orchard{, the first time a debut novel has won the prize in fourteen years|, the first debut novel to take the prize in fourteen years}.
P: The novel {follows|tells the story of} three generations of a family running an apple orchard on an island {that is slowly being swallowed|slowly being swallowed} by the sea. It has {sold|sold more than} 40,000 copies since its release in the spring.
P: "I wrote most of it at a kitchen table between my children's bedtime and my own. This belongs to that table," Ines Harlow said {as she accepted the award|on accepting the prize}.
P: {The chair of judges|Chair of the judges}, poet Reuben Alcott, {called the book|described The Salt Orchard as} "{a quiet book that becomes impossible to put down|quiet, patient and then completely gripping}".
P: {Sales of shortlisted books|Sales of the winning book} {usually|typically} {rise|jump} {sharply|steeply} after the announcement, {booksellers said|according to booksellers}.

=== ent-coldwater-renewed @ Kingsmere
H: Crime drama Coldwater renewed for third season
H: Coldwater returns: broadcaster orders eight more episodes
H: Good news for Coldwater fans: season three is happening
S: {Crime drama|The crime drama} Coldwater {has been renewed|was renewed} for a third season{ of eight episodes|, with eight episodes,} {after its second season drew|following a second season that pulled in} {an average of 4.2 million viewers|4.2 million viewers on average}.
P: The {public broadcaster|national broadcaster} NBS {has renewed|renewed} {its crime drama|the crime drama} Coldwater for a third season {of eight episodes|with eight new episodes}, {after a second season that drew|following a second season which drew} {an average of 4.2 million viewers|4.2 million viewers per episode}.
P: {Filming will begin|Filming is to begin} in Redcliff {in February|next February}, with Amina Deverell {returning|back} as Detective Inspector Clare Rowan. {The new season|Season three} {is expected to air|should air} {next autumn|in the autumn of next year}.
P: "Clare Rowan has been through a lot in two seasons. I am told she will go through more," Amina Deverell said {in a statement|in a statement from NBS}.
P: {The second season's|Season two's} finale {was|became} the {most watched|most-watched} drama episode on NBS {this year|so far this year}, {with|drawing} {5.6 million viewers|5.6 million people} {watching live or within a week|watching live or on catch-up}.
P: {Creator|Series creator} Lorcan Beattie said the third season {would|will} {move|shift} {the story|the action} {from the city|away from the city} to {the Redcliff coast|the coast around Redcliff}.

=== ent-gallery-reopens @ Kingsmere
H: National Gallery reopens after two-year renovation
H: National Gallery doors open again with 400 works back on show
H: The National Gallery is back, and it looks amazing
S: The National Gallery in Kingsmere {reopened|has reopened} {after|following} a two-year, $120 million renovation, {with some 400 works back on display|showing some 400 works} in {rebuilt galleries|renovated rooms}.
P: {The National Gallery|Kingsmere's National Gallery} {reopened to the public|opened its doors again} on Saturday {after|following} a two-year renovation {that cost|costing} $120 million, {with queues stretching around the block before opening time|and queues stretched round the block ahead of the 10am opening}.
P: The {work|renovation} {replaced|renewed} the {building's|gallery's} leaking glass roof, {added|installed} climate control in every room and {created|opened} {a new|an additional} wing {for|dedicated to} {contemporary art|art made after 1950}.
P: "We have given the paintings a building that will look after them for another century, and given visitors one that does not make their feet hurt," said the gallery's director, Dr Harriet Osei.
P: {About 400 works|Some 400 works} {are on display|are on show}, {including|among them} {the gallery's|its} {best-known|most famous} painting, {Harbour at Dawn|the seascape Harbour at Dawn}, which {has been|was} {cleaned|restored} {for the first time|for the first time} in {sixty years|six decades}.
P: {Entry|Admission} {remains|is still} free. {The gallery|The museum} {expects|is expecting} {a million visitors|one million visitors} {in its first year|over the next twelve months}.

=== ent-philharmonic-conductor @ Port Ellery
H: Port Ellery Philharmonic names Yuki Brandt as chief conductor
H: Yuki Brandt to lead Port Ellery orchestra from next season
H: Orchestra picks 34-year-old Yuki Brandt as its new conductor
S: The Port Ellery Philharmonic {has appointed|appointed} Yuki Brandt, 34, {as its chief conductor|to be its chief conductor}, {making her|the youngest person and} the first woman to hold the post {in its 110-year history|in 110 years}.
P: The Port Ellery Philharmonic Orchestra {has named|named} Yuki Brandt as {its next|its new} chief conductor, {making her|and she becomes} the first woman and, at 34, the youngest person to hold the post in the orchestra's 110-year history.
P: Yuki Brandt, {who was born in Westmere|a native of Westmere}, has been associate conductor of {the Valmont Symphony|Valdoria's Valmont Symphony} for {three years|three seasons} and won the {Rosen Conducting Competition|Rosen competition} {at 26|when she was 26}.
P: "An orchestra is a hundred people who have agreed to breathe together. My job is to help them do it beautifully," Yuki Brandt said at {a press conference|a news conference} {in the orchestra's concert hall|at the Harbour Hall}.
P: She {succeeds|takes over from} Anton Varga, who {is retiring|retires} {after|at the end of} {sixteen years|sixteen seasons} {in the job|with the orchestra}. Her {first concert|opening concert} {as chief conductor|in the role} {will be|is} {in September|next September}.
P: {Her contract|The contract} {runs|is} {for five years|for an initial five years}.

=== ent-starward-drift @ Harrow Cross
H: Starward Drift sells 3 million copies in its first week
H: Harrow Cross studio's space game is a runaway hit
H: The space game everyone is playing this week
S: {Space exploration game|Space game} Starward Drift, {made by|from} {Harrow Cross studio|the Harrow Cross studio} Bellwether Games, {sold|has sold} 3 million copies {in its first week|in seven days}, {the studio said|according to the studio}.
P: Starward Drift, {a space exploration game|a game about exploring space} {made by|developed by} Bellwether Games {in Harrow Cross|of Harrow Cross}, {sold|has sold} {more than 3 million copies|over 3 million copies} in its first week, {the studio said|its makers said} on Monday.
P: {At its peak|At peak times}, {more than 410,000 people|over 410,000 players} were playing {at the same time|simultaneously} on {PC alone|computers alone}, {a record for|the most ever for} a game {made in the country|developed in the country}.
P: "We are forty-two people and we thought a good week would be two hundred thousand copies. We have run out of champagne and superlatives," said Bellwether's studio head, Ravi Mendes.
P: The game, {which took five years to make|developed over five years}, lets players {pilot|fly} {a small cargo ship|a small freighter} {through|across} a galaxy that {is generated|is created} {anew|afresh} for each player.
P: Bellwether {said|announced} it {would hire|will recruit} {thirty more staff|another 30 staff} {to work on|for} {updates|free updates} and {a planned expansion|an expansion}.

=== ent-paper-moons @ Kingsmere
H: Musical Paper Moons extends its run to next summer
H: Paper Moons adds six months after selling out
H: Missed Paper Moons? You now have until next summer
S: {The musical|Hit musical} Paper Moons {has extended|extended} its run at the Kingsmere Playhouse {by six months|for six more months}, {after|as} {its current run sold out|the current run sold out}.
P: Paper Moons, {the musical about|a musical about} two sisters {who run|running} a {struggling|failing} travelling circus, {will stay|is staying} at the Kingsmere Playhouse until {the end of next July|next July}, {its producers said|producers announced} on Wednesday.
P: {Every performance|All performances} of {the current run|its current run} {has sold out|sold out}, and {about 210,000 people|some 210,000 people} have seen the show {since|after} {it opened|its opening} in {February|the spring}.
P: "We wrote it for two hundred people in a room above a pub. I still cannot quite believe it," said composer Nell Ashworth, who {co-wrote|wrote} the show with {her sister|her sister,} lyricist Pippa Ashworth.
P: {Tickets for the new dates|Tickets for the extra dates} {go on sale|will go on sale} {on Monday|next Monday}. {The producers|Producers} {have kept|are keeping} 40 seats {at every performance|per show} {at $20|priced at $20} for {people under 25|under-25s}.
P: {A touring production|A touring version} {is planned|is being planned} for {next year|the following year}.

=== ent-ashcombe-film-festival @ Ashcombe
H: Salt and Ember wins top prize at Ashcombe Film Festival
H: Fishing drama Salt and Ember takes the Golden Vine
H: The film that won Ashcombe is coming to a cinema near you
S: Salt and Ember, {a drama about|a film about} a fishing family {on a remote island|on an island}, won the Golden Vine{ for best film|, the top award,} at the Ashcombe Film Festival {on Sunday|at Sunday's closing ceremony}.
P: Salt and Ember, {director|film-maker} Tomasz Brecht's drama about {a fishing family|a family of fishermen} {on the island of Kell|living on Kell island}, {won|took} the Golden Vine for best film at the Ashcombe Film Festival {on Sunday|at Sunday's ceremony}.
P: The {jury|festival jury}, {chaired by|led by} actor Celeste Amari, {praised|commended} {the film's|its} "{patience and its refusal to explain itself|refusal to hurry or explain}". {Best actor|The best actor prize} {went to|was awarded to} {the film's|its} lead, Bram Okonkwo.
P: "I made this film with fishermen who had never acted. The prize is theirs. Most of them are at sea and will hear about it next week," Tomasz Brecht said.
P: {The festival|This year's festival} {showed|screened} 140 films {over ten days|across ten days} and {sold|recorded} {a record|a best-ever} 52,000 tickets, {organisers said|according to organisers}.
P: Salt and Ember {will be released|opens} in cinemas {next month|in four weeks}.

=== ent-riverflix-prices @ Kingsmere
H: Riverflix raises subscription prices by up to 18 percent
H: Streaming service Riverflix puts up prices again
H: Riverflix is getting more expensive: here is what you'll pay
S: Streaming service Riverflix {will raise|is raising} {its prices|subscription prices} by up to 18 percent {next month|from next month}, {its second increase|the second rise} in {eighteen months|a year and a half}.
P: Riverflix, {the country's most popular|the most widely used} streaming service, {will raise|is raising} its subscription prices by up to 18 percent from next month, {the company told subscribers|it told customers} {in an email|by email} on Tuesday.
P: The standard plan {will rise|goes up} from $11.99 to $13.49 a month, {and|while} the premium plan {rises|will rise} {from $16.99 to $19.99|to $19.99 from $16.99}. {The ad-supported plan|The cheapest, ad-supported plan} stays at $6.99.
P: "We are investing more than ever in local stories, and the new prices reflect that," {a Riverflix spokesperson said|said a Riverflix spokeswoman}.
P: {Consumer group|The consumer group} Fair Deal said {subscribers|customers} {should check|ought to check} whether they still use {every service they pay for|all the services they subscribe to}, {noting|pointing out} that the average household now has 3.4 streaming subscriptions.
P: Existing {subscribers|customers} {can cancel|may cancel} {at any time|whenever they like} {before the new prices take effect|ahead of the price rise}.

=== ent-lost-painting @ Westmere
H: Westmere museum buys lost painting by Elspeth Carrow
H: Carrow's missing 'Girl with a Kite' found in attic and bought by museum
H: A painting lost for 90 years turned up in an attic
S: {The Westmere Museum of Art|Westmere's art museum} {has bought|bought} Girl with a Kite, {a painting|a work} by Elspeth Carrow {that was lost|missing} for {ninety years|90 years}, {after it was found|discovered} in {an attic|a family attic} in Fenwick.
P: {The Westmere Museum of Art|Westmere Museum of Art} {has acquired|acquired} Girl with a Kite, {a painting|an oil painting} by {the celebrated coastal painter|the coastal painter} Elspeth Carrow {that had not been seen in public|which had been missing} since 1934, for $1.8 million.
P: The {painting|canvas} was {found|discovered} {last year|twelve months ago} {wrapped in a blanket|rolled in a blanket} in the attic of a house in Fenwick {that had belonged to|once owned by} Elspeth Carrow's {niece|late niece}, {according to|said} the museum.
P: "When we unrolled it, the colours came off the canvas like a window opening. Nobody in that room breathed," said the museum's {curator of paintings|paintings curator}, Dr Alun Prys.
P: {Experts|Conservators} {confirmed|verified} {the painting's|its} {authenticity|origin} by {comparing|matching} {the canvas|its canvas} and pigments with {other works|her other works} from {the early 1930s|the same period}. {It will be|The painting will be} {cleaned|restored} before {going on display|it goes on show}.
P: {Girl with a Kite|The painting} {will be|is to be} {shown|displayed} {from the spring|in the spring} {alongside|next to} {eleven other works|eleven more works} by Elspeth Carrow {in the museum's collection|from the museum's collection}.
"""
