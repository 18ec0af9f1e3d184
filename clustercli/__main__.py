from clustercli.entry import main

main()
