"""Sentence templates and slot fillers for the generated part of the training data.

A template is ``(name, text, relations)``. ``{A:G}`` is a slot named A filled
from pool G (the same name twice is the same actor); relations name slots:
``"A>B ATTACKED; C>B ATTACKED hedged"``. Pools hold marked-up mentions (see
:mod:`markup`); ``{Y}`` is a date phrase. Every pair of slots no relation names
becomes a NONE instance, so co-mentions, threats and plans teach the classifier
what is *not* a relation.

All sentences are written for this project; the actors are real, the events are
invented combinations.
"""
from __future__ import annotations

POOLS: dict[str, list[str]] = {
    # non-state armed groups and private military companies
    "G": [
        "[JNIM](jnim)", "[Jama'at Nusrat al-Islam wal-Muslimin](jnim)", "the [Islamic State Sahel Province](issp)",
        "[ISSP](issp)", "[AQIM](aqim)", "the [Wagner Group](wagner)", "[Wagner](wagner)", "[Africa Corps](africa_corps)",
        "the [FLA](fla)", "the [Azawad Liberation Front](fla)", "[Ansarul Islam](ansarul_islam)",
        "[Katiba Macina](katiba_macina)", "[ISWAP](iswap)", "[Boko Haram](boko_haram)", "[Lakurawa](lakurawa)",
        "the [CSP-DPA](csp_dpa)", "the [MNLA](mnla)", "[Dan Na Ambassagou](dan_na_ambassagou)",
    ],
    # state forces
    "M": [
        "the [Malian army](malian_armed_forces)", "[FAMa](malian_armed_forces)", "[Malian troops](malian_armed_forces)",
        "the [Malian Armed Forces](malian_armed_forces)", "the [Burkinabe army](burkinabe_armed_forces)",
        "[Burkinabe soldiers](burkinabe_armed_forces)", "the [Nigerien army](nigerien_armed_forces)",
        "[Nigerien troops](nigerien_armed_forces)", "[French forces](french_armed_forces)",
        "[Operation Barkhane](barkhane)", "the [AES unified force](aes_unified_force)",
        "[U.S. Africa Command](africom)", "the [Nigerian army](nigerian_armed_forces)",
        "[Chadian troops](chadian_armed_forces)",
    ],
    # states, including the metonyms the schema resolves to them
    "S": [
        "[Mali](mali)", "the [Malian junta](mali)", "[Mali's military rulers](mali)", "[Malian authorities](mali)",
        "[Burkina Faso](burkina_faso)", "the [Burkinabe junta](burkina_faso)", "[Niger](niger)",
        "[Niger's military government](niger)", "[Russia](russia)", "the [Kremlin](russia)",
        "the [United States](united_states)", "the [Trump administration](united_states)", "[France](france)",
        "[Algeria](algeria)", "[Morocco](morocco)", "[Turkey](turkey)", "[China](china)", "[Ukraine](ukraine)",
        "[Nigeria](nigeria)", "[Senegal](senegal)", "[Togo](togo)", "[Chad](chad)", "[Mauritania](mauritania)",
    ],
    # officials and leaders (title outside the mention, as the linker strips it)
    "P": [
        "Colonel [Assimi Goïta](assimi_goita)", "Gen. [Assimi Goïta](assimi_goita)", "[Assimi Goita](assimi_goita)",
        "Foreign Minister [Abdoulaye Diop](abdoulaye_diop)", "[Abdoulaye Diop](abdoulaye_diop)",
        "Defence Minister [Sadio Camara](sadio_camara)", "[Rudolph Atallah](rudolph_atallah)",
        "[Rudy Atallah](rudolph_atallah)", "[Sebastian Gorka](sebastian_gorka)",
        "General [Abdourahamane Tiani](abdourahamane_tiani)", "Captain [Ibrahim Traoré](ibrahim_traore)",
        "[Massad Boulos](massad_boulos)", "Secretary of State [Marco Rubio](marco_rubio)",
        "[Vladimir Putin](vladimir_putin)", "President [Emmanuel Macron](emmanuel_macron)",
        "[Bola Tinubu](bola_tinubu)", "[Omar Alieu Touray](omar_alieu_touray)", "[António Guterres](antonio_guterres)",
        "[Kaja Kallas](kaja_kallas)", "[Mahamat Idriss Déby](mahamat_idriss_deby)",
        "[Abdelmadjid Tebboune](abdelmadjid_tebboune)", "[Bassirou Diomaye Faye](bassirou_diomaye_faye)",
        "Prime Minister [Abdoulaye Maïga](abdoulaye_maiga)", "[Ahmed Attaf](ahmed_attaf)",
        "[Andrei Belousov](andrei_belousov)", "[Michael Langley](michael_langley)",
        "[Ali Lamine Zeine](ali_lamine_zeine)",
    ],
    # people who end up detained, sanctioned or targeted
    "D": [
        "[Abass Dembélé](abass_dembele)", "Gen. [Abass Dembélé](abass_dembele)", "[Néma Sagara](nema_sagara)",
        "Gen. [Néma Sagara](nema_sagara)", "[Yann Vézilier](yann_vezilier:PERSON)",
        "former Prime Minister [Moussa Mara](moussa_mara:PERSON)", "[Choguel Kokalla Maïga](choguel_kokalla_maiga)",
        "[Mohamed Bazoum](mohamed_bazoum)", "the journalist [Serge Daniel](serge_daniel:PERSON)",
        "[Iyad Ag Ghaly](iyad_ag_ghaly)", "[Amadou Koufa](amadou_koufa)", "[Sadio Camara](sadio_camara)",
        "the activist [Clément Dembélé](clement_dembele:PERSON)", "[Oumar Diarra](oumar_diarra)",
        "[Ismaël Wagué](ismael_wague)", "[Malick Diaw](malick_diaw)", "[Modibo Koné](modibo_kone)",
    ],
    # bodies that impose sanctions
    "N": [
        "the [European Union](eu)", "the [EU](eu)", "[ECOWAS](ecowas)", "the [U.S. Treasury](us_treasury)",
        "[OFAC](ofac)", "the [United States](united_states)", "the [UN Security Council](unsc)",
        "the [State Department](state_department)", "[Washington](united_states)", "[Canada](canada:STATE)",
        "the [United Kingdom](united_kingdom)",
    ],
    # organisations
    "O": [
        "the [United Nations](un)", "the [UN](un)", "[ECOWAS](ecowas)", "the [African Union](au)",
        "the [Alliance of Sahel States](aes)", "the [AES](aes)", "[Human Rights Watch](human_rights_watch)",
        "the [International Criminal Court](icc)", "the [World Bank](world_bank)", "[MINUSMA](minusma)",
        "the [CIA](cia)", "[Amnesty International](amnesty_international)", "the [ICRC](icrc)",
        "[ACLED](acled)",
    ],
    # places and facilities
    "L": [
        "[Gao](gao)", "[Kidal](kidal)", "[Timbuktu](timbuktu)", "[Ménaka](menaka)", "[Ségou](segou)",
        "[Mopti](mopti)", "[Boulkessi](boulkessi)", "[Djibo](djibo)", "[Kati](kati)", "[Léré](lere)",
        "[Tinzaouaten](tinzaouaten)", "[Diafarabé](diafarabe)", "[Niono](niono)", "[Kayes](kayes)",
        "[Nioro du Sahel](nioro_du_sahel)", "[Tillabéri](tillaberi)", "[Arbinda](arbinda)", "[Dori](dori)",
        "[Banibangou](banibangou)", "[Solenzo](solenzo)", "[Barsalogho](barsalogho)", "[Agadez](agadez)",
        "[Douentza](douentza)", "[Bourem](bourem)", "[Tessalit](tessalit)", "[Hombori](hombori)",
    ],
    # capitals, where the meeting happens
    "C": [
        "[Bamako](bamako)", "[Niamey](niamey)", "[Ouagadougou](ouagadougou)", "[Moscow](moscow)",
        "[Paris](paris)", "[Algiers](algiers)", "[Abuja](abuja)", "[Dakar](dakar)", "[Rabat](rabat)",
        "[Ankara](ankara)", "[Lomé](lome)", "[Nouakchott](nouakchott)",
    ],
}

