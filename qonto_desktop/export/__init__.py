"""A client's bank data for one period, as the files accounting software imports."""
