"""The words the theme shows on every page, in one table for translation."""

LABELS: dict[str, str] = {
    "leave": "Leave this site",
    "leave_hint": "Press Shift three times to leave quickly",
    "crisis_heading": "Need help now?",
    "crisis_more": "Crisis lines in other countries",
    "disclaimer": (
        "Peer support is not a replacement for professional help. "
        "If you are in danger, call your local emergency number."
    ),
}
