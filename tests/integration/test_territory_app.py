"""Workshop 5 « Données territoriales », driven without a browser (FakeOllama stands in for an
Ollama server and answers with a set comment)."""

from __future__ import annotations

from atelier_ia.apps.territory import Territory, chart_data
from atelier_ia.llm import LLMClient
from tests.fake_ollama import Behaviour
from tests.gateway_harness import RunningGateway, gateway_settings, token_for


def test_table_chart_and_checked_comment(tmp_path, fake):
    backends = [{"name": "gpu", "kind": "ollama", "url": fake.url}]
    settings = gateway_settings(tmp_path, backends, [{"name": "mistral:7b", "backends": ["gpu"]}])
    with RunningGateway(settings) as gw:
        app = Territory(LLMClient(host=gw.url, token=token_for("ana")))
        assert app.update_table()[0].nom == "Agen"
        app.filter.value = "nérac"
        assert [c.nom for c in app.update_table()] == ["Nérac"]
        assert app.table.value.count("<tr>") == 2  # header + Nérac
        top = chart_data(app.communes, "top")
        assert len(top) == 10 and top[0] == ("Agen", 32801)
        assert list(app.last_figure.data[0].x)[:2] == [32801, 22350]
        app.chart.value = "epci"
        assert "Agglomération d'Agen" in " ".join(app.last_figure.data[0].y)
        app.chart.value = "top"

        fake.behaviour = Behaviour(
            reply="Agen domine avec 32 801 habitants, devant "
            "Villeneuve-sur-Lot et ses 41 000 habitants."
        )
        app.ask_comment()
        assert "- Agen : 32801 habitants" in fake.served[-1].user_text
        assert "atelier-figure-ok" in app.comment.value
        assert "atelier-figure-erreur" in app.comment.value
        assert "41 000 : ce chiffre n&#x27;est pas dans les données" in app.result.value
