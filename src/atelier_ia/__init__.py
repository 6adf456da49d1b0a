"""Atelier IA: generative AI workshops for French local governments."""

__version__ = "0.1.0"
