"""Showbiz events (celebrities, red carpets, gossip) for the demo wire; fictional people only."""

SECTION = "showbiz"

SHEET = """
=== sho-vell-frost-engaged @ Kingsmere
H: Marcus Vell and Leona Frost announce their engagement
H: Actor Marcus Vell proposes to singer Leona Frost on a lighthouse
H: It's official! Marcus Vell and Leona Frost are engaged
S: Actor Marcus Vell and singer Leona Frost {announced|revealed} their engagement {on social media|in a joint post} {after two years together|following a two-year relationship}, {saying he proposed at the top of a lighthouse|and said he had proposed on a lighthouse balcony}.
P: Actor Marcus Vell and singer Leona Frost {are engaged|have got engaged}, the couple {announced|revealed} {in a joint post|in a shared post} {on Sunday|on Sunday evening}, {two years after|around two years after} they {met|first met} on the set of the period drama The Winter Court.
P: {The post|Their post} {showed|featured} {a photograph|a picture} of Leona Frost's {ring|engagement ring}, a {vintage|1920s} sapphire, {and|with} the caption: "She said yes. Then she said it again because the wind took the first one."
P: {A representative for|A spokesperson for} Marcus Vell {confirmed|said} that he {proposed|had proposed} at the top of the {Kestrel Point lighthouse|lighthouse at Kestrel Point}, {where the couple spent|the place the couple had spent} their first holiday together.
P: Leona Frost, {whose album Glasshouse went to number one|whose album Glasshouse topped the charts} last year, {is currently on tour|is touring} {in Valdoria|across Valdoria}. {No date|No wedding date} {has been set|has yet been set}, {the representative said|her spokesperson said}.
P: {Fans|Friends and fans} {flooded|filled} the comments with congratulations, {including|among them} {a message|one} from Marcus Vell's {Winter Court co-star|former co-star} Nora Quinlan: "Finally."

=== sho-kettering-cancels @ Greyhaven
H: Jade Kettering cancels five tour dates after vocal strain
H: Pop star Jade Kettering pulls shows on doctors' orders
H: Jade Kettering fans heartbroken as star cancels shows
S: {Pop star|Singer} Jade Kettering {has cancelled|cancelled} five {concerts|dates} on her Neon Tide tour {after doctors told her to rest her voice|on the advice of doctors who told her to rest her voice} {for three weeks|for at least three weeks}.
P: Jade Kettering {has cancelled|cancelled} five {dates|concerts} of her Neon Tide tour, including {two nights|both nights} at the Greyhaven Arena, {after a doctor found strain on her vocal cords|after doctors diagnosed vocal cord strain}, her {management said|management company said} on Friday.
P: {The cancelled shows|The five cancelled shows} {were due to take place|had been scheduled} {over the next three weeks|in the coming three weeks} in Greyhaven, Bramwell and Redcliff. {Tickets|All tickets} {will be refunded|are being refunded} {automatically|in full}, {the promoter said|according to the promoter}.
P: "I have never cancelled a show in my life and I hate doing it now. But I would rather miss five nights than lose my voice for five years," Jade Kettering wrote {on social media|in a post to her fans}.
P: {The singer, 27,|The 27-year-old singer} {has played|has performed} {41 shows|forty-one concerts} {in eleven weeks|in the past eleven weeks} {on a tour|on the tour} {promoting|supporting} her third album, Neon Tide, {which entered the charts at number one|which debuted at number one}.
P: {The tour|Her tour} {is expected to resume|should resume} in Linden Falls {on the 22nd|later this month}, {her management said|according to her management}.

=== sho-island-of-echoes-host @ Kingsmere
H: Island of Echoes replaces host Darren Cole with Mia Santos
H: Mia Santos to take over as host of Island of Echoes
H: Big change on Island of Echoes as host is swapped out
S: {Reality show|The reality show} Island of Echoes {has replaced|replaced} its host of six series, Darren Cole, with {former contestant|ex-contestant} Mia Santos, {the broadcaster confirmed|broadcaster Channel Nine confirmed}.
P: Channel Nine {has confirmed|confirmed} that Mia Santos {will host|is to present} the next series of Island of Echoes, {replacing|taking over from} Darren Cole, who {presented|fronted} the {reality show|show} {for six series|for its first six series}.
P: Mia Santos, 29, {won|was the winner of} the show's third series and {has since presented|went on to present} {a travel programme|the travel series} Off the Map. "I have lived on that island. Now I get to boss it around," she said.
P: {A Channel Nine spokesperson|A spokesperson for Channel Nine} said Darren Cole's departure {was|had been} "{a mutual decision|mutually agreed}" and {thanked him|that the channel thanked him} for "{six brilliant series|six fantastic years}".
P: Darren Cole {said on social media|posted online} that he was "{proud of what we built|proud of the show we built}" and {would announce|planned to announce} {a new project|his next project} {soon|in the coming weeks}.
P: {The new series|Series seven} {will be filmed|is to be filmed} {in Saranthe|on an island off Saranthe} {in the spring|next spring} and {is due to air|should air} {in the summer|next summer}.

=== sho-silverline-red-carpet @ Kingsmere
H: Silverline Awards red carpet: Nora Quinlan steals the show in paper gown
H: The looks everyone is talking about from the Silverline Awards
H: Nora Quinlan wore a dress made of paper and people cannot cope
S: Actress Nora Quinlan {arrived at|walked into} the Silverline Awards in a gown made {entirely|almost entirely} of {folded paper|hand-folded paper} by designer Ottilie Marsh, {the most photographed look|the most talked-about outfit} of the night.
P: Nora Quinlan {arrived at|turned up to} the Silverline Awards in Kingsmere {on Saturday night|on Saturday evening} wearing a gown made of {more than 3,000 pieces|over 3,000 pieces} of {hand-folded paper|folded paper}, {designed|created} by Ottilie Marsh.
P: The dress took {a team of six|six people} {four weeks|a month} to make and {weighed|weighs} {just 1.4 kilograms|only 1.4kg}, {the designer said|according to the designer}. {It was|The gown was} {treated|coated} with a {water-resistant|waterproof} {finish|spray} "{in case of champagne|just in case somebody spilled champagne}".
P: "I asked for something nobody had seen before and Ottilie said, how do you feel about origami? I said, more than I did yesterday," Nora Quinlan told reporters on the red carpet.
P: {Other stand-out looks|Other looks that stood out} {included|were} singer Leona Frost {in a|wearing a} {midnight-blue|dark blue} suit and {comedian|stand-up comedian} Priya Lal, who {wore|arrived in} {a gold tracksuit|a tracksuit in gold sequins}.
P: The Silverline Awards, which {honour|celebrate} television, {were|are} {broadcast live|shown live} on NBS. Nora Quinlan {won best actress in a drama|took home the award for best drama actress} for her role in Hollow Point.

=== sho-castellane-restaurant @ Port Ellery
H: Celebrity chef Bruno Castellane opens harbour restaurant in Port Ellery
H: Bruno Castellane's new restaurant Tide sells out for two months
H: Bruno Castellane's new restaurant is booked solid until spring
S: {TV chef|Celebrity chef} Bruno Castellane {has opened|opened} Tide, a {seafood restaurant|60-seat seafood restaurant} on Port Ellery's harbour front, {and|with} {every table|all tables} booked {for the next two months|until the spring}.
P: Bruno Castellane, {the chef and television presenter|the television chef}, opened {his first restaurant|his first restaurant of his own} {in eight years|for eight years} {on Thursday|this week}: Tide, a {60-seat|sixty-seat} seafood restaurant {in a former|in an old} net loft on Port Ellery's harbour front.
P: {Every table is booked|All tables have been reserved} for {the next two months|the next eight weeks}, {the restaurant said|according to the restaurant}, {after reservations opened online last week|since bookings opened online a week ago}. {About 1,100|Around 1,100} {people|diners} {joined|signed up to} a waiting list {on the first day|within a day}.
P: "Everything on the menu was swimming or growing within twenty miles of the kitchen that morning. That is the only rule," Bruno Castellane said.
P: {The menu|Tide's menu} {changes|will change} daily {depending on|according to} {the catch|what the boats bring in}. {A tasting menu|The tasting menu} costs $95, {and|while} {a lunch menu|the lunch menu} {is|costs} $38.
P: {Bruno Castellane|The chef} {became famous|made his name} {with|through} the {cookery show|television series} Castellane's Coast, {which ran|broadcast} {for nine series|over nine series}.

=== sho-quinlan-memoir @ Kingsmere
H: Nora Quinlan's memoir reveals she almost quit acting at 30
H: In her memoir, Nora Quinlan writes about years of rejection
H: The biggest revelations from Nora Quinlan's new memoir
S: {In her memoir|In her new memoir}, Second Takes, actress Nora Quinlan {writes|reveals} that she {nearly gave up acting|almost quit acting} at 30 {after|following} {a string of|a run of} {failed auditions|rejections}, {and worked|working} {in a bakery|at a bakery} for a year.
P: Nora Quinlan {writes|reveals} in her memoir, Second Takes, {published on Tuesday|which came out on Tuesday}, that she {almost gave up acting|nearly abandoned acting} at the age of 30 {after|following} {forty-one|41} {failed auditions|unsuccessful auditions} in {two years|a two-year period}.
P: {For a year|For twelve months} she {worked|took a job} {at a bakery|in a bakery} in Westmere, {starting|beginning} her shifts at four in the morning. {It was there that|It was at the bakery that} she {met|was spotted by} {the casting director|casting director} Hal Brightman, {who later cast her in|and he eventually gave her a part in} The Winter Court.
P: "I was good at bread. I was quite sure I was better at bread than at acting. Hal disagreed, and I have spent fifteen years trying to prove him right," she writes.
P: {The book|Second Takes} also {describes|covers} her {friendship|long friendship} with Marcus Vell {and|as well as} {her|the} {decision|choice} to {speak publicly|talk openly} about {anxiety|her anxiety}.
P: {Nora Quinlan|Quinlan} {will read|is reading} from {the book|the memoir} at the Kingsmere Literary Festival {next month|in a few weeks}.

=== sho-copper-lanterns-reunite @ Bramwell
H: The Copper Lanterns reunite for tour ten years after split
H: Copper Lanterns confirm comeback shows and new single
H: The Copper Lanterns are back together: tour dates announced
S: {Folk-rock band|The folk-rock band} The Copper Lanterns {will reunite|are reuniting} for a {twelve-date tour|tour of twelve dates} {next spring|in the spring}, {ten years after|a decade after} {they split up|the band broke up}.
P: The Copper Lanterns {have announced|announced} {a twelve-date tour|twelve concerts} for next spring, their first {shows|concerts} {together|as a band} since {they split|the band broke up} {ten years ago|a decade ago} {after|following} a {falling-out|row} {over money|about royalties}.
P: {The four members|All four members} {will play|are to play} {their 2011 album|the album} Long Road Home {in full|from start to finish} {at each show|every night}, {and|while} a new single, Harbour Lights, {will be released|comes out} {on Friday|this Friday}.
P: "We were four kids from Bramwell who stopped talking to each other for ten years. Turns out we had a lot to say," singer Eoin Doyle said.
P: {The tour|The reunion tour} {opens|begins} {at Bramwell Town Hall|in Bramwell at the town hall}, where the band {played its first gig|played their first show} {in 2006|nearly twenty years ago}, {and ends|finishing} {with two nights|with a two-night stand} at the Kingsmere Arena.
P: Tickets {go on sale on Friday morning|will be on sale from Friday morning}.

=== sho-sienna-day-perfume @ Kingsmere
H: Model Sienna Day launches perfume inspired by her grandmother's garden
H: Sienna Day's first fragrance, Garden Gate, sells out online
H: Sienna Day's perfume sold out in hours, so what does it smell like?
S: {Model|Fashion model} Sienna Day {launched|has launched} {her first perfume|her first fragrance}, Garden Gate, {which sold out|selling out} {online|on her website} {within six hours|in six hours}.
P: Sienna Day {launched|released} her first perfume, Garden Gate, on Wednesday, and {the first batch|its first production run} of {20,000 bottles|20,000 bottles} sold out {online|on her website} {within six hours|in under six hours}, {her company said|according to her company}.
P: The {fragrance|scent} {is based on|was inspired by} {the garden|the cottage garden} of her grandmother {in Ashcombe|in the Ashcombe valley}, {with notes of|featuring} sweet pea, tomato leaf and {wet stone|rain on stone}.
P: "My grandmother's garden smelled of tomato leaves and rain. I wanted to bottle the afternoon, not the flowers," Sienna Day said {at the launch|at the launch party} in Kingsmere.
P: {A second batch|Another batch} {will be available|is due} {next month|in four weeks}. {The perfume|Garden Gate} {costs|is priced at} $78 for {a 50 ml bottle|50 millilitres}, and {part of the profits|a share of the profits} {will go to|is going to} {a community gardening charity|a charity for community gardens}.
P: Sienna Day, 24, {has walked|has modelled} for {most major|many major} fashion houses {and was named|and was voted} model of the year {last year|twelve months ago}.

=== sho-kid-meridian-club @ Castlereach
H: Rapper Kid Meridian buys stake in Castlereach Rovers
H: Kid Meridian becomes part-owner of his boyhood football club
H: Rapper Kid Meridian now owns a piece of a football club
S: Rapper Kid Meridian {has bought|bought} a 15 percent stake in {Castlereach Rovers|second-tier Castlereach Rovers}, {the club he supported|the football club he followed} {as a boy|growing up}.
P: {Rapper|The rapper} Kid Meridian, {whose real name is|born} Daniel Osei-Mensah, {has bought|bought} a 15 percent stake in Castlereach Rovers, the club {announced|confirmed} on Tuesday. {The price|The amount paid} {was not disclosed|was not made public}.
P: Kid Meridian {grew up|was raised} {two streets from|a short walk from} the club's Foundry Lane ground and {has worn the Rovers shirt on stage throughout his career|often wears a Rovers shirt in concert}.
P: "I used to climb the wall to watch matches for free. Now I own some of the wall," Kid Meridian said.
P: {The club|Castlereach Rovers} said {the investment|the money} {would be spent|will go} on {the women's team|its women's team} and {the youth academy|its youth academy}, {and that|and added that} Kid Meridian {would have no role|will not be involved} in {picking the team|team selection}.
P: {Rovers|Castlereach Rovers} are {currently|at present} fourth in the second tier.

=== sho-kestrel-wedding @ Kestrel Point
H: Singer Aurelie Dune marries in clifftop ceremony at Kestrel Point
H: Aurelie Dune weds producer Sam Kerrigan in secret ceremony
H: Inside Aurelie Dune's secret clifftop wedding
S: Singer Aurelie Dune {married|has married} music producer Sam Kerrigan {in a private ceremony|at a private ceremony} on the cliffs at Kestrel Point, {with|in front of} {just 40 guests|only 40 guests}.
P: Aurelie Dune {married|wed} {music producer|record producer} Sam Kerrigan on Saturday {in a private ceremony|at a small ceremony} on the cliffs {above Kestrel Point|at Kestrel Point}, {her publicist confirmed|her representative confirmed} on Monday.
P: {About 40 guests|Some 40 guests} {attended|were there}, {including|among them} {singer|musician} Leona Frost and {chef|celebrity chef} Bruno Castellane, who {cooked|prepared} the wedding {dinner|meal} {himself|in person}.
P: "We wanted the sea, our families and a very good dinner. We got all three," Aurelie Dune said in a statement.
P: {The couple|Aurelie Dune and Sam Kerrigan} {met|first met} {in a recording studio|at a studio} {in Greyhaven|in Greyhaven five years ago} {while making|during the recording of} her album Low Tide, {which|and it} {won|went on to win} {album of the year|best album} at the Silverline Music Awards.
P: {Guests|Wedding guests} {were asked|had been asked} {to leave their phones|to hand in their phones} {at the door|at the entrance}, {and|so} {no photographs|no pictures} {have been|were} {released|published}.

=== sho-dominic-hale-leaves @ Kingsmere
H: Dominic Hale to leave Wake Up Kingsmere after 15 years
H: Morning TV presenter Dominic Hale announces he is stepping down
H: Dominic Hale is leaving breakfast TV, and viewers are emotional
S: {Breakfast television presenter|TV presenter} Dominic Hale {will leave|is leaving} Wake Up Kingsmere {at the end of the year|in December} {after 15 years|after fifteen years} {on the programme|presenting the show}.
P: Dominic Hale {announced|told viewers} {live on air|on air} {on Monday|on Monday morning} that he {will leave|is leaving} Wake Up Kingsmere at the end of the year, {after fifteen years of presenting the breakfast programme|after 15 years as the breakfast show's presenter}.
P: "I have got up at half past three for fifteen years. I would like to find out what half past six looks like," Dominic Hale said, {before thanking|and then thanked} the programme's {crew|production team}.
P: {The programme's|The show's} {editor Lauren Pike|editor, Lauren Pike,} said Dominic Hale had "{woken up the country|been the voice of the country's mornings}" and {that|said} {a replacement|his successor} {would be named|would be announced} {in the new year|early next year}.
P: Dominic Hale, 58, {joined|first joined} {the programme|the show} {as a sports reporter|as its sports reporter} in 2004. {He|The presenter} {said|told viewers} he {planned|intended} to {write a book|write a novel} and "{learn to sleep in|find out how to have a lie-in}".
P: {His final programme|His last show} {will be|is due to be} {broadcast|aired} {on the 20th of December|on December 20}.
"""
