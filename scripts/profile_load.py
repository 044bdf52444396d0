"""Time loading a site's content, for the load targets of issue 18.

    python scripts/profile_load.py SITE_FOLDER [--profile]

Loads SITE_FOLDER/content twice in fresh processes' worth of work: once as a cold
load (no parse cache), and prints the wall and CPU seconds; with --profile, the
cold load's top functions by cumulative time (cProfile).
"""
