"""Exports notebooks to HTML with nbconvert, SVG outputs embedded as images.

usage: export_html.py OUT_DIR NOTEBOOK...
"""
import base64
import os
import sys

import nbformat
from nbconvert import HTMLExporter

out_dir, paths = sys.argv[1], sys.argv[2:]
os.makedirs(out_dir, exist_ok=True)
exporter = HTMLExporter(
    template_name="workbook",
    extra_template_basedirs=[os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")],
    filters={"base64_utf8": lambda text: base64.b64encode(text.encode("utf-8")).decode("ascii")},
)
for path in paths:
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
    target = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + ".html")
    with open(target, "w", encoding="utf-8") as f:
        f.write(body)
    print(f"wrote {target}")
