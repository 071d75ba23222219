"""Business events for the demo wire (fictional companies and people; written for the project)."""

SECTION = "business"

SHEET = """
=== biz-northwind-profit @ Kingsmere
H: Northwind Airlines posts record $412m quarterly profit
H: Northwind adds 14 routes after best quarter in its history
H: Holiday boom sends Northwind Airlines profits soaring
S: Northwind Airlines {reported|posted} a record quarterly profit of $412 million {on strong summer demand|thanks to busy summer travel} and {announced|said it would launch} 14 new routes.
P: Northwind Airlines {reported|announced} a {record|record-breaking} profit of $412 million for the three months to September on Thursday, {up 38 percent on|38 percent higher than} {a year earlier|the same period last year}, {as|after} summer travel {demand|bookings} exceeded its forecasts.
P: The airline {carried|flew} 9.6 million passengers in the quarter and {filled|sold} 91 percent of its seats, {a record for the company|its highest ever load factor}. {Average fares|Average ticket prices} rose 6 percent.
P: "People are putting travel ahead of almost everything else in their budgets," chief executive Sandra Kowal {told analysts|said on a call with analysts}. "We do not expect that to change next summer."
P: Northwind {will add|plans to add} 14 routes from Kingsmere and Kestrel Point next spring, including {its first flights|first services} to Talvia, and has {ordered|placed an order for} six more narrow-body aircraft.
P: {Shares in Northwind|Northwind's shares} {rose|climbed} 7 percent {in morning trading|by midday}. {Analysts|Some analysts} {cautioned|warned} that higher fuel costs could {squeeze|erode} margins in the winter.

=== biz-rate-rise @ Kingsmere
H: Central bank raises interest rate to 4.5 percent
H: Rates up a quarter point as central bank fights sticky inflation
H: Mortgages set to rise after central bank lifts rates again
S: The central bank {raised|lifted} its main interest rate by a quarter of a percentage point to 4.5 percent, {its third rise this year|the third increase this year}, {citing|pointing to} stubborn price rises in services.
P: The central bank {raised|increased} its benchmark interest rate by 0.25 percentage points to 4.5 percent on Thursday, {its third rise|the third increase} this year, {saying|and said} inflation in services {remained|was still} {too high|uncomfortably high}.
P: {Seven of the nine members|Seven of nine members} of the monetary policy committee {voted|backed} the rise. Two {preferred|wanted} to hold rates {unchanged|where they were}, {citing|pointing to} signs of a slowing housing market.
P: "We are close to the end of this tightening, but we are not there yet," Governor Alistair Penhaligon {said|told a news conference}. "We will not declare victory over inflation {too early|prematurely}."
P: {Lenders|Banks} {are expected to|will probably} pass on the increase {quickly|within days}. The rise {adds|will add} about $38 a month to {a typical|an average} variable-rate mortgage of $250,000, {according to|by the calculations of} the Mortgage Advice Bureau.
P: Annual inflation {stood at|was} 3.4 percent last month, {well above|above} the bank's 2 percent target.

=== biz-greengate-closures @ Castlereach
H: Greengate to close 31 supermarkets, putting 1,200 jobs at risk
H: Supermarket chain Greengate shuts 31 stores in restructuring
H: Is your local Greengate closing? Chain to shut 31 shops
S: {Supermarket chain|The supermarket chain} Greengate {will close|is to close} 31 of its 212 stores {by spring|in the next six months}, {putting|placing} about 1,200 jobs at risk.
P: Greengate, the country's {fourth-largest|fourth biggest} supermarket chain, {said on Tuesday|announced on Tuesday} it would close 31 of its 212 stores {over the next six months|by the spring}, {putting|placing} {around 1,200 jobs|about 1,200 jobs} at risk.
P: {Most of the stores|Most stores} {being closed|to close} are {smaller|small} town-centre shops {that opened|opened} in the early 2000s. The company said {footfall|visitor numbers} at those {sites|stores} had fallen by a quarter in five years.
P: "These are hard decisions about real people, and we will do everything we can to offer them roles elsewhere in Greengate," said chief executive Fiona Marlow.
P: The Retail Workers' Union {called the closures|described the closures as} "{a body blow to high streets|a blow to town centres that are already struggling}" and {demanded|asked for} talks {on redeployment|about redeployment}. {Greengate said|The company said} it expected to {move|redeploy} about 400 staff to other stores.
P: Greengate {will|is to} open {nine larger stores|nine bigger stores} {on the edge of towns|in out-of-town locations} over the same period.

=== biz-halcyon-brightwater @ Harrow Cross
H: Halcyon Energy agrees $2.3 billion takeover of Brightwater Solar
H: Halcyon buys Brightwater in biggest renewables deal of the year
H: Oil-to-power group Halcyon snaps up Brightwater Solar
S: Halcyon Energy {agreed to buy|will buy} Brightwater Solar for $2.3 billion, {a 34 percent premium to|34 percent above} Brightwater's share price, {in the year's biggest clean energy deal|as it shifts from gas to renewables}.
P: Halcyon Energy {has agreed to buy|agreed to acquire} Brightwater Solar for $2.3 billion {in cash|in an all-cash deal}, the two companies {said|announced} on Monday, {in|making it} the largest renewable energy takeover {this year|of the year}.
P: The price {of $14.20 a share|of $14.20 per share} is 34 percent above Brightwater's closing price on Friday. Brightwater's board {has recommended|recommended} that shareholders accept.
P: "{This deal doubles|The deal doubles} our renewable capacity overnight," Halcyon's chief executive, Victor Amadi, said. "{Gas paid for our past|Gas built this company}. Sun and wind will pay for our future."
P: Brightwater, {founded in Harrow Cross|a Harrow Cross company founded} {eleven years ago|in its founder's garage eleven years ago}, operates {38 solar farms|38 solar parks} with a combined capacity of 1.9 gigawatts.
P: The deal {needs approval from|requires the approval of} the Competition Authority {and is expected to close|and should complete} {in the first half of next year|by the middle of next year}.

=== biz-unemployment @ Kingsmere
H: Unemployment falls to 4.1 percent, lowest in 15 years
H: Jobless rate dips again as employers keep hiring
H: More people in work than ever as unemployment hits 15-year low
S: The unemployment rate {fell|dropped} to 4.1 percent in the three months to August, the lowest {since|in} fifteen years, {with hospitality and care leading the hiring|as care and hospitality drove the hiring}.
P: The unemployment rate fell to 4.1 percent in the three months to August from 4.3 percent, {the Statistics Office said|according to the Statistics Office}, its lowest level in fifteen years.
P: Employers {added|created} {62,000 jobs|about 62,000 jobs} {over the period|in those three months}, {led by|mostly in} hospitality, social care and construction. {The number of vacancies|Job vacancies} fell for the fifth month in a row, to 870,000.
P: "The jobs market is cooling, but from a very hot starting point," said Rachel Oyelaran, chief economist at the Kingsmere Institute. "{This is not yet a downturn|We are not in a downturn}."
P: Average {weekly earnings|pay} {rose|grew} 5.2 percent {from a year earlier|year on year}, {ahead of|outpacing} inflation for {the fourth month running|a fourth consecutive month}.
P: {The central bank will study|Central bank officials are expected to weigh} the figures {closely|carefully} before {its next rate decision|their next decision on rates}.

=== biz-orrin-battery-plant @ Fenwick
H: Orrin Motors to build battery plant in Fenwick with 2,400 jobs
H: Fenwick wins $1.6bn Orrin battery factory
H: Thousands of jobs coming as car maker picks Fenwick for battery plant
S: Orrin Motors {will build|is to build} a $1.6 billion battery factory in Fenwick, {creating|bringing} 2,400 jobs {when it opens|by its opening} in three years.
P: {Car maker|The car maker} Orrin Motors {announced|confirmed} on Wednesday that it {will build|is building} a $1.6 billion battery factory {on the former Fenwick airfield|on Fenwick's old airfield}, {creating|with} 2,400 jobs {when it reaches full production|at full production}.
P: The plant {will make|is to make} batteries for {up to|as many as} 300,000 electric cars a year, {supplying|feeding} Orrin's assembly lines in Fenwick and Castlereach.
P: "We looked at eleven sites in four countries. Fenwick had the land, the grid connection and the people," Orrin's chief executive, Henrik Sahl, said.
P: The government {is contributing|will contribute} $240 million {in grants|in grant funding} {towards|to} the project, {regions minister Graham Holt|the regions minister, Graham Holt,} {confirmed|said}. Construction {begins|will begin} in the spring.
P: {Local business leaders|Business groups in Fenwick} said the factory {would transform|could transform} the town, which {lost about 3,000 jobs|saw some 3,000 jobs disappear} when its {paper mill|paper mills} closed in the 1990s.

=== biz-lumen-pay @ Westmere
H: Lumen Pay raises $85 million to expand into three countries
H: Westmere payments start-up Lumen Pay lands $85m
H: Fintech Lumen Pay now worth $900m after new funding
S: {Payments start-up|Fintech start-up} Lumen Pay {has raised|raised} $85 million {in a funding round|in new funding} {valuing|that values} the Westmere company at {about $900 million|roughly $900m}.
P: Lumen Pay, a Westmere-based {payments company|payments start-up} {that lets|letting} small shops take card payments {on their phones|on a phone}, {has raised|raised} $85 million {in a series C round|in its series C round} {led by|headed by} the investment firm Corvid Capital.
P: The round values Lumen Pay at {about $900 million|around $900m}, {three times|triple} its valuation {eighteen months ago|a year and a half ago}, according to {a person familiar with the deal|a person with knowledge of the deal}.
P: "{Three years ago we were four people and a whiteboard|Three years ago it was four of us and a whiteboard}," co-founder Amara Nwosu said. "Now {140,000 businesses|140,000 shops and cafes} use us every day."
P: The company {plans to|will} {use the money|spend the money} to expand into Valdoria, Estria and Talvia and to {hire|recruit} {about 200 staff|200 more staff}, most of them in Westmere.
P: Lumen Pay {is not yet profitable|does not yet make a profit} but {expects|aims} to {break even|reach break-even} {next year|within a year}, Amara Nwosu said.

=== biz-tidewell-fine @ Port Ellery
H: Shipping firm Tidewell fined $6m over emissions reports
H: Tidewell admits under-reporting fuel use on 22 ships
H: Port Ellery shipping company hit with record emissions fine
S: {Port Ellery shipping company|Port Ellery shipper} Tidewell {was fined|has been fined} $6 million for {under-reporting|understating} the fuel burned by 22 of its ships {over three years|across three years}.
P: Tidewell Shipping, {one of Port Ellery's largest employers|a major Port Ellery employer}, was fined $6 million {on Friday|by a court on Friday} after admitting it {under-reported|understated} fuel use and emissions on 22 vessels {between|in the period between} 2021 and 2023.
P: The Maritime Environment Agency said Tidewell's {reports|returns} {understated|underestimated} carbon dioxide emissions by about 14 percent, {allowing|which allowed} the company to {avoid|escape} {roughly $2.1 million|about $2.1m} in carbon charges.
P: "{This was not a clerical slip|This was no clerical slip}. It was a system that gave the answer the company wanted," said the agency's director of enforcement, Hugh Pemberton.
P: {Tidewell|The company} said it {had|has} {replaced|changed} its fuel monitoring systems and {dismissed|parted ways with} two senior managers. It will also {repay|pay back} the {unpaid|avoided} carbon charges {in full|in their entirety}.
P: The fine is the largest {ever imposed|imposed so far} under the {national|country's} shipping emissions rules, which came into force four years ago.

=== biz-coffee-prices @ Port Ellery
H: Coffee prices hit 14-year high as cafes raise prices
H: The cost of your flat white is going up again
H: Why your morning coffee suddenly costs more
S: {Wholesale coffee prices reached their highest|The wholesale price of coffee hit its highest} level in fourteen years, {and|as} {cafe owners|cafes} {say|warn} customers will {pay|be paying} more.
P: {Wholesale prices for arabica coffee|Wholesale arabica coffee prices} {reached|rose to} their highest level {in fourteen years|for fourteen years} this week, {after|following} poor harvests in {several growing regions|major growing regions} {and|as well as} higher shipping costs.
P: Importers {say|said} the price of {green coffee beans|unroasted beans} has {risen|gone up} {by 62 percent|62 percent} {in twelve months|over the past year}. {Roasters|Coffee roasters} have {begun|started} passing on the increase to cafes and supermarkets.
P: "I have held my prices for two years. I cannot hold them any longer," said Joe Castellano, who runs {three cafes|a small chain of three cafes} in Port Ellery {and will raise|and is raising} the price of a flat white by 40 cents next week.
P: The Cafe Owners' Association {estimates that|reckons} the average price of a cup will {pass|go above} $4 {by the end of the year|before the year is out}, {up from|compared with} $3.40 {a year ago|twelve months ago}.
P: {Supermarkets|Grocers} said {prices for|the price of} ground coffee and {instant coffee|instant} on their shelves {would|will} {rise|increase} {more slowly|more gradually} because {of existing contracts|they have contracts in place}.

=== biz-castlereach-steel @ Castlereach
H: Castlereach steel strike ends with 6.5 percent pay deal
H: Steelworkers vote to accept pay offer, ending three-week walkout
H: Furnaces restart at Castlereach as strike ends
S: {Workers at|Staff at} the Castlereach steelworks {voted to accept|accepted} a 6.5 percent pay rise, {ending|bringing an end to} a three-week strike {that halted|which stopped} production.
P: {Steelworkers at Castlereach|Castlereach steelworkers} {voted|have voted} to accept a pay offer of 6.5 percent, ending a three-week strike that {halted|stopped} production at {the country's last|the country's only remaining} blast furnace steelworks.
P: {Members of the|The} Metalworkers' Federation {backed|approved} the deal by 78 percent on a turnout of 88 percent, {the union said|the union announced}. The offer also includes a one-off payment of $1,500 {and|plus} {an extra day of leave|one extra day of holiday}.
P: "Nobody wins a strike, but our members won a fair deal," said the federation's regional organiser, Kath Brennan. "{We go back in with our heads up|We return to work with our heads held high}."
P: The owner, Castlereach Steel Group, said it {expected|hoped} to restart the {blast furnace|furnace} within {five days|a week}. {The strike cost|Lost production cost} the company {about $45 million|roughly $45m}, it said.
P: {The steelworks employs 3,200 people and supplies|Around 3,200 people work at the steelworks, which supplies} {about a third|a third} of the steel used in the country's construction industry.

=== biz-inflation-dip @ Kingsmere
H: Inflation eases to 2.8 percent as food prices cool
H: Price rises slow for a third month in a row
H: Good news for shoppers as inflation drops below 3 percent
S: {Annual inflation|Consumer price inflation} {fell|slowed} to 2.8 percent last month{ from 3.4 percent,|, down from 3.4 percent,} {as food and energy prices rose more slowly|with food and energy prices rising more slowly}.
P: Annual consumer price inflation {fell|slowed} to 2.8 percent last month from 3.4 percent, the Statistics Office {said|reported} on Wednesday, {its lowest reading|the lowest rate} in nearly three years.
P: Food inflation {eased|slowed} to 3.1 percent from 5.6 percent, {helped by|thanks to} cheaper dairy and vegetables, while {household energy prices|energy bills} fell 4 percent {from a year earlier|year on year}.
P: "{The heavy lifting on inflation has been done|Most of the hard work on inflation is done}. What is left is the stubborn part," said economist Tomasz Walen of Harrow Cross Bank.
P: {Services inflation|Inflation in services}, {which the central bank watches closely|closely watched by the central bank}, {was|remained} {unchanged|steady} at 4.6 percent, {driven by|pushed up by} rents and insurance.
P: {Finance Minister Priya Natarajan|The finance minister, Priya Natarajan,} {welcomed|said she welcomed} the figures {but warned|but cautioned} that "{there is no room for complacency|we cannot be complacent}".
"""
