from clustercli.cli import main

main()
