from .run.cli import run_main

run_main()
