#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes seed-tenant.json, the sandbox's seed tenant.

Deterministic: the same script writes the same file byte for byte, so
the committed JSON can be checked against it (tests/sandbox runs it).
The hand-written people carry the hard cases; the rest are drawn from
name lists with a fixed seed.  Run: python3 make-seed.py > seed-tenant.json
"""

import json
import random
import sys
import uuid

NS = uuid.UUID("6d1c5f3e-2b8a-4c47-9e55-0a7d3c1b2f90")
TENANT_ID = "a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607"

E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06"
E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900"
PHONE_SYSTEM = "e43b5b99-8dfb-405f-9987-dc307f34bcbd"
CALLING_PLAN = "0dab259f-bf13-4952-b7f8-7db8f131b28d"
CONFERENCING = "0c266dff-15dd-4b49-8397-2bb16070ed52"

PLANS = {
    "MCOEV": "4828c8ec-dc2e-4779-b502-87ac9ce28ab7",
    "MCOSTANDARD": "0feaeb32-d00e-4d66-bd5a-43b5b83db82c",
    "TEAMS1": "57ff2da0-773e-42df-b2af-ffb7a2317929",
    "EXCHANGE_S_ENTERPRISE": "efb87545-963c-4e0d-99df-69c6916d9eb0",
    "MCOMEETADV": "3e26ee1f-8a5f-4d52-aee2-b81ce45c8f40",
    "MCOPSTN1": "4ed3ff63-69d7-4fb7-b984-5aec7f605ca8",
}


def plan(name):
    return {"servicePlanId": PLANS[name], "servicePlanName": name,
            "provisioningStatus": "Success", "appliesTo": "User"}


SKUS = [
    {"skuId": E5, "skuPartNumber": "ENTERPRISEPREMIUM",
     "prepaidUnits": {"enabled": 250, "suspended": 0, "warning": 0},
     "servicePlans": [plan(n) for n in ("MCOEV", "MCOSTANDARD", "TEAMS1",
                                         "EXCHANGE_S_ENTERPRISE", "MCOMEETADV")]},
    {"skuId": E3, "skuPartNumber": "ENTERPRISEPACK",
     "prepaidUnits": {"enabled": 200, "suspended": 0, "warning": 0},
     "servicePlans": [plan(n) for n in ("MCOSTANDARD", "TEAMS1", "EXCHANGE_S_ENTERPRISE")]},
    {"skuId": PHONE_SYSTEM, "skuPartNumber": "MCOEV",
     "prepaidUnits": {"enabled": 80, "suspended": 0, "warning": 0},
     "servicePlans": [plan("MCOEV")]},
    {"skuId": CALLING_PLAN, "skuPartNumber": "MCOPSTN1",
     "prepaidUnits": {"enabled": 25, "suspended": 0, "warning": 5},
     "servicePlans": [plan("MCOPSTN1")]},
    {"skuId": CONFERENCING, "skuPartNumber": "MCOMEETADV",
     "prepaidUnits": {"enabled": 10, "suspended": 0, "warning": 0},
     "servicePlans": [plan("MCOMEETADV")]},
]

SIP_DOMAINS = [
    {"name": "contoso.com", "isDefault": True},
    {"name": "fabrikam.fr", "isDefault": False},
    {"name": "contoso.co.jp", "isDefault": False},
    {"name": "litware.de", "isDefault": False},
]

POOLS = [
    {"fqdn": "se01.contoso.com", "kind": "standardEdition", "site": "Paris",
     "machines": ["se01.contoso.com"]},
    {"fqdn": "se02.fabrikam.fr", "kind": "standardEdition", "site": "Lyon",
     "machines": ["se02.fabrikam.fr"]},
    {"fqdn": "pool01.contoso.com", "kind": "enterprise", "site": "Paris",
     "machines": ["fe01.contoso.com", "fe02.contoso.com", "fe03.contoso.com"]},
    {"fqdn": "pool02.contoso.com", "kind": "enterprise", "site": "Seattle",
     "machines": ["fe11.contoso.com", "fe12.contoso.com"]},
    {"fqdn": "dir01.contoso.com", "kind": "director", "site": "Paris",
     "machines": ["dir01.contoso.com"]},
]

POLICIES = [
    {"identity": "Global", "description": "Default policy", "pstnUsages": ["Local"]},
    {"identity": "France-National", "description": "Calls within France",
     "pstnUsages": ["FR-Local", "FR-National"]},
    {"identity": "International", "description": "Every destination",
     "pstnUsages": ["FR-National", "US-National", "International"]},
    {"identity": "US-Local", "description": "Seattle office",
     "pstnUsages": ["US-Local"]},
]

OPERATORS = [
    ("orange-business", "Orange Business", ["Europe", "Middle East and Africa"],
     ["calling", "audioConferencing"], ["FR", "BE", "ES", "MA", "SN"], "adminAssigns"),
    ("bt", "BT", ["Europe"], ["calling"], ["GB", "IE"], "operatorAssigns"),
    ("deutsche-telekom", "Deutsche Telekom", ["Europe"],
     ["calling", "teamsPhoneMobile"], ["DE", "AT"], "operatorAssignsLocked"),
    ("telefonica", "Telefónica", ["Europe", "Latin America"],
     ["calling", "teamsPhoneMobile"], ["ES", "BR", "AR", "CL", "MX"], "adminAssigns"),
    ("att", "AT&T", ["North America"], ["calling", "audioConferencing"],
     ["US"], "operatorAssignsLocked"),
    ("verizon", "Verizon", ["North America"], ["calling", "teamsPhoneMobile"],
     ["US", "CA"], "operatorAssigns"),
    ("telus", "TELUS", ["North America"], ["calling"], ["CA"], "adminAssigns"),
    ("ntt", "NTT Communications", ["Asia Pacific"], ["calling", "audioConferencing"],
     ["JP", "SG", "HK"], "operatorAssigns"),
    ("telstra", "Telstra", ["Asia Pacific"], ["calling", "teamsPhoneMobile"],
     ["AU", "NZ"], "operatorAssignsLocked"),
    ("singtel", "Singtel", ["Asia Pacific"], ["calling"], ["SG"], "adminAssigns"),
    ("claro", "Claro", ["Latin America"], ["calling"], ["BR", "CO", "PE"], "operatorAssigns"),
    ("mtn", "MTN", ["Middle East and Africa"], ["calling"], ["ZA", "NG", "GH"], "adminAssigns"),
    ("etisalat", "e& (Etisalat)", ["Middle East and Africa"],
     ["calling", "audioConferencing"], ["AE", "SA"], "operatorAssignsLocked"),
    ("swisscom", "Swisscom", ["Europe"], ["calling", "teamsPhoneMobile"],
     ["CH", "LI"], "operatorAssigns"),
]

ADDRESSES = [
    {"id": "b1d3a0e2-0001-4c3e-9a00-000000000001", "description": "Siège Paris",
     "companyName": "Contoso", "houseNumber": "12", "streetName": "rue de l'Église",
     "city": "Paris", "postalCode": "75015", "stateOrProvince": "Île-de-France",
     "countryOrRegion": "FR"},
    {"id": "b1d3a0e2-0002-4c3e-9a00-000000000002", "description": "Seattle office",
     "companyName": "Contoso", "houseNumber": "1", "streetName": "Microsoft Way",
     "city": "Redmond", "postalCode": "98052", "stateOrProvince": "WA",
     "countryOrRegion": "US"},
    {"id": "b1d3a0e2-0003-4c3e-9a00-000000000003", "description": "Berlin Büro",
     "companyName": "Contoso", "houseNumber": "5", "streetName": "Friedrichstraße",
     "city": "Berlin", "postalCode": "10117", "stateOrProvince": "Berlin",
     "countryOrRegion": "DE"},
    {"id": "b1d3a0e2-0004-4c3e-9a00-000000000004", "description": "東京オフィス",
     "companyName": "Contoso", "houseNumber": "1-2-3", "streetName": "Marunouchi",
     "city": "Chiyoda", "postalCode": "100-0005", "stateOrProvince": "Tokyo",
     "countryOrRegion": "JP"},
]

GIVEN = ["Anne", "Émilie", "François", "Jean-Luc", "Zoë", "Søren", "Łukasz", "José",
         "Mónica", "Ayşe", "Chloé", "Seán", "Marie-Hélène", "Björn", "Åsa", "Noé",
         "Hélène", "Thomas", "Inès", "Yannick", "Gaëlle", "Jérôme", "Mathéo", "Léa"]
SURNAMES = ["Martin", "Dubois", "O'Brien", "Müller", "García-López", "Ødegaard",
            "Kowalski", "Lefèvre", "D'Angelo", "Núñez", "Çelik", "Le Goff",
            "Van der Berg", "Sørensen", "Bernard", "Faure", "Rousseau", "Girard",
            "Mercier", "Blanc", "Guérin", "Boyer", "N'Diaye", "Lambert-Dupuis"]
LOCATIONS = ["FR", "FR", "FR", "US", "DE", "GB", "BE", "JP", None]


def user_id(n):
    return str(uuid.uuid5(NS, "user-%d" % n))


# Letters NFKD does not take apart; without them "Søren" would become "sren".
NOT_DECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe",
                                "Œ": "OE", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d",
                                "Đ": "D", "ı": "i", "þ": "th"})


def ascii_part(text):
    import unicodedata
    out = unicodedata.normalize("NFKD", text.translate(NOT_DECOMPOSED)).encode("ascii", "ignore").decode()
    return "".join(c for c in out.lower() if c.isalnum() or c in "-.'")


def licences(*skus):
    result = []
    plans = []
    for sku in skus:
        result.append({"skuId": sku, "disabledPlans": []})
        for s in SKUS:
            if s["skuId"] == sku:
                for p in s["servicePlans"]:
                    plans.append({"servicePlanId": p["servicePlanId"],
                                  "service": p["servicePlanName"],
                                  "capabilityStatus": "Enabled"})
    return result, plans


def person(n, display, given, surname, mail=True, synced=True, location="FR",
           sam=None, mode="Islands", skus=(), sip=None, pool=None, ev=False,
           line=None, onprem_line=None, voicemail=False, policy=None, domain="contoso.com",
           local=None):
    local = local or ascii_part((given or "") + "." + (surname or "")).strip(".") or "user%d" % n
    upn_domain = domain if synced else "contoso.onmicrosoft.com"
    upn = "%s@%s" % (local, upn_domain)
    lic, plans = licences(*skus)
    return {
        "id": user_id(n),
        "displayName": display,
        "givenName": given,
        "surname": surname,
        "mail": upn if mail is True else (mail or None),
        "userPrincipalName": upn,
        "onPremisesSamAccountName": (sam or ("u%05d" % n)) if synced else None,
        "onPremisesSyncEnabled": synced,
        "usageLocation": location,
        "assignedLicenses": lic,
        "assignedPlans": plans,
        "sipAddress": sip,
        "registrarPool": pool,
        "enterpriseVoiceEnabled": ev,
        "lineUri": line,
        "onPremLineUri": onprem_line,
        "hostedVoiceMail": voicemail,
        "voiceRoutingPolicy": policy,
        "teamsUpgradeEffectiveMode": mode,
    }


def hard_cases():
    people = [
        person(1, "Émilie Lefèvre", "Émilie", "Lefèvre", skus=(E5,)),
        person(2, "François Dupré-Müller", "François", "Dupré-Müller"),
        person(3, "Zoë O'Brien", "Zoë", "O'Brien", location="GB"),
        person(4, "Jean-Luc Picard", "Jean-Luc", "Picard", skus=(E3, PHONE_SYSTEM)),
        person(5, "Иван Петров", "Иван", "Петров", location="DE", mail=False),
        person(6, "Ελένη Παπαδοπούλου", "Ελένη", "Παπαδοπούλου", location="DE"),
        person(7, "山田 太郎", "太郎", "山田", location="JP", domain="contoso.co.jp"),
        person(8, "Ayşe Yılmaz", "Ayşe", "Yılmaz", location="DE", domain="litware.de"),
        person(9, "Nguyễn Văn An", "Văn An", "Nguyễn", location="FR"),
        person(10, "Søren Kierkegård", "Søren", "Kierkegård", location=None),
        person(11, "Łukasz Żółć", "Łukasz", "Żółć", location="DE"),
        person(12, "Cher", None, "Cher", location="US"),
        person(13, "Madonna", None, None, location="US", mail=False),
        person(14, "Marie Martin", "Marie", "Martin"),
        person(15, "Marie Martin", "Marie", "Martin", local="marie.martin2"),
        person(16, "Jean Dupont", "Jean", "Dupont"),
        person(17, "Jean Dupont", "Jean", "Dupont", mail="jdupont@fabrikam.fr",
               domain="fabrikam.fr"),
        person(18, "Jean Dupont", "Jean", "Dupont", mail=False, domain="litware.de"),
        person(19, "Chloé Nuage", "Chloé", "Nuage", synced=False, mode="TeamsOnly",
               skus=(E5,)),
        person(20, "Léa Cloud", "Léa", "Cloud", synced=False, location=None),
        person(21, "Thomas Vasseur", "Thomas", "Vasseur",
               sip="sip:thomas.vasseur@contoso.com", pool="pool01.contoso.com",
               ev=True, onprem_line="tel:+33123456701", policy="France-National",
               skus=(E3,)),
        person(22, "Inès Faure", "Inès", "Faure", sip="sip:ines.faure@contoso.com",
               pool="se01.contoso.com", skus=(E5,)),
        person(23, "Hélène Rousseau", "Hélène", "Rousseau", mode="TeamsOnly", skus=(E5,),
               line="tel:+33123456702", voicemail=True),
        person(24, "Yannick Girard", "Yannick", "Girard", mode="Islands",
               skus=(E3, PHONE_SYSTEM)),
        person(25, "Gaëlle Texier", "Gaëlle", "Texier", sip="sip:gaelle.texier@fabrikam.fr",
               pool="se02.fabrikam.fr", ev=True,
               onprem_line="tel:+33123456703;ext=6703", domain="fabrikam.fr"),
        person(26, "D'Arcy N'Diaye", "D'Arcy", "N'Diaye"),
        person(27, "Anne-Sophie de La Tour-d'Auvergne", "Anne-Sophie",
               "de La Tour-d'Auvergne"),
        person(28, "José García-López", "José", "García-López", location="US",
               mode="TeamsOnly", skus=(E5,)),
        person(29, "Priya Ramanathan", "Priya", "Ramanathan", location="US",
               mode="SfBWithTeamsCollab", skus=(E3,)),
        person(30, "Björn Åström", "Björn", "Åström", location="DE",
               mode="SfBOnly"),
        person(31, "Jérôme Blanc", "Jérôme", "Blanc",
               sip="sip:jerome.blanc@contoso.com", pool="sipfed.online.lync.com",
               mode="TeamsOnly", skus=(E5,), ev=True, line="tel:+33123456704"),
    ]
    return people


def generated(start, count):
    rng = random.Random(20260)
    people = []
    for n in range(start, start + count):
        given = rng.choice(GIVEN)
        surname = rng.choice(SURNAMES)
        roll = rng.random()
        synced = roll > 0.12
        mail = rng.random() > 0.06
        location = rng.choice(LOCATIONS)
        mode = rng.choice(["Islands", "Islands", "TeamsOnly", "SfBWithTeamsCollabAndMeetings"])
        skus = ()
        if location is not None:
            skus = rng.choice([(), (E5,), (E3,), (E3, PHONE_SYSTEM)])
        p = person(n, "%s %s" % (given, surname), given, surname, mail=mail,
                   synced=synced, location=location, mode=mode, skus=skus)
        # Namesakes are frequent by construction; the UPN stays unique.
        local, domain = p["userPrincipalName"].split("@")
        p["userPrincipalName"] = "%s.%d@%s" % (local, n, domain)
        if p["mail"] is not None:
            p["mail"] = p["userPrincipalName"] if synced else None
        if synced and rng.random() < 0.08:
            p["sipAddress"] = "sip:%s.%d@contoso.com" % (local, n)
            p["registrarPool"] = rng.choice(["pool01.contoso.com", "se01.contoso.com",
                                             "pool02.contoso.com"])
        people.append(p)
    return people


# People with French Calling Plan numbers that Orange Business is porting
# to Operator Connect: the first four in a completed port order, the last
# in one still pending. (number in user_id order, telephone number)
PORTED = [(53, "+33170360101"), (54, "+33170360102"), (70, "+33170360103"),
          (199, "+33170360104"), (308, "+33170360105")]


def give_calling_plans(people):
    """The ported people hold a Calling Plan licence and their number."""
    by_id = {u["id"]: u for u in people}
    for n, number in PORTED:
        u = by_id[user_id(n)]
        assert u["teamsUpgradeEffectiveMode"] == "TeamsOnly" and u["usageLocation"] == "FR"
        lic, plans = licences(CALLING_PLAN)
        u["assignedLicenses"] += lic
        u["assignedPlans"] += plans
        u["lineUri"] = "tel:" + number


# People ready for the move from Direct Routing to Operator Connect:
# TeamsOnly, a licence with Phone System, a usage location, an online
# voice routing policy and a Direct Routing number, the first two
# assigned online (a number of the tenant), the last two on-premises
# (OnPremLineURI, homed on a pool of the topology, so that Set-CsUser
# -LineURI $null reaches them). Drawn people already TeamsOnly with Phone
# System in France, renamed so that each is found by name alone.
# (number in user_id order, given name, surname, online number, on-premises
# line URI, registrar pool, voice routing policy)
DIRECT_ROUTING = [
    (80, "Élodie", "Charpentier", "+33190001001", None, None, "France-National"),
    (202, "Raphaël", "Benoît", "+33190001002", None, None, "International"),
    (168, "Małgorzata", "Wiśniewska", None, "tel:+33123456711", "pool01.contoso.com",
     "France-National"),
    (277, "Joaquín", "Ibáñez", None, "tel:+33123456712;ext=6712", "se01.contoso.com",
     "International"),
]


# Listed by the same move with what to do first: TeamsOnly, her number
# assigned on-premises, but her E3 licence has no Phone System.
# (number in user_id order, on-premises line URI, registrar pool, policy)
DIRECT_ROUTING_NO_PHONE_SYSTEM = (102, "tel:+33123456713", "pool01.contoso.com",
                                  "France-National")


def give_line(u, online, on_prem, pool, policy):
    """A Direct Routing number as the deployment gave it: online, or
    on-premises for someone homed on a pool."""
    assert u["teamsUpgradeEffectiveMode"] == "TeamsOnly" and u["usageLocation"] == "FR"
    assert u["onPremisesSyncEnabled"] and u["sipAddress"] is None and u["lineUri"] is None
    u["sipAddress"] = "sip:" + u["userPrincipalName"]
    u["registrarPool"] = pool or "sipfed.online.lync.com"
    u["enterpriseVoiceEnabled"] = True
    u["lineUri"] = "tel:" + online if online else on_prem
    u["onPremLineUri"] = on_prem
    u["voiceRoutingPolicy"] = policy


def give_direct_routing(people):
    """The Direct Routing people get their names, addresses and numbers."""
    by_id = {u["id"]: u for u in people}
    for n, given, surname, online, on_prem, pool, policy in DIRECT_ROUTING:
        u = by_id[user_id(n)]
        assert any(p["service"] == "MCOEV" for p in u["assignedPlans"])
        upn = "%s@contoso.com" % ascii_part(given + "." + surname)
        u["displayName"] = "%s %s" % (given, surname)
        u["givenName"] = given
        u["surname"] = surname
        u["userPrincipalName"] = upn
        u["mail"] = upn
        give_line(u, online, on_prem, pool, policy)
    n, on_prem, pool, policy = DIRECT_ROUTING_NO_PHONE_SYSTEM
    u = by_id[user_id(n)]
    assert not any(p["service"] == "MCOEV" for p in u["assignedPlans"]) and u["assignedPlans"]
    give_line(u, None, on_prem, pool, policy)


def port_orders():
    """Port orders as the operator holds them (sandbox only: not Graph)."""
    def order(ident, numbers, status, submitted, completed):
        return {"id": ident, "operatorId": "orange-business", "isoCountryCode": "FR",
                "status": status, "submittedDateTime": submitted,
                "completedDateTime": completed,
                "numbers": [{"telephoneNumber": n, "uploadStatus": "notUploaded",
                             "uploadedDateTime": None} for n in numbers]}
    return [
        order("FR-2026-00417", [n for _, n in PORTED[:4]], "complete",
              "2026-11-02T09:30:00Z", "2026-11-16T14:00:00Z"),
        order("FR-2026-00452", [n for _, n in PORTED[4:]], "pending",
              "2026-11-18T10:15:00Z", None),
    ]


def numbers(users):
    result = []
    teams_only = [u for u in users if u["teamsUpgradeEffectiveMode"] == "TeamsOnly"]
    addresses = [a["id"] for a in ADDRESSES]

    def add(number, kind, status, operator=None, country="FR", target=None, location=None):
        result.append({"telephoneNumber": number, "numberType": kind,
                       "operatorId": operator, "isoCountryCode": country,
                       "assignmentStatus": status, "assignmentTargetId": target,
                       "locationId": location})

    for i in range(6):
        add("+3319000%04d" % i, "directRouting", "unassigned", location=addresses[0])
    add("+33190009998", "directRouting", "userAssigned", target=user_id(21),
        location=addresses[0])
    for n, _, _, online, _, _, _ in DIRECT_ROUTING:
        if online:
            add(online, "directRouting", "userAssigned", target=user_id(n),
                location=addresses[0])
    add("+33190009999", "directRouting", "pending", location=addresses[0])
    for i in range(6):
        add("+1425555%04d" % i, "callingPlan", "unassigned", country="US",
            location=addresses[1])
    add("+14255559998", "callingPlan", "userAssigned", country="US",
        target=teams_only[0]["id"], location=addresses[1])
    add("+14255559999", "callingPlan", "pending", country="US", location=addresses[1])
    for n, number in PORTED:
        add(number, "callingPlan", "userAssigned", target=user_id(n), location=addresses[0])
    for i in range(5):
        add("+3318000%04d" % i, "operatorConnect", "unassigned", operator="orange-business",
            location=addresses[0])
    add("+33180009998", "operatorConnect", "userAssigned", operator="orange-business",
        target=teams_only[1]["id"], location=addresses[0])
    add("+33180009999", "operatorConnect", "pending", operator="orange-business",
        location=addresses[0])
    for i in range(4):
        add("+4930900%04d" % i, "operatorConnect", "unassigned", operator="deutsche-telekom",
            country="DE", location=addresses[2])
    add("+49309009998", "operatorConnect", "userAssigned", operator="deutsche-telekom",
        country="DE", target=teams_only[2]["id"], location=addresses[2])
    return result


def main():
    people = hard_cases()
    people += generated(len(people) + 1, 320 - len(people))
    give_calling_plans(people)
    give_direct_routing(people)
    for sku in SKUS:
        sku["consumedUnits"] = sum(1 for u in people for l in u["assignedLicenses"]
                                   if l["skuId"] == sku["skuId"])
        assert sku["consumedUnits"] <= sku["prepaidUnits"]["enabled"], sku["skuPartNumber"]

    seed = {
        "organization": {
            "id": TENANT_ID,
            "displayName": "Contoso",
            "countryLetterCode": "FR",
            "preferredLanguage": "fr",
            "verifiedDomains": [
                {"name": "contoso.com", "isDefault": True, "isInitial": False,
                 "type": "Managed", "capabilities": "Email, OfficeCommunicationsOnline"},
                {"name": "contoso.onmicrosoft.com", "isDefault": False, "isInitial": True,
                 "type": "Managed", "capabilities": "Email, OfficeCommunicationsOnline"},
                {"name": "fabrikam.fr", "isDefault": False, "isInitial": False,
                 "type": "Managed", "capabilities": "Email, OfficeCommunicationsOnline"},
                {"name": "contoso.co.jp", "isDefault": False, "isInitial": False,
                 "type": "Managed", "capabilities": "Email, OfficeCommunicationsOnline"},
                {"name": "litware.de", "isDefault": False, "isInitial": False,
                 "type": "Managed", "capabilities": "Email, OfficeCommunicationsOnline"},
            ],
        },
        "me": {
            "id": str(uuid.uuid5(NS, "admin")),
            "displayName": "Camille Administratrice",
            "givenName": "Camille",
            "surname": "Administratrice",
            "jobTitle": "Administratrice Skype et Teams",
            "mail": "camille.admin@contoso.com",
            "userPrincipalName": "camille.admin@contoso.com",
            "businessPhones": ["+33 1 23 45 67 00"],
            "mobilePhone": "+33 6 12 34 56 78",
            "officeLocation": "Paris",
            "preferredLanguage": "fr-FR",
        },
        "sipDomains": SIP_DOMAINS,
        "pools": POOLS,
        "voiceRoutingPolicies": POLICIES,
        "subscribedSkus": SKUS,
        "operators": [
            {"id": i, "displayName": name, "regions": regions, "services": services,
             "countries": countries, "emergencyAddressModel": model}
            for (i, name, regions, services, countries, model) in OPERATORS
        ],
        "tenantOperators": [
            {"operatorId": "orange-business", "status": "active", "countries": ["FR", "BE"],
             "contact": {"fullName": "Camille Administratrice",
                         "email": "camille.admin@contoso.com",
                         "companySize": 2500, "phone": "+33 1 23 45 67 00"},
             "consentGiven": True},
            {"operatorId": "deutsche-telekom", "status": "suspended", "countries": ["DE"],
             "contact": {"fullName": "Camille Administratrice",
                         "email": "camille.admin@contoso.com",
                         "companySize": 2500, "phone": None},
             "consentGiven": True},
        ],
        "phoneNumbers": numbers(people),
        "emergencyAddresses": ADDRESSES,
        "portOrders": port_orders(),
        "federation": {
            "sharedSipAddressSpace": True,
            "allowFederatedUsers": True,
            "allowPublicUsers": False,
            "allowedDomains": [],
        },
        "readiness": {
            "onPremisesVersion": "Lync Server 2013",
            "topologyPublished": True,
            "onPremisesDeploymentValidated": True,
            "remotePowerShellConfigured": False,
            "edgeServerDeployed": True,
            "hostingProviderConfigured": False,
        },
        "users": people,
    }
    text = json.dumps(seed, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        check(seed, text, sys.argv[2])
        return
    sys.stdout.write(text)


def check(seed, text, path):
    """The committed file is this script's output, with the hard cases."""
    with open(path, encoding="utf-8") as f:
        if f.read() != text:
            sys.exit("%s is not the output of make-seed.py: run it again" % path)
    users = seed["users"]
    names = [u["displayName"] for u in users]
    assert len(users) >= 300
    assert any(any(ord(c) > 0x400 for c in n) for n in names), "non-Latin names"
    assert any("'" in n for n in names) and any("-" in n for n in names)
    assert any(u["mail"] is None for u in users) and any(u["givenName"] is None for u in users)
    assert len(names) - len(set(names)) >= 2, "namesakes"
    assert any(not u["onPremisesSyncEnabled"] for u in users), "cloud-only"
    assert any(u["sipAddress"] for u in users), "already enabled"
    modes = {u["teamsUpgradeEffectiveMode"] for u in users}
    assert {"TeamsOnly", "Islands"} <= modes
    assert len(seed["sipDomains"]) >= 3
    kinds = [p["kind"] for p in seed["pools"]]
    assert kinds.count("standardEdition") >= 2 and kinds.count("enterprise") >= 2
    assert "director" in kinds
    assert len(seed["voiceRoutingPolicies"]) >= 2
    ops = seed["operators"]
    assert len(ops) >= 12
    assert {r for o in ops for r in o["regions"]} >= {
        "Europe", "North America", "Asia Pacific", "Latin America", "Middle East and Africa"}
    assert {s for o in ops for s in o["services"]} == {
        "calling", "audioConferencing", "teamsPhoneMobile"}
    assert {o["emergencyAddressModel"] for o in ops} == {
        "operatorAssigns", "adminAssigns", "operatorAssignsLocked"}
    numbers = seed["phoneNumbers"]
    assert {n["numberType"] for n in numbers} == {"directRouting", "callingPlan", "operatorConnect"}
    assert {n["assignmentStatus"] for n in numbers} == {"unassigned", "userAssigned", "pending"}
    by_number = {n["telephoneNumber"]: n for n in numbers}
    enabled = {(o["operatorId"], c) for o in seed["tenantOperators"] for c in o["countries"]}
    orders = seed["portOrders"]
    assert {o["status"] for o in orders} == {"complete", "pending"}
    for o in orders:
        assert (o["operatorId"], o["isoCountryCode"]) in enabled, o["id"]
        for entry in o["numbers"]:
            number = by_number[entry["telephoneNumber"]]
            assert number["numberType"] == "callingPlan", entry
            assert number["isoCountryCode"] == o["isoCountryCode"], entry
            assert number["assignmentStatus"] == "userAssigned", entry
    check_moves(seed)
    parts = {s["skuPartNumber"] for s in seed["subscribedSkus"]}
    assert {"ENTERPRISEPREMIUM", "MCOEV"} <= parts
    print("seed tenant: %d people, %d operators, %d numbers" % (len(users), len(ops), len(numbers)))


