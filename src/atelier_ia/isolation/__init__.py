"""Keeping people apart: one Unix account per person, a private state dir for the operator.

- :mod:`.accounts`: the Unix account of a hub user (name, creation, removal);
- :mod:`.layout`: the state dir's folders and their modes;
- :mod:`.mode`: which isolation is in force (accounts as root, else the loopback demo);
- :mod:`.reach`: whether a participant account can run the servers and read the workshops.

The model is the one the ansible deployment will use with SystemdSpawner; see
docs/architecture.md, « Isolation ».
"""
