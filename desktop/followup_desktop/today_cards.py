"""Today's cards for plan items: each card's words made from its item (``card_face``),
drawn as every card is (``CardPainter``)."""

from __future__ import annotations

from PySide6.QtWidgets import QListView

from followup.plan import PlanItem
from followup_desktop.card_painter import CardPainter, Index
from followup_desktop.plan_items import ItemRole
from followup_desktop.session import Session
from followup_desktop.today_face import CardFace
from followup_desktop.today_wording import card_face


class CardDelegate(CardPainter):
    """A plan item's card: its time in the user's zone and locale, a call card with the
    number to dial (``phones``, by contact id, shared by Today's two lists)."""

    def __init__(
        self,
        session: Session,
        parent: QListView | None = None,
        phones: dict[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.phones = phones if phones is not None else {}

    def face(self, index: Index) -> CardFace:
        item: PlanItem = index.data(ItemRole)
        return self.face_of(item)

    def face_of(self, item: PlanItem) -> CardFace:
        return card_face(item, self.session.zone, self.session.dates(), self.phones)

    def title(self, item: PlanItem) -> str:
        """The call card says whom to call and the number to dial."""
        return self.face_of(item).title

    def reason(self, item: PlanItem) -> str:
        """The line under the title: the reason, its time on both clocks when abroad."""
        return self.face_of(item).reason
