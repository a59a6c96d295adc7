"""How the view draws each kind of node and relation (colour, shape, width, dashes).

Okabe-Ito colours, and a distinct shape per kind so the legend still reads in grey.

>>> sorted(NODE_STYLES)[:2]
['employer', 'role']
"""

#: Node style by group (a node's kind, skills split by skill kind). Okabe-Ito colours,
#: and a distinct shape per kind so the legend still reads in grey.
NODE_STYLES: dict[str, dict[str, str]] = {
    "role": {"shape": "dot", "color": "#0072B2", "border": "#004a75"},
    "skill-hard": {"shape": "diamond", "color": "#D55E00", "border": "#8a3d00"},
    "skill-soft": {"shape": "diamond", "color": "#CC79A7", "border": "#8c4a70"},
    "skill-knowledge": {"shape": "diamond", "color": "#E69F00", "border": "#9a6a00"},
    "skill": {"shape": "diamond", "color": "#999999", "border": "#666666"},
    "sector": {"shape": "square", "color": "#009E73", "border": "#00664a"},
    "employer": {"shape": "triangle", "color": "#56B4E9", "border": "#2a7fb0"},
}

#: Edge style by relation (the edge key of :func:`datacareers.views.network.full_graph`).
EDGE_STYLES: dict[str, dict] = {
    "canBecome": {"color": "#0072B2", "width": 2.5, "arrows": True, "dashes": False},
    "managedBy": {"color": "#6a3d9a", "width": 1.6, "arrows": True, "dashes": [10, 5]},
    "worksWith": {"color": "#009E73", "width": 1.6, "arrows": False, "dashes": [3, 4]},
    "essentialSkill": {"color": "#D55E00", "width": 1.4, "arrows": True, "dashes": False},
    "optionalSkill": {"color": "#D55E00", "width": 1.0, "arrows": True, "dashes": [5, 5]},
    "requiresSkill": {"color": "#999999", "width": 1.0, "arrows": True, "dashes": False},
    "inSector": {"color": "#7fbfa9", "width": 1.0, "arrows": True, "dashes": [2, 3]},
    "employedBy": {"color": "#8ec9ea", "width": 1.0, "arrows": True, "dashes": [7, 3]},
}
