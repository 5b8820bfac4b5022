"""Data sources: each turns a CRM or a file into a Snapshot. No pygame, no GPIO here."""
