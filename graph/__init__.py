"""ikg: a knowledge graph of a city's international relationships (RDF, SPARQL, networkx)."""

__version__ = "0.1.0"
