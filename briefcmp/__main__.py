from briefcmp.cli import main

main()
