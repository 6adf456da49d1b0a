"""The nbgrader course `acculturation-ia`: its folders and accounts (course), nbgrader's
configuration (config), the exchange's safeguards (exchange), what the graded cells call
(grading), the trainers' commands (commands) and the learners' Voilà app (app).
docs/exercices.md tells trainers how it works."""
