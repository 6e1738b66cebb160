"""What the app needs from the operating system: paths, files, TLS, browser, logs, redaction."""
