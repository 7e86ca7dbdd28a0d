"""RDF without a store: parsing files, skolem IRIs, N-Triples text, literal values, SHACL shapes."""
