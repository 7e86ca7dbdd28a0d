"""The explorer: `streamlit run app.py`. Everything lives in graph/ui; this file only starts it."""

from graph.ui.app import main

main()
