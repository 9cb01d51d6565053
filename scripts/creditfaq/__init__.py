"""creditfaq: turn scraped Chinese consumer-credit articles into a cross-linked static site."""

__version__ = "0.1.0"