DATES = ["", "", " on Tuesday", " on July 9", " last month", " in August", " earlier this week", " on 17 September",
         " over the weekend", " in early 2024", " on Friday", " last year"]

# (name, text, relations). Letters in relations refer to slots.
TEMPLATES: list[tuple[str, str, str]] = [
    # ---- ATTACKED -------------------------------------------------------------------
    ("att_active", "{A:G} fighters attacked {B:M} positions near {L:L}{Y}.", "A>B ATTACKED"),
    ("att_stormed", "{A:G} stormed a base held by {B:M} in {L:L}{Y}, according to local officials.", "A>B ATTACKED"),
    ("att_place_only", "{A:G} militants raided {L:L}{Y} and set fire to the market.", "A>L ATTACKED"),
    ("att_passive_place", "The town of {L:L} was overrun by {A:G}{Y}.", "A>L ATTACKED"),
    ("att_under_attack", "{B:M} came under attack from {A:G} outside {L:L}{Y}.", "A>B ATTACKED"),
    ("att_claimed", "{A:G} claimed responsibility for the ambush of a {B:M} convoy near {L:L}.", "A>B ATTACKED"),
    ("att_drones", "{A:M} carried out drone strikes against {B:G} hideouts around {L:L}{Y}.", "A>B ATTACKED"),
    ("att_possessive", "{A:G}'s assault on {L:L}{Y} left dozens of civilians dead.", "A>L ATTACKED"),
    ("att_coord_sources", "{A:M} and {C:M} launched joint air strikes on {B:G} camps in {L:L}.",
     "A>B ATTACKED; C>B ATTACKED"),
    ("att_coord_targets", "{A:G} attacked {B:M} and {C:G} fighters in separate raids near {L:L}.",
     "A>B ATTACKED; A>C ATTACKED"),
    ("att_passive_agent", "A {B:M} patrol was ambushed by {A:G} on the road to {L:L}{Y}.", "A>B ATTACKED"),
    ("att_relcl", "{A:G}, which stormed {L:L}{Y}, has since pulled back into the bush.", "A>L ATTACKED"),
    ("att_appos", "{A:G}, an affiliate of {C:G}, shelled {B:M} positions around {L:L}.", "A>B ATTACKED"),
    ("att_headline", "{A:G} attacks {B:M} base near {L:L}", "A>B ATTACKED"),
    ("att_headline_place", "{A:G} fighters storm military camp in {L:L}", "A>L ATTACKED"),
    ("att_nominal_by", "The attack by {A:G} on {B:M} troops in {L:L} was the deadliest this year.", "A>B ATTACKED"),
    ("att_light_verb", "{A:M} conducted airstrikes on {B:G} positions near {L:L}{Y}.", "A>B ATTACKED"),
    ("att_hedged_adv", "{A:G} allegedly attacked a {B:M} checkpoint near {L:L}{Y}.", "A>B ATTACKED hedged"),
    ("att_hedged_accused", "{C:S} accused {A:G} of attacking {B:M} outposts near {L:L}.", "A>B ATTACKED hedged"),
    ("att_negated_denied", "{A:G} denied attacking the {B:M} camp at {L:L}.", "A>B ATTACKED neg"),
    ("att_threat", "{A:G} threatened to attack {B:M} bases across the region around {L:L}.", ""),
    ("att_plan", "{A:M} is preparing an offensive against {B:G} strongholds in {L:L}, officials said.", ""),
    ("att_comention", "{A:G} and {B:M} both keep a presence around {L:L}.", ""),
    ("att_rivals", "Analysts say {A:G} is competing with {B:G} for recruits around {L:L}.", ""),
    ("att_repelled", "{A:M} said it had repelled an attack by {B:G} on its base in {L:L}{Y}.", "B>A ATTACKED"),
    ("att_bombed_civ", "Drones operated by {A:M} bombed a wedding in {L:L}{Y}, killing at least twenty people.",
     "A>L ATTACKED"),
    ("att_passive_shelled", "{L:L} was shelled by {A:G} for the third time this month.", "A>L ATTACKED"),
    ("att_killed_soldiers", "Fighters loyal to {A:G} killed twelve soldiers of {B:M} in an ambush near {L:L}.",
     "A>B ATTACKED"),
    ("att_retaliate", "{A:M} struck back at {B:G} after the group attacked {L:L}.", "A>B ATTACKED; B>L ATTACKED"),
    ("att_reportedly", "{A:G} reportedly ambushed {B:M} soldiers escorting fuel trucks to {L:L}.",
     "A>B ATTACKED hedged"),
    ("att_may_have", "{A:M} may have struck a {B:G} meeting near {L:L}, a local source said.",
     "A>B ATTACKED hedged"),
    ("att_warned", "{B:O} warned that {A:G} could attack {L:L} before the rainy season.", ""),
    ("att_suspected", "Suspected {A:G} militants torched a {B:M} outpost in {L:L}{Y}.", "A>B ATTACKED hedged"),
    ("att_mercenaries", "{A:G} mercenaries and {B:M} troops raided {L:L}{Y}, residents said.",
     "A>L ATTACKED; B>L ATTACKED"),
    ("att_gerund_subj", "After seizing {L:L}, {A:G} launched an assault on {B:M} positions further south.",
     "A>L ATTACKED; A>B ATTACKED"),

    # ---- ARRESTED -------------------------------------------------------------------
    ("arr_active", "{A:S} arrested {B:D}{Y}.", "A>B ARRESTED"),
    ("arr_passive_agent", "{B:D} was arrested by {A:S} in {C:C}{Y}.", "A>B ARRESTED"),
    ("arr_announced", "{A:S} announced the arrest of {B:D} over an alleged plot.", "A>B ARRESTED"),
    ("arr_coord", "{A:S} detained {B:D} and {C:D} on charges of plotting against the state.",
     "A>B ARRESTED; A>C ARRESTED"),
    ("arr_captured", "{A:M} captured a senior commander of {C:G} near {L:L}{Y}.", ""),
    ("arr_captured_named", "{A:M} captured {B:D}, a figure close to {C:G}, near {L:L}.", "A>B ARRESTED"),
    ("arr_custody", "{B:D} has been held in the custody of {A:S} since the coup.", "A>B ARRESTED"),
    ("arr_headline", "{A:S} arrests {B:D} over alleged coup plot", "A>B ARRESTED"),
    ("arr_denied", "{A:S} denied detaining {B:D}, saying he was free to travel.", "A>B ARRESTED neg"),
    ("arr_reportedly", "{B:D} was reportedly detained by {A:M} in {L:L}.", "A>B ARRESTED hedged"),
    ("arr_threat", "{A:S} threatened to arrest {B:D} if he returned to {C:C}.", ""),
    ("arr_released", "{A:S} released {B:D} after two weeks of questioning.", ""),
    ("arr_relcl", "{B:D}, who was jailed by {A:S} last year, remains in poor health.", "A>B ARRESTED"),
    ("arr_warrant", "{A:S} issued an international arrest warrant for {B:D}.", ""),
    ("arr_nominal_by", "The detention of {B:D} by {A:S} drew protests in {C:C}.", "A>B ARRESTED"),
    ("arr_appos", "{A:S}, which seized power in a coup, arrested {B:D} and several officers{Y}.", "A>B ARRESTED"),
    ("arr_rounded_up", "{A:M} rounded up {B:D} and his aides at a checkpoint outside {L:L}.", "A>B ARRESTED"),
    ("arr_accused", "{C:O} accused {A:S} of detaining {B:D} without charge.", "A>B ARRESTED hedged"),
    ("arr_demand", "{C:O} called on {A:S} to free {B:D}.", "A>B ARRESTED"),
    ("arr_comention", "{B:D} once served as an adviser to {A:S}.", ""),
    ("arr_light_verb", "{A:S} placed {B:D} under house arrest{Y}.", "A>B ARRESTED"),

    # ---- SANCTIONED -----------------------------------------------------------------
    ("san_light_verb", "{A:N} imposed sanctions on {B:D}{Y}.", "A>B SANCTIONED"),
    ("san_coord", "{A:N} sanctioned {B:P} and {C:D} for obstructing the political transition.",
     "A>B SANCTIONED; A>C SANCTIONED"),
    ("san_assets", "{A:N} froze the assets of {B:D} and barred him from travel.", "A>B SANCTIONED"),
    ("san_headline", "{A:N} sanctions {B:S} officials over ties to {C:G}", "A>B SANCTIONED"),
    ("san_passive", "{B:D} was placed under sanctions by {A:N}{Y}.", "A>B SANCTIONED"),
    ("san_possessive", "{A:N}'s sanctions on {B:S} have squeezed the economy.", "A>B SANCTIONED"),
    ("san_travel_ban", "{A:N} slapped a travel ban on {B:P}.", "A>B SANCTIONED"),
    ("san_lifted", "{A:N} lifted the sanctions it had imposed on {B:S}.", "A>B SANCTIONED neg"),
    ("san_threat", "{A:N} threatened sanctions against {B:S} if the elections are delayed again.", ""),
    ("san_considering", "{A:N} is considering sanctions on {B:P}, diplomats said.", ""),
    ("san_embargo", "{A:N} imposed an arms embargo on {B:S}{Y}.", "A>B SANCTIONED"),
    ("san_relcl", "The sanctions that {A:N} imposed on {B:S} remain in force.", "A>B SANCTIONED"),
    ("san_designated", "{A:N} designated {B:G} a terrorist group and froze its assets.", "A>B SANCTIONED"),
    ("san_coord_sources", "{A:N} and {C:N} sanctioned {B:D} over the massacre in {L:L}.",
     "A>B SANCTIONED; C>B SANCTIONED"),
    ("san_nominal_against", "New sanctions by {A:N} against {B:G} financiers took effect{Y}.", "A>B SANCTIONED"),
    ("san_comention", "{A:N} said it was monitoring the situation in {B:S} closely.", ""),
    ("san_eased", "{A:N} eased its sanctions on {B:S} after the junta published an election timetable.",
     "A>B SANCTIONED neg"),

    # ---- MET ------------------------------------------------------------------------
    ("met_active", "{A:P} met {B:P} in {C:C}{Y}.", "A>B MET"),
    ("met_held_talks", "{A:P} held talks with {B:P} on security cooperation{Y}.", "A>B MET"),
    ("met_between", "Talks between {A:P} and {B:P} focused on the fight against {C:G}.", "A>B MET"),
    ("met_received", "{A:P} received {B:P} at the presidential palace in {C:C}.", "A>B MET"),
    ("met_coord_subj", "{A:P} and {B:P} met on the sidelines of the summit in {C:C}.", "A>B MET"),
    ("met_phone", "{A:P} spoke by phone with {B:P}{Y}.", "A>B MET"),
    ("met_visit", "{A:P} paid an official visit to {B:S}{Y}.", "A>B MET"),
    ("met_negated", "{A:P} did not meet {B:P} during his trip to {C:C}.", "A>B MET neg"),
    ("met_expected", "{A:P} is expected to meet {B:P} in {C:C} next week.", ""),
    ("met_delegation", "{A:P} hosted a delegation led by {B:P}{Y}.", "A>B MET"),
    ("met_relcl", "{A:P}, who met {B:P} in {C:C} last month, praised the talks.", "A>B MET"),
    ("met_headline", "{A:P} meets {B:P} in {C:C}", "A>B MET"),
    ("met_org_state", "A delegation from {A:O} met {B:S} officials in {C:C}{Y}.", "A>B MET"),
    ("met_criticised", "{A:P} criticised {B:P} in a televised speech.", ""),
    ("met_secret", "{A:P} reportedly held secret talks with {B:G} leaders.", "A>B MET hedged"),
    ("met_sat_down", "{A:P} sat down with {B:P} to discuss the withdrawal of {C:M}.", "A>B MET"),
    ("met_visit_capital", "{A:P} travelled to {C:C} to meet {B:P}{Y}.", "A>B MET"),
    ("met_refused", "{A:P} refused to meet {B:P}, citing the sanctions.", "A>B MET neg"),
    ("met_letter", "{A:P} sent a letter to {B:P} urging calm.", ""),
    ("met_discussed", "{A:P} discussed the crisis with {B:P} by telephone.", "A>B MET"),

    # ---- SUPPORTED ------------------------------------------------------------------
    ("sup_intel", "{A:S} has stepped up intelligence-sharing with {B:S}.", "A>B SUPPORTED"),
    ("sup_drones", "{A:S} supplied drones to {B:M}{Y}.", "A>B SUPPORTED"),
    ("sup_alongside", "{A:G} fighters have fought alongside {B:M} since 2021.", "A>B SUPPORTED"),
    ("sup_delivered", "{A:S} delivered armoured vehicles and helicopters to {B:S}{Y}.", "A>B SUPPORTED"),
    ("sup_trained", "{A:S} trained {B:M} special forces at a camp near {C:C}.", "A>B SUPPORTED"),
    ("sup_received", "{B:M} received attack helicopters from {A:S}{Y}.", "A>B SUPPORTED"),
    ("sup_backs", "{A:S} backs {B:S} in its fight against {C:G}.", "A>B SUPPORTED"),
    ("sup_backing", "With backing from {A:G}, {B:M} has expanded its operations around {L:L}.", "A>B SUPPORTED"),
    ("sup_accused_arming", "{C:S} accused {A:S} of arming {B:G}.", "A>B SUPPORTED hedged"),
    ("sup_denied", "{A:S} denied supplying weapons to {B:G}.", "A>B SUPPORTED neg"),
    ("sup_offered", "{A:S} offered to send troops to {B:S} if asked.", ""),
    ("sup_instructors", "{A:S} deployed military instructors to help {B:M}.", "A>B SUPPORTED"),
    ("sup_suspended", "{A:S} suspended its military aid to {B:S} after the coup.", "A>B SUPPORTED neg"),
    ("sup_funding", "{A:O} provided funding to {B:S} for its security programmes.", "A>B SUPPORTED"),
    ("sup_nominal", "{A:S}'s support for {B:M} includes surveillance flights over {L:L}.", "A>B SUPPORTED"),
    ("sup_relcl", "{A:G}, which protects {B:S}'s leaders, also guards mines near {L:L}.", "A>B SUPPORTED"),
    ("sup_expel", "{B:S} expelled {A:M} and turned to {C:G} for help.", "C>B SUPPORTED"),
    ("sup_reportedly", "{A:S} is reportedly sharing satellite imagery with {B:M}.", "A>B SUPPORTED hedged"),
    ("sup_plan", "{A:S} plans to sell fighter jets to {B:S}.", ""),

    # ---- mixed and no-relation ------------------------------------------------------
    ("mix_attack_sanction", "{A:G} attacked {B:M} days after {C:N} sanctioned {D:D}.",
     "A>B ATTACKED; C>D SANCTIONED"),
    ("mix_met_support", "{A:P} met {B:P} and promised that {C:S} would keep supporting {D:S}.", "A>B MET"),
    ("mix_arrest_attack", "{A:S} arrested {B:D} a week after {C:G} attacked {L:L}.",
     "A>B ARRESTED; C>L ATTACKED"),
    ("none_members", "{A:S} and {B:S} are both members of {C:O}.", ""),
    ("none_leader_appos", "{A:P}, the leader of {B:S}, spoke at length about {C:G}.", ""),
    ("none_ceremony", "Officials from {A:S} and {B:S} attended the ceremony in {C:C}.", ""),
    ("none_told", "{A:P} told {B:O} that {C:G} remained the main threat.", ""),
    ("none_report", "A report by {A:O} documented abuses in areas controlled by {B:M}.", ""),
    ("none_withdrew", "{A:S} withdrew from {B:O} in January.", ""),
    ("none_condemned", "{A:O} condemned the violence in {L:L} and urged {B:S} to protect civilians.", ""),
    ("none_quoted", "{A:P} told reporters in {C:C} that {B:S} had no plans to leave {D:O}.", ""),
    ("none_recruit", "{A:G} recruits heavily in villages around {L:L}, according to {B:O}.", ""),
    ("none_ties", "{A:S} has cut diplomatic ties with {B:S}.", ""),
]
