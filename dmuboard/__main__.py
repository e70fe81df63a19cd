import sys

from dmuboard.cli import main

sys.exit(main())
