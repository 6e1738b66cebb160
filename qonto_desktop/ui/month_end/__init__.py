"""The month end in the window: the export dialog, its progress, and the missing receipts."""
