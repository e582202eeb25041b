"""The plan leaves the app: published versions, their differences, and DOCX / PDF / ODT / HTML exports."""
