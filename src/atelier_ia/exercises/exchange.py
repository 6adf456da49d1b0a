"""nbgrader's default exchange, with two safeguards it lacks on a machine shared by accounts.

- nbgrader's submit leaves a submission readable by everyone, in a folder anyone may write
  to ("hidden from other users by the timestamp"): whoever learns its name can read or
  replace it. :class:`PrivateSubmit` closes its folders to all but their owner and the
  grader's group.
- nbgrader's collect only *warns* when a submission claims a learner other than the account
  that made it (``nbgrader submit --student=someone-else``), then collects it as theirs.
  :class:`OwnerCheckedCollect` moves such submissions aside, to ``refused/`` in the course
  folder, before it picks each learner's latest one.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil

from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.exchange.default.submit import ExchangeSubmit
from traitlets import Unicode

from atelier_ia.isolation import accounts

REFUSED_DIR = "refused"


class PrivateSubmit(ExchangeSubmit):
    def copy_files(self) -> None:
        super().copy_files()
        # The folders are in the grader's group (the inbound folder is set-group-ID when
        # they are made) and closed to others: that is what keeps the files from everyone
        # else. The files stay readable past it: those nbgrader writes last (timestamp,
        # secret) are in the learner's own group, which a learner cannot change.
        dest = os.path.join(self.inbound_path, self.assignment_filename)
        self.set_perms(dest, fileperms=0o644, dirperms=0o750)


class OwnerCheckedCollect(ExchangeCollect):
    accounts_prefix = Unicode(
        "",
        help="Prefix of the learners' Unix accounts; empty when everyone shares one account "
        "(the demo), where there is no owner to check.",
    ).tag(config=True)

    def init_src(self) -> None:
        inbound = os.path.join(self.root, self.coursedir.course_id, "inbound")
        if self.accounts_prefix and os.path.isdir(inbound):
            self.refused = self.move_aside(inbound)
        else:
            self.refused = []
        super().init_src()

    def move_aside(self, inbound: str) -> list[str]:
        refused = []
        pattern = os.path.join(inbound, f"*+{glob.escape(self.coursedir.assignment_id)}+*")
        for path in glob.glob(pattern):
            claimed = os.path.basename(path).split("+", 1)[0]
            try:
                owner = pwd.getpwuid(os.lstat(path).st_uid).pw_name
            except KeyError:
                owner = "?"
            if owner == accounts.unix_name(claimed, self.accounts_prefix):
                continue
            aside = os.path.join(self.coursedir.root, REFUSED_DIR)
            os.makedirs(aside, mode=0o700, exist_ok=True)
            shutil.move(path, os.path.join(aside, os.path.basename(path)))
            self.log.warning(
                "Refused submission %s: it claims %s but belongs to the account %s",
                os.path.basename(path),
                claimed,
                owner,
            )
            refused.append(os.path.basename(path))
        return refused
