"""What people use: the command line and its rendering."""
