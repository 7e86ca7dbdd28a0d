"""Serving the graph to other tools and people: the read-only SPARQL 1.1 Protocol endpoint (endpoint),
the pages of the graph's IRIs (pages) and the HTTP server holding both (server). A face beside cli/
and ui/: it only reads, through the same store interface."""