def check_moves(seed):
    """Both moves to Operator Connect can be walked on the seed as it is:
    people ready for each, the operator's numbers to give them, and
    people the wizard lists with what to do first."""
    users = seed["users"]
    numbers = seed["phoneNumbers"]
    pools = {p["fqdn"] for p in seed["pools"] if p["kind"] != "director"}
    active = {(o["operatorId"], c) for o in seed["tenantOperators"] if o["status"] == "active"
              for c in o["countries"]}
    held = {}
    for n in numbers:
        if n["assignmentStatus"] == "userAssigned":
            held.setdefault(n["assignmentTargetId"], []).append(n)

    def ready(u):
        return (u["teamsUpgradeEffectiveMode"] == "TeamsOnly" and u["usageLocation"] is not None
                and any(p["service"] == "MCOEV" and p["capabilityStatus"] == "Enabled"
                        for p in u["assignedPlans"]))

    def holds(u, kind):
        return any(n["numberType"] == kind for n in held.get(u["id"], []))

    online = [u for u in users if ready(u) and not u["onPremLineUri"] and holds(u, "directRouting")]
    on_prem = [u for u in users if ready(u) and u["onPremLineUri"] and u["sipAddress"]
               and u["registrarPool"] in pools]
    assert online and on_prem and len(online) + len(on_prem) >= 3, "Direct Routing people"
    for u in online:
        number = [n for n in held[u["id"]] if n["numberType"] == "directRouting"][0]
        assert u["lineUri"] == "tel:" + number["telephoneNumber"], u["displayName"]
    not_ready = [u for u in users if (u["onPremLineUri"] or holds(u, "directRouting"))
                 and not ready(u)]
    assert {u["teamsUpgradeEffectiveMode"] == "TeamsOnly" for u in not_ready} == {True, False}, \
        "Direct Routing people the wizard says what to do first for: TeamsOnly, Phone System"
    free = {}
    for n in numbers:
        if n["numberType"] == "operatorConnect" and n["assignmentStatus"] == "unassigned" and \
                (n["operatorId"], n["isoCountryCode"]) in active:
            key = (n["operatorId"], n["isoCountryCode"])
            free[key] = free.get(key, 0) + 1
    assert max(free.values()) >= len(online) + len(on_prem), "the operator's numbers"
    ported = {e["telephoneNumber"] for o in seed["portOrders"] if o["status"] == "complete"
              and (o["operatorId"], o["isoCountryCode"]) in active for e in o["numbers"]}
    calling_plan = [u for u in users if ready(u) and any(
        n["numberType"] == "callingPlan" and n["telephoneNumber"] in ported
        for n in held.get(u["id"], []))]
    assert len(calling_plan) >= 3, "Calling Plan people"


if __name__ == "__main__":
    main()
