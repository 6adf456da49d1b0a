"""Workshop days: accounts and badges, the room's export, closing, the live view, doctor."""
