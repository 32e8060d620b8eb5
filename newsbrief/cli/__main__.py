"""``python -m newsbrief.cli`` runs the command line."""

from newsbrief.cli import main

if __name__ == "__main__":  # not when a worker process of ``serve`` imports the main module
    main()
