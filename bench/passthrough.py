"""A bare streaming HTTP pass-through (uvicorn + httpx, nothing else), for the gateway
benchmark: what one extra Python HTTP hop costs on this machine, the floor under any gateway.
`python -m bench.passthrough PORT UPSTREAM_URL`."""

from __future__ import annotations

import sys

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route


def make_app(upstream: str) -> Starlette:
    client = httpx.AsyncClient(base_url=upstream, timeout=60)

    async def chat(request: Request) -> StreamingResponse:
        sent = client.build_request("POST", "/api/chat", content=await request.body())
        response = await client.send(sent, stream=True)

        async def body():
            try:
                async for chunk in response.aiter_raw():
                    yield chunk
            finally:
                await response.aclose()

        return StreamingResponse(body(), media_type="application/x-ndjson")

    return Starlette(routes=[Route("/api/chat", chat, methods=["POST"])])


if __name__ == "__main__":
    uvicorn.run(make_app(sys.argv[2]), host="127.0.0.1", port=int(sys.argv[1]), log_level="error")
