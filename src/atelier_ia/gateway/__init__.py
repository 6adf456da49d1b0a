"""The model gateway service (see :mod:`atelier_ia.gateway.app`)."""
