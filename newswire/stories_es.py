"""Spanish-language stories of El Faro del Sur, a local paper on the fictional Puerto Alba coast.

Each event names its own section (C:) and is covered only by El Faro (O:)."""

SECTION = "world"  # every event below overrides it with C:

SHEET = """
=== es-temporada-record @ Puerto Alba
C: tourism
O: el-faro
H: Puerto Alba cierra la mejor temporada turística de su historia
S: La ciudad recibió 412.000 visitantes entre junio y septiembre, un 11 por ciento más que el año pasado, según la oficina municipal de turismo.
P: Puerto Alba ha cerrado la mejor temporada turística de su historia, con 412.000 visitantes entre junio y septiembre, un 11 por ciento más que el verano anterior, según los datos presentados el lunes por la oficina municipal de turismo.
P: La ocupación hotelera alcanzó el 94 por ciento en agosto y los apartamentos turísticos rozaron el lleno durante todo el verano. El gasto medio por visitante se situó en 86 euros diarios.
P: "Hemos conseguido que la gente venga también en junio y en septiembre, y eso cambia la vida de los negocios del puerto", explicó la concejala de Turismo, Marta Ledesma.
P: Los hosteleros, sin embargo, advierten de la falta de camareros y cocineros. La asociación del sector calcula que este verano quedaron sin cubrir unos 300 puestos de trabajo.
P: El ayuntamiento prepara una campaña para atraer visitantes en otoño, centrada en la gastronomía del mar y en la ruta de los faros de la costa.

=== es-presupuesto-municipal @ Puerto Alba
C: politics
O: el-faro
H: El pleno aprueba el presupuesto municipal con los votos del gobierno local
S: El ayuntamiento de Puerto Alba aprobó un presupuesto de 58 millones de euros para el próximo año, con una fuerte inversión en el paseo marítimo y en vivienda.
P: El pleno del ayuntamiento de Puerto Alba aprobó el jueves el presupuesto municipal para el próximo año, que asciende a 58 millones de euros, con los votos a favor del equipo de gobierno y el rechazo de toda la oposición.
P: La partida más importante, de 9,4 millones, se destinará a la reforma del paseo marítimo, dañado por los temporales del pasado invierno. Otros 6 millones irán a la construcción de 80 viviendas de alquiler asequible en el barrio de San Telmo.
P: "Es un presupuesto para que los jóvenes de Puerto Alba puedan quedarse a vivir en Puerto Alba", defendió el alcalde, Ramón Villalobos, durante el debate.
P: La portavoz de la oposición, Elena Sáez, criticó la subida del 4 por ciento en la tasa de basuras y acusó al gobierno local de "pagar las obras con el bolsillo de los vecinos".
P: El presupuesto entrará en vigor el 1 de enero, una vez publicado en el boletín oficial de la provincia.

=== es-ascenso-villamar @ Puerto Alba
C: sports
O: el-faro
H: El CD Puerto Alba asciende a Segunda tras ganar en el último minuto
S: Un gol de cabeza de Iker Salazar en el minuto 93 dio al CD Puerto Alba la victoria por 2-1 y el ascenso de categoría ante 7.000 aficionados.
P: El CD Puerto Alba consiguió el domingo el ascenso a Segunda División tras vencer por 2-1 al Atlético Sierra Norte en un estadio de La Caleta lleno hasta la bandera, con más de 7.000 aficionados en las gradas.
P: El equipo visitante se adelantó en la primera parte, pero Javi Roldán empató de penalti a la hora de juego. Cuando el partido parecía terminar en tablas, el central Iker Salazar remató de cabeza un córner en el minuto 93.
P: "No he marcado un gol así ni en el patio del colegio. Esto es para mi padre, que no se ha perdido un partido en treinta años", dijo Salazar, todavía sobre el césped.
P: El club vuelve a Segunda once años después de su último descenso. El presidente, Tomás Arrieta, anunció que la ampliación de la grada norte comenzará este mismo verano.
P: Miles de personas celebraron el ascenso por la noche en la plaza del Ayuntamiento, donde la plantilla salió al balcón con el trofeo.

=== es-festival-cine @ Puerto Alba
C: entertainment
O: el-faro
H: El Festival de Cine del Mar de Puerto Alba abre con récord de películas
S: La duodécima edición del festival proyectará 96 películas de 23 países durante nueve días, con la sala del antiguo mercado de pescado como gran novedad.
P: El Festival de Cine del Mar de Puerto Alba inauguró el viernes su duodécima edición con la proyección de 96 películas procedentes de 23 países, la cifra más alta desde su creación.
P: La gran novedad de este año es la nueva sala de proyecciones instalada en el antiguo mercado de pescado, rehabilitado por el ayuntamiento, con capacidad para 420 espectadores.
P: "Queríamos que el cine volviera a oler un poco a puerto, y ahora lo hace literalmente", bromeó la directora del festival, Inés Carvajal, durante la gala de apertura.
P: La sección oficial incluye 14 largometrajes, entre ellos la película de clausura, Mareas vivas, rodada íntegramente en la costa de Puerto Alba con vecinos como actores.
P: Las entradas cuestan 5 euros y las proyecciones al aire libre en la playa de La Caleta son gratuitas.

=== es-humorista-lonja @ Puerto Alba
C: comedy
O: el-faro
H: La humorista Paloma Reina agota las entradas de sus doce funciones en la lonja
S: El espectáculo Mi madre no lo sabe, sobre la vida en un pueblo de pescadores, llenará la antigua lonja durante doce noches seguidas.
P: La humorista Paloma Reina, nacida en Puerto Alba, ha agotado en menos de un día las entradas de las doce funciones de su espectáculo Mi madre no lo sabe, que se representará en la antigua lonja a partir del próximo jueves.
P: El monólogo, de hora y media, repasa con humor su infancia en una familia de pescadores y su llegada a la capital para estudiar teatro. Desde su estreno, hace dos años, lo han visto más de 120.000 personas.
P: "Mi madre sigue sin venir a verme porque dice que ya se sabe todas las historias. Y tiene razón, pero ella las cuenta peor", aseguró la cómica en una entrevista con este periódico.
P: Ante la demanda, la organización estudia añadir dos funciones más en diciembre. Parte de la recaudación se destinará a la cofradía de pescadores de Puerto Alba.
P: Paloma Reina recibió el año pasado el premio nacional al mejor espectáculo de humor.

=== es-centro-salud @ Puerto Alba
C: health
O: el-faro
H: Abre el nuevo centro de salud de San Telmo con urgencias las 24 horas
S: El centro atenderá a 22.000 vecinos y contará con 14 médicos, pediatría y un servicio de urgencias abierto día y noche.
P: El nuevo centro de salud del barrio de San Telmo abrió sus puertas el lunes con un servicio de urgencias disponible las 24 horas, una demanda histórica de los vecinos de la zona norte de Puerto Alba.
P: El edificio, que ha costado 7,2 millones de euros, atenderá a unas 22.000 personas y cuenta con 14 médicos de familia, tres pediatras, una unidad de fisioterapia y una sala de radiología.
P: "Hasta hoy, un vecino de San Telmo con fiebre a las tres de la mañana tenía que cruzar toda la ciudad. Eso se ha terminado", afirmó la directora del centro, la doctora Lourdes Pizarro.
P: La asociación de vecinos celebró la apertura, aunque pidió más líneas de autobús para llegar al centro desde las urbanizaciones más alejadas.
P: Las citas pueden pedirse por teléfono, por internet o en el propio centro.

=== es-cooperativa-pescadores @ Puerto Alba
C: business
O: el-faro
H: La cooperativa de pescadores venderá su pescado directamente a los restaurantes
S: La cooperativa lanza una plataforma para vender sin intermediarios, con la que espera aumentar un 20 por ciento los ingresos de sus 140 socios.
P: La cooperativa de pescadores de Puerto Alba ha puesto en marcha una plataforma en internet para vender su pescado directamente a restaurantes y pescaderías de la provincia, sin pasar por intermediarios.
P: Los 140 socios de la cooperativa esperan aumentar sus ingresos en torno a un 20 por ciento. Los pedidos se hacen antes de las seis de la mañana y el pescado se entrega ese mismo día.
P: "El pescado de Puerto Alba se servía en restaurantes de toda la costa sin que nadie supiera de dónde venía. Ahora lo sabrán, y nosotros cobraremos lo que vale", explicó el presidente de la cooperativa, Julián Otero.
P: Ya se han adherido 64 restaurantes. La plataforma ha recibido una ayuda de 180.000 euros de los fondos regionales para la modernización del sector pesquero.
P: La cooperativa prevé ampliar el servicio a los particulares el próximo año.

=== es-faro-restaurado @ Puerto Alba
C: science-tech
O: el-faro
H: El faro de Punta Negra vuelve a funcionar con una linterna solar
S: El faro, apagado desde hace cuatro años, vuelve a iluminar la costa gracias a una linterna LED alimentada por paneles solares y baterías.
P: El faro de Punta Negra, apagado desde hace cuatro años por una avería en su sistema eléctrico, volvió a encenderse el sábado con una nueva linterna LED alimentada por paneles solares.
P: La instalación, diseñada por ingenieros de la Universidad de la Costa, funciona con 24 paneles y un banco de baterías que garantiza cinco noches de luz sin sol. El alcance de la luz es de 22 millas náuticas.
P: "Hemos devuelto a Punta Negra lo que siempre tuvo: una luz que se ve desde muy lejos y que ahora no gasta ni un euro en electricidad", dijo el ingeniero jefe del proyecto, Álvaro Quintana.
P: La reparación ha costado 340.000 euros. El antiguo mecanismo de relojería de la lámpara, de 1902, se expondrá en el museo del puerto.
P: Decenas de vecinos se acercaron al cabo para ver el primer destello, poco después de la puesta de sol.
"""
