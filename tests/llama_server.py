"""A real OpenAI-compatible server for the gateway's `openai` backend: llama.cpp's, as
llama-cpp-python ships it (`llama_cpp.server`), serving the embedded SmolLM2 model.

`python -m tests.llama_server PORT ALIAS [API_KEY]`. The model is loaded the way the embedded
backend loads it (without llama.cpp's extra buffer types, which crash on these machines); the
server itself is llama-cpp-python's, unchanged. Its access log names each caller's port, which
tells whether a connection was reused.
"""

from __future__ import annotations

import sys

import uvicorn
from llama_cpp.server.app import create_app
from llama_cpp.server.settings import ModelSettings, ServerSettings

from atelier_ia.llm.backends.embedded import _without_extra_buffer_types, gguf_path


def main() -> None:
    port, alias = int(sys.argv[1]), sys.argv[2]
    api_key = sys.argv[3] if len(sys.argv) > 3 else None
    with _without_extra_buffer_types():
        app = create_app(
            server_settings=ServerSettings(host="127.0.0.1", port=port, api_key=api_key),
            model_settings=[
                ModelSettings(model=str(gguf_path()), model_alias=alias, n_ctx=2048, verbose=False)
            ],
        )
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="info")


if __name__ == "__main__":
    main()
