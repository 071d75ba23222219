"""Health events for the demo wire (fictional hospitals and people; written for the project)."""

SECTION = "health"

SHEET = """
=== hea-waiting-lists @ Kingsmere
H: Hospital waiting lists fall for the first time in three years
H: Waiting list shrinks to 612,000 as extra theatre sessions pay off
H: Finally some good news for patients: waiting lists are falling
S: The number of people waiting for planned hospital treatment {fell|dropped} to 612,000 in August, the first {fall|drop} in three years, {after|as} hospitals {added|ran} extra weekend operating sessions.
P: {The number of patients waiting for planned hospital treatment|The waiting list for planned hospital care} {fell|dropped} to 612,000 in August, {down from|from} 628,000 in July, {the Health Ministry said|according to the Health Ministry}, the first monthly fall in three years.
P: {The number of people|Patients} waiting longer than a year {dropped|fell} by {almost a fifth|nearly 20 percent}, to 41,000. The longest waits {remain|are still} in orthopaedics, where {hip and knee patients|patients needing hip and knee operations} wait {an average of|on average} 34 weeks.
P: "{We are turning the corner|The corner is being turned}, but patients who are still waiting in pain will not feel that yet," Health Minister Anita Rowe said.
P: {Hospital managers|Hospital chiefs} {credited|put the improvement down to} {extra weekend theatre sessions|additional weekend operating lists} and {two new|the two new} surgical hubs in Oakhaven and Greyhaven, which {carried out|performed} 9,400 operations {between them|in total} over the summer.
P: The Patients' Association said the figures were {welcome|encouraging} but {warned|cautioned} that winter {pressures usually push|demand typically drives} waiting lists up again {from November|in late autumn}.

=== hea-child-flu @ Kingsmere
H: Flu vaccine to be offered to all children aged 2 to 11
H: Nasal flu spray extended to every primary school child
H: Kids to get free flu vaccine this winter: what parents need to know
S: {Every child aged two to eleven|All children aged 2 to 11} {will be offered|can get} a free nasal flu vaccine this winter, {after|as} health officials {expanded|widened} the programme to {cut|reduce} hospital admissions.
P: {All children aged two to eleven will be offered|Every child between two and eleven is to be offered} a free flu vaccine this winter, the National Immunisation Board {announced|said} on Monday, {extending|expanding} a programme that {previously|until now} {covered|reached} only children aged two to five.
P: The vaccine is given as a {nasal spray|spray up the nose} {rather than|instead of} an injection. Primary school pupils {will receive|will get} it at school {from October|starting in October}, while younger children {can get it|will be vaccinated} at their family doctor.
P: "Children are the great spreaders of flu. Protect them and you protect their grandparents," said the board's chair, Dr Lucy Amankwah.
P: {Last winter|During last winter}, flu {put|sent} {about 4,300 children|some 4,300 children} into hospital, {the highest number|the most} in a decade. Officials {expect the expanded programme to prevent|estimate that the expanded programme will avoid} {around|about} a third of those admissions.
P: Parents {will receive|will be sent} a consent form {through|via} their child's school {in September|next month}.

=== hea-oakhaven-clinic @ Oakhaven
H: Oakhaven opens 24-hour urgent care clinic
H: New round-the-clock clinic aims to ease pressure on Oakhaven A&E
H: No more six-hour waits? Oakhaven's new clinic never closes
S: A 24-hour urgent care clinic {opened|has opened} in Oakhaven, {aiming|designed} to treat {minor injuries and illnesses|minor injuries} {away from|outside} the {town's|city's} busy emergency department.
P: {An urgent care clinic that never closes|A round-the-clock urgent care clinic} {opened|has opened} in central Oakhaven {on Monday|this week}, {to treat|for} sprains, cuts, {minor burns|small burns} and infections {that currently|which now} {end up|wind up} in the hospital's emergency department.
P: The clinic, {in the former|housed in the old} Oakhaven post office {on Market Street|in Market Street}, {has|is staffed by} 14 nurse practitioners and {four doctors|4 doctors} {and can see|and is able to see} {up to|as many as} 250 patients a day.
P: "Half the people in our emergency department at three in the morning do not need an emergency department," said Dr Femi Oladipo, {the clinic's medical director|medical director of the clinic}.
P: {Oakhaven General Hospital|The town's general hospital} {recorded|saw} {average waits|an average wait} of {five hours and forty minutes|5 hours 40 minutes} in its emergency department last winter, {among the longest|one of the longest} in the country.
P: Patients can {walk in|simply walk in} or {book|make} an appointment {through|by calling} the national health line.

=== hea-walking-study @ Westmere
H: Twenty minutes of walking a day cuts heart risk by a fifth, study finds
H: Westmere study links daily walks to fewer heart attacks
H: The simple daily habit that could protect your heart
S: {Adults who walked|People who walked} {at least|for at least} 20 minutes a day were about 21 percent less likely to {have|suffer} a heart attack or stroke {over ten years|in a decade}, {according to a University of Westmere study|a University of Westmere study of 14,000 adults found}.
P: {Adults who walked|People who walked} {for at least|at least} 20 minutes a day were {21 percent less likely|about a fifth less likely} to have a heart attack or stroke over ten years than those who {walked|walked for} less than five minutes, {a University of Westmere study has found|researchers at the University of Westmere have found}.
P: The study {followed|tracked} {14,000 adults|more than 14,000 adults} aged 40 to 75 who wore activity trackers for a week {at the start|at the beginning} and {again|once more} every two years. It was {published|released} in the Journal of Population Health.
P: "You do not need a gym, a bicycle or a special diet. You need shoes and twenty minutes," said the study's lead author, Professor Ingrid Halvorsen.
P: The benefit {held|remained} after {the researchers|researchers} {accounted for|took into account} smoking, weight and income, {although|though} {the authors|the study's authors} {noted|cautioned} that an observational study {cannot prove|could not prove} cause and effect.
P: {Brisk walking|Walking briskly} {appeared to|seemed to} {help more|be more helpful} than {strolling|a slow stroll}, {but|yet} even slow walkers {saw|showed} {a benefit|some benefit}, the study found.

=== hea-bramwell-measles @ Bramwell
H: Measles outbreak in Bramwell reaches 37 cases
H: Bramwell opens drop-in vaccine clinics as measles spreads
H: Measles is back in Bramwell: here is how to protect your family
S: {Health officials in Bramwell|Bramwell health officials} {have confirmed|confirmed} 37 cases of measles {in five weeks|since early last month} and opened drop-in vaccination clinics {at schools and libraries|in libraries and schools}.
P: {Health officials have confirmed|Officials have confirmed} 37 cases of measles in Bramwell {since the start of last month|in the past five weeks}, {the largest outbreak|the biggest outbreak} in the region {for eight years|in eight years}. {Nine of the patients|Nine patients} {needed|were admitted for} hospital treatment.
P: {Most cases|Most of the cases} are in children under ten who had not been {vaccinated|fully vaccinated}, {according to|said} the regional public health director, Dr Samir Haddad.
P: "Measles is not a mild childhood illness. It is the most contagious virus we know, and the vaccine is the only wall we have," Dr Samir Haddad said.
P: {Drop-in clinics|Walk-in clinics} {will open|are opening} at {three libraries|three public libraries} and {four primary schools|four primary schools} from {Saturday|this weekend}, {offering|giving} the {combined|two-dose} measles, mumps and rubella vaccine {with no appointment|without an appointment}.
P: {Vaccination rates in Bramwell are|Uptake of the vaccine in Bramwell is} 84 percent {for two doses|for both doses}, well below the 95 percent needed to {stop|prevent} outbreaks.

=== hea-nurses-pay @ Kingsmere
H: Nurses accept 7 percent pay deal, ending dispute
H: Nurses' union members vote yes to pay offer
H: Nurses back pay rise, calling off planned strikes
S: Nurses {voted|have voted} to accept a 7 percent pay rise over two years, {ending|bringing to an end} a dispute that {had led to|saw} two days of strikes {in the spring|earlier this year}.
P: {Members of the Nurses' Union|Nurses' Union members} {voted|have voted} to accept a pay offer {worth|of} 7 percent over two years, {ending|settling} a {year-long|twelve-month} dispute that {included|saw} two days of strikes in the spring.
P: Sixty-eight percent of those voting {backed|supported} the deal, on a turnout of 61 percent. The offer {includes|also includes} {a one-off payment|a lump sum} of $1,200 and {shorter|reduced} {training|study} hours for newly qualified nurses.
P: "It is not everything we asked for, but it is a serious offer and our members have recognised that," said the union's general secretary, Bernadette Kaye.
P: Health Minister Anita Rowe {welcomed|said she welcomed} the result and {said|added that} the deal would cost {about $900 million|around $900m} {a year|annually} {once fully in place|when fully implemented}.
P: The union {called off|cancelled} {two further strike days|two more strike days} that had been planned for {next month|later this month}.

=== hea-helpline-calls @ Greyhaven
H: Mental health helpline calls up 40 percent in a year
H: Listening Line gets $14m boost as demand surges
H: Record number of people are calling for help, says helpline
S: {Calls to|Calls made to} the national {Listening Line|Listening Line helpline} {rose|increased} by 40 percent in a year, {and|as} the government {announced|said it would give} $14 million {to hire|to recruit} 300 more {counsellors|trained counsellors}.
P: {The national Listening Line|The Listening Line, the national mental health helpline,} {answered|took} {1.3 million calls|more than 1.3 million calls} in the past twelve months, {up 40 percent|40 percent more} than the year before, {according to its annual report published on Thursday|figures in its annual report released on Thursday show}.
P: {The biggest rise|The steepest increase} was among {people aged 18 to 24|18- to 24-year-olds}, whose calls {nearly doubled|almost doubled}. {Money worries|Financial worries} and loneliness were the {most common|two most common} reasons {given|people gave} for calling.
P: "Every call is somebody deciding not to carry something alone. That should not have to wait in a queue," said the helpline's director, Catriona Wells.
P: The government {will provide|is providing} $14 million {to recruit|to hire and train} 300 {additional|more} counsellors and {reduce average waiting times, which reached|cut the average wait, which has reached} 11 minutes at evening peaks.
P: The Listening Line {is free|is free to call} and {open|staffed} 24 hours a day.

=== hea-calmira-approval @ Kingsmere
H: Regulator approves new migraine treatment Calmira
H: Monthly injection for migraine gets the green light
H: New migraine jab approved: who can get it
S: The Medicines Agency {approved|has approved} Calmira, a monthly injection {that cut|which halved} migraine days for {about half|around half} of patients in trials, {for adults|for use in adults} {who|whose migraines} have not responded to other treatments.
P: The Medicines Agency {has approved|approved} Calmira, a monthly {injection|injected treatment} for migraine, for adults who {have at least four migraine days a month|get four or more migraine days a month} and have not been helped by {at least two|two or more} other treatments.
P: In {clinical trials|trials} involving {2,100 patients|about 2,100 patients}, {around half|about half} of those {given|taking} Calmira {saw|had} their migraine days {halved|cut by half or more}, compared with a quarter of those {given a placebo|on a placebo}.
P: "For people who lose a week a month to migraine, that is a week of their life back," said neurologist Dr Helena Fairbairn, who {led|ran} one of the trials.
P: The drug's {maker|manufacturer}, Veradyne Pharmaceuticals, {has not disclosed|has not yet published} its price. The national health service {will decide|is to decide} {within three months|in the next three months} whether to fund it.
P: {The most common side effects|Common side effects} {were|included} {soreness at the injection site|pain where the injection was given} and constipation.

=== hea-redcliff-robot @ Redcliff
H: Redcliff hospital carries out its first robotic surgery
H: Robot-assisted operation a first for Redcliff General
H: Surgeons and a robot: inside Redcliff's new operating theatre
S: Surgeons at Redcliff General Hospital {carried out|performed} {their first|the hospital's first} robot-assisted operation, {removing|taking out} a patient's prostate {through five small cuts|using five small incisions}.
P: Surgeons at Redcliff General Hospital {have carried out|carried out} {the hospital's first|their first} robot-assisted operation, {removing|taking out} the prostate of a 64-year-old man {through|via} five {small incisions|keyhole cuts} {on Tuesday|earlier this week}.
P: {The $2.4 million system|The system, which cost $2.4 million,} {was paid for|was funded} {partly|in part} by {a local fundraising campaign|local fundraising} that {raised|brought in} $800,000 {in eighteen months|over eighteen months}, {led by|organised by} the Redcliff Rotary Club.
P: "The robot does not operate. I operate, with better eyes and steadier hands than I was born with," said consultant urologist Mr Daniel Achterberg, who led the {operation|procedure}.
P: {Patients who have robotic surgery|Patients operated on with the robot} {typically|usually} {go home|leave hospital} {a day or two sooner|one or two days earlier}, the hospital said. It {plans|aims} to {use the robot for|extend its use to} bowel and gynaecological surgery {next year|within a year}.
P: The patient, who asked not to be named, {was recovering well, according to the hospital|is recovering well, hospital staff said}.

=== hea-sugar-tax @ Kingsmere
H: Sugar in soft drinks down 28 percent since sugar tax, report finds
H: Sugar levy has made fizzy drinks less sweet, says review
H: The sugar tax worked, says official review
S: {The amount of sugar|Sugar} sold in soft drinks {has fallen|fell} by 28 percent {since|in the five years since} the sugar levy {was introduced|came in}, {an official review|a government review} {found|has found}.
P: {The sugar content of soft drinks sold in the country|The amount of sugar in soft drinks sold here} {has fallen|fell} by 28 percent in the five years since the soft drinks levy {was introduced|began}, {according to|says} a review {by|from} the Public Health Institute {published on Tuesday|out on Tuesday}.
P: {Most of the drop|Much of the fall} {came from|was due to} manufacturers {changing|reformulating} their recipes {to get under|to stay below} the levy's threshold of five grams of sugar per 100 millilitres, {rather than|not from} people {buying fewer drinks|drinking less}.
P: "The levy was never really aimed at shoppers. It was aimed at recipes, and recipes changed," said the institute's {director|chief executive}, Dr Owen Maitland.
P: The levy has raised {about $1.2 billion|some $1.2bn} since it was {introduced|launched}, {which has been spent|money that has gone} on {school sports facilities|sports facilities at schools} and breakfast clubs.
P: {The review|The report} {recommends|suggests} {extending|expanding} the levy to {sweetened milk drinks|milk-based drinks with added sugar}, which are {currently|at present} exempt.

=== hea-heatwave-alert @ Kingsmere
H: Amber heat-health alert issued as temperatures head for 34C
H: Heatwave warning for five regions this weekend
H: Scorcher ahead: how to stay safe in the heatwave
S: {Health officials have issued|The Public Health Institute has issued} an amber heat-health alert for five regions, with temperatures {forecast|expected} to {reach|hit} 34C {by Saturday|on Saturday}.
P: The Public Health Institute {issued|has issued} an amber heat-health alert for five regions {on Thursday|from Thursday}, with temperatures {forecast to reach|expected to hit} 34C in Kingsmere and Ashcombe {on Saturday|by Saturday}.
P: {The alert|An amber alert} {means|warns} that the heat is likely to {affect|put pressure on} {health services|hospitals and care homes} and that older people and those with heart or lung conditions are {at greater risk|most at risk}.
P: "Check on your older neighbours, close your curtains in the day and drink before you feel thirsty," said the institute's {head of extreme events|extreme events lead}, Dr Rosa Mbeki.
P: {Care homes and hospitals|Hospitals and care homes} {have been told|were told} to {keep cool rooms available|make sure cool areas are available}, and {some councils|several councils} {will open|are opening} {libraries|public libraries} {as cooling centres|for people to cool off}.
P: {Temperatures are expected to fall|The heat is expected to ease} {on Monday|from Monday} {as|when} {a band of rain|rain} {moves in|arrives} from the west.
"""
