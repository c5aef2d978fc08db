"""Benchmark: the e-invoices of one invoice (app/einvoicing), in this process, per document.

For invoices of 1, 10 and 100 lines, RUNS times each, the median in ms of:
- `ubl`: the UBL 2.1 XML (EN 16931 view built from the invoice, then written);
- `cii`: the Factur-X CII XML alone;
- `facturx`: the Factur-X PDF from an already rendered PDF (what GET .../facturx does for a
  validated invoice, whose PDF is stored): the CII XML, its XSD check, and the PDF/A-3 embedding;
- `pdf`: rendering the PDF itself (PDF/A-3b), for scale: what the first read of a validated
  invoice costs once, and what the Factur-X is built on.

Usage: python bench/einvoice.py [--runs N]"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.einvoicing.document import build  # noqa: E402
from app.einvoicing.facturx import cii_xml, facturx_pdf  # noqa: E402
from app.einvoicing.ubl import ubl_xml  # noqa: E402
from app.invoices.pdf import render_invoice_pdf  # noqa: E402
from tests.invoice_shapes import SELLER_FR, make_long_invoice  # noqa: E402

LINE_COUNTS = (1, 10, 100)


def median_ms(work, runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def main(runs: int) -> None:
    print(f"{'invoice':>10} {'ubl ms':>8} {'cii ms':>8} {'facturx ms':>11} {'pdf ms':>8} {'ubl bytes':>10} "
          f"{'facturx bytes':>14}")
    for line_count in LINE_COUNTS:
        invoice = {**make_long_invoice(line_count), "type": "invoice", "customer_external_id": "crm-42"}
        invoice["bill_to"] = {**invoice["bill_to"], "vat_number": "FR40303265045", "company_id": "303265045"}
        pdf = render_invoice_pdf(invoice, SELLER_FR)
        ubl = median_ms(lambda: ubl_xml(build(invoice, SELLER_FR)), runs)
        cii = median_ms(lambda: cii_xml(build(invoice, SELLER_FR)), runs)
        facturx = median_ms(lambda: facturx_pdf(pdf, build(invoice, SELLER_FR), language="fr"), runs)
        rendering = median_ms(lambda: render_invoice_pdf(invoice, SELLER_FR), runs)
        sizes = (len(ubl_xml(build(invoice, SELLER_FR))),
                 len(facturx_pdf(pdf, build(invoice, SELLER_FR), language="fr")))
        print(f"{line_count:>4} lines {ubl:>8.2f} {cii:>8.2f} {facturx:>11.1f} {rendering:>8.1f} {sizes[0]:>10} "
              f"{sizes[1]:>14}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per case (median reported)")
    main(parser.parse_args().runs)
