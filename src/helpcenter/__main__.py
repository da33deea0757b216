"""``python -m helpcenter``: see :mod:`helpcenter.cli`."""

from helpcenter.cli import main

raise SystemExit(main())
