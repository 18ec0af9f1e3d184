"""Rich output for the terminal: the screens around the interview (and, later, the report)."""
