"""Demo data of partnership-service: a county prevention partnership and a second one for another coordinator.

Loaded through the public API with demo users' tokens (as a coordinator would), so it exercises the real rules.
Idempotent: does nothing when the demo partnership already exists.
"""
from client import Api

COUNTY = "Ventura County Prevention Partnership"

ORGANISATIONS = [
    # key, name, type, sector, membership role, contribution
    ("welfare", "Ventura County Children and Family Services", "County agency", "CHILD_WELFARE", "BACKBONE_LEAD",
     "Backbone staff, meeting coordination and the shared data dashboard"),
    ("schools", "Ventura Unified School District", "School district", "EDUCATION", "STEERING_COMMITTEE",
     "School-site family resource liaisons and attendance data"),
    ("health", "Gold Coast Health Plan", "Managed care plan", "HEALTH_CARE", "STEERING_COMMITTEE",
     "Care coordination and funding for home visiting"),
    ("behavioral", "Ventura County Behavioral Health", "County agency", "BEHAVIORAL_HEALTH", "MEMBER",
     "Parent mental-health referrals"),
    ("publichealth", "Ventura County Public Health", "County agency", "GOVERNMENT", "MEMBER",
     "Community health workers and population data"),
    ("cbo", "Interface Children and Family Services", "Nonprofit", "COMMUNITY_BASED_ORGANIZATION", "MEMBER",
     "Family resource centres and 2-1-1 navigation"),
    ("foundation", "Ventura County Community Foundation", "Community foundation", "PHILANTHROPY", "ADVISORY",
     "Seed grants for resident-led projects"),
    ("faith", "First Presbyterian Church of Oxnard", "Congregation", "FAITH_BASED", "MEMBER",
     "Meeting space, volunteers and trusted outreach to families"),
    ("university", "California State University Channel Islands", "University", "UNIVERSITY_RESEARCH", "ADVISORY",
     "Evaluation support and student interns"),
    ("parents", "Ventura County Parent Leadership Network", "Parent network", "LIVED_EXPERIENCE", "STEERING_COMMITTEE",
     "Parents with lived experience on the implementation team"),
    ("housing", "Housing Authority of the City of Oxnard", "Public housing agency", "HOUSING", "MEMBER",
     "Priority housing vouchers for families at risk of separation"),
]

PEOPLE = [
    # username, organisation key, roles in the county partnership, roles in the harbor partnership
    ("rivera", "welfare", ["COORDINATOR", "PROJECT_MANAGER"], []),
    ("okafor", "schools", ["MEMBER", "AGENCY_CHAMPION", "DATA_MEASUREMENT_LEAD"], ["MEMBER"]),
    ("nguyen", "health", ["MEMBER", "AGENCY_CHAMPION"], []),
    ("thompson", "behavioral", ["MEMBER", "AGENCY_CHAMPION"], []),
    ("hughes", "publichealth", ["MEMBER", "AGENCY_CHAMPION"], []),
    ("walker", "cbo", ["MEMBER", "AGENCY_CHAMPION", "COMMUNITY_OUTREACH_LIAISON"], ["MEMBER"]),
    ("kim", "foundation", ["MEMBER", "FUNDRAISING"], []),
    ("santos", "faith", ["MEMBER", "COMMUNICATIONS"], []),
    ("brooks", "university", ["MEMBER", "TECHNICAL_ASSISTANCE"], []),
    ("garcia", "parents", ["MEMBER", "LIVED_EXPERIENCE"], []),
    ("begay", "parents", ["MEMBER", "LIVED_EXPERIENCE"], []),
    ("chen", "housing", [], ["COORDINATOR"]),
    ("patel", "housing", ["MEMBER", "AGENCY_CHAMPION"], ["MEMBER", "AGENCY_CHAMPION"]),
]

NAMES = {"rivera": "Maria Rivera", "chen": "David Chen", "okafor": "Grace Okafor", "nguyen": "Linh Nguyen",
         "thompson": "James Thompson", "garcia": "Rosa Garcia", "begay": "Daniel Begay", "walker": "Tasha Walker",
         "kim": "Jun Kim", "santos": "Ana Santos", "brooks": "Marcus Brooks", "hughes": "Ellen Hughes",
         "patel": "Priya Patel"}

# Everyone signs the MOU for their organisation except the university: one signature is missing on purpose.
UNSIGNED = "university"


