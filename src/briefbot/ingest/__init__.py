"""Files to index: find and load files (load), split them (chunk), and write them (pipeline)."""
