"""What comes after Today's week: the next step of each application (the planned call,
the close date), so Today never says "nothing to do" while something is planned."""

from __future__ import annotations

from followup_desktop.plan_items import PlanItemsModel, after_the_week
from followup_desktop.session import Session


class ComingUpModel(PlanItemsModel):
    """The next step of each application due after Today's window, nearest first."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session  # reloaded with Today's agenda, never on its own

    def reload(self) -> None:
        items = after_the_week(self.session.today_items(), self.session.now(), self.session.zone)
        if self.rows:  # by rows, so the card the user chose stays chosen
            self.update_items(items)
        else:
            self.set_items(items)
