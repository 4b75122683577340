from briefbot.faces.cli import main

main()
