"""`python -m portalis ...` is the `portalis` command (editors start `python -m portalis serve`)."""

import sys

from portalis.entry import main

sys.exit(main())
