import sys

from generator.cli import main
from generator.outputs.job import collect_less

collect_less()  # a process of its own: the collector set for a build (outputs/job.py)
sys.exit(main(sys.argv[1:]))
