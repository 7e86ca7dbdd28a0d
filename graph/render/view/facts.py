"""A node's facts as [name, value] rows (kind, dates, status, type, target areas, SDGs), shared by the
page's side panel and node_details."""

from __future__ import annotations

from graph.render.view.model import NetworkData, NodeInfo
from graph.vocab.labels import local_name


def facts(data: NetworkData, n: NodeInfo, t: dict, kind: bool = True) -> list[list[str]]:
    """[name, value] rows for what the node has, in the view's words `t`."""
    rows = [[t["kind"], n.kind]] if n.kind and kind else []
    if n.since is not None:
        rows.append([t["since"], str(n.since)])
    if n.until is not None:
        rows.append([t["until"], str(n.until)])
    if n.status:
        rows.append([t["status"], data.labels.get(n.status, local_name(n.status))])
    if n.agreement_type:
        rows.append([t["type"], data.labels.get(n.agreement_type, local_name(n.agreement_type))])
    if n.target_areas:
        rows.append([t["target_areas"], "; ".join(notation(data, "ta", v) for v in n.target_areas)])
    if n.sdgs:
        rows.append([t["sdgs"], "; ".join(notation(data, "sdg", v) for v in n.sdgs)])
    return rows


def notation(data: NetworkData, what: str, value: str) -> str:
    """'3 Research' for target area 3 ('ta') or an SDG ('sdg'); the bare notation without a name."""
    label = data.notation_labels.get((what, value))
    return f"{value} {label}" if label else value
