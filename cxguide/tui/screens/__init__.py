"""One module per screen: the four areas (each a Textual mode) and the help screen."""
