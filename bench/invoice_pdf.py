"""Benchmark: rendering one invoice PDF (app.invoices.pdf.render_invoice_pdf), in this process.

Measures invoices of 1, 10 and 100 lines, RUNS renders each after a warm-up, and reports the
median in ms per invoice, against a baseline: WeasyPrint rendering a trivial one-line HTML page in
the same process, i.e. the fixed cost of any PDF (fonts, layout set-up, PDF writing) that no
template could avoid. The ratio says how much the invoice itself costs on top of that.

Usage: python bench/invoice_pdf.py [--runs N]   (needs the test extra: pypdf counts the pages)"""

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

from pypdf import PdfReader
from weasyprint import HTML

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.invoices.pdf import render_invoice_pdf  # noqa: E402
from tests.invoice_shapes import SELLER, make_long_invoice  # noqa: E402

LINE_COUNTS = (1, 10, 100)
TRIVIAL_PAGE = '<p style="font-family: \'DejaVu Sans\'">Hello</p>'


def median_ms(render, runs: int) -> float:
    render()  # warm-up: the first render loads fonts and compiles WeasyPrint's stylesheets
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        render()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def main(runs: int) -> None:
    baseline = median_ms(lambda: HTML(string=TRIVIAL_PAGE).write_pdf(), runs)
    print(f"{'invoice':>14} {'ms/invoice':>11} {'vs baseline':>12} {'pages':>6} {'bytes':>8}")
    print(f"{'trivial page':>14} {baseline:>11.1f} {1:>11.1f}x {1:>6} "
          f"{len(HTML(string=TRIVIAL_PAGE).write_pdf()):>8}")
    for line_count in LINE_COUNTS:
        invoice = make_long_invoice(line_count)
        pdf = render_invoice_pdf(invoice, SELLER)
        elapsed = median_ms(lambda: render_invoice_pdf(invoice, SELLER), runs)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        print(f"{line_count:>8} lines {elapsed:>11.1f} {elapsed / baseline:>11.1f}x {pages:>6} {len(pdf):>8}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed renders per case (median reported)")
    main(parser.parse_args().runs)
