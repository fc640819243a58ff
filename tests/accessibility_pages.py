"""Every page type, with query strings that show a result; shared by the accessibility
tests and bench/screenshots.py. Paths are under /<lang>/: the library's own pages, then the
real document's (under jiande-2025/)."""

LIBRARY_PAGES = ["", "units/", "search/?q=REITs", "benefits/", "data/",
                 "benefits/?who=resident&s=appliance,furniture,e-bike&appliance.grade=1"
                 "&appliance.price=8000&furniture.item=furniture_plain&furniture.price=6000"]
DOCUMENT_PAGES = [
    "", "chapters/3/", "clauses/14/", "units/", "units/commerce-bureau/", "budget/",
    "incentives/", "targets/", "data/", "changes/", "editors/", "calculators/",
    "calculators/trade-in/?item=appliance&grade=1&price=8000",
    "calculators/trade-in/?item=appliance&grade=9&price=-1",
    "calculators/trade-in/?item=furniture_plain&price=8000",
    "calculators/trade-in/?item=digital&price=6001",
    "calculators/trade-in/?item=appliance&price=8000",
    "calculators/equipment-upgrade/?investment=3000000",
    "calculators/digital-transformation/?recognitions=smart_factory",
    "calculators/enterprise-awards/?awards=srdi,little_giant",
    "calculators/enterprise-awards/?awards=high_tech_first,high_tech_renewed",
    "calculators/export-credit-insurance/?premium=10000",
    "calculators/project-funding/?projects=migratory_bird",
    "finder/?who=enterprise&has=enterprise-awards:awards:srdi",
    "finder/",
    "finder/?who=enterprise&s=equipment,export-insurance,digital-project,high-tech"
    "&equipment.investment=300万&export-insurance.premium=1.5万元"
    "&digital-project.project_investment=100万&high-tech.awards=high_tech_first",
    "finder/?who=enterprise&s=equipment,high-tech&equipment.investment=abc"
    "&high-tech.awards=high_tech_first,high_tech_renewed",
]
PAGE_TYPES = LIBRARY_PAGES + [f"jiande-2025/{p}" for p in DOCUMENT_PAGES]
# pages only a library of several editions has (tests/library_fixture.py)
EDITION_PAGES = ["jiande-2026/compare/jiande-2025/", "jiande-2025/", "jiande-2025/clauses/1/"]
# pages of a series of three editions (tests/library_fixture.py:make_series): comparisons of
# neighbours and of editions further apart, and clause timelines
SERIES_PAGES = ["jiande-2026/compare/jiande-2025/", "jiande-2027/compare/jiande-2025/",
                "jiande-2026/clauses/15/", "jiande-2027/clauses/2/", "jiande-2026/clauses/25/"]
