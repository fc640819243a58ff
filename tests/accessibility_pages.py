"""Every page type, with query strings that show a result; shared by the accessibility
tests and bench/screenshots.py."""

PAGE_TYPES = [
    "", "chapters/3/", "clauses/14/", "units/", "units/commerce-bureau/", "budget/",
    "incentives/", "targets/", "data/", "changes/", "editors/", "calculators/",
    "calculators/trade-in/?item=appliance&grade=1&price=8000",
    "calculators/trade-in/?item=appliance&grade=9&price=-1",
    "calculators/equipment-upgrade/?investment=3000000",
    "calculators/digital-transformation/?recognitions=smart_factory",
    "calculators/enterprise-awards/?awards=srdi,little_giant",
    "calculators/export-credit-insurance/?premium=10000",
    "calculators/project-funding/?projects=migratory_bird",
    "finder/?who=enterprise&has=enterprise-awards:awards:srdi",
]