def load(api: Api) -> dict:
    existing = api.get("/partnerships", "admin", search=COUNTY)
    if existing["totalItems"] > 0:
        print(f"demo partnerships already loaded ({COUNTY})")
        return {"county": existing["items"][0]["id"]}

    orgs = {}
    for key, name, kind, sector, _, _ in ORGANISATIONS:
        orgs[key] = api.post("/organisations", "admin", {"name": name, "type": kind, "sector": sector})["id"]

    county = api.post("/partnerships", "admin", {
        "name": COUNTY,
        "description": "Cross-sector partnership of Ventura County to prevent child abuse and neglect by building "
                       "community resilience (BCR).",
        "geographyType": "COUNTY", "geographyName": "Ventura County",
        "vision": "A county in which children are cherished, families are engaged and strengthened, and "
                  "communities thrive.",
        "purpose": "Align prevention services across sectors and act together on the Partnership Assessment "
                   "Inventory every spring.",
        "sharedValues": ["Families are partners, not clients", "Shared accountability for outcomes",
                         "Equity in who decides"],
        "status": "ACTIVE", "structure": "STEERING_COMMITTEE", "leadOrganisationId": orgs["welfare"],
        "meetingCadence": "Monthly, second Tuesday", "declaredDimension": "COOPERATION",
        "aspiredDimension": "COLLABORATION"})["id"]
    harbor = api.post("/partnerships", "admin", {
        "name": "Oxnard Harbor Schools and Housing Collaborative",
        "description": "Schools and housing providers keeping families stably housed near their children's schools.",
        "geographyType": "COMMUNITY", "geographyName": "Oxnard Harbor District",
        "status": "FORMING", "structure": "LEADERSHIP_TABLE", "leadOrganisationId": orgs["housing"],
        "meetingCadence": "Every other month", "declaredDimension": "NETWORKING",
        "aspiredDimension": "COOPERATION"})["id"]

    # Each person is added for the partnership they first take part in, by e-mail; their first sign-in with that
    # (verified) e-mail links them to their login, as it would for a real county's people.
    people = {}
    origin = {}
    for username, org_key, county_roles, _ in PEOPLE:
        origin[username] = county if county_roles else harbor
        people[username] = api.post("/people", "admin", {
            "name": NAMES[username], "email": f"{username}@example.org", "organisationId": orgs[org_key],
            "partnershipId": origin[username]})["id"]
        api.get("/me", username)

    # The administrator names each coordinator; from then on the coordinators run their partnership.
    api.post(f"/partnerships/{county}/roles", "admin", {"personId": people["rivera"], "role": "COORDINATOR"})
    api.post(f"/partnerships/{harbor}/roles", "admin", {"personId": people["chen"], "role": "COORDINATOR"})

    for key, _, _, _, role, contribution in ORGANISATIONS:
        if role:
            api.post(f"/partnerships/{county}/memberships", "rivera",
                     {"organisationId": orgs[key], "role": role, "contribution": contribution})
    for key, role in [("housing", "BACKBONE_LEAD"), ("schools", "MEMBER"), ("cbo", "MEMBER")]:
        api.post(f"/partnerships/{harbor}/memberships", "chen", {"organisationId": orgs[key], "role": role})

    for username, _, county_roles, harbor_roles in PEOPLE:
        for role in county_roles:
            if not (username == "rivera" and role == "COORDINATOR"):
                api.post(f"/partnerships/{county}/roles", "rivera", {"personId": people[username], "role": role})
        for i, role in enumerate(harbor_roles):
            if not (username == "chen" and role == "COORDINATOR"):
                # Roles go only to people a partnership has: the administrator brings a county person into the harbor.
                granter = "chen" if origin[username] == harbor or i > 0 else "admin"
                api.post(f"/partnerships/{harbor}/roles", granter, {"personId": people[username], "role": role})

    mou = api.post(f"/partnerships/{county}/agreements", "rivera", {
        "title": "Ventura County BCR Memorandum of Understanding",
        "decisionProcess": "Decisions are made by consensus of the member representatives present; when consensus "
                           "cannot be reached, by a two-thirds vote, with parents with lived experience voting as "
                           "members."})
    signers = {}
    for username, org_key, roles, _ in PEOPLE:
        if roles:
            signers.setdefault(org_key, username)
    for key, _, _, _, role, _ in ORGANISATIONS:
        if role and key != UNSIGNED:
            api.post(f"/partnerships/{county}/agreements/{mou['id']}/signatures", signers[key],
                     {"organisationId": orgs[key], "signerTitle": "Representative"})
    etag = api.etag(f"/partnerships/{county}/agreements/{mou['id']}", "rivera")
    api.post(f"/partnerships/{county}/agreements/{mou['id']}/activate", "rivera", None, if_match=etag)
    print(f"loaded {COUNTY}: {len([o for o in ORGANISATIONS if o[4]])} member organisations, active MOU with one "
          f"signature missing; and the Oxnard Harbor collaborative for chen")
    return {"county": county, "harbor": harbor}
