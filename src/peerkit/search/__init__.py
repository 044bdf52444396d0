"""Search for large sites: the Pagefind index, built over the finished site."""
