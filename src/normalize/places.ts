/**
 * Places a dateline may name in ordinary case before a colon, as papers in South Asia and the Gulf reprint agency
 * copy (`Berlin: The foreign minister ...`, `Amman: ...`): the world's capitals and the cities news is most often
 * filed from, in English. A word before a colon is a place only when it is one of these; anything else there is a
 * label or a speaker (`Update: ...`, `Johnson: We will ...`). Places in capitals (`KUALA LUMPUR: `) need no list.
 */
const NAMES = `Abu Dhabi|Abuja|Accra|Addis Ababa|Adelaide|Aden|Ahmedabad|Ajman|Al Ain|Aleppo|Algiers|Almaty|Amman|Amsterdam|
Ankara|Antananarivo|Apia|Ashgabat|Asmara|Astana|Asuncion|Asunción|Athens|Auckland|Baghdad|Baku|Bamako|Bandar Seri Begawan|
Bangalore|Bangkok|Bangui|Banjul|Barcelona|Basra|Beijing|Beirut|Belfast|Belgrade|Bengaluru|Benghazi|Berlin|Bern|Bishkek|
Bissau|Bogota|Bogotá|Bonn|Brasilia|Brasília|Bratislava|Brazzaville|Brisbane|Brussels|Bucharest|Budapest|Buenos Aires|
Bujumbura|Busan|Cairo|Calcutta|Canberra|Cape Town|Caracas|Casablanca|Chennai|Chicago|Chisinau|Colombo|Conakry|
Copenhagen|Dakar|Damascus|Dar es Salaam|Davos|Delhi|Dhaka|Dili|Djibouti|Doha|Dubai|Dublin|Dushanbe|Edinburgh|Erbil|
Frankfurt|Freetown|Gaborone|Gaza|Geneva|Georgetown|Guatemala City|Hanoi|Harare|Havana|Helsinki|Ho Chi Minh City|
Hong Kong|Honiara|Houston|Hyderabad|Islamabad|Istanbul|Jakarta|Jeddah|Jerusalem|Johannesburg|Juba|Kabul|Kampala|
Kandahar|Karachi|Kathmandu|Khartoum|Kigali|Kingston|Kinshasa|Kolkata|Kuala Lumpur|Kuwait City|Kyiv|Kiev|La Paz|Lagos|
Lahore|Libreville|Lilongwe|Lima|Lisbon|Ljubljana|Lome|Lomé|London|Los Angeles|Luanda|Lusaka|Luxembourg|Madrid|Majuro|
Malabo|Male|Malé|Managua|Manama|Manila|Maputo|Maseru|Mbabane|Mecca|Medina|Melbourne|Mexico City|Milan|Minsk|Mogadishu|
Monaco|Monrovia|Montevideo|Montreal|Moroni|Moscow|Mosul|Mumbai|Munich|Muscat|N'Djamena|Nairobi|Nassau|Naypyidaw|
New Delhi|New York|Niamey|Nicosia|Nouakchott|Nuku'alofa|Oslo|Ottawa|Ouagadougou|Palikir|Panama City|Paramaribo|Paris|
Perth|Peshawar|Phnom Penh|Podgorica|Port Louis|Port Moresby|Port-au-Prince|Port of Spain|Porto-Novo|Prague|Praia|
Pretoria|Pristina|Pyongyang|Quetta|Quito|Rabat|Ramallah|Rangoon|Ras Al Khaimah|Reykjavik|Riga|Riyadh|Rio de Janeiro|
Rome|Roseau|Sanaa|San Francisco|San Jose|San José|San Salvador|Santiago|Santo Domingo|Sao Paulo|São Paulo|Sarajevo|
Seoul|Sharjah|Shanghai|Singapore|Skopje|Sofia|Stockholm|Strasbourg|Suva|Sydney|Taipei|Tallinn|Tarawa|Tashkent|Tbilisi|
Tegucigalpa|Tehran|Tel Aviv|Thimphu|Tirana|Tokyo|Toronto|Tripoli|Tunis|Ulaanbaatar|Vaduz|Valletta|Vancouver|Vatican City|
Victoria|Vienna|Vientiane|Vilnius|Warsaw|Washington|Wellington|Windhoek|Yamoussoukro|Yangon|Yaounde|Yaoundé|Yerevan|
Zagreb`;

const KNOWN = new Set(NAMES.split(/\|\s*/));

/** True when `name` is one of the places {@link NAMES} lists, as printed. */
export function isWellKnownPlace(name: string): boolean {
  return KNOWN.has(name);
}
