from generator.process import collect_less, leave

collect_less()  # a process of its own: the collector set for a build (generator/process.py)

import sys  # noqa: E402

from generator.cli import main  # noqa: E402

try:
    code = main(sys.argv[1:])
except BrokenPipeError:  # the reader of the output went away (`| head`): nothing to add
    code = 1
leave(code)
