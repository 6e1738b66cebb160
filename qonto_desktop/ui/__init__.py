"""The window: the only part of the app that imports Qt. It calls the use cases from worker
threads and renders their results; widgets are touched only on the GUI thread."""
