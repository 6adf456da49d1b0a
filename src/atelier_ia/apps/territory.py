"""« Données territoriales »: the communes of Lot-et-Garonne in a table, charts and a map; the
model comments a chart, and code checks every figure of its comment against the data."""

from __future__ import annotations

import html
from collections import defaultdict

import ipywidgets as widgets

from atelier_ia.apps.common import (
    App,
    ModelChoice,
    action_button,
    box,
    checklist_html,
    stream_answer,
    text_box,
)
from atelier_ia.checks.figures import check_figures
from atelier_ia.data.territory import Commune, departement_map_svg, load_communes
from atelier_ia.llm import LLMClient

WORKSHOP_ID = "donnees-territoriales"
CHARTS = (("Les 10 communes les plus peuplées", "top"), ("Population par intercommunalité", "epci"))
MARK = {
    "ok": ("#c8f0c8", "✓ dans les données"),
    "attention": ("#ffe5b4", "! arrondi"),
    "erreur": ("#ffc8c8", "✗ introuvable dans les données"),
}

WHY = box(
    "Pourquoi c'est important",
    "Un modèle de langue sait écrire un commentaire convaincant sur des chiffres… et en "
    "inventer d'autres au passage. Les chiffres viennent des données (ici, les populations "
    "légales publiées par l'INSEE, via Etalab), jamais du modèle : un programme les vérifie un "
    "par un.",
)
TAKE_AWAY = box(
    "À retenir",
    "<ul style='margin:4px 0'><li>Donnez au modèle les chiffres qu'il doit commenter ; ne lui "
    "demandez pas de les trouver.</li><li>Tout chiffre d'un texte généré se vérifie dans la "
    "source.</li><li>Un arrondi peut être acceptable ; un chiffre introuvable ne l'est pas."
    "</li></ul>",
    "#1b6e1b",
)


def chart_data(communes: list[Commune], chart: str) -> list[tuple[str, int]]:
    if chart == "top":
        ranked = sorted(communes, key=lambda c: -c.population)[:10]
        return [(c.nom, c.population) for c in ranked]
    totals: dict[str, int] = defaultdict(int)
    for c in communes:
        totals[c.epci or "(sans intercommunalité)"] += c.population
    return sorted(totals.items(), key=lambda item: -item[1])


def table_html(communes: list[Commune], limit: int = 60) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(c.nom)}</td><td style='text-align:right'>"
        f"{c.population:,}</td><td>{html.escape(' '.join(c.codes_postaux))}</td>"
        f"<td>{html.escape(c.epci)}</td></tr>".replace(",", " ")
        for c in communes[:limit]
    )
    more = f"<p>… et {len(communes) - limit} autres.</p>" if len(communes) > limit else ""
    return (
        "<div style='max-height:320px;overflow:auto'><table class='atelier-communes'>"
        f"<caption style='text-align:left'>{len(communes)} communes</caption><thead><tr>"
        "<th scope='col'>Commune</th><th scope='col'>Population</th>"
        "<th scope='col'>Code postal</th><th scope='col'>Intercommunalité</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>{more}"
    )


def marked_comment(text: str, findings: list) -> str:
    parts, position = [], 0
    for f in findings:
        colour, label = MARK[f.severity]
        parts.append(html.escape(text[position : f.span[0]]))
        parts.append(
            f"<mark class='atelier-figure atelier-figure-{f.severity}' "
            f"title='{html.escape(f.message)}' style='background:{colour};color:#111'>"
            f"{html.escape(text[f.span[0] : f.span[1]])} <small>[{label}]</small></mark>"
        )
        position = f.span[1]
    parts.append(html.escape(text[position:]))
    return (
        "<div style='white-space:pre-wrap;border:1px solid #666;padding:8px 12px;"
        f"background:#fff;color:#111'>{''.join(parts)}</div>"
    )


