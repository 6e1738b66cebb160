"""What the build needs beside the app: trimming, icons for Windows and macOS, version facts.

Imported by ``pyinstaller.spec`` at build time; nothing here is bundled into the executable.
"""
