"""The catalogue page and its archive, without a server (the integration tests serve them)."""

from __future__ import annotations

import io
import zipfile

from atelier_ia.apps.catalogue import WORKSHOPS, pack_work
from atelier_ia.apps.catalogue_page import count_files, page_html


def test_page_lists_every_workshop_and_links_each_under_the_prefix():
    page = page_html("/user/alice/", "/hub", with_code=False, count=0)
    assert page.count("class='atelier-card'") == len(WORKSHOPS)
    assert "/user/alice/voila/render/workshops/quiz/quiz.ipynb" in page
    assert "atelier-with-code" not in page
    assert "Rien à emporter pour l'instant" in page
    assert 'href="/hub/logout"' in page


def test_page_offers_the_archive_once_there_is_work(tmp_path):
    work = tmp_path / "mes-travaux"
    (work / "bac-a-sable").mkdir(parents=True)
    (work / "bac-a-sable" / "essai.md").write_text("Bonjour", encoding="utf-8")
    (work / "note.txt").write_text("x", encoding="utf-8")
    assert count_files(work) == 2
    page = page_html("/user/alice/", "/hub", with_code=True, count=count_files(work))
    assert "href='/user/alice/catalogue/mes-travaux.zip' download" in page
    assert "Emporter mes travaux (2 fichiers, mes-travaux.zip)" in page
    assert "atelier-with-code" in page


def test_archive_holds_the_folder_under_its_name(tmp_path):
    work = tmp_path / "mes-travaux"
    (work / "a").mkdir(parents=True)
    (work / "a" / "b.md").write_text("é", encoding="utf-8")
    out = io.BytesIO()
    assert pack_work(work, out) == 1
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == ["mes-travaux/a/b.md"]
        assert archive.read("mes-travaux/a/b.md").decode() == "é"
    assert count_files(tmp_path / "absent") == 0
