"""The gateway behind a real hub: real token checks (HubAuth), the real embedded model."""

from __future__ import annotations

import openai
import pytest
import requests

MODEL = "smollm2:135m"


@pytest.fixture(scope="module")
def tokens(platform):
    participant = platform.login("denise")
    trainer_admin = platform.login("formateur", platform.admin_password)
    claire = platform.login("claire")
    # Claire is a trainer through the group only (not an admin).
    added = platform.api(
        trainer_admin, "POST", "/groups/formateurs/users", json={"users": ["claire"]}
    )
    assert added.status_code == 200, added.text
    return {
        "denise": platform.new_token(participant, "denise"),
        "formateur": platform.new_token(trainer_admin, "formateur"),
        "claire": platform.new_token(claire, "claire"),
    }


def test_every_route_refuses_missing_and_foreign_tokens(platform, tokens):
    base = f"{platform.url}/services/gateway"
    schema = requests.get(
        f"{base}/openapi.json", headers={"Authorization": f"Bearer {tokens['denise']}"}
    ).json()
    paths = schema["paths"]
    assert "/services/gateway/v1/chat/completions" in paths and len(paths) >= 14
    for path, methods in paths.items():
        for method in methods:
            for header in ({}, {"Authorization": "Bearer pas-un-jeton-du-hub"}):
                response = requests.request(
                    method.upper(), platform.url + path, json={}, headers=header, timeout=30
                )
                assert response.status_code == 401, (method, path, header)


def test_openai_client_with_the_embedded_model(platform, tokens):
    client = openai.OpenAI(base_url=f"{platform.url}/services/gateway/v1", api_key=tokens["denise"])
    assert [m.id for m in client.models.list()] == [MODEL]
    whole = client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": "Bonjour"}], max_tokens=12, temperature=0
    )
    assert whole.choices[0].message.content
    assert 0 < whole.usage.completion_tokens <= 12
    chunks = list(
        client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Bonjour"}],
            max_tokens=12,
            stream=True,
        )
    )
    assert sum(1 for c in chunks if c.choices and c.choices[0].delta.content) >= 2


def test_metrics_and_room_figures_for_trainers_only(platform, tokens):
    base = f"{platform.url}/services/gateway"
    for user, status in (("denise", 403), ("formateur", 200), ("claire", 200)):
        headers = {"Authorization": f"Bearer {tokens[user]}"}
        assert requests.get(f"{base}/metrics", headers=headers).status_code == status, user
        assert requests.get(f"{base}/audit/room", headers=headers).status_code == status, user
    mine = requests.get(
        f"{base}/audit/me", headers={"Authorization": f"Bearer {tokens['denise']}"}
    ).json()
    assert mine["user"] == "denise"
    assert all(row["user"] == "denise" for row in mine["requests"])
