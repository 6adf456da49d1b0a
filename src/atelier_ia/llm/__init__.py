"""How apps and notebooks talk to models: always through the gateway (see :mod:`.client`)."""

from atelier_ia.llm.client import ChatStats, LLMClient, LLMError, is_demo_model

__all__ = ["ChatStats", "LLMClient", "LLMError", "is_demo_model"]
