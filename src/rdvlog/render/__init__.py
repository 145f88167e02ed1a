"""Renderers of the report (Markdown, CSV) and their labels in French and English."""
