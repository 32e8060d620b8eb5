"""``python -m newsbrief.cli`` runs the command line."""

from newsbrief.cli import main

main()
