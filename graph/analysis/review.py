"""TEMPORARY: the old home of the section 5.1 review, kept as re-exports until every importer uses the
new places (listed in /tmp/moves/render-helper.tsv). The read side is graph.analysis.assessments and
graph.analysis.review_items; saving is graph.edit.assessments; the files are graph.render.review_report.
Nothing in graph/analysis imports this module.
"""

from __future__ import annotations

from graph.analysis.assessments import (  # noqa: F401  TEMPORARY re-export
    ASSESSMENTS_QUERY,
    BY_IRI,
    FALLBACK_NAMESPACE,
    RECOMMENDATIONS,
    RELEVANCE_QUERY,
    Assessment,
    all_assessments,
    assessments,
    dataset_namespace,
    recommendations,
    relevance_text,
    rounds,
    target_areas,
)
from graph.analysis.assessments import slug as _slug  # noqa: F401  TEMPORARY re-export
from graph.analysis.review_items import (  # noqa: F401  TEMPORARY re-export
    ASSESSMENT_COLUMNS,
    GROUPS,
    REVIEW_COLUMNS,
    ReportItem,
    assessment_cells,
    report_groups,
    review_rows,
    review_table,
    rounds_side_by_side,
)
from graph.edit.assessments import save_assessment  # noqa: F401  TEMPORARY re-export
from graph.render.review_report import (  # noqa: F401  TEMPORARY re-export
    FACT_FIELDS,
    REPORT_CSS,
    export_csv,
    export_xlsx,
    report_html,
    report_markdown,
)
