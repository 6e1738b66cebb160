"""The main window's panes: the list of connections and the detail of one."""
