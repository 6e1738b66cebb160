"""The connect dialog and its parts."""
