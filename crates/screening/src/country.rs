//! Country names to ISO 3166-1 alpha-2 codes.
//!
//! Lists spell nationalities as country names ("Russia", "Iran, Islamic Republic of"), as
//! demonyms ("Iranian") or as codes; matching compares codes. The table is our own, written from
//! ISO 3166-1 with the alternative spellings the OFAC, UN and UK lists use.

use std::collections::HashMap;
use std::sync::OnceLock;

/// `CODE:name;alternative;demonym` entries separated by `|`.
const TABLE: &str = "AF:Afghanistan;Afghan|AL:Albania;Albanian|DZ:Algeria;Algerian|AD:Andorra|AO:Angola;Angolan|AG:Antigua and Barbuda|AR:Argentina;Argentine;Argentinian|AM:Armenia;Armenian|AU:Australia;Australian|AT:Austria;Austrian|AZ:Azerbaijan;Azerbaijani|BS:Bahamas;The Bahamas|BH:Bahrain;Bahraini|BD:Bangladesh;Bangladeshi|BB:Barbados|BY:Belarus;Belarusian;Belarussian|BE:Belgium;Belgian|BZ:Belize|BJ:Benin|BT:Bhutan|BO:Bolivia;Bolivia (Plurinational State of);Bolivian|BA:Bosnia and Herzegovina;Bosnia-Herzegovina;Bosnian|BW:Botswana|BR:Brazil;Brazilian|BN:Brunei;Brunei Darussalam|BG:Bulgaria;Bulgarian|BF:Burkina Faso|BI:Burundi;Burundian|CV:Cabo Verde;Cape Verde|KH:Cambodia;Cambodian|CM:Cameroon;Cameroonian|CA:Canada;Canadian|CF:Central African Republic;Central African|TD:Chad;Chadian|CL:Chile;Chilean|CN:China;People's Republic of China;Chinese|CO:Colombia;Colombian|KM:Comoros|CG:Congo;Republic of the Congo;Congo-Brazzaville|CD:Congo, Democratic Republic of the;Democratic Republic of the Congo;Congo, The Democratic Republic of the;DRC;Congolese|CR:Costa Rica|CI:Cote d'Ivoire;Côte d'Ivoire;Ivory Coast;Ivorian|HR:Croatia;Croatian|CU:Cuba;Cuban|CY:Cyprus;Cypriot|CZ:Czechia;Czech Republic;Czech|DK:Denmark;Danish|DJ:Djibouti|DM:Dominica|DO:Dominican Republic;Dominican|EC:Ecuador;Ecuadorian|EG:Egypt;Egyptian|SV:El Salvador;Salvadoran|GQ:Equatorial Guinea|ER:Eritrea;Eritrean|EE:Estonia;Estonian|SZ:Eswatini;Swaziland|ET:Ethiopia;Ethiopian|FJ:Fiji|FI:Finland;Finnish|FR:France;French|GA:Gabon|GM:Gambia;The Gambia|GE:Georgia;Georgian|DE:Germany;German|GH:Ghana;Ghanaian|GR:Greece;Greek|GD:Grenada|GT:Guatemala;Guatemalan|GN:Guinea;Guinean|GW:Guinea-Bissau|GY:Guyana|HT:Haiti;Haitian|VA:Holy See;Vatican|HN:Honduras;Honduran|HU:Hungary;Hungarian|IS:Iceland|IN:India;Indian|ID:Indonesia;Indonesian|IR:Iran;Iran, Islamic Republic of;Iran (Islamic Republic of);Islamic Republic of Iran;Iranian|IQ:Iraq;Iraqi|IE:Ireland;Irish|IL:Israel;Israeli|IT:Italy;Italian|JM:Jamaica;Jamaican|JP:Japan;Japanese|JO:Jordan;Jordanian|KZ:Kazakhstan;Kazakh|KE:Kenya;Kenyan|KI:Kiribati|KP:Korea, North;North Korea;Democratic People's Republic of Korea;Korea, Democratic People's Republic of;DPRK;North Korean|KR:Korea, South;South Korea;Republic of Korea;Korea, Republic of;South Korean|XK:Kosovo|KW:Kuwait;Kuwaiti|KG:Kyrgyzstan;Kyrgyz Republic;Kyrgyz|LA:Laos;Lao People's Democratic Republic|LV:Latvia;Latvian|LB:Lebanon;Lebanese|LS:Lesotho|LR:Liberia;Liberian|LY:Libya;Libyan Arab Jamahiriya;Libyan|LI:Liechtenstein|LT:Lithuania;Lithuanian|LU:Luxembourg|MG:Madagascar|MW:Malawi|MY:Malaysia;Malaysian|MV:Maldives|ML:Mali;Malian|MT:Malta;Maltese|MH:Marshall Islands|MR:Mauritania;Mauritanian|MU:Mauritius|MX:Mexico;Mexican|FM:Micronesia;Micronesia, Federated States of|MD:Moldova;Republic of Moldova;Moldovan|MC:Monaco|MN:Mongolia;Mongolian|ME:Montenegro|MA:Morocco;Moroccan|MZ:Mozambique|MM:Myanmar;Burma;Burmese|NA:Namibia|NR:Nauru|NP:Nepal;Nepalese|NL:Netherlands;The Netherlands;Dutch|NZ:New Zealand|NI:Nicaragua;Nicaraguan|NE:Niger;Nigerien|NG:Nigeria;Nigerian|MK:North Macedonia;Macedonia;The former Yugoslav Republic of Macedonia|NO:Norway;Norwegian|OM:Oman;Omani|PK:Pakistan;Pakistani|PW:Palau|PS:Palestine;State of Palestine;Palestinian;West Bank;Gaza|PA:Panama;Panamanian|PG:Papua New Guinea|PY:Paraguay|PE:Peru;Peruvian|PH:Philippines;Filipino|PL:Poland;Polish|PT:Portugal;Portuguese|QA:Qatar;Qatari|RO:Romania;Romanian|RU:Russia;Russian Federation;Russian|RW:Rwanda;Rwandan|KN:Saint Kitts and Nevis|LC:Saint Lucia|VC:Saint Vincent and the Grenadines|WS:Samoa|SM:San Marino|ST:Sao Tome and Principe|SA:Saudi Arabia;Saudi;Saudi Arabian|SN:Senegal;Senegalese|RS:Serbia;Serbian|SC:Seychelles|SL:Sierra Leone|SG:Singapore;Singaporean|SK:Slovakia;Slovak|SI:Slovenia;Slovenian|SB:Solomon Islands|SO:Somalia;Somali|ZA:South Africa;South African|SS:South Sudan;South Sudanese|ES:Spain;Spanish|LK:Sri Lanka;Sri Lankan|SD:Sudan;Sudanese|SR:Suriname|SE:Sweden;Swedish|CH:Switzerland;Swiss|SY:Syria;Syrian Arab Republic;Syrian|TW:Taiwan|TJ:Tajikistan;Tajik|TZ:Tanzania;United Republic of Tanzania;Tanzanian|TH:Thailand;Thai|TL:Timor-Leste;East Timor|TG:Togo|TO:Tonga|TT:Trinidad and Tobago|TN:Tunisia;Tunisian|TR:Turkey;Türkiye;Turkiye;Turkish|TM:Turkmenistan;Turkmen|TV:Tuvalu|UG:Uganda;Ugandan|UA:Ukraine;Ukrainian|AE:United Arab Emirates;UAE;Emirati|GB:United Kingdom;United Kingdom of Great Britain and Northern Ireland;UK;Great Britain;British|US:United States;United States of America;USA;American|UY:Uruguay|UZ:Uzbekistan;Uzbek|VU:Vanuatu|VE:Venezuela;Venezuela (Bolivarian Republic of);Bolivarian Republic of Venezuela;Venezuelan|VN:Vietnam;Viet Nam;Vietnamese|YE:Yemen;Yemeni|ZM:Zambia;Zambian|ZW:Zimbabwe;Zimbabwean|HK:Hong Kong|MO:Macau;Macao|GI:Gibraltar|VG:British Virgin Islands;Virgin Islands, British|KY:Cayman Islands|IM:Isle of Man|JE:Jersey|GG:Guernsey|BM:Bermuda";

fn table() -> &'static HashMap<String, &'static str> {
    static MAP: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for row in TABLE.split('|') {
            if let Some((code, names)) = row.split_once(':') {
                m.insert(code.to_ascii_lowercase(), code);
                for name in names.split(';') {
                    m.insert(key(name), code);
                }
            }
        }
        m
    })
}

fn key(s: &str) -> String {
    deunicode::deunicode(s)
        .to_ascii_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ISO 3166-1 alpha-2 code for a country name, demonym or code (any case), if known.
///
/// ```
/// assert_eq!(signet_screening::country_code("Iran, Islamic Republic of"), Some("IR"));
/// assert_eq!(signet_screening::country_code("ru"), Some("RU"));
/// assert_eq!(signet_screening::country_code("Atlantis"), None);
/// ```
pub fn country_code(name: &str) -> Option<&'static str> {
    table().get(&key(name)).copied()
}
