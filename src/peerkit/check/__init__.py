"""Rules across records, applied after every file has loaded on its own."""
