"""The Qt desktop app wrapping the followup domain."""