class Territory(App):
    def __init__(self, client: LLMClient | None = None) -> None:
        self.client = client or LLMClient(workshop=WORKSHOP_ID)
        self.communes = load_communes("47")
        style = {"description_width": "initial"}
        self.sort = widgets.Dropdown(
            options=(("Population (décroissante)", "population"), ("Nom", "nom")),
            description="Trier par",
            style=style,
        )
        self.filter = widgets.Text(
            description="Chercher une commune", style=style, placeholder="ex. Nérac"
        )
        self.table = widgets.HTML()
        self.chart = widgets.ToggleButtons(options=CHARTS, description="Graphique", style=style)
        self.figure = widgets.Output()
        self.comment_button = action_button("Demander un commentaire au modèle")
        self.status = widgets.HTML()
        self.comment = widgets.HTML()
        self.result = widgets.HTML()
        self.model = ModelChoice(self.client, self.status)
        self.sort.observe(lambda _: self.update_table(), names="value")
        self.filter.observe(lambda _: self.update_table(), names="value")
        self.chart.observe(lambda _: self.draw_chart(), names="value")
        self.comment_button.on_click(lambda _: self.ask_comment())
        self.update_table()
        self.draw_chart()
        self.widget = widgets.VBox(
            [
                widgets.HTML(WHY),
                widgets.HTML(
                    "<h3>1. Les communes du Lot-et-Garonne</h3>"
                    f"<p>Population légale totale : {self.total():,} habitants."
                    "</p>".replace(",", " ")
                ),
                widgets.HBox(
                    [
                        widgets.HTML(departement_map_svg("47")),
                        widgets.VBox([self.sort, self.filter]),
                    ]
                ),
                self.table,
                widgets.HTML("<h3>2. Un graphique</h3>"),
                self.chart,
                self.figure,
                widgets.HTML("<h3>3. Le commentaire du modèle, vérifié</h3>"),
                self.model.banner,
                self.model.dropdown,
                self.comment_button,
                self.status,
                self.comment,
                self.result,
                widgets.HTML(TAKE_AWAY),
                widgets.HTML(
                    "<p><small>Source : Etalab, découpage administratif (INSEE), "
                    "Licence Ouverte 2.0.</small></p>"
                ),
            ],
            layout=widgets.Layout(max_width="1000px", width="100%"),
        )

    def total(self) -> int:
        return sum(c.population for c in self.communes)

    def update_table(self) -> list[Commune]:
        wanted = self.filter.value.strip().lower()
        shown = [c for c in self.communes if wanted in c.nom.lower()]
        if self.sort.value == "population":
            shown.sort(key=lambda c: -c.population)
        else:
            shown.sort(key=lambda c: c.nom)
        self.table.value = table_html(shown)
        return shown

    def draw_chart(self) -> None:
        import plotly.graph_objects as go
        from IPython.display import display

        data = chart_data(self.communes, self.chart.value)
        title = next(label for label, key in CHARTS if key == self.chart.value)
        figure = go.Figure(
            go.Bar(
                x=[v for _, v in data],
                y=[n for n, _ in data],
                orientation="h",
                marker_color="#0b3d91",
            )
        )
        figure.update_layout(
            title=title,
            height=420,
            margin={"l": 240},
            yaxis={"autorange": "reversed"},
            xaxis_title="habitants",
        )
        self.last_figure = figure
        self.figure.clear_output()
        with self.figure:
            display(figure)

    def prompt(self) -> str:
        data = chart_data(self.communes, self.chart.value)
        lines = "\n".join(f"- {name} : {value} habitants" for name, value in data)
        return (
            "Voici des populations légales du Lot-et-Garonne (319 communes, "
            f"{self.total()} habitants au total).\n{lines}\n\n"
            "Commente ce graphique en trois phrases pour le bulletin municipal. N'utilise que "
            "les chiffres donnés ci-dessus."
        )

    def ask_comment(self) -> str:
        if not self.model.ready():
            return ""
        self.result.value = ""
        text = stream_answer(
            self.client,
            self.model.value,
            self.prompt(),
            show=lambda text: setattr(self.comment, "value", text_box(text)),
            status=self.status,
            button=self.comment_button,
            temperature=0.3,
            max_tokens=250,
        )
        if text is None:
            return ""
        self.check(text)
        return text

    def check(self, text: str) -> list:
        findings = check_figures(text, self.communes)
        self.comment.value = marked_comment(text, findings)
        self.result.value = (
            checklist_html(findings) if findings else "<p>Le commentaire ne cite aucun chiffre.</p>"
        )
        return findings
